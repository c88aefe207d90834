package org.nearmiss.accounts;

/** What an account may do (PRODUCT.md, "People and what each may do"). */
public enum Role {
    /** A verified law-enforcement officer: reads published reports. */
    READER("Reader"),
    /** Stage 1: de-identifies and codes reports, asks reporters questions. */
    REVIEWER("Reviewer"),
    /** Stage 2: checks de-identification, writes lessons learned, publishes. */
    APPROVER("Approver"),
    /** Runs analyses over de-identified data. */
    ANALYST("Analyst"),
    /** An agency's coordinator: aggregates for the agency, reader invitations. */
    COORDINATOR("Agency coordinator"),
    /** Manages accounts, the questionnaire, retention and agencies. */
    ADMIN("Admin");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Staff and coordinators must use a second factor; readers may. */
    public boolean requiresSecondFactor() {
        return this != READER;
    }

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
