package org.nearmiss.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.store.FSDirectory;
import org.nearmiss.intake.Question;
import org.nearmiss.intake.QuestionType;
import org.nearmiss.intake.Questionnaire;
import org.nearmiss.intake.Questionnaires;
import org.nearmiss.library.SimilarIncidents;
import org.nearmiss.review.PublicationFollower;
import org.nearmiss.review.Publications;
import org.nearmiss.review.ReportPublished;
import org.nearmiss.review.Taxonomy;
import org.nearmiss.system.NearmissProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Similar incidents: for a published report, and for an account not yet published (a reviewer
 * coding a new report). Keeps this node's index of incidents and their vectors in the data dir in
 * step with the publications; an index made with another model, or ahead of the database, is
 * rebuilt.
 */
@Component
public class Similarity implements SimilarIncidents, PublicationFollower, DisposableBean {

    /** The most incidents one question may ask for. */
    public static final int MAX_LIMIT = 50;

    private static final Logger log = LoggerFactory.getLogger(Similarity.class);
    private static final int BATCH = 256;
    private static final int COMMIT_EVERY = 5_000;
    private static final Pattern PUBLIC_ID = Pattern.compile("NM-\\d{4}-(\\d{5,18})");

    /** Coded answers that say nothing about the incident's circumstances. */
    private static final Set<String> NOT_CIRCUMSTANCES = Set.of("activity", "experience", "agencyCode");

    private final Publications publications;
    private final Questionnaires questionnaires;
    private final Taxonomy taxonomy;
    private final Embedder embedder;
    private final JsonMapper json;
    private final Path dir;
    private IncidentIndex index;

    Similarity(
            Publications publications,
            Questionnaires questionnaires,
            Taxonomy taxonomy,
            Embedder embedder,
            JsonMapper json,
            NearmissProperties properties) {
        this.publications = publications;
        this.questionnaires = questionnaires;
        this.taxonomy = taxonomy;
        this.embedder = embedder;
        this.json = json;
        this.dir = properties.dataDir().resolve("analysis-index");
    }

    /** Opens the index on first use, so commands that never ask leave it to the running server. */
    synchronized IncidentIndex index() {
        if (index == null) {
            try {
                index = new IncidentIndex(FSDirectory.open(dir), json);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Cannot open the analysis index", e);
            }
        }
        return index;
    }

    @Override
    public String name() {
        return "analysis-index";
    }

    /** Embeds and indexes every publication after the last one held, committing after each batch. */
    @Override
    public synchronized int catchUp() {
        long started = System.nanoTime();
        IncidentIndex index = index();
        long last = index.sequence();
        boolean otherModel = index.model().map(m -> !m.equals(Embedder.MODEL)).orElse(false);
        if (last > publications.lastSequence() || otherModel) {
            log.info("The analysis index is ahead of the database or made with another model; rebuilding it");
            index.deleteAll();
            last = 0;
            index.commit(0, Embedder.MODEL);
        }
        int indexed = 0;
        int uncommitted = 0;
        List<ReportPublished> batch = publications.after(last, BATCH);
        List<Incident> incidents = batch.stream().map(this::incidentOf).toList();
        Embedder.Embedding embedding = embedder.start(textsOf(incidents));
        while (!batch.isEmpty()) {
            List<float[]> vectors = embedding.vectors();
            // The next batch is embedded on the model's threads while this one goes into the vector graph.
            List<ReportPublished> next = publications.after(batch.getLast().sequence(), BATCH);
            List<Incident> nextIncidents = next.stream().map(this::incidentOf).toList();
            Embedder.Embedding nextEmbedding = embedder.start(textsOf(nextIncidents));
            index.put(incidents, vectors);
            last = batch.getLast().sequence();
            indexed += batch.size();
            uncommitted += batch.size();
            // Each commit makes a segment with a vector graph of its own, which merging builds again:
            // a large catch-up commits every few thousand (a report not yet in is embedded on the spot).
            if (uncommitted >= COMMIT_EVERY) {
                index.commit(last, Embedder.MODEL);
                uncommitted = 0;
            }
            batch = next;
            incidents = nextIncidents;
            embedding = nextEmbedding;
        }
        if (uncommitted > 0) {
            index.commit(last, Embedder.MODEL);
        }
        if (indexed >= COMMIT_EVERY) {
            index.awaitMerges();
        }
        if (indexed > 0) {
            log.info(
                    "Analysis index: {} publications embedded and indexed in {} ms, up to {}",
                    indexed,
                    (System.nanoTime() - started) / 1_000_000,
                    last);
        }
        return indexed;
    }

    private static List<String> textsOf(List<Incident> incidents) {
        return incidents.stream().map(Incident::text).toList();
    }

    /** The last publication the index holds. */
    public long indexedSequence() {
        return index().sequence();
    }

    @Override
    public Optional<Found> similarTo(String publicId, int limit) {
        Optional<IncidentIndex.Held> held = index().find(publicId);
        if (held.isEmpty()) {
            // Published a moment ago and not caught up yet: look at it straight from the database.
            held = published(publicId).map(p -> {
                Incident incident = incidentOf(p);
                return new IncidentIndex.Held(incident, embedder.embed(incident.text()));
            });
        }
        return held.map(h -> found(h.incident(), h.vector(), limit));
    }

    /**
     * The published incidents most like an account that is not published: its words and, when
     * known, its coded answers (checked answers as the questionnaire codes them).
     */
    public Found similarTo(String text, Map<String, Object> answers, int limit) {
        Incident incident =
                incidentOf(null, null, null, questionnaires.current().version(), answers, List.of(), text);
        return found(incident, embedder.embed(text), limit);
    }

    private Found found(Incident incident, float[] vector, int limit) {
        int wanted = Math.clamp(limit, 1, MAX_LIMIT);
        IncidentIndex index = index();
        List<Similar> alike = index.similar(new IncidentIndex.Probe(incident, vector, false), wanted).stream()
                .map(this::similarOf)
                .toList();
        List<Similar> other = incident.activity() == null
                ? List.of()
                : index.similar(new IncidentIndex.Probe(incident, vector, true), wanted).stream()
                        .map(this::similarOf)
                        .toList();
        return new Found(alike, other);
    }

    private Optional<ReportPublished> published(String publicId) {
        Matcher m = PUBLIC_ID.matcher(publicId);
        if (!m.matches()) {
            return Optional.empty();
        }
        long sequence = Long.parseLong(m.group(1));
        return publications.after(sequence - 1, 1).stream()
                .filter(p -> p.sequence() == sequence && p.publicId().equals(publicId))
                .findFirst();
    }

    private Incident incidentOf(ReportPublished p) {
        StringBuilder text = new StringBuilder();
        if (p.title() != null && !p.title().isBlank()) {
            text.append(p.title()).append(".\n");
        }
        text.append(p.narrative());
        if (!p.lessons().isEmpty()) {
            text.append("\n").append(String.join("\n", p.lessons()));
        }
        Incident incident = incidentOf(
                p.publicId(),
                p.externalRef(),
                p.title(),
                p.questionnaireVersion(),
                p.answers(),
                p.codes(),
                text.toString());
        return new Incident(
                incident.id(),
                incident.externalRef(),
                incident.title(),
                incident.activity(),
                incident.factors(),
                incident.circumstances(),
                incident.text(),
                p.incidentMonth());
    }

    /** Factors are the questionnaire's contributing factors and the reviewers' taxonomy codes. */
    private Incident incidentOf(
            String id,
            String externalRef,
            String title,
            int questionnaireVersion,
            Map<String, Object> answers,
            List<String> codes,
            String text) {
        Questionnaire questionnaire = questionnaireOf(questionnaireVersion);
        Set<String> factors = new LinkedHashSet<>();
        if (answers.get("factors") instanceof Collection<?> values) {
            values.forEach(v -> factors.add("factors:" + v));
        }
        codes.forEach(code -> factors.add("code:" + code));
        Map<String, String> circumstances = new LinkedHashMap<>();
        for (Question q : questionnaire.questions()) {
            Object value = answers.get(q.id());
            if (q.type() == QuestionType.SINGLE && value != null && !NOT_CIRCUMSTANCES.contains(q.id())) {
                circumstances.put(q.id(), value.toString());
            }
        }
        Object activity = answers.get("activity");
        return new Incident(
                id == null ? "" : id,
                externalRef,
                title,
                activity == null ? null : activity.toString(),
                factors,
                circumstances,
                text);
    }

    private Questionnaire questionnaireOf(int version) {
        try {
            return questionnaires.version(version);
        } catch (RuntimeException unknownVersion) {
            return questionnaires.current();
        }
    }

    private Similar similarOf(IncidentIndex.Found found) {
        Incident incident = found.incident();
        Questionnaire questionnaire = questionnaires.current();
        List<String> why = new ArrayList<>();
        if (!found.sharedFactors().isEmpty()) {
            List<String> labels = found.sharedFactors().stream()
                    .map(f -> factorLabel(questionnaire, f))
                    .distinct()
                    .toList();
            why.add("Same contributing factors: " + String.join(", ", labels));
        }
        if (!found.sharedCircumstances().isEmpty()) {
            List<String> labels = new ArrayList<>();
            for (String id : found.sharedCircumstances()) {
                questionnaire
                        .question(id)
                        .ifPresent(q -> labels.add(q.label() + ": "
                                + optionLabel(q, incident.circumstances().get(id))));
            }
            why.add("Same circumstances: " + String.join("; ", labels));
        }
        if (!found.phrases().isEmpty()) {
            why.add("Both accounts mention "
                    + String.join(
                            ", ",
                            found.phrases().stream().map(p -> "“" + p + "”").toList()));
        }
        if (found.meaning() >= 0.5) {
            why.add("Told in a similar way (meaning %.2f)".formatted(found.meaning()));
        } else if (why.isEmpty()) {
            why.add("Only loosely alike (meaning %.2f)".formatted(found.meaning()));
        }
        String activity = incident.activity() == null
                ? null
                : questionnaire
                        .question("activity")
                        .map(q -> optionLabel(q, incident.activity()))
                        .orElse(null);
        String title = incident.title() != null && !incident.title().isBlank()
                ? incident.title()
                : (activity == null ? "Near miss " + incident.id() : activity + ": a near miss");
        return new Similar(
                incident.id(),
                incident.externalRef(),
                title,
                activity,
                Math.round(Math.max(0, found.score()) * 1000) / 1000.0,
                why);
    }

    /** The label of an incident's activity, or {@code null} when not coded. */
    String activityLabel(Incident incident) {
        return incident.activity() == null
                ? null
                : questionnaires
                        .current()
                        .question("activity")
                        .map(q -> optionLabel(q, incident.activity()))
                        .orElse(null);
    }

    /** Its title, or one made from its activity when it came without. */
    String titleOf(Incident incident) {
        if (incident.title() != null && !incident.title().isBlank()) {
            return incident.title();
        }
        String activity = activityLabel(incident);
        return activity == null ? "Near miss " + incident.id() : activity + ": a near miss";
    }

    String factorLabel(String factor) {
        return factorLabel(questionnaires.current(), factor);
    }

    private String factorLabel(Questionnaire questionnaire, String factor) {
        if (factor.startsWith("code:")) {
            return taxonomy.labelOf(factor.substring(5));
        }
        String value = factor.substring(factor.indexOf(':') + 1);
        return questionnaire.question("factors").map(q -> optionLabel(q, value)).orElse(value);
    }

    private static String optionLabel(Question question, String value) {
        return question.option(value).map(Question.Option::label).orElse(value);
    }

    @Override
    public synchronized void destroy() throws IOException {
        if (index != null) {
            index.close();
        }
    }
}
