package org.nearmiss.review;

import org.nearmiss.intake.ReportState;

/** Where a report is in review (PRODUCT.md, "A report's life"), and what its reporter sees meanwhile. */
public enum Stage {
    /** Stage 1: a reviewer de-identifies the text and codes the factors. */
    STAGE_1("Stage 1: de-identify and code", ReportState.IN_REVIEW),
    /** A reviewer asked the reporter a question and waits for the answer. */
    AWAITING_REPORTER("Waiting for the reporter", ReportState.AWAITING_REPORTER),
    /** Stage 2: another person checks the de-identification and writes the lessons learned. */
    STAGE_2("Stage 2: approve", ReportState.IN_REVIEW),
    PUBLISHED("Published", ReportState.PUBLISHED),
    REJECTED("Rejected", ReportState.REJECTED);

    private final String label;
    private final ReportState reporterSees;

    Stage(String label, ReportState reporterSees) {
        this.label = label;
        this.reporterSees = reporterSees;
    }

    public String label() {
        return label;
    }

    ReportState reporterSees() {
        return reporterSees;
    }

    /** Whether review has ended, one way or the other. */
    public boolean closed() {
        return this == PUBLISHED || this == REJECTED;
    }
}
