package org.nearmiss.intake;

/** The reporter answered a reviewer's question; the report is back with its reviewers. No text, no time. */
public record ReporterAnswered(ReportId reportId) {}
