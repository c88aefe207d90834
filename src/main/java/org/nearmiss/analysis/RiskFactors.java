package org.nearmiss.analysis;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nearmiss.intake.Question;
import org.nearmiss.intake.Questionnaires;
import org.springframework.stereotype.Component;

/**
 * What the published near misses say about contributing factors: how often each occurs, overall and
 * by type of call; which occur together more than chance would have it (lift); which are rising or
 * falling month by month; and which have lately risen above their baseline (emerging risks). Counts
 * published, de-identified reports only, by the month of the incident.
 */
@Component
public class RiskFactors {

    /** Significance before correcting for the number of factors tested (Bonferroni). */
    static final double ALPHA = 0.05;

    /** An emerging risk compares the last {@value} months with the twelve before them. */
    static final int RECENT_MONTHS = 3;

    static final int BASELINE_MONTHS = 12;

    /** Fewer reports than this with a factor recently, and no alert is raised on it. */
    static final int ALERT_MINIMUM = 5;

    /** Pairs seen together fewer times than this are left out: their lift says little. */
    static final int PAIR_MINIMUM = 5;

    private final CodedFacts facts;
    private final Questionnaires questionnaires;

    RiskFactors(CodedFacts facts, Questionnaires questionnaires) {
        this.facts = facts;
        this.questionnaires = questionnaires;
    }

    /**
     * Which reports to count.
     *
     * @param circumstances single-choice answers by question id ({@code activity}, {@code lighting},
     *     {@code locationType}, {@code timeOfDay}, {@code injuryPotential}); others are ignored
     * @param factor only reports with this contributing factor, or {@code null}
     * @param from the first month of the incident, or {@code null}
     * @param to the last month, or {@code null}
     */
    public record Filter(Map<String, String> circumstances, String factor, YearMonth from, YearMonth to) {

        public Filter {
            circumstances = Map.copyOf(circumstances);
        }

        public static Filter all() {
            return new Filter(Map.of(), null, null, null);
        }
    }

    /** A value of a question and its label. */
    public record Value(String value, String label) {}

    /**
     * A factor's frequency.
     *
     * @param share of the reports counted, with its 95% interval
     * @param trend the trend of its monthly share ({@code rising}, {@code falling} or {@code steady})
     * @param trendZ the Cochran–Armitage statistic, and {@code trendP} its two-sided p-value
     */
    public record Frequency(
            Value factor,
            long count,
            double share,
            double low,
            double high,
            String trend,
            double trendZ,
            double trendP) {}

    /** Two factors together: how often, and their lift with its 95% interval. */
    public record Pair(Value first, Value second, long together, double lift, double low, double high) {}

    /** One type of call: its reports and each factor's share of them (by the factors' order). */
    public record Breakdown(Value value, long count, List<Double> shares) {}

    /** Reports per month of the incident, and with the filter's factor (or every report). */
    public record Month(YearMonth month, long reports) {}

    /**
     * A factor whose share in the last three months rose significantly above the twelve before.
     *
     * @param p one-sided p-value of the rise; alerts are those below the corrected level
     */
    public record Alert(
            Value factor,
            long recent,
            long recentReports,
            double recentShare,
            double baselineShare,
            double z,
            double p) {}

    /**
     * All of it for one filter.
     *
     * @param reports reports counted
     * @param undated of those, reports without a month of the incident (left out of months and trends)
     * @param asOf the last month of the incident counted, or {@code null} when none has a month
     * @param threshold the p-value below which a trend or rise counts, corrected for the factors tested
     */
    public record Overview(
            long reports,
            long undated,
            YearMonth asOf,
            double threshold,
            List<Frequency> factors,
            List<Pair> pairs,
            List<Breakdown> byActivity,
            List<Month> months,
            List<Alert> alerts) {}

    /** Counts everything for the filter in one pass over the coded facts. */
    public Overview overview(Filter filter) {
        CodedFacts.Table table = facts.table();
        List<String> factorValues = facts.factors();
        int k = factorValues.size();
        List<String> activities = facts.valuesOf("activity");
        int activity = CodedFacts.DIMENSIONS.indexOf("activity");
        int[] wanted = new int[CodedFacts.DIMENSIONS.size()];
        for (int d = 0; d < wanted.length; d++) {
            String value = filter.circumstances().get(CodedFacts.DIMENSIONS.get(d));
            int code = value == null
                    ? -2
                    : facts.valuesOf(CodedFacts.DIMENSIONS.get(d)).indexOf(value);
            // An unknown value matches nothing, not the reports where the question was not answered.
            wanted[d] = code == -1 ? -3 : code;
        }
        long factorMask = filter.factor() == null ? 0 : bitOf(factorValues, filter.factor());
        int from = filter.from() == null ? Integer.MIN_VALUE : monthIndex(filter.from());
        int to = filter.to() == null ? Integer.MAX_VALUE : monthIndex(filter.to());

        long n = 0;
        long undated = 0;
        long[] counts = new long[k];
        long[][] together = new long[k][k];
        long[] perActivity = new long[activities.size()];
        long[][] factorByActivity = new long[activities.size()][k];
        int firstMonth = Integer.MAX_VALUE;
        int lastMonth = Integer.MIN_VALUE;
        Map<Integer, long[]> byMonth = new java.util.HashMap<>(); // month -> [reports, factor counts...]
        for (int row = 0; row < table.size(); row++) {
            if (!matches(table, row, wanted, factorMask, from, to, filter)) {
                continue;
            }
            n++;
            long bits = table.factors()[row];
            for (long rest = bits; rest != 0; rest &= rest - 1) {
                int f = Long.numberOfTrailingZeros(rest);
                counts[f]++;
                for (long other = rest & (rest - 1); other != 0; other &= other - 1) {
                    together[f][Long.numberOfTrailingZeros(other)]++;
                }
            }
            int a = table.dimensions()[activity][row];
            if (a >= 0) {
                perActivity[a]++;
                for (long rest = bits; rest != 0; rest &= rest - 1) {
                    factorByActivity[a][Long.numberOfTrailingZeros(rest)]++;
                }
            }
            int month = table.months()[row];
            if (month < 0) {
                undated++;
                continue;
            }
            firstMonth = Math.min(firstMonth, month);
            lastMonth = Math.max(lastMonth, month);
            long[] cell = byMonth.computeIfAbsent(month, m -> new long[k + 1]);
            cell[0]++;
            for (long rest = bits; rest != 0; rest &= rest - 1) {
                cell[1 + Long.numberOfTrailingZeros(rest)]++;
            }
        }
        double threshold = ALPHA / Math.max(1, k);

        // Months in order, with the empty ones between, so a trend's scores are evenly spaced.
        int span = lastMonth >= firstMonth ? lastMonth - firstMonth + 1 : 0;
        long[] monthReports = new long[span];
        long[][] monthFactor = new long[k][span];
        for (Map.Entry<Integer, long[]> entry : byMonth.entrySet()) {
            int i = entry.getKey() - firstMonth;
            monthReports[i] = entry.getValue()[0];
            for (int f = 0; f < k; f++) {
                monthFactor[f][i] = entry.getValue()[1 + f];
            }
        }
        List<Month> months = new ArrayList<>();
        for (int i = 0; i < span; i++) {
            months.add(new Month(CodedFacts.monthFrom(firstMonth + i), monthReports[i]));
        }

        List<Frequency> frequencies = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            Statistics.Interval ci = Statistics.wilson(counts[f], n, Statistics.Z95);
            Statistics.Test trend =
                    span >= 3 ? Statistics.cochranArmitage(monthFactor[f], monthReports) : new Statistics.Test(0, 1);
            String direction = trend.p() < threshold ? (trend.z() > 0 ? "rising" : "falling") : "steady";
            frequencies.add(new Frequency(
                    factor(factorValues.get(f)),
                    counts[f],
                    n == 0 ? 0 : (double) counts[f] / n,
                    ci.low(),
                    ci.high(),
                    direction,
                    trend.z(),
                    trend.p()));
        }
        frequencies.sort(Comparator.comparingLong(Frequency::count).reversed());

        List<Pair> pairs = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            for (int g = f + 1; g < k; g++) {
                long both = together[f][g];
                if (both >= PAIR_MINIMUM) {
                    Statistics.Interval ci = Statistics.liftInterval(both, counts[f], counts[g], n);
                    pairs.add(new Pair(
                            factor(factorValues.get(f)),
                            factor(factorValues.get(g)),
                            both,
                            Statistics.lift(both, counts[f], counts[g], n),
                            ci.low(),
                            ci.high()));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::lift).reversed());

        List<Breakdown> byActivity = new ArrayList<>();
        for (int a = 0; a < activities.size(); a++) {
            if (perActivity[a] == 0) {
                continue;
            }
            List<Double> shares = new ArrayList<>();
            for (Frequency frequency : frequencies) {
                int f = factorValues.indexOf(frequency.factor().value());
                shares.add((double) factorByActivity[a][f] / perActivity[a]);
            }
            byActivity.add(new Breakdown(label("activity", activities.get(a)), perActivity[a], shares));
        }
        byActivity.sort(Comparator.comparingLong(Breakdown::count).reversed());

        List<Alert> alerts = new ArrayList<>();
        if (span > 0) {
            int recentStart = Math.max(0, span - RECENT_MONTHS);
            int baseStart = Math.max(0, recentStart - BASELINE_MONTHS);
            long recentReports = sum(monthReports, recentStart, span);
            long baseReports = sum(monthReports, baseStart, recentStart);
            for (int f = 0; f < k; f++) {
                long recent = sum(monthFactor[f], recentStart, span);
                long base = sum(monthFactor[f], baseStart, recentStart);
                Statistics.Test rise = Statistics.rise(recent, recentReports, base, baseReports);
                if (recent >= ALERT_MINIMUM && rise.p() < threshold) {
                    alerts.add(new Alert(
                            factor(factorValues.get(f)),
                            recent,
                            recentReports,
                            (double) recent / recentReports,
                            (double) base / baseReports,
                            rise.z(),
                            rise.p()));
                }
            }
            alerts.sort(Comparator.comparingDouble(Alert::p));
        }
        return new Overview(
                n,
                undated,
                span == 0 ? null : CodedFacts.monthFrom(lastMonth),
                threshold,
                frequencies,
                pairs,
                byActivity,
                months,
                alerts);
    }

    /** A value and how many counted reports have it. */
    public record Cell(Value value, long count) {}

    /** Reports in one stretch of time, and how many of them had each factor (in the factors' order). */
    public record Slice(long reports, List<Long> factors) {

        public Slice {
            factors = List.copyOf(factors);
        }
    }

    /**
     * Plain counts of coded answers, for tables that must stay aggregate (an agency's dashboard).
     *
     * @param factors each contributing factor, in the questionnaire's order
     * @param circumstances each single-choice circumstance's values in order, then one for the
     *     reports that left it unanswered (value {@code ""}), so the cells add up to {@code reports}
     * @param months by month of the incident, only months with reports
     * @param undated the reports without a month of the incident
     * @param byAgency the reports counted for each agency asked for (empty when counting every report)
     */
    public record Tally(
            long reports,
            List<Cell> factors,
            Map<String, List<Cell>> circumstances,
            java.util.SortedMap<YearMonth, Slice> months,
            Slice undated,
            Map<java.util.UUID, Long> byAgency) {

        public Tally {
            byAgency = Map.copyOf(byAgency);
        }
    }

    /**
     * Counts the publications of some agencies, or of all reports, published before a day.
     *
     * @param agencies whose reports to count, or {@code null} for every published report
     * @param step each agency's reports are counted in whole steps of this many, oldest publications
     *     first (so counts move only when that many more are published and a day's difference never
     *     isolates one report); ignored when counting every report
     * @param publishedBefore only reports published before this day are counted, or {@code null} for
     *     every one published so far
     */
    public Tally tally(java.util.Set<java.util.UUID> agencies, int step, java.time.LocalDate publishedBefore) {
        CodedFacts.Table table = facts.table();
        int rows = table.size();
        int before = publishedBefore == null ? Integer.MAX_VALUE : (int) publishedBefore.toEpochDay();
        int[] allowed = null;
        Map<java.util.UUID, Long> byAgency = new LinkedHashMap<>();
        if (agencies != null) {
            int[] numbers = agencies.stream()
                    .mapToInt(facts::knownAgencyNumber)
                    .filter(a -> a >= 0)
                    .toArray();
            int most = java.util.Arrays.stream(numbers).max().orElse(-1);
            allowed = new int[most + 1];
            boolean[] wanted = new boolean[most + 1];
            for (int a : numbers) {
                wanted[a] = true;
            }
            for (int row = 0; row < rows; row++) {
                int a = table.agencies()[row];
                if (a >= 0 && a <= most && wanted[a] && table.days()[row] < before) {
                    allowed[a]++;
                }
            }
            for (int a = 0; a <= most; a++) {
                allowed[a] = step <= 1 ? allowed[a] : allowed[a] / step * step;
            }
            for (java.util.UUID agency : agencies) {
                int a = facts.knownAgencyNumber(agency);
                byAgency.put(agency, a < 0 ? 0L : allowed[a]);
            }
        }
        List<String> factorValues = facts.factors();
        int k = factorValues.size();
        int dims = CodedFacts.DIMENSIONS.size();
        long[] factorCounts = new long[k];
        long[][] dimensionCounts = new long[dims][];
        for (int d = 0; d < dims; d++) {
            dimensionCounts[d] =
                    new long[facts.valuesOf(CodedFacts.DIMENSIONS.get(d)).size() + 1];
        }
        java.util.TreeMap<Integer, long[]> byMonth = new java.util.TreeMap<>();
        long[] undated = new long[k + 1];
        long n = 0;
        for (int row = 0; row < rows; row++) {
            if (table.days()[row] >= before) {
                continue;
            }
            if (allowed != null) {
                int a = table.agencies()[row];
                if (a < 0 || a >= allowed.length || allowed[a] == 0) {
                    continue;
                }
                allowed[a]--;
            }
            n++;
            long bits = table.factors()[row];
            int month = table.months()[row];
            long[] slice = month < 0 ? undated : byMonth.computeIfAbsent(month, m -> new long[k + 1]);
            slice[0]++;
            for (long rest = bits; rest != 0; rest &= rest - 1) {
                int f = Long.numberOfTrailingZeros(rest);
                factorCounts[f]++;
                slice[1 + f]++;
            }
            for (int d = 0; d < dims; d++) {
                int code = table.dimensions()[d][row];
                dimensionCounts[d][code >= 0 ? code : dimensionCounts[d].length - 1]++;
            }
        }
        List<Cell> factorCells = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            factorCells.add(new Cell(factor(factorValues.get(f)), factorCounts[f]));
        }
        Map<String, List<Cell>> circumstances = new LinkedHashMap<>();
        for (int d = 0; d < dims; d++) {
            String dimension = CodedFacts.DIMENSIONS.get(d);
            List<String> values = facts.valuesOf(dimension);
            List<Cell> cells = new ArrayList<>();
            for (int v = 0; v < values.size(); v++) {
                cells.add(new Cell(label(dimension, values.get(v)), dimensionCounts[d][v]));
            }
            cells.add(new Cell(new Value("", "Not answered"), dimensionCounts[d][values.size()]));
            circumstances.put(dimension, List.copyOf(cells));
        }
        java.util.SortedMap<YearMonth, Slice> months = new java.util.TreeMap<>();
        byMonth.forEach((month, slice) -> months.put(CodedFacts.monthFrom(month), sliceOf(slice)));
        return new Tally(n, List.copyOf(factorCells), circumstances, months, sliceOf(undated), byAgency);
    }

    private static Slice sliceOf(long[] counts) {
        List<Long> factors = new ArrayList<>();
        for (int f = 1; f < counts.length; f++) {
            factors.add(counts[f]);
        }
        return new Slice(counts[0], factors);
    }

    /** The values one may filter by, with labels, by question id. */
    public Map<String, List<Value>> choices() {
        Map<String, List<Value>> choices = new LinkedHashMap<>();
        for (String dimension : CodedFacts.DIMENSIONS) {
            choices.put(
                    dimension,
                    facts.valuesOf(dimension).stream()
                            .map(v -> label(dimension, v))
                            .toList());
        }
        choices.put("factors", facts.factors().stream().map(this::factor).toList());
        return choices;
    }

    /** A question's label, by id. */
    public String questionLabel(String id) {
        return questionnaires.current().question(id).map(Question::label).orElse(id);
    }

    private static boolean matches(
            CodedFacts.Table table, int row, int[] wanted, long factorMask, int from, int to, Filter filter) {
        for (int d = 0; d < wanted.length; d++) {
            if (wanted[d] != -2 && table.dimensions()[d][row] != wanted[d]) {
                return false;
            }
        }
        if (filter.factor() != null && (table.factors()[row] & factorMask) == 0) {
            return false;
        }
        if (filter.from() != null || filter.to() != null) {
            int month = table.months()[row];
            return month >= 0 && month >= from && month <= to;
        }
        return true;
    }

    private static long bitOf(List<String> values, String value) {
        int bit = values.indexOf(value);
        // An unknown factor matches nothing rather than everything.
        return bit < 0 ? 0 : 1L << bit;
    }

    private static int monthIndex(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    private static long sum(long[] values, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum;
    }

    private Value factor(String value) {
        return label("factors", value);
    }

    private Value label(String question, String value) {
        return new Value(
                value,
                questionnaires
                        .current()
                        .question(question)
                        .flatMap(q -> q.option(value))
                        .map(Question.Option::label)
                        .orElse(value));
    }
}
