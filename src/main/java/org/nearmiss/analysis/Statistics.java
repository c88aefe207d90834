package org.nearmiss.analysis;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The statistics behind risk factors, each small enough to check by hand: a proportion's interval,
 * lift with its interval, a test for a trend across months, and a test for a recent rise.
 */
public final class Statistics {

    /** Two-sided 95%. */
    public static final double Z95 = 1.959963984540054;

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);

    private Statistics() {}

    /** An interval, its low and high ends. */
    public record Interval(double low, double high) {}

    /**
     * Wilson's score interval for a proportion of {@code k} in {@code n}: unlike the textbook
     * interval it stays within 0 and 1 and is honest for small counts.
     */
    public static Interval wilson(long k, long n, double z) {
        if (n == 0) {
            return new Interval(0, 1);
        }
        double p = (double) k / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // At 0 of n and n of n the ends are exactly 0 and 1; arithmetic would leave them a hair off.
        return new Interval(k == 0 ? 0 : Math.max(0, centre - half), k == n ? 1 : Math.min(1, centre + half));
    }

    /**
     * Lift of two factors: how much more often they occur together than if they were independent,
     * {@code P(a and b) / (P(a) P(b))}.
     *
     * @param both reports with both
     * @param a reports with the first
     * @param b reports with the second
     * @param n all reports
     */
    static double lift(long both, long a, long b, long n) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return (double) both * n / ((double) a * b);
    }

    /**
     * The 95% interval of lift: Wilson's interval of {@code P(b | a)} divided by {@code P(b)}, taking
     * {@code P(b)} over all reports as known (it rests on far more reports than the pair).
     */
    static Interval liftInterval(long both, long a, long b, long n) {
        if (a == 0 || b == 0 || n == 0) {
            return new Interval(0, 0);
        }
        Interval conditional = wilson(both, a, Z95);
        double pb = (double) b / n;
        return new Interval(conditional.low() / pb, conditional.high() / pb);
    }

    /**
     * A test result.
     *
     * @param z the statistic
     * @param p its p-value
     */
    record Test(double z, double p) {}

    /**
     * The Cochran–Armitage test for a trend in proportions across ordered groups (months, scored
     * 0, 1, 2, …): is the share of reports with a factor rising or falling steadily? Two-sided.
     *
     * @param cases reports with the factor, per month
     * @param totals all reports, per month
     */
    static Test cochranArmitage(long[] cases, long[] totals) {
        long n = 0;
        long r = 0;
        for (int i = 0; i < totals.length; i++) {
            n += totals[i];
            r += cases[i];
        }
        if (n == 0 || r == 0 || r == n) {
            return new Test(0, 1);
        }
        double p = (double) r / n;
        double meanScore = 0;
        for (int i = 0; i < totals.length; i++) {
            meanScore += (double) i * totals[i] / n;
        }
        double t = 0;
        double s = 0;
        for (int i = 0; i < totals.length; i++) {
            double d = i - meanScore;
            t += d * (cases[i] - totals[i] * p);
            s += totals[i] * d * d;
        }
        double variance = p * (1 - p) * s;
        if (variance == 0) {
            return new Test(0, 1);
        }
        double z = t / Math.sqrt(variance);
        return new Test(z, 2 * NORMAL.cumulativeProbability(-Math.abs(z)));
    }

    /**
     * Has the share risen? A one-sided two-proportion z-test of a recent {@code k1} in {@code n1}
     * against a baseline {@code k0} in {@code n0}, with the pooled standard error.
     */
    static Test rise(long k1, long n1, long k0, long n0) {
        if (n1 == 0 || n0 == 0) {
            return new Test(0, 1);
        }
        double p1 = (double) k1 / n1;
        double p0 = (double) k0 / n0;
        double pooled = (double) (k1 + k0) / (n1 + n0);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n0));
        if (se == 0) {
            return new Test(0, 1);
        }
        double z = (p1 - p0) / se;
        return new Test(z, NORMAL.cumulativeProbability(-z));
    }
}
