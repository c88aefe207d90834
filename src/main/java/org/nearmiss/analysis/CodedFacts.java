package org.nearmiss.analysis;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.nearmiss.intake.Question;
import org.nearmiss.intake.Questionnaires;
import org.nearmiss.review.PublicationFollower;
import org.nearmiss.review.Publications;
import org.nearmiss.review.ReportPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The coded answers of every publication, held compactly in memory for statistics: a month, a few
 * single-choice circumstances, the contributing factors as bits, the agency it counts for and the
 * day it was published, twenty-five bytes a report, so a million reports are counted in
 * milliseconds. Derived data: built from the publications on start and kept in step with them.
 */
@Component
class CodedFacts implements PublicationFollower {

    /** The single-choice circumstances one may filter and break down by. */
    static final List<String> DIMENSIONS =
            List.of("activity", "lighting", "locationType", "timeOfDay", "injuryPotential");

    private static final Logger log = LoggerFactory.getLogger(CodedFacts.class);
    private static final int BATCH = 5_000;

    private final Publications publications;
    private final List<String> factors;
    private final List<List<String>> dimensionValues;
    private volatile Table table = Table.empty(DIMENSIONS.size());
    /** Agencies by the number that stands for them in the table; only ever grows. */
    private final Map<UUID, Integer> agencyNumbers = new ConcurrentHashMap<>();

    CodedFacts(Publications publications, Questionnaires questionnaires) {
        this.publications = publications;
        this.factors = valuesOf(questionnaires, "factors");
        if (factors.size() > 64) {
            throw new IllegalStateException("At most 64 contributing factors can be counted");
        }
        this.dimensionValues =
                DIMENSIONS.stream().map(d -> valuesOf(questionnaires, d)).toList();
    }

    private static List<String> valuesOf(Questionnaires questionnaires, String question) {
        return questionnaires
                .current()
                .question(question)
                .map(q -> q.options().stream().map(Question.Option::value).toList())
                .orElse(List.of());
    }

    /** The factors' values, in the order of their bits. */
    List<String> factors() {
        return factors;
    }

    /** A dimension's values, in the order of their codes. */
    List<String> valuesOf(String dimension) {
        return dimensionValues.get(DIMENSIONS.indexOf(dimension));
    }

    /** Held in memory and made again on each start: a command has nothing to keep up to date. */
    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public String name() {
        return "coded-facts";
    }

    @Override
    public synchronized int catchUp() {
        if (table.sequence() > publications.lastSequence()) {
            log.info("Coded facts are ahead of the database; counting again");
            table = Table.empty(DIMENSIONS.size());
        }
        int added = 0;
        while (true) {
            List<ReportPublished> batch = publications.after(table.sequence(), BATCH);
            if (batch.isEmpty()) {
                return added;
            }
            addAll(batch);
            added += batch.size();
        }
    }

    /** Counts publications in, in order, and makes them visible to readers at once. */
    synchronized void addAll(List<ReportPublished> batch) {
        Table current = table.withRoom(batch.size());
        for (ReportPublished p : batch) {
            current.set(current.size(), p, this);
            current = current.grown(1, p.sequence());
        }
        table = current;
    }

    /** What is held now: read it as a whole, it never changes under the reader. */
    Table table() {
        return table;
    }

    int monthOf(String incidentMonth) {
        if (incidentMonth == null) {
            return -1;
        }
        try {
            YearMonth month = YearMonth.parse(incidentMonth);
            return month.getYear() * 12 + month.getMonthValue() - 1;
        } catch (RuntimeException malformed) {
            return -1;
        }
    }

    static YearMonth monthFrom(int month) {
        return YearMonth.of(month / 12, month % 12 + 1);
    }

    long factorBits(Map<String, Object> answers) {
        long bits = 0;
        if (answers.get("factors") instanceof Collection<?> values) {
            for (Object value : values) {
                int bit = factors.indexOf(String.valueOf(value));
                if (bit >= 0) {
                    bits |= 1L << bit;
                }
            }
        }
        return bits;
    }

    /** The number an agency has in the table, or -1 for none. */
    int agencyNumber(UUID agency) {
        if (agency == null) {
            return -1;
        }
        synchronized (agencyNumbers) {
            return agencyNumbers.computeIfAbsent(agency, a -> agencyNumbers.size());
        }
    }

    /** The number of an agency already counted, or -1 when none of its reports is. */
    int knownAgencyNumber(UUID agency) {
        return agency == null ? -1 : agencyNumbers.getOrDefault(agency, -1);
    }

    byte codeOf(int dimension, Object value) {
        return value == null ? -1 : (byte) dimensionValues.get(dimension).indexOf(value.toString());
    }

    /**
     * Rows in columns. Arrays are only ever written beyond {@link #size()}, and a larger table gets
     * new arrays, so a reader holding a table sees a fixed set of rows.
     */
    record Table(
            int size, long sequence, int[] months, long[] factors, byte[][] dimensions, int[] agencies, int[] days) {

        static Table empty(int dimensions) {
            return new Table(0, 0, new int[0], new long[0], new byte[dimensions][0], new int[0], new int[0]);
        }

        Table withRoom(int more) {
            int needed = size + more;
            if (needed <= months.length) {
                return this;
            }
            int capacity = Math.max(needed, months.length + (months.length >> 1) + 16);
            byte[][] dims = new byte[dimensions.length][];
            for (int d = 0; d < dimensions.length; d++) {
                dims[d] = Arrays.copyOf(dimensions[d], capacity);
            }
            return new Table(
                    size,
                    sequence,
                    Arrays.copyOf(months, capacity),
                    Arrays.copyOf(factors, capacity),
                    dims,
                    Arrays.copyOf(agencies, capacity),
                    Arrays.copyOf(days, capacity));
        }

        void set(int row, ReportPublished p, CodedFacts facts) {
            months[row] = facts.monthOf(p.incidentMonth());
            factors[row] = facts.factorBits(p.answers());
            agencies[row] = facts.agencyNumber(p.agencyId());
            // An agency's figures count only what was published before a cut-off day.
            days[row] = (int) p.publishedOn().toEpochDay();
            for (int d = 0; d < dimensions.length; d++) {
                dimensions[d][row] = facts.codeOf(d, p.answers().get(DIMENSIONS.get(d)));
            }
        }

        Table grown(int rows, long lastSequence) {
            return new Table(size + rows, lastSequence, months, factors, dimensions, agencies, days);
        }
    }
}
