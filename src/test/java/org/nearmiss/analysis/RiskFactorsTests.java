package org.nearmiss.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nearmiss.intake.Questionnaires;
import org.nearmiss.review.ReportPublished;

/** Counting on hand-made publications, so every figure can be worked out on paper. */
class RiskFactorsTests {

    private static final Questionnaires QUESTIONNAIRES = new Questionnaires();

    private final CodedFacts facts = new CodedFacts(null, QUESTIONNAIRES);
    private final RiskFactors risks = new RiskFactors(facts, QUESTIONNAIRES);
    private final List<ReportPublished> reports = new ArrayList<>();

    /**
     * Eleven reports: five traffic stops with fatigue and a traffic hazard, one with fatigue alone,
     * four foot pursuits with communication, and one undated foot pursuit with a traffic hazard.
     */
    private void eleven() {
        for (int i = 1; i <= 5; i++) {
            add("2025-0" + i, "traffic-stop", "fatigue", "vehicle-traffic");
        }
        add("2025-06", "traffic-stop", "fatigue");
        for (int i = 1; i <= 4; i++) {
            add("2025-0" + i, "foot-pursuit", "communication");
        }
        add(null, "foot-pursuit", "vehicle-traffic");
        facts.addAll(reports);
    }

    @Test
    void frequenciesSharesAndTheirIntervals() {
        eleven();
        RiskFactors.Overview o = risks.overview(RiskFactors.Filter.all());
        assertThat(o.reports()).isEqualTo(11);
        assertThat(o.undated()).isEqualTo(1);
        assertThat(o.asOf()).isEqualTo(YearMonth.of(2025, 6));
        RiskFactors.Frequency fatigue = frequency(o, "fatigue");
        assertThat(fatigue.count()).isEqualTo(6);
        assertThat(fatigue.share()).isCloseTo(6 / 11.0, within(1e-9));
        Statistics.Interval ci = Statistics.wilson(6, 11, Statistics.Z95);
        assertThat(fatigue.low()).isEqualTo(ci.low());
        assertThat(fatigue.high()).isEqualTo(ci.high());
        assertThat(frequency(o, "communication").count()).isEqualTo(4);
        assertThat(frequency(o, "fatigue").factor().label()).isEqualTo("Fatigue");
        assertThat(o.factors().getFirst().count()).isEqualTo(6); // most frequent first
    }

    @Test
    void aMonthTheApproverCoarsenedToItsQuarterOrYearCountsAsAReportWithoutAMonth() {
        add("2025-01", "foot-pursuit", "communication");
        add("2025-Q1", "foot-pursuit", "communication");
        add("2025", "foot-pursuit", "fatigue");
        facts.addAll(reports);

        RiskFactors.Overview o = risks.overview(RiskFactors.Filter.all());
        assertThat(o.reports()).isEqualTo(3);
        assertThat(o.undated())
                .as("in the shares, left out of months, trends and alerts")
                .isEqualTo(2);
        assertThat(frequency(o, "communication").count()).isEqualTo(2);
        assertThat(o.months()).extracting(RiskFactors.Month::month).containsExactly(YearMonth.of(2025, 1));
        assertThat(risks.overview(filter(Map.of(), null, YearMonth.of(2025, 1), YearMonth.of(2025, 3)))
                        .reports())
                .as("nor can a month filter place them")
                .isEqualTo(1);
    }

    @Test
    void pairsAndTheirLift() {
        eleven();
        RiskFactors.Overview o = risks.overview(RiskFactors.Filter.all());
        // fatigue 6, traffic hazard 6, both 5, of 11: lift = 5 · 11 / 36
        assertThat(o.pairs()).hasSize(1);
        RiskFactors.Pair pair = o.pairs().getFirst();
        assertThat(pair.together()).isEqualTo(5);
        assertThat(pair.lift()).isCloseTo(55 / 36.0, within(1e-9));
        assertThat(pair.low()).isLessThan(pair.lift()).isGreaterThan(0);
    }

    @Test
    void breakdownByTypeOfCall() {
        eleven();
        RiskFactors.Overview o = risks.overview(RiskFactors.Filter.all());
        RiskFactors.Breakdown stops = o.byActivity().stream()
                .filter(b -> b.value().value().equals("traffic-stop"))
                .findFirst()
                .orElseThrow();
        assertThat(stops.count()).isEqualTo(6);
        int fatigue = indexOf(o, "fatigue");
        int communication = indexOf(o, "communication");
        assertThat(stops.shares().get(fatigue)).isEqualTo(1.0);
        assertThat(stops.shares().get(communication)).isEqualTo(0.0);
    }

    @Test
    void filtersNarrowTheReportsCounted() {
        eleven();
        assertThat(risks.overview(filter(Map.of("activity", "traffic-stop"), null, null, null))
                        .reports())
                .isEqualTo(6);
        assertThat(risks.overview(filter(Map.of(), "communication", null, null)).reports())
                .isEqualTo(4);
        // 2025-03 to 2025-04: two stops and two pursuits; the undated one is out
        assertThat(risks.overview(filter(Map.of(), null, YearMonth.of(2025, 3), YearMonth.of(2025, 4)))
                        .reports())
                .isEqualTo(4);
        assertThat(risks.overview(filter(Map.of("activity", "no-such-call"), null, null, null))
                        .reports())
                .isZero();
        assertThat(risks.overview(filter(Map.of(), "no-such-factor", null, null))
                        .reports())
                .isZero();
    }

    @Test
    void aFactorRisingInTheLastThreeMonthsRaisesAnAlertAndATrend() {
        // 15 months of 10 reports; fatigue in 1 a month for 12 months, then 6 a month;
        // communication in 5 every month.
        YearMonth start = YearMonth.of(2024, 1);
        for (int m = 0; m < 15; m++) {
            for (int r = 0; r < 10; r++) {
                List<String> factors = new ArrayList<>();
                if (r < (m < 12 ? 1 : 6)) {
                    factors.add("fatigue");
                }
                if (r >= 5) {
                    factors.add("communication");
                }
                add(start.plusMonths(m).toString(), "traffic-stop", factors.toArray(String[]::new));
            }
        }
        facts.addAll(reports);
        RiskFactors.Overview o = risks.overview(RiskFactors.Filter.all());
        assertThat(o.months()).hasSize(15);
        assertThat(o.alerts()).extracting(a -> a.factor().value()).containsExactly("fatigue");
        RiskFactors.Alert alert = o.alerts().getFirst();
        assertThat(alert.recent()).isEqualTo(18);
        assertThat(alert.recentReports()).isEqualTo(30);
        assertThat(alert.baselineShare()).isCloseTo(0.1, within(1e-9));
        assertThat(alert.p()).isEqualTo(Statistics.rise(18, 30, 12, 120).p());
        assertThat(frequency(o, "fatigue").trend()).isEqualTo("rising");
        assertThat(frequency(o, "communication").trend()).isEqualTo("steady");
        assertThat(o.threshold()).isCloseTo(0.05 / facts.factors().size(), within(1e-12));
    }

    @Test
    void monthsWithoutReportsStillCountInTheSeries() {
        add("2025-01", "traffic-stop", "fatigue");
        add("2025-04", "traffic-stop", "fatigue");
        facts.addAll(reports);
        assertThat(risks.overview(RiskFactors.Filter.all()).months())
                .extracting(RiskFactors.Month::reports)
                .containsExactly(1L, 0L, 0L, 1L);
    }

    @Test
    void nothingPublishedCountsNothing() {
        RiskFactors.Overview o = risks.overview(RiskFactors.Filter.all());
        assertThat(o.reports()).isZero();
        assertThat(o.asOf()).isNull();
        assertThat(o.alerts()).isEmpty();
        assertThat(o.factors()).allSatisfy(f -> assertThat(f.share()).isZero());
    }

    @Test
    void anAgencysTallyCountsWhatWasPublishedBeforeTheCutOffInWholeStepsOldestFirst() {
        java.util.UUID agency = java.util.UUID.randomUUID();
        // Five with fatigue in March, two with communication in April, three with a traffic hazard in May.
        for (int i = 0; i < 5; i++) {
            add(LocalDate.of(2026, 3, 10), agency, "fatigue");
        }
        for (int i = 0; i < 2; i++) {
            add(LocalDate.of(2026, 4, 10), agency, "communication");
        }
        for (int i = 0; i < 3; i++) {
            add(LocalDate.of(2026, 5, 10), agency, "vehicle-traffic");
        }
        add(LocalDate.of(2026, 4, 20), null, "tactics");
        facts.addAll(reports);
        java.util.Set<java.util.UUID> agencies = java.util.Set.of(agency);

        assertThat(risks.tally(agencies, 5, LocalDate.of(2026, 3, 1)).reports())
                .as("nothing published before March")
                .isZero();
        RiskFactors.Tally may = risks.tally(agencies, 5, LocalDate.of(2026, 5, 1));
        assertThat(may.reports())
                .as("seven published before May, counted in a step of five")
                .isEqualTo(5);
        assertThat(may.byAgency()).containsEntry(agency, 5L);
        assertThat(cell(may, "fatigue")).as("the oldest five").isEqualTo(5);
        assertThat(cell(may, "communication")).isZero();
        RiskFactors.Tally june = risks.tally(agencies, 5, LocalDate.of(2026, 6, 1));
        assertThat(june.reports()).isEqualTo(10);
        assertThat(cell(june, "fatigue"))
                .as("the five counted before are counted still")
                .isEqualTo(5);
        assertThat(cell(june, "communication")).isEqualTo(2);
        assertThat(risks.tally(null, 1, LocalDate.of(2026, 5, 1)).reports())
                .as("every report published before May")
                .isEqualTo(8);
        assertThat(risks.tally(null, 1, null).reports()).isEqualTo(11);
    }

    private static long cell(RiskFactors.Tally tally, String factor) {
        return tally.factors().stream()
                .filter(c -> c.value().value().equals(factor))
                .findFirst()
                .orElseThrow()
                .count();
    }

    private void add(String month, String activity, String... factors) {
        add(LocalDate.of(2026, 1, 1), month, activity, null, factors);
    }

    private void add(LocalDate publishedOn, java.util.UUID agency, String factor) {
        add(publishedOn, "2025-01", "traffic-stop", agency, factor);
    }

    private void add(LocalDate publishedOn, String month, String activity, java.util.UUID agency, String... factors) {
        long seq = reports.size() + 1;
        reports.add(new ReportPublished(
                seq,
                ReportPublished.publicIdOf(publishedOn, seq),
                null,
                "T-" + seq,
                publishedOn,
                month,
                null,
                "text",
                List.of(),
                null,
                1,
                Map.of("activity", activity, "factors", List.of(factors)),
                1,
                List.of(),
                agency));
    }

    private static RiskFactors.Filter filter(
            Map<String, String> circumstances, String factor, YearMonth from, YearMonth to) {
        return new RiskFactors.Filter(circumstances, factor, from, to);
    }

    private static RiskFactors.Frequency frequency(RiskFactors.Overview o, String factor) {
        return o.factors().stream()
                .filter(f -> f.factor().value().equals(factor))
                .findFirst()
                .orElseThrow();
    }

    private static int indexOf(RiskFactors.Overview o, String factor) {
        for (int i = 0; i < o.factors().size(); i++) {
            if (o.factors().get(i).factor().value().equals(factor)) {
                return i;
            }
        }
        throw new IllegalArgumentException(factor);
    }
}
