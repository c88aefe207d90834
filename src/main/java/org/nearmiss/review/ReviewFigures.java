package org.nearmiss.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How review is going, for the programme's statistics: reports in each state of review, how many are
 * overdue, and how long publishing took. Counts and days only; nothing about any one report.
 */
@Component
public class ReviewFigures {

    private final JdbcClient jdbc;
    private final Clock clock;

    ReviewFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param byStage reports in each stage, every stage present
     * @param overdue open reports past the ten-business-day target
     * @param published reports published since the day asked about
     * @param medianDays the median business days from filing to publication of those, or -1 when none
     * @param p90Days the 90th percentile, or -1
     * @param withinTarget the share of those published within the target
     */
    public record Figures(
            Map<Stage, Long> byStage,
            long overdue,
            long published,
            int medianDays,
            int p90Days,
            double withinTarget,
            List<MonthFigure> months) {}

    /** One month of publication: reports published and their median business days to publish. */
    public record MonthFigure(String month, long published, int medianDays) {}

    /** The figures, with the time to publish of reports published since {@code since}. */
    public Figures since(LocalDate since) {
        Map<Stage, Long> byStage = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            byStage.put(stage, 0L);
        }
        jdbc.sql("select stage, count(*) as n from review_case group by stage").query(rs -> {
            byStage.put(Stage.valueOf(rs.getString("stage")), rs.getLong("n"));
        });
        LocalDate today = LocalDate.now(clock);
        long overdue = jdbc
                .sql("select filed_on from review_case where stage in ('STAGE_1', 'STAGE_2', 'AWAITING_REPORTER')")
                .query(LocalDate.class)
                .stream()
                .filter(filed -> Sla.dueOn(filed).isBefore(today))
                .count();
        List<int[]> days = new ArrayList<>(); // [yyyymm, business days]
        jdbc.sql("select filed_on, closed_on from review_case where stage = 'PUBLISHED' and closed_on >= ?")
                .param(since)
                .query(rs -> {
                    LocalDate filed = rs.getObject("filed_on", LocalDate.class);
                    LocalDate closed = rs.getObject("closed_on", LocalDate.class);
                    days.add(new int[] {
                        closed.getYear() * 100 + closed.getMonthValue(), Sla.businessDaysBetween(filed, closed)
                    });
                });
        int[] all = days.stream().mapToInt(d -> d[1]).sorted().toArray();
        long within =
                days.stream().filter(d -> d[1] <= Sla.TARGET_BUSINESS_DAYS).count();
        Map<Integer, List<Integer>> perMonth = new java.util.TreeMap<>();
        days.forEach(d -> perMonth.computeIfAbsent(d[0], m -> new ArrayList<>()).add(d[1]));
        List<MonthFigure> months = new ArrayList<>();
        perMonth.forEach((month, values) -> months.add(new MonthFigure(
                "%d-%02d".formatted(month / 100, month % 100),
                values.size(),
                percentile(values.stream().mapToInt(Integer::intValue).sorted().toArray(), 0.5))));
        return new Figures(
                byStage,
                overdue,
                all.length,
                percentile(all, 0.5),
                percentile(all, 0.9),
                all.length == 0 ? 0 : (double) within / all.length,
                months);
    }

    /** The nearest-rank percentile of sorted values, or -1 when there are none. */
    static int percentile(int[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
