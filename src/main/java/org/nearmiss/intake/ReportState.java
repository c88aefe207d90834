package org.nearmiss.intake;

/** Where a report stands, as its reporter sees it through the report key. */
public enum ReportState {
    FILED("Received, waiting for review"),
    IN_REVIEW("Being reviewed"),
    AWAITING_REPORTER("A reviewer has a question for you"),
    PUBLISHED("Published"),
    REJECTED("Not published");

    private final String label;

    ReportState(String label) {
        this.label = label;
    }

    /** How the state reads to a reporter. */
    public String label() {
        return label;
    }
}
