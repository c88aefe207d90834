package org.nearmiss.intake;

/** No report has the key given, or the key is not well formed. Deliberately says no more than that. */
public class ReportKeyUnknown extends RuntimeException {

    public ReportKeyUnknown() {
        super("No report has this key");
    }
}
