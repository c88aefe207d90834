package org.nearmiss.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nearmiss.intake.Question;
import org.nearmiss.intake.Questionnaire;

/**
 * The re-identification risk of publishing a report: how many published reports share the coded
 * circumstances a reader sees with it, and what coarsening one of them would give. A colleague who
 * knows that an officer had a near miss on a night traffic stop in February can pick out the report
 * if it is the only one of its kind; among k alike, none points at the officer.
 *
 * <p>What counts: another published report shares the combination when each of its answers, coarsened
 * as far as this report's, is this report's. A month shares a quarter that holds it; a report that says
 * only the quarter does not share a month (it may or may not be that month), nor does one that leaves
 * out an answer this report gives. So the count never flatters: coarsening never lowers it. The report
 * itself is not yet published and is not among them; it is <em>rare</em> when, once published, fewer
 * than k reports (itself included) would share the combination.
 */
public final class ReidentificationRisk {

    static final String MONTH = "incidentMonth";
    static final String TIME_OF_DAY = "timeOfDay";

    /**
     * The coded answers a reader sees with a published report that someone who knows of the incident
     * could also know: when, the type of call, the time of day, what could have happened. The
     * questionnaire asks for no state or region; the agency a report counts for (and its kind and size)
     * is never published with it, so a reader cannot match on it and it cannot be coarsened.
     */
    static final List<String> QUASI_IDENTIFIERS = List.of(MONTH, "activity", TIME_OF_DAY, "injuryPotential");

    /**
     * What the approver may set each coarsenable answer to, the reporter's own level first: the month
     * to its quarter or year, the time of day to not stated. The type of call and what could have
     * happened are what the report is about and what the library and analysis are built on; they stay.
     */
    static final Map<String, List<String>> LEVELS = Map.of(
            MONTH, List.of("month", "quarter", "year"),
            TIME_OF_DAY, List.of("band", "not-stated"));

    private final int k;

    ReidentificationRisk(int k) {
        this.k = k;
    }

    /**
     * What one assessment found.
     *
     * @param k the least number of reports, this one included, that should share the circumstances
     * @param shared published reports, other than this one, that share them
     * @param rare whether fewer than k reports, this one included, would share them once it is published
     * @param circumstances the answers that count, as publishing would show them
     * @param options the coarsenings (or their undoing) the approver may choose, each with what it gives
     */
    public record Assessment(int k, long shared, boolean rare, List<Circumstance> circumstances, List<Option> options) {

        public Assessment {
            circumstances = List.copyOf(circumstances);
            options = List.copyOf(options);
        }
    }

    /**
     * One answer that counts, as publishing would show it.
     *
     * @param answer the answer's label, or "Not stated"
     * @param coarsened whether the approver coarsened it from what the reporter gave
     */
    public record Circumstance(String field, String question, String answer, boolean coarsened) {}

    /**
     * A change the approver may make in one click.
     *
     * @param to the level: {@code quarter}, {@code year}, {@code not-stated}, or the reporter's own
     *     ({@code month}, {@code band}) to undo a coarsening
     * @param shared published reports, other than this one, that would share the circumstances after it
     * @param rare whether they, with this one, would still be fewer than k
     */
    public record Option(String field, String to, String label, long shared, boolean rare) {}

    /** Refuses a coarsening that is not one the approver may choose. */
    static void requireCoarsening(String field, String to) {
        if (field == null || !LEVELS.containsKey(field)) {
            throw new ReviewRefused(
                    ReviewRefused.Reason.INCOMPLETE,
                    "coarsen",
                    "Only the month (to its quarter or year) and the time of day (to not stated) can be coarsened.");
        }
        if (to == null || !LEVELS.get(field).contains(to)) {
            throw new ReviewRefused(
                    ReviewRefused.Reason.INCOMPLETE,
                    "coarsen",
                    "Coarsen " + field + " to one of: " + String.join(", ", LEVELS.get(field)) + ".");
        }
    }

    /** The approver's coarsenings with one more set; setting the reporter's own level undoes it. */
    static Map<String, String> with(Map<String, String> coarsenings, String field, String to) {
        requireCoarsening(field, to);
        Map<String, String> changed = new LinkedHashMap<>(coarsenings);
        if (LEVELS.get(field).getFirst().equals(to)) {
            changed.remove(field);
        } else {
            changed.put(field, to);
        }
        return changed;
    }

    /**
     * The coded answers as publishing shows them: the reporter's, with the approver's coarsenings
     * applied (the month as its quarter or year, the time of day left out). Unknown coarsenings, which
     * {@link #requireCoarsening} keeps out of a draft, change nothing.
     */
    static Map<String, Object> coarsened(Map<String, Object> reported, Map<String, String> coarsenings) {
        Map<String, Object> answers = new LinkedHashMap<>(reported);
        Optional<IncidentPeriod> month = periodOf(reported.get(MONTH));
        String monthTo = coarsenings.get(MONTH);
        if (month.isPresent() && monthTo != null) {
            IncidentPeriod.Level level = switch (monthTo) {
                case "quarter" -> IncidentPeriod.Level.QUARTER;
                case "year" -> IncidentPeriod.Level.YEAR;
                default -> IncidentPeriod.Level.MONTH;
            };
            answers.put(MONTH, month.get().coarsenedTo(level).toString());
        }
        if ("not-stated".equals(coarsenings.get(TIME_OF_DAY))) {
            answers.remove(TIME_OF_DAY);
        }
        return answers;
    }

    /**
     * Weighs the report against the other publications.
     *
     * @param questionnaire the version the report was filed on, for the answers' labels
     * @param reported the coded answers as the reporter gave them
     * @param coarsenings the approver's, by field
     * @param others the coded answers of other published reports, their incident month included (as
     *     stored, or as an {@link IncidentPeriod}); those outside the year of this report's incident cannot
     *     share it and may be left out
     */
    Assessment assess(
            Questionnaire questionnaire,
            Map<String, Object> reported,
            Map<String, String> coarsenings,
            List<Map<String, Object>> others) {
        Map<String, Object> published = coarsened(reported, coarsenings);
        List<Circumstance> circumstances = new ArrayList<>();
        for (String field : QUASI_IDENTIFIERS) {
            Object value = published.get(field);
            String question = questionnaire.question(field).map(Question::label).orElse(field);
            circumstances.add(new Circumstance(
                    field, question, labelOf(questionnaire, field, value), coarsenings.containsKey(field)));
        }
        List<Option> options = new ArrayList<>();
        for (String field : QUASI_IDENTIFIERS) {
            List<String> levels = LEVELS.get(field);
            if (levels == null || reported.get(field) == null) {
                continue;
            }
            // Coarser levels first, nearest first; then the finer ones back to the reporter's (undoing).
            int current = Math.max(0, levels.indexOf(coarsenings.getOrDefault(field, levels.getFirst())));
            List<String> choices = new ArrayList<>(levels.subList(current + 1, levels.size()));
            choices.addAll(levels.subList(0, current).reversed());
            for (String to : choices) {
                Map<String, Object> after = coarsened(reported, with(coarsenings, field, to));
                long count = shared(after, others);
                options.add(new Option(field, to, optionLabel(questionnaire, field, to, after), count, rare(count)));
            }
        }
        long shared = shared(published, others);
        return new Assessment(k, shared, rare(shared), circumstances, options);
    }

    /** Whether the report and so many others sharing its circumstances are fewer than k. */
    private boolean rare(long shared) {
        return shared + 1 < k;
    }

    /** How many of the others share the published answers, as the class comment says. */
    static long shared(Map<String, Object> published, List<Map<String, Object>> others) {
        return others.stream().filter(other -> shares(other, published)).count();
    }

    private static boolean shares(Map<String, Object> other, Map<String, Object> published) {
        for (String field : QUASI_IDENTIFIERS) {
            Object ours = published.get(field);
            if (ours == null) {
                continue;
            }
            Object theirs = other.get(field);
            if (theirs == null) {
                return false;
            }
            if (field.equals(MONTH)) {
                Optional<IncidentPeriod> period = periodOf(ours);
                Optional<IncidentPeriod> otherPeriod = periodOf(theirs);
                boolean within = period.isPresent()
                        ? otherPeriod.isPresent() && otherPeriod.get().within(period.get())
                        : String.valueOf(ours).equals(String.valueOf(theirs));
                if (!within) {
                    return false;
                }
            } else if (!ours.toString().equals(theirs.toString())) {
                return false;
            }
        }
        return true;
    }

    /** The period of a stored month, quarter or year; {@link PublishedCircumstances} holds them parsed. */
    private static Optional<IncidentPeriod> periodOf(Object value) {
        if (value instanceof IncidentPeriod period) {
            return Optional.of(period);
        }
        return value == null ? Optional.empty() : IncidentPeriod.parse(value.toString());
    }

    private static String labelOf(Questionnaire questionnaire, String field, Object value) {
        if (value == null) {
            return "Not stated";
        }
        if (field.equals(MONTH)) {
            return IncidentPeriod.label(value.toString());
        }
        return questionnaire
                .question(field)
                .flatMap(q -> q.option(value.toString()))
                .map(Question.Option::label)
                .orElse(value.toString());
    }

    private static String optionLabel(Questionnaire questionnaire, String field, String to, Map<String, Object> after) {
        String shown = labelOf(questionnaire, field, after.get(field));
        return switch (to) {
            case "quarter" -> "The quarter instead of the month: " + shown;
            case "year" -> "The year alone: " + shown;
            case "month" -> "The month again: " + shown;
            case "not-stated" -> "Leave out the time of day";
            case "band" -> "The time of day again: " + shown;
            default -> shown;
        };
    }
}
