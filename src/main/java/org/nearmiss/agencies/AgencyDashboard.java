package org.nearmiss.agencies;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.nearmiss.analysis.RiskFactors;
import org.nearmiss.analysis.Statistics;
import org.springframework.stereotype.Service;

/**
 * An agency's near misses against the national baseline and agencies like it, for its coordinators.
 * Aggregates of published, de-identified reports only, never finer than the year of the incident, and
 * never a word of any report: quoted, a report's words would find it in the library. Counts below k
 * are hidden with any that would give them away by subtraction. The figures are a monthly snapshot
 * ({@link Cadence}) of the reports published before its cut-off, and within it the agency's reports
 * are counted in whole steps of k, oldest publications first: from one snapshot to the next the
 * agency's reports counted only ever grow, by whole groups of k, and no day's publication shows.
 */
@Service
public class AgencyDashboard {

    /** Years of the incident shown one by one; earlier ones are together. */
    static final int YEARS = 4;

    private final RiskFactors risks;
    private final Agencies agencies;
    private final Clock clock;
    private final int k;
    private final int minPeers;

    AgencyDashboard(RiskFactors risks, Agencies agencies, Clock clock, AgenciesProperties properties) {
        this.risks = risks;
        this.agencies = agencies;
        this.clock = clock;
        this.k = properties.minCell();
        this.minPeers = properties.minPeers();
    }

    /**
     * A count that may be shown, with its share of the reports counted; both {@code null} when hidden,
     * so a hidden count is never sent anywhere.
     */
    public record Count(Long count, Double share) {

        static final Count HIDDEN = new Count(null, null);

        public boolean hidden() {
            return count == null;
        }
    }

    /**
     * One contributing factor.
     *
     * @param national the share of every published report with it
     * @param peers the share among agencies of the same kind and size, or {@code null} when hidden
     * @param comparison {@code higher} or {@code lower} when the agency's 95% interval lies wholly
     *     above or below the national share, else {@code similar}; {@code null} when hidden
     * @param byYear the counts by year of the incident, in the order of {@link Dashboard#years()}
     */
    public record FactorRow(
            RiskFactors.Value factor,
            Count agency,
            double national,
            Double peers,
            String comparison,
            List<Count> byYear) {}

    /** One answer to a circumstance question. */
    public record AnswerRow(RiskFactors.Value value, Count agency, double national) {}

    /** A circumstance question and its answers, which add up to the reports counted. */
    public record Circumstance(String question, String label, List<AnswerRow> answers) {}

    /**
     * The whole dashboard.
     *
     * @param k the least count shown
     * @param cutOff every figure counts reports published before this day only
     * @param nextUpdate the day the next snapshot is shown; until then no figure changes
     * @param counted the agency's published reports counted (a multiple of k)
     * @param nationalReports every report published before the cut-off
     * @param peerAgencies agencies of the same kind and size taking part since before the cut-off
     * @param peerReports their reports counted, or {@code null} when too few agencies are alike
     * @param years labels of the year columns: the recent years, then earlier, then month not given
     * @param reportsByYear the agency's reports by those years
     */
    public record Dashboard(
            Agency agency,
            int k,
            LocalDate cutOff,
            LocalDate nextUpdate,
            long counted,
            long nationalReports,
            int peerAgencies,
            Long peerReports,
            List<FactorRow> factors,
            List<Circumstance> circumstances,
            List<String> years,
            List<Count> reportsByYear) {

        /** Whether there is anything to show: at least k reports are counted. */
        public boolean open() {
            return counted >= k;
        }

        /** The factors the agency names significantly more often than the nation, most named first. */
        public List<RiskFactors.Value> higher() {
            return factors.stream()
                    .filter(f -> "higher".equals(f.comparison()))
                    .map(FactorRow::factor)
                    .toList();
        }
    }

    /** The dashboard as a PDF briefing. */
    public byte[] briefing(Dashboard dashboard) {
        return AgencyBriefing.pdf(dashboard);
    }

    /** The dashboard's figures as CSV, hidden ones marked. */
    public String table(Dashboard dashboard) {
        return AgencyBriefing.csv(dashboard);
    }

    /** The agency's dashboard as this month's snapshot shows it. */
    public Dashboard of(Agency agency) {
        Cadence.Snapshot snapshot = Cadence.current(clock);
        LocalDate cutOff = snapshot.cutOff();
        RiskFactors.Tally own = risks.tally(Set.of(agency.id()), k, cutOff);
        RiskFactors.Tally national = risks.tally(null, 1, cutOff);
        // Agencies that joined since the cut-off wait for the next snapshot, like the reports.
        List<Agency> peers = agencies.peersOf(agency).stream()
                .filter(p -> p.decidedOn() != null && p.decidedOn().isBefore(cutOff))
                .toList();
        Set<UUID> peerIds = new HashSet<>();
        peers.forEach(p -> peerIds.add(p.id()));
        RiskFactors.Tally peer = risks.tally(peerIds, k, cutOff);
        long contributingPeers =
                peer.byAgency().values().stream().filter(c -> c >= k).count();
        boolean peersShown = contributingPeers >= minPeers && peer.reports() >= k;
        long n = own.reports();
        if (n < k) {
            return new Dashboard(
                    agency,
                    k,
                    cutOff,
                    snapshot.next(),
                    0,
                    national.reports(),
                    peers.size(),
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of());
        }

        // Years of the incident: a partition of the reports counted.
        List<String> years = new ArrayList<>();
        int lastYear = own.months().isEmpty()
                ? cutOff.getYear()
                : own.months().lastKey().getYear();
        int firstShown = lastYear - YEARS + 1;
        for (int y = firstShown; y <= lastYear; y++) {
            years.add(String.valueOf(y));
        }
        years.add("Before " + firstShown);
        years.add("Month not given");
        int columns = years.size();
        long[] yearReports = new long[columns];
        int factorCount = own.factors().size();
        long[][] factorYears = new long[factorCount][columns];
        for (Map.Entry<YearMonth, RiskFactors.Slice> month : own.months().entrySet()) {
            int column = month.getKey().getYear() >= firstShown ? month.getKey().getYear() - firstShown : YEARS;
            add(month.getValue(), column, yearReports, factorYears);
        }
        add(own.undated(), columns - 1, yearReports, factorYears);
        boolean[] yearHidden = Suppression.partition(yearReports, null, k);
        List<Count> reportsByYear = counts(yearReports, yearHidden, n);

        List<FactorRow> factors = new ArrayList<>();
        for (int f = 0; f < factorCount; f++) {
            RiskFactors.Cell cell = own.factors().get(f);
            long c = cell.count();
            boolean shown = Suppression.showable(c, n, k);
            boolean[] forced = new boolean[columns];
            for (int y = 0; y < columns; y++) {
                forced[y] = !shown || yearHidden[y] || !Suppression.showable(factorYears[f][y], yearReports[y], k);
            }
            // The years of a factor add up to its count: hide enough that none can be recovered.
            boolean[] hidden = shown ? Suppression.partition(factorYears[f], forced, k) : allTrue(columns);
            List<Count> byYear = new ArrayList<>();
            for (int y = 0; y < columns; y++) {
                byYear.add(
                        hidden[y]
                                ? Count.HIDDEN
                                : new Count(factorYears[f][y], share(factorYears[f][y], yearReports[y])));
            }
            double nationalShare = share(national.factors().get(f).count(), national.reports());
            long peerCount = peer.factors().get(f).count();
            Double peerShare = peersShown && Suppression.showable(peerCount, peer.reports(), k)
                    ? share(peerCount, peer.reports())
                    : null;
            factors.add(new FactorRow(
                    cell.value(),
                    shown ? new Count(c, share(c, n)) : Count.HIDDEN,
                    nationalShare,
                    peerShare,
                    shown ? comparison(c, n, nationalShare) : null,
                    byYear));
        }
        factors.sort(Comparator.comparing((FactorRow r) -> r.agency().hidden())
                .thenComparing(
                        r -> -(r.agency().hidden() ? r.national() : r.agency().share())));

        List<Circumstance> circumstances = new ArrayList<>();
        for (Map.Entry<String, List<RiskFactors.Cell>> question :
                own.circumstances().entrySet()) {
            List<RiskFactors.Cell> cells = question.getValue();
            long[] values = cells.stream().mapToLong(RiskFactors.Cell::count).toArray();
            boolean[] hidden = Suppression.partition(values, null, k);
            List<RiskFactors.Cell> nationalCells = national.circumstances().get(question.getKey());
            List<AnswerRow> answers = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                answers.add(new AnswerRow(
                        cells.get(i).value(),
                        hidden[i] ? Count.HIDDEN : new Count(values[i], share(values[i], n)),
                        share(nationalCells.get(i).count(), national.reports())));
            }
            circumstances.add(
                    new Circumstance(question.getKey(), risks.questionLabel(question.getKey()), List.copyOf(answers)));
        }

        return new Dashboard(
                agency,
                k,
                cutOff,
                snapshot.next(),
                n,
                national.reports(),
                peers.size(),
                peersShown ? peer.reports() : null,
                List.copyOf(factors),
                List.copyOf(circumstances),
                List.copyOf(years),
                reportsByYear);
    }

    private static void add(RiskFactors.Slice slice, int column, long[] yearReports, long[][] factorYears) {
        yearReports[column] += slice.reports();
        for (int f = 0; f < slice.factors().size(); f++) {
            factorYears[f][column] += slice.factors().get(f);
        }
    }

    private static List<Count> counts(long[] values, boolean[] hidden, long total) {
        List<Count> counts = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            counts.add(hidden[i] ? Count.HIDDEN : new Count(values[i], share(values[i], total)));
        }
        return List.copyOf(counts);
    }

    private static boolean[] allTrue(int n) {
        boolean[] all = new boolean[n];
        java.util.Arrays.fill(all, true);
        return all;
    }

    private static double share(long count, long total) {
        return total == 0 ? 0 : (double) count / total;
    }

    /** Whether the agency's 95% Wilson interval lies above or below the national share. */
    static String comparison(long count, long n, double national) {
        Statistics.Interval interval = Statistics.wilson(count, n, Statistics.Z95);
        if (interval.low() > national) {
            return "higher";
        }
        if (interval.high() < national) {
            return "lower";
        }
        return "similar";
    }
}
