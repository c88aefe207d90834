package org.nearmiss.agencies;

/**
 * Which counts of an agency's table may be shown. A count below k is hidden (primary suppression).
 * Where counts add up to a total that is shown, hiding one is not enough: it could be recovered by
 * subtracting the others from the total, so more are hidden (complementary suppression), the
 * smallest first, until the hidden counts are at least two and add up to at least k, or all are
 * hidden.
 */
final class Suppression {

    private Suppression() {}

    /**
     * The cells to hide of a set that adds up to a shown total.
     *
     * @param cells the counts; they add up to the total
     * @param forced cells hidden for another reason (their column is hidden), or {@code null}
     */
    static boolean[] partition(long[] cells, boolean[] forced, int k) {
        boolean[] hidden = new boolean[cells.length];
        for (int i = 0; i < cells.length; i++) {
            hidden[i] = cells[i] < k || (forced != null && forced[i]);
        }
        while (true) {
            int count = 0;
            long sum = 0;
            int smallest = -1;
            for (int i = 0; i < cells.length; i++) {
                if (hidden[i]) {
                    count++;
                    sum += cells[i];
                } else if (smallest < 0 || cells[i] < cells[smallest]) {
                    smallest = i;
                }
            }
            if (count == 0 || smallest < 0 || (sum >= k && count >= 2)) {
                return hidden;
            }
            hidden[smallest] = true;
        }
    }

    /**
     * Whether a count of reports with some answer may be shown beside the number of reports: both it
     * and the reports without that answer (the total less it) must be at least k.
     */
    static boolean showable(long count, long total, int k) {
        return count >= k && total - count >= k;
    }
}
