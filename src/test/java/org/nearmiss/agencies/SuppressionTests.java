package org.nearmiss.agencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Small cells are hidden, and so is whatever would give one away by subtraction from a total: the
 * attacker who knows the total and every shown count must not pin down a hidden one, nor bound it
 * below k.
 */
class SuppressionTests {

    private static final int K = 5;

    @Test
    void aCellBelowKIsHiddenWithTheSmallestOtherSoNeitherCanBeSubtracted() {
        // Total 24 is shown: hiding only the 3 would leave 24 - 12 - 9 = 3 for anyone to work out.
        assertThat(Suppression.partition(new long[] {12, 3, 9}, null, K)).containsExactly(false, true, true);
    }

    @Test
    void smallCellsThatTogetherStayBelowKTakeAnotherWithThem() {
        // 2 and 1 hidden would add up to 3 (below k): the smallest shown one, 8, goes too.
        assertThat(Suppression.partition(new long[] {20, 2, 1, 8}, null, K)).containsExactly(false, true, true, true);
    }

    @Test
    void zerosAreSmallCellsToo() {
        // "All ten were traffic stops" is itself a disclosure: with every other answer at zero, the ten are hidden.
        assertThat(Suppression.partition(new long[] {10, 0, 0, 0}, null, K)).containsOnly(true);
    }

    @Test
    void nothingIsHiddenWhenEveryCellIsAtLeastK() {
        assertThat(Suppression.partition(new long[] {10, 7, 5}, null, K)).containsOnly(false);
    }

    @Test
    void aCellHiddenForAnotherReasonIsNeverLeftAlone() {
        // A year hidden in the column of totals hides its cell in a factor's row; one more must go with it.
        assertThat(Suppression.partition(new long[] {10, 7, 6}, new boolean[] {false, false, true}, K))
                .containsExactly(false, true, true);
    }

    @Test
    void aShareIsShownOnlyWhenTheReportsWithAndWithoutItAreBothAtLeastK() {
        assertThat(Suppression.showable(4, 20, K)).as("four with it").isFalse();
        assertThat(Suppression.showable(16, 20, K))
                .as("four without it: 20 - 16")
                .isFalse();
        assertThat(Suppression.showable(10, 20, K)).isTrue();
        assertThat(Suppression.showable(5, 10, K)).isTrue();
    }

    @Test
    void noHiddenCellCanBeRecoveredFromTheTotalInTenThousandRandomTables() {
        Random random = new Random(20261123);
        for (int table = 0; table < 10_000; table++) {
            int size = 2 + random.nextInt(8);
            long[] cells = new long[size];
            boolean[] forced = new boolean[size];
            for (int i = 0; i < size; i++) {
                cells[i] = random.nextInt(4) == 0 ? random.nextInt(K) : random.nextInt(40);
                forced[i] = random.nextInt(10) == 0;
            }
            boolean[] hidden = Suppression.partition(cells, forced, K);
            int hiddenCount = 0;
            long hiddenSum = 0;
            for (int i = 0; i < size; i++) {
                if (cells[i] < K || forced[i]) {
                    assertThat(hidden[i])
                            .as("cell %d of %s", i, java.util.Arrays.toString(cells))
                            .isTrue();
                }
                if (hidden[i]) {
                    hiddenCount++;
                    hiddenSum += cells[i];
                }
            }
            if (hiddenCount > 0 && hiddenCount < size) {
                // What subtraction yields is the hidden cells' sum; each hidden cell could be anything from
                // 0 to that sum, so it is pinned down only if it is alone, and bounded below k if the sum is.
                assertThat(hiddenCount).as(java.util.Arrays.toString(cells)).isGreaterThanOrEqualTo(2);
                assertThat(hiddenSum).as(java.util.Arrays.toString(cells)).isGreaterThanOrEqualTo(K);
            }
        }
    }

    @Test
    void kMayBeRaisedButNeverLowered() {
        assertThat(new AgenciesProperties(10, 3).minCell()).isEqualTo(10);
        assertThatThrownBy(() -> new AgenciesProperties(4, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not set below 5");
    }
}
