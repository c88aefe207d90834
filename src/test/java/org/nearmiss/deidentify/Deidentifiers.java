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

    /** The names of the detectors, as {@link #without} takes them. */
    public static java.util.List<String> detectorNames() {
        return Detectors.all().stream().map(d -> d.getClass().getSimpleName()).toList();
    }

    /** The shipped assistant without one of its detectors (and without the tagger, which reads them all). */
    public static Deidentifier without(String detector) {
        return new Deidentifier(
                EntityModel::none,
                Detectors.all().stream()
                        .filter(d -> !d.getClass().getSimpleName().equals(detector))
                        .toList());
    }

    /** A line saying which of the two was measured. */
    public static String which() {
        return Boolean.getBoolean("deidentify.rules-only")
                ? "rules alone (-Ddeidentify.rules-only=true)"
                : "rules and the statistical entity model";
    }
}
