package org.nearmiss.review;

/**
 * Publishing refused: the report's coded circumstances would be shared by fewer than k published
 * reports, itself included, and the approver did not say to publish them as they are. {@link #risk()}
 * says how many share them and what each coarsening would give.
 */
public class RareCircumstances extends ReviewRefused {

    private final transient ReidentificationRisk.Assessment risk;

    RareCircumstances(ReidentificationRisk.Assessment risk) {
        super(
                Reason.RARE_CIRCUMSTANCES,
                "acknowledgeRisk",
                "Its circumstances would be shared by " + (risk.shared() + 1) + " published "
                        + (risk.shared() == 0 ? "report (itself)" : "reports (itself included)") + ", fewer than "
                        + risk.k() + ": this combination could point at the officer. Coarsen it, or tick that you"
                        + " publish it as it is.");
        this.risk = risk;
    }

    public ReidentificationRisk.Assessment risk() {
        return risk;
    }
}
