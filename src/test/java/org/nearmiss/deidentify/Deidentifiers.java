package org.nearmiss.deidentify;

/** The assistant as benchmarks compare it: with its statistical detector, or with the rules alone. */
public final class Deidentifiers {

    private Deidentifiers() {}

    /**
     * The shipped assistant, or the rules alone when the system property {@code deidentify.rules-only}
     * is true, so that a benchmark run twice shows what the {@link EntityModel} adds.
     */
    public static Deidentifier fromProperties() {
        return Boolean.getBoolean("deidentify.rules-only") ? new Deidentifier(EntityModel::none) : new Deidentifier();
    }

    /** A line saying which of the two was measured. */
    public static String which() {
        return Boolean.getBoolean("deidentify.rules-only")
                ? "rules alone (-Ddeidentify.rules-only=true)"
                : "rules and the statistical entity model";
    }
}
