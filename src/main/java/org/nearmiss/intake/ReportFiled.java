package org.nearmiss.intake;

/**
 * A report was filed and committed. Carries no answers and no time: listeners that need the content
 * ask for it, and the day is all the system ever knows of when.
 */
public record ReportFiled(ReportId reportId, int questionnaireVersion) {}
