package org.nearmiss.review;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.deidentify.Deidentifier;
import org.nearmiss.deidentify.Kind;
import org.nearmiss.deidentify.Suggestion;
import org.nearmiss.intake.Answers;
import org.nearmiss.intake.Intake;
import org.nearmiss.intake.Message;
import org.nearmiss.intake.Question;
import org.nearmiss.intake.Questionnaires;
import org.nearmiss.intake.ReportFiled;
import org.nearmiss.intake.ReportId;
import org.nearmiss.intake.ReporterAnswered;
import org.nearmiss.system.AuditLog;
import org.nearmiss.system.KeyRotation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two-stage review: the queues, the work on one report, and every step, each in one transaction with
 * its audit-log entry and what the reporter's status page says. The rules of each step are the
 * {@link ReviewCase}'s; this class loads, applies and stores.
 */
@Service
public class Review {

    static final String NARRATIVE = "narrative";
    static final String LESSONS = "lessons";
    static final String FACTORS = "factors";
    static final String ACTIVITY = "activity";
    private static final EnumSet<Stage> OPEN = EnumSet.of(Stage.STAGE_1, Stage.AWAITING_REPORTER, Stage.STAGE_2);
    private static final int RETRIES = 3;

    private final ReviewCases cases;
    private final Publications publications;
    private final Intake intake;
    private final Questionnaires questionnaires;
    private final Taxonomy taxonomy;
    private final Deidentifier deidentifier;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReviewProperties properties;
    private final KeyRotation keyRotation;
    private final ReidentificationRisk risk;
    private final PublishedCircumstances circumstances;

    Review(
            ReviewCases cases,
            Publications publications,
            Intake intake,
            Questionnaires questionnaires,
            Taxonomy taxonomy,
            Deidentifier deidentifier,
            AuditLog audit,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock,
            ReviewProperties properties,
            KeyRotation keyRotation,
            PublishedCircumstances circumstances) {
        this.cases = cases;
        this.publications = publications;
        this.intake = intake;
        this.questionnaires = questionnaires;
        this.taxonomy = taxonomy;
        this.deidentifier = deidentifier;
        this.audit = audit;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.keyRotation = keyRotation;
        this.risk = new ReidentificationRisk(properties.minShared());
        this.circumstances = circumstances;
    }

    /** One line of the queue. */
    public record QueueItem(ReviewCase reviewCase, String activity) {}

    /** One answer as staff read it: the question's label and the answer's. */
    public record AnswerLine(String questionId, String question, String answer, boolean reportersWords) {}

    /**
     * Everything the page of one report shows.
     *
     * @param draftSaved whether anyone saved the draft yet (if not, it is the assistant's first draft)
     * @param original what the reporter sent, labelled; empty once shredded
     * @param narrative the reporter's narrative, for showing the marks on it; empty once shredded
     * @param residual what the assistant still finds identifying in the draft narrative
     * @param identifying what the assistant still marks in every text publishing would show, by field
     */
    public record Workspace(
            ReviewCase reviewCase,
            Draft draft,
            boolean draftSaved,
            List<AnswerLine> original,
            String narrative,
            List<Message> messages,
            List<Suggestion> residual,
            List<IdentifyingMark> identifying,
            List<String> suggestedCodes,
            Optional<ReportPublished> publication) {}

    /** The cases still in review, oldest first. */
    public List<QueueItem> queue() {
        return cases.inStages(OPEN).stream()
                .map(c -> new QueueItem(c, activityOf(c.reportId())))
                .toList();
    }

    /**
     * One report for review. Showing the reporter's own words is recorded in the audit log.
     *
     * @throws ReviewRefused UNKNOWN when there is no such report
     */
    public Workspace open(ReportId id, SignedIn who) {
        ReviewCase.requirePerson(who);
        return transactions.execute(tx -> {
            ReviewCase reviewCase = load(id);
            Optional<Answers> original = reviewCase.shreddedOn() == null ? intake.originalOf(id) : Optional.empty();
            if (original.isPresent()) {
                audit.record(who.email(), "report.original-viewed", id.toString());
            }
            Optional<Draft> saved = cases.draftOf(id);
            Draft draft = saved.orElseGet(() -> original.map(this::firstDraft).orElse(Draft.EMPTY));
            return new Workspace(
                    reviewCase,
                    draft,
                    saved.isPresent(),
                    original.map(this::labelled).orElse(List.of()),
                    original.map(a -> a.freeText().getOrDefault(NARRATIVE, "")).orElse(""),
                    intake.messagesOf(id),
                    residual(draft.narrative()),
                    identifying(draft),
                    original.map(a -> taxonomy.suggestedFor(factorsOf(a))).orElse(List.of()),
                    publications.of(id));
        });
    }

    /** The assistant's marks on a text, for tools and the API. */
    public List<Suggestion> suggest(String text) {
        return deidentifier.suggest(text);
    }

    /** A reviewer's decision on one of the draft's marks. */
    public record MarkDecision(boolean accept, String replacement) {}

    /**
     * Applies the reviewer's decisions on the marks, and their own hand marks, to the reporter's
     * narrative: the draft narrative is rebuilt from it.
     *
     * @param decisions by the mark's position in the draft's list; marks not named keep their decision
     */
    public void decideMarks(
            ReportId id, SignedIn who, Long version, Map<Integer, MarkDecision> decisions, String handMarks) {
        step(id, version, (reviewCase, draft) -> {
            reviewCase.editDraft(who);
            reviewCase.requireOriginal();
            ReviewCase.requireHandMarks(handMarks);
            String narrative = intake.originalOf(id)
                    .map(a -> a.freeText().getOrDefault(NARRATIVE, ""))
                    .orElse("");
            List<Mark> marks = new ArrayList<>();
            for (int i = 0; i < draft.marks().size(); i++) {
                Mark mark = draft.marks().get(i);
                MarkDecision decision = decisions.get(i);
                marks.add(decision == null ? mark : mark.decided(decision.accept(), decision.replacement()));
            }
            ReviewCase.requireWithinLimits(draft.withMarks(marks, handMarks));
            Draft changed = draft.withMarks(marks, handMarks)
                    .withText(
                            draft.title(),
                            Draft.apply(narrative, marks, handMarks),
                            draft.lessons(),
                            draft.takeaways());
            return new Outcome(changed, who.email(), "review.marks-applied");
        });
    }

    /**
     * Saves stage 1 work; with {@code submit}, also hands the report to stage 2. Saved or sent on, the
     * codes are the taxonomy's and the texts within {@link ReviewCase#requireWithinLimits}.
     */
    public void saveStageOne(
            ReportId id,
            SignedIn who,
            Long version,
            String title,
            String narrative,
            String lessons,
            Collection<String> codes,
            boolean submit) {
        step(id, version, (reviewCase, draft) -> {
            reviewCase.editDraft(who);
            Collection<String> chosen = codes == null ? List.of() : codes;
            if (!chosen.stream().allMatch(taxonomy::knows)) {
                throw new ReviewRefused(
                        ReviewRefused.Reason.INCOMPLETE,
                        "codes",
                        "Choose contributing factors from the taxonomy (version " + taxonomy.version()
                                + "); a code sent is not in it.");
            }
            Draft changed =
                    draft.withText(title, narrative, lessons, draft.takeaways()).withCodes(taxonomy.known(chosen));
            if (submit) {
                reviewCase.submit(who, changed, today());
            }
            return new Outcome(changed, who.email(), submit ? "review.submitted" : "review.draft-saved");
        });
    }

    /** Sends a question to the reporter, who sees it through the report key. */
    public void ask(ReportId id, SignedIn who, Long version, String question) {
        step(id, version, (reviewCase, draft) -> {
            reviewCase.askReporter(who, question, today());
            reviewCase.requireOriginal();
            intake.askReporter(id, question);
            return new Outcome(null, who.email(), "review.question-sent");
        });
    }

    /** Saves stage 2 work without deciding yet. */
    public void saveStageTwo(
            ReportId id, SignedIn who, Long version, String title, String narrative, String lessons, String takeaways) {
        step(id, version, (reviewCase, draft) -> {
            reviewCase.editStageTwo(who);
            return new Outcome(
                    draft.withText(title, narrative, lessons, takeaways), who.email(), "review.stage-2-saved");
        });
    }

    /**
     * The approver keeping words the assistant marks: these words in this field are published as they
     * are, for this reason. A blank reason keeps nothing.
     */
    public record Keep(String field, String words, String reason) {

        public Keep {
            field = field == null ? "" : field;
            words = words == null ? "" : words;
            reason = reason == null ? "" : reason.strip();
        }

        boolean keeps() {
            return !reason.isEmpty();
        }
    }

    /**
     * What the assistant marks in texts as publishing would show them: for a page that re-shows what
     * an approver typed when a publish was refused for another reason.
     */
    public List<IdentifyingMark> identifyingIn(String title, String narrative, String lessons, String takeaways) {
        return identifying(Draft.EMPTY.withText(title, narrative, lessons, takeaways));
    }

    /** The longest reason for keeping marked words: it goes into the audit log's subject. */
    static final int MAX_KEEP_REASON = 200;

    /** Publishes the report with nothing the assistant marks in it; see the overload that keeps words. */
    public ReportPublished publish(
            ReportId id, SignedIn who, Long version, String title, String narrative, String lessons, String takeaways) {
        return publish(id, who, version, title, narrative, lessons, takeaways, List.of());
    }

    /** Publishes the report unless its circumstances are rare; see the overload that publishes them anyway. */
    public ReportPublished publish(
            ReportId id,
            SignedIn who,
            Long version,
            String title,
            String narrative,
            String lessons,
            String takeaways,
            List<Keep> keeps) {
        return publish(id, who, version, title, narrative, lessons, takeaways, keeps, false);
    }

    /**
     * Publishes the report: its de-identified content goes to the library as {@link ReportPublished}.
     * Whatever the assistant still marks in the title, narrative, lessons or takeaways must be kept by
     * the approver with a reason; each kept mark is stored with the sealed draft and audit-logged by
     * field, kind and reason, never by its words.
     *
     * <p>The coded answers are published as the approver coarsened them ({@link #coarsen}). When fewer
     * than k published reports, this one included, would share them ({@link ReidentificationRisk}), the
     * approver must say to publish them as they are ({@code publishRare}); that is audit-logged with the
     * count.
     *
     * @throws IdentifyingWordsLeft naming each mark not kept; nothing is published
     * @throws RareCircumstances when the circumstances are rare and {@code publishRare} is false
     */
    public ReportPublished publish(
            ReportId id,
            SignedIn who,
            Long version,
            String title,
            String narrative,
            String lessons,
            String takeaways,
            List<Keep> keeps,
            boolean publishRare) {
        List<Keep> keeping = keeps == null ? List.of() : keeps;
        for (Keep keep : keeping) {
            if (keep.reason().length() > MAX_KEEP_REASON) {
                throw new ReviewRefused(
                        ReviewRefused.Reason.INCOMPLETE,
                        "keep",
                        "Keep each reason for keeping words under " + MAX_KEEP_REASON + " characters.");
            }
        }
        ReportPublished[] published = {null};
        step(id, version, (reviewCase, draft) -> {
            Draft edited = draft.withText(title, narrative, lessons, takeaways);
            reviewCase.publish(who, edited, today());
            List<IdentifyingMark> marks = identifying(edited);
            // A bad reason is refused first: the approver sees it at the marks whatever else is left.
            List<KeptMark> kept = marks.stream()
                    .filter(m -> keeping.stream().anyMatch(m::keptBy))
                    .map(m -> new KeptMark(
                            m.field(),
                            m.words(),
                            m.kind().name(),
                            keeping.stream()
                                    .filter(m::keptBy)
                                    .findFirst()
                                    .orElseThrow()
                                    .reason()))
                    .toList();
            for (KeptMark k : kept) {
                if (repeats(k.reason(), k.words())) {
                    // The reason goes to the audit log, where the words must never be.
                    throw new ReviewRefused(
                            ReviewRefused.Reason.INCOMPLETE,
                            "keep",
                            "Say why the words are kept without repeating them or naming anyone: the reason goes"
                                    + " into the audit log.");
                }
            }
            List<IdentifyingMark> left = marks.stream()
                    .filter(m -> keeping.stream().noneMatch(m::keptBy))
                    .toList();
            if (!left.isEmpty()) {
                throw new IdentifyingWordsLeft(left, marks);
            }
            Draft approved = edited.withKept(kept);
            for (KeptMark k : kept) {
                // The words stay in the sealed draft; the log has only where, what kind and why.
                audit.record(
                        who.email(), "review.mark-kept", id + " " + k.field() + " " + k.kind() + ": " + k.reason());
            }
            Answers coded = intake.codedOf(id).orElseThrow();
            ReidentificationRisk.Assessment weighed = assess(coded, approved);
            if (weighed.rare()) {
                if (!publishRare) {
                    throw new RareCircumstances(weighed);
                }
                // Counts and k only: what the answers were is in the publication itself.
                audit.record(
                        who.email(),
                        "review.rare-published",
                        id + " shared by " + weighed.shared() + " published, k " + weighed.k());
            }
            published[0] = publications.add(
                    id,
                    today(),
                    approved,
                    coded.questionnaireVersion(),
                    ReidentificationRisk.coarsened(coded.coded(), approved.coarsened()),
                    taxonomy.version(),
                    intake.agencyOf(id).orElse(null));
            events.publishEvent(published[0]);
            return new Outcome(approved, who.email(), "review.published");
        });
        return published[0];
    }

    /**
     * How many published reports share the report's coded circumstances as publishing would show them,
     * and what each coarsening would give: for any approver while the report is at stage 2.
     *
     * @throws ReviewRefused UNKNOWN, NOT_YOUR_ROLE or WRONG_STAGE
     */
    public ReidentificationRisk.Assessment risk(ReportId id, SignedIn who) {
        return transactions.execute(tx -> {
            ReviewCase reviewCase = load(id);
            reviewCase.viewStageTwo(who);
            Draft draft = cases.draftOf(id).orElse(Draft.EMPTY);
            return assess(intake.codedOf(id).orElseThrow(), draft);
        });
    }

    /**
     * Coarsens a coded answer before publication (the month to its quarter or year, the time of day to
     * not stated), or undoes that with the reporter's own level ({@code month}, {@code band}). The
     * reporter's answers stay as they were; the approver's choice is kept with the draft and applied
     * when it is published. Audit-logged with the question and the level, never an answer.
     *
     * @throws ReviewRefused INCOMPLETE (field {@code coarsen}) for anything else
     */
    public void coarsen(ReportId id, SignedIn who, Long version, String field, String to) {
        step(id, version, (reviewCase, draft) -> {
            reviewCase.editStageTwo(who);
            Draft changed = draft.withCoarsened(ReidentificationRisk.with(draft.coarsened(), field, to));
            return new Outcome(changed, who.email(), "review.coarsened", field + " " + to);
        });
    }

    /** Weighs a report not yet published (so not among the publications) against them. */
    private ReidentificationRisk.Assessment assess(Answers coded, Draft draft) {
        Object month = coded.coded().get(ReidentificationRisk.MONTH);
        IncidentPeriod period =
                month == null ? null : IncidentPeriod.parse(month.toString()).orElse(null);
        return risk.assess(
                questionnaires.version(coded.questionnaireVersion()),
                coded.coded(),
                draft.coarsened(),
                circumstances.inYearOf(period));
    }

    /** Sends the report back to stage 1 with the reason, keeping stage 2's text. */
    public void sendBack(
            ReportId id,
            SignedIn who,
            Long version,
            String reason,
            String title,
            String narrative,
            String lessons,
            String takeaways) {
        step(id, version, (reviewCase, draft) -> {
            reviewCase.sendBack(who, reason, today());
            return new Outcome(
                    draft.withText(title, narrative, lessons, takeaways).sentBack(reason.strip()),
                    who.email(),
                    "review.sent-back");
        });
    }

    /** Rejects the report with the reason, which is kept; the text is destroyed after retention. */
    public void reject(ReportId id, SignedIn who, Long version, String reason) {
        step(id, version, (reviewCase, draft) -> {
            reviewCase.reject(who, reason, today());
            return new Outcome(null, who.email(), "review.rejected");
        });
    }

    /**
     * Destroys the text of every report closed for longer than the retention period, each in its own
     * transaction with an audit-log entry.
     *
     * @return how many reports' text was destroyed
     */
    public int shredDue() {
        LocalDate today = today();
        int shredded = 0;
        for (ReviewCase due : cases.closedUnshreddedBy(today.minus(properties.retention()))) {
            Boolean done = transactions.execute(tx -> {
                ReviewCase reviewCase = load(due.reportId());
                if (!reviewCase.dueForShredding(today, properties.retention())) {
                    return false;
                }
                intake.shred(reviewCase.reportId());
                cases.shredDraft(reviewCase.reportId());
                reviewCase.shredded(today);
                cases.save(reviewCase, null);
                audit.record("system", "report.shredded", reviewCase.reportId().toString());
                keyRotation.keysDestroyed();
                return true;
            });
            if (Boolean.TRUE.equals(done)) {
                shredded++;
            }
        }
        // Copies of the deleted keys linger in the database's files until the epoch they were wrapped
        // under is forgotten: start a new one (at most once a day).
        keyRotation.rotate();
        return shredded;
    }

    /** Every filed report starts in stage 1, in the filing's own transaction. */
    @EventListener
    void on(ReportFiled filed) {
        cases.add(ReviewCase.opened(filed.reportId(), today()));
    }

    /** The reporter answered: back to stage 1, in the answer's own transaction. */
    @EventListener
    void on(ReporterAnswered answered) {
        retrying(() -> {
            ReviewCase reviewCase = load(answered.reportId());
            if (reviewCase.reporterAnswered(today())) {
                cases.save(reviewCase, null);
            }
            return null;
        });
    }

    /** @param detail more of the audit log's subject after the report's id, or {@code null} */
    private record Outcome(Draft draft, String actor, String action, String detail) {

        Outcome(Draft draft, String actor, String action) {
            this(draft, actor, action, null);
        }
    }

    private interface Change {
        Outcome apply(ReviewCase reviewCase, Draft draft);
    }

    private void step(ReportId id, Long version, Change change) {
        transactions.executeWithoutResult(tx -> {
            ReviewCase reviewCase = load(id);
            if (version != null && version != reviewCase.version()) {
                throw new ReviewRefused(
                        ReviewRefused.Reason.STALE,
                        "Someone else changed this report since you opened it. Reload it to see their changes.");
            }
            Draft draft = cases.draftOf(id)
                    .orElseGet(() -> reviewCase.shreddedOn() == null
                            ? intake.originalOf(id).map(this::firstDraft).orElse(Draft.EMPTY)
                            : Draft.EMPTY);
            Outcome outcome = change.apply(reviewCase, draft);
            if (outcome.draft() != null) {
                ReviewCase.requireWithinLimits(outcome.draft());
            }
            cases.save(reviewCase, outcome.draft());
            intake.showReporter(id, reviewCase.stage().reporterSees());
            audit.record(
                    outcome.actor(),
                    outcome.action(),
                    outcome.detail() == null ? id.toString() : id + " " + outcome.detail());
        });
    }

    private <T> T retrying(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (ReviewRefused refused) {
                if (refused.reason() != ReviewRefused.Reason.STALE || attempt == RETRIES) {
                    throw refused;
                }
            }
        }
    }

    private ReviewCase load(ReportId id) {
        return cases.find(id)
                .orElseThrow(
                        () -> new ReviewRefused(ReviewRefused.Reason.UNKNOWN, "There is no such report in review."));
    }

    /** The assistant's first draft: every mark accepted, codes suggested by the reporter's factors. */
    private Draft firstDraft(Answers original) {
        String narrative = original.freeText().getOrDefault(NARRATIVE, "");
        List<Mark> marks = deidentifier.suggest(narrative).stream()
                .map(s -> new Mark(s.start(), s.end(), s.kind().name(), s.replacement(), true, s.reason()))
                .toList();
        return new Draft(
                "",
                Draft.apply(narrative, marks, ""),
                deidentifier.redact(original.freeText().getOrDefault(LESSONS, "")),
                "",
                taxonomy.suggestedFor(factorsOf(original)),
                marks,
                "",
                "",
                List.of(),
                Map.of());
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]{3,}");

    /**
     * Whether a reason for keeping words repeats any of them (a word of three letters or digits or
     * more) or holds anything the assistant marks itself.
     */
    private boolean repeats(String reason, String words) {
        String lowerReason = reason.toLowerCase(Locale.ROOT);
        Matcher word = WORD.matcher(words.toLowerCase(Locale.ROOT));
        while (word.find()) {
            Pattern whole = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word.group()) + "(?![\\p{L}\\p{N}])");
            if (whole.matcher(lowerReason).find()) {
                return true;
            }
        }
        return !deidentifier.residual(reason).isEmpty();
    }

    /** The texts publishing shows, by field, in the order the page shows them. */
    private static Map<String, String> published(Draft draft) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put("title", draft.title());
        texts.put(NARRATIVE, draft.narrative());
        texts.put(LESSONS, draft.lessons());
        texts.put("takeaways", draft.takeaways());
        return texts;
    }

    /**
     * What the assistant still marks in every text that publishing would show, once per words in a
     * field: keeping is decided for the words, wherever in the field they occur.
     */
    private List<IdentifyingMark> identifying(Draft draft) {
        List<IdentifyingMark> marks = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        published(draft).forEach((field, text) -> {
            for (Suggestion s : residual(text)) {
                String words = text.substring(s.start(), s.end());
                if (seen.add(field + "\u0000" + words)) {
                    marks.add(new IdentifyingMark(field, words, s.kind(), s.replacement(), s.reason()));
                }
            }
            for (IdentifyingMark m : undoingCoarsening(field, text, draft.coarsened())) {
                if (seen.add(field + "\u0000" + m.words())) {
                    marks.add(m);
                }
            }
        });
        return marks;
    }

    /** A month by name, as the assistant proposes dates ("March 2026") and people write them. */
    private static final Pattern MONTH_NAMED =
            Pattern.compile("\\b(?:January|February|March|April|June|July|August|September|October|November|December"
                    + "|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.|May(?=,?\\s+\\d))"
                    + "(?:,?\\s+(?:19|20)\\d{2})?\\b");
    /** The bands of the day the assistant puts in place of a clock time. */
    private static final Pattern TIME_BAND = Pattern.compile("\\[(?:NIGHT|MORNING|AFTERNOON|EVENING)]");

    /**
     * Words that tell what the approver's coarsening hides: the month by name once only its quarter or
     * year is published, the band of the day once the time of day is not stated. Without this, "March
     * 2026" in the story would undo the quarter on the page above it.
     */
    private static List<IdentifyingMark> undoingCoarsening(String field, String text, Map<String, String> coarsened) {
        List<IdentifyingMark> marks = new ArrayList<>();
        String month = coarsened.get(ReidentificationRisk.MONTH);
        if ("quarter".equals(month) || "year".equals(month)) {
            Matcher named = MONTH_NAMED.matcher(text);
            while (named.find()) {
                marks.add(new IdentifyingMark(
                        field,
                        named.group(),
                        Kind.DATE,
                        "[DATE]",
                        "names the month, which this report publishes only as its " + month));
            }
        }
        if ("not-stated".equals(coarsened.get(ReidentificationRisk.TIME_OF_DAY))) {
            Matcher band = TIME_BAND.matcher(text);
            while (band.find()) {
                marks.add(new IdentifyingMark(
                        field,
                        band.group(),
                        Kind.TIME,
                        "[TIME]",
                        "tells the time of day, which this report leaves out"));
            }
        }
        return marks;
    }

    /** What the assistant still marks in a draft, leaving out the bracketed replacements themselves. */
    private List<Suggestion> residual(String draftNarrative) {
        return deidentifier.residual(draftNarrative);
    }

    private static List<String> factorsOf(Answers answers) {
        Object factors = answers.coded().get(FACTORS);
        if (factors instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return factors == null ? List.of() : List.of(String.valueOf(factors));
    }

    private String activityOf(ReportId id) {
        return intake.codedOf(id)
                .flatMap(a ->
                        labelOf(a.questionnaireVersion(), ACTIVITY, a.coded().get(ACTIVITY)))
                .orElse("");
    }

    private Optional<String> labelOf(int version, String questionId, Object value) {
        if (value == null) {
            return Optional.empty();
        }
        return questionnaires.version(version).question(questionId).map(q -> labelOf(q, value));
    }

    private static String labelOf(Question question, Object value) {
        if (value instanceof Collection<?> values) {
            return String.join(
                    "; ", values.stream().map(v -> labelOf(question, v)).toList());
        }
        return question.option(String.valueOf(value))
                .map(Question.Option::label)
                .orElse(String.valueOf(value));
    }

    private List<AnswerLine> labelled(Answers answers) {
        List<AnswerLine> lines = new ArrayList<>();
        for (Question q : questionnaires.version(answers.questionnaireVersion()).questions()) {
            Object coded = answers.coded().get(q.id());
            String text = answers.freeText().get(q.id());
            if (coded != null) {
                lines.add(new AnswerLine(q.id(), q.label(), labelOf(q, coded), false));
            } else if (text != null && !text.isEmpty()) {
                lines.add(new AnswerLine(q.id(), q.label(), text, true));
            }
        }
        return lines;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
