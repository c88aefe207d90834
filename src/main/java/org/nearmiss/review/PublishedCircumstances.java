package org.nearmiss.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The answers {@link ReidentificationRisk} counts (the incident period, the type of call, the time of
 * day, what could have happened) of every publication, held in memory at about 20 bytes a publication.
 * With 100,000 publications a year (the rate ASRS receives), reading a year's coded answers from
 * PostgreSQL for every stage 2 page took 2 to 4 seconds on the project's 2-core machine; weighing a
 * report against these columns takes under a tenth of a second (taking 300,000 in on start, 8 s).
 *
 * <p>Derived data, built from the publications' coded answers alone (never their words) and kept in
 * step with them as the other followers are; every search first takes in what was published since,
 * on any node, so a count is never behind the database.
 */
@Component
class PublishedCircumstances implements PublicationFollower {

    private static final Logger log = LoggerFactory.getLogger(PublishedCircumstances.class);
    private static final int BATCH = 5_000;
    private static final List<String> OTHER_FIELDS = ReidentificationRisk.QUASI_IDENTIFIERS.stream()
            .filter(field -> !field.equals(ReidentificationRisk.MONTH))
            .toList();

    private final Publications publications;
    /** One instance of each value and period, shared by every row that has it. */
    private final Map<Object, Object> canonical = new HashMap<>();

    private long sequence;
    private int size;
    private IncidentPeriod[] periods = new IncidentPeriod[0];
    private final String[][] columns = new String[OTHER_FIELDS.size()][0];

    PublishedCircumstances(Publications publications) {
        this.publications = publications;
    }

    @Override
    public String name() {
        return "published-circumstances";
    }

    /** Held in memory and made again on each start. */
    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public synchronized int catchUp() {
        if (sequence > publications.lastSequence()) {
            log.info("Published circumstances are ahead of the database; reading them again");
            sequence = 0;
            size = 0;
        }
        int added = 0;
        while (true) {
            List<Publications.Coded> batch = publications.codedAfter(sequence, BATCH);
            if (batch.isEmpty()) {
                return added;
            }
            grow(size + batch.size());
            for (Publications.Coded coded : batch) {
                add(coded.answers());
                sequence = coded.sequence();
            }
            added += batch.size();
        }
    }

    /**
     * The counted answers of every publication whose incident falls in the year of the given period
     * (of every publication when there is none), the period parsed, after taking in what was published
     * since the last call.
     */
    synchronized List<Map<String, Object>> inYearOf(IncidentPeriod period) {
        catchUp();
        List<Map<String, Object>> found = new ArrayList<>();
        for (int row = 0; row < size; row++) {
            if (period == null || (periods[row] != null && periods[row].year() == period.year())) {
                Map<String, Object> answers = new LinkedHashMap<>();
                answers.put(ReidentificationRisk.MONTH, periods[row]);
                for (int field = 0; field < OTHER_FIELDS.size(); field++) {
                    answers.put(OTHER_FIELDS.get(field), columns[field][row]);
                }
                found.add(answers);
            }
        }
        return found;
    }

    private void add(Map<String, Object> answers) {
        Object month = answers.get(ReidentificationRisk.MONTH);
        periods[size] = month == null
                ? null
                : IncidentPeriod.parse(month.toString()).map(this::shared).orElse(null);
        for (int field = 0; field < OTHER_FIELDS.size(); field++) {
            Object value = answers.get(OTHER_FIELDS.get(field));
            columns[field][size] = value == null ? null : shared(value.toString());
        }
        size++;
    }

    @SuppressWarnings("unchecked")
    private <T> T shared(T value) {
        return (T) canonical.computeIfAbsent(value, v -> v);
    }

    private void grow(int needed) {
        if (needed <= periods.length) {
            return;
        }
        int capacity = Math.max(needed, periods.length + (periods.length >> 1) + 16);
        periods = Arrays.copyOf(periods, capacity);
        for (int field = 0; field < OTHER_FIELDS.size(); field++) {
            columns[field] = Arrays.copyOf(columns[field], capacity);
        }
    }
}
