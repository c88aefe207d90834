package org.nearmiss.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Each statistic against values worked out by hand (the working is in the comments). */
class StatisticsTests {

    @Test
    void wilsonIntervalOfEightInForty() {
        // p = 0.2, z² = 3.8415; centre = (0.2 + 3.8415/80) / (1 + 3.8415/40) = 0.248019 / 1.096037 = 0.226287
        // half = 1.96/1.096037 · sqrt(0.16/40 + 3.8415/6400) = 1.788225 · sqrt(0.004600234) = 0.121287
        Statistics.Interval ci = Statistics.wilson(8, 40, Statistics.Z95);
        assertThat(ci.low()).isCloseTo(0.1050, within(1e-4));
        assertThat(ci.high()).isCloseTo(0.3476, within(1e-4));
    }

    @Test
    void wilsonStaysWithinZeroAndOne() {
        assertThat(Statistics.wilson(0, 10, Statistics.Z95).low()).isZero();
        assertThat(Statistics.wilson(10, 10, Statistics.Z95).high()).isEqualTo(1.0);
        // 0 of 10: high = 3.8415/10 / (1 + 0.38415) · 2 / 2 = 0.27753
        assertThat(Statistics.wilson(0, 10, Statistics.Z95).high()).isCloseTo(0.2775, within(1e-4));
    }

    @Test
    void liftOfTwoFactorsSeenTogetherTwiceAsOftenAsByChance() {
        // 1,000 reports; fatigue in 100, vehicle in 200, both in 40: 40·1000 / (100·200) = 2.0
        assertThat(Statistics.lift(40, 100, 200, 1000)).isEqualTo(2.0);
        // P(vehicle | fatigue) = 40/100: Wilson (0.3094, 0.4980); over P(vehicle) = 0.2 → (1.547, 2.490)
        Statistics.Interval ci = Statistics.liftInterval(40, 100, 200, 1000);
        assertThat(ci.low()).isCloseTo(1.547, within(1e-3));
        assertThat(ci.high()).isCloseTo(2.490, within(1e-3));
        assertThat(Statistics.lift(0, 0, 200, 1000)).isZero();
    }

    @Test
    void cochranArmitageFindsAShareRisingMonthByMonth() {
        // cases 1, 2, 3, 4 of 10 each: p = 0.25, mean score 1.5;
        // T = Σ (i - 1.5)(cases - 2.5) = (-1.5)(-1.5) + (-0.5)(-0.5) + (0.5)(0.5) + (1.5)(1.5) = 5.0
        // Var = p(1-p) Σ n (i - 1.5)² = 0.1875 · 10 · 5 = 9.375; z = 5 / 3.0619 = 1.6330, p = 0.1025
        Statistics.Test test = Statistics.cochranArmitage(new long[] {1, 2, 3, 4}, new long[] {10, 10, 10, 10});
        assertThat(test.z()).isCloseTo(1.6330, within(1e-4));
        assertThat(test.p()).isCloseTo(0.1025, within(1e-4));
    }

    @Test
    void cochranArmitageSeesNoTrendInAFlatShare() {
        Statistics.Test test = Statistics.cochranArmitage(new long[] {5, 5, 5}, new long[] {20, 20, 20});
        assertThat(test.z()).isZero();
        assertThat(test.p()).isEqualTo(1.0);
        assertThat(Statistics.cochranArmitage(new long[] {0, 0}, new long[] {0, 0})
                        .p())
                .isEqualTo(1.0);
    }

    @Test
    void aRecentRiseAboveTheBaseline() {
        // recent 30 of 100, baseline 40 of 400: pooled 70/500 = 0.14;
        // se = sqrt(0.14 · 0.86 · (1/100 + 1/400)) = sqrt(0.001505) = 0.038794; z = 0.2 / 0.038794 = 5.1553
        Statistics.Test test = Statistics.rise(30, 100, 40, 400);
        assertThat(test.z()).isCloseTo(5.1553, within(1e-3));
        assertThat(test.p()).isLessThan(1e-6);
        // a fall is no rise: one-sided p near 1
        assertThat(Statistics.rise(5, 100, 40, 400).p()).isGreaterThan(0.9);
    }
}
