package org.nearmiss.intake;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.nearmiss.deidentify.Deidentifier;
import org.nearmiss.deidentify.Suggestion;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Share Your Story: files anonymous reports and serves their reporters through the report key.
 *
 * <p>A key is handed out only after the report has been committed, so every key a reporter has seen
 * stands for a stored report. The only time kept is the day.
 */
@Service
public class Intake {

    static final int MAX_REPLY_LENGTH = 5000;

    /** The question whose answer says which agency a report counts for. */
    static final String AGENCY_CODE = "agencyCode";

    private final Questionnaires questionnaires;
    private final Reports reports;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final AnswerCheck answerCheck;
    private final Clock clock;
    private final Duration statusFloor;
    private final ObjectProvider<AgencyCodes> agencyCodes;
    private final GroupCommit filings;
    private final Deidentifier deidentifier;
    private final SecureRandom random = new SecureRandom();

    Intake(
            Questionnaires questionnaires,
            Reports reports,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            Clock clock,
            IntakeProperties properties,
            ObjectProvider<AgencyCodes> agencyCodes,
            GroupCommit filings,
            Deidentifier deidentifier) {
        this.questionnaires = questionnaires;
        this.reports = reports;
        this.transactions = transactions;
        this.events = events;
        this.answerCheck = new AnswerCheck(clock);
        this.clock = clock;
        this.statusFloor = properties.statusFloor();
        this.agencyCodes = agencyCodes;
        this.filings = filings;
        this.deidentifier = deidentifier;
    }

    /**
     * What in the reporter's own words looks identifying, with what a reviewer would put instead:
     * shown before sending, so the reporter can take it out at the source. Nothing is stored, checked
     * or logged; any questionnaire version may be asked about (an unknown one reads as the current).
     */
    public List<Identifying> identifying(Integer questionnaireVersion, Map<String, List<String>> answers) {
        Questionnaire questionnaire;
        try {
            questionnaire = questionnaires.version(questionnaireVersion);
        } catch (QuestionnaireUnknown unknown) {
            questionnaire = questionnaires.current();
        }
        List<Identifying> found = new java.util.ArrayList<>();
        for (Question question : questionnaire.questions()) {
            List<String> values = answers.getOrDefault(question.id(), List.of());
            if (!question.type().isFreeText() || question.id().equals(AGENCY_CODE) || values.isEmpty()) {
                continue;
            }
            String text = values.getFirst();
            // Over its limit the answer will be refused anyway; the assistant is not asked to read more.
            if (text == null || (question.maxLength() != null && text.length() > 2 * question.maxLength())) {
                continue;
            }
            for (Suggestion s : deidentifier.suggest(text)) {
                found.add(new Identifying(
                        question.id(),
                        question.label(),
                        s.start(),
                        s.end(),
                        text.substring(s.start(), s.end()),
                        s.kind().label(),
                        s.replacement(),
                        s.reason()));
            }
        }
        return List.copyOf(found);
    }

    /**
     * Files a report and returns its key, after the report is committed.
     *
     * @param answers each question id with its values, as a form sends them (one value except for
     *     {@code multi} questions)
     * @throws QuestionnaireUnknown when the version does not exist
     * @throws AnswersInvalid when any answer does not fit; nothing is stored
     */
    public ReportKey file(Integer questionnaireVersion, Map<String, List<String>> answers) {
        return submit(questionnaireVersion, answers).key();
    }

    /**
     * Files a report as {@link #file} does (committed with other reports filed at the same moment, see
     * {@link GroupCommit}) and says what the reporter should know: an agency code
     * that is not current is not a reason to refuse a report, so it is dropped with a notice.
     */
    public Filing submit(Integer questionnaireVersion, Map<String, List<String>> answers) {
        Answers checked = answerCheck.check(questionnaires.version(questionnaireVersion), answers);
        String typedCode = checked.freeText().get(AGENCY_CODE);
        Optional<UUID> agency = Optional.empty();
        List<FieldProblem> notices = List.of();
        if (typedCode != null) {
            AgencyCodes codes = agencyCodes.getIfAvailable();
            agency = codes == null ? Optional.empty() : codes.agencyOf(typedCode);
            if (agency.isEmpty()) {
                notices = List.of(new FieldProblem(
                        AGENCY_CODE,
                        "The agency code you entered is not one in use (it may be mistyped or replaced by a new"
                                + " one). Your report was received all the same; it just does not count in any"
                                + " agency's totals."));
            }
            // The code has done its work: only the agency it stands for is kept.
            Map<String, String> freeText = new java.util.HashMap<>(checked.freeText());
            freeText.remove(AGENCY_CODE);
            checked = new Answers(checked.questionnaireVersion(), checked.coded(), freeText);
        }
        Answers stored = checked;
        UUID agencyId = agency.orElse(null);
        ReportKey key = ReportKey.generate(random);
        filings.write(new Reports.NewReport(ReportId.random(), key.hash(), stored, LocalDate.now(clock), agencyId));
        return new Filing(key, notices);
    }

    /** The agency a report counts for: the one whose current code its reporter entered. */
    public Optional<UUID> agencyOf(ReportId id) {
        return reports.agencyOf(id);
    }

    /**
     * Checks coded answers from elsewhere (an imported library) against the current questionnaire:
     * nothing is required, and free-text questions are refused.
     *
     * @throws AnswersInvalid naming every answer that does not fit
     */
    public Answers checkCoded(Map<String, List<String>> answers) {
        return answerCheck.checkCoded(questionnaires.current(), answers);
    }

    /**
     * The state and messages of the report with this key. Takes at least the configured floor time,
     * known key or not, so timing tells nothing about a guess.
     *
     * @throws ReportKeyUnknown when no report has this key
     */
    public ReportStatus status(String typedKey) {
        long started = System.nanoTime();
        try {
            Reports.Filed filed = find(typedKey);
            return new ReportStatus(filed.state(), filed.filedOn(), messagesOf(filed.id()));
        } finally {
            padTo(started);
        }
    }

    /**
     * The reporter's answer to a reviewer's question; the report goes back to its reviewers.
     *
     * @throws ReportKeyUnknown when no report has this key
     * @throws AnswersInvalid when the text is empty or too long, or no question is waiting
     */
    public void reply(String typedKey, String text) {
        String reply = text == null
                ? ""
                : text.replace("\r\n", "\n").replace("\u0000", "").strip();
        long started = System.nanoTime();
        try {
            Reports.Filed filed = find(typedKey);
            if (filed.state() != ReportState.AWAITING_REPORTER) {
                throw new AnswersInvalid(
                        List.of(new FieldProblem("text", "There is no question waiting for an answer.")));
            }
            if (reply.isEmpty() || reply.codePointCount(0, reply.length()) > MAX_REPLY_LENGTH) {
                throw new AnswersInvalid(List.of(
                        new FieldProblem("text", "Write an answer of up to " + MAX_REPLY_LENGTH + " characters.")));
            }
            transactions.executeWithoutResult(tx -> {
                reports.addMessage(filed.id(), new Message(Message.Author.REPORTER, LocalDate.now(clock), reply));
                reports.changeState(filed.id(), ReportState.IN_REVIEW);
                events.publishEvent(new ReporterAnswered(filed.id()));
            });
        } finally {
            padTo(started);
        }
    }

    /**
     * A reviewer's question to the reporter, who sees it through the report key and may answer. Joins
     * the caller's transaction.
     *
     * @throws IllegalArgumentException when the report does not exist
     */
    public void askReporter(ReportId id, String question) {
        transactions.executeWithoutResult(tx -> {
            if (!reports.changeState(id, ReportState.AWAITING_REPORTER)) {
                throw new IllegalArgumentException("No report " + id);
            }
            reports.addMessage(id, new Message(Message.Author.REVIEWER, LocalDate.now(clock), question.strip()));
        });
    }

    /**
     * What the reporter sent: coded answers and their own words, opened from the sealed store. For
     * staff only, and only with an audit-log entry, which is the caller's duty.
     *
     * @return empty when the report does not exist or its text has been shredded
     */
    public Optional<Answers> originalOf(ReportId id) {
        return reports.isShredded(id) ? Optional.empty() : reports.answersOf(id);
    }

    /**
     * The coded answers only (choices, numbers, months): never the reporter's words, so no audit entry
     * is needed to read them.
     *
     * @return empty when the report does not exist
     */
    public Optional<Answers> codedOf(ReportId id) {
        return reports.codedOf(id);
    }

    /** The thread with the reporter, oldest first; empty once the report's text has been shredded. */
    public List<Message> messagesOf(ReportId id) {
        return reports.isShredded(id) ? List.of() : reports.messagesOf(id);
    }

    /** What the reporter's status page says from now on. Joins the caller's transaction. */
    public void showReporter(ReportId id, ReportState state) {
        if (!reports.changeState(id, state)) {
            throw new IllegalArgumentException("No report " + id);
        }
    }

    /**
     * Destroys the report's text and messages for good by deleting its data key (crypto-shredding);
     * the coded answers stay for statistics. Joins the caller's transaction.
     *
     * @return whether a key was deleted now (false when it was gone already)
     */
    public boolean shred(ReportId id) {
        return reports.deleteDataKey(id);
    }

    private Reports.Filed find(String typedKey) {
        String hash = ReportKey.parse(typedKey)
                .map(ReportKey::hash)
                // A malformed key costs the same look-up as a well-formed unknown one.
                .orElseGet(() -> ReportKey.generate(random).hash());
        return reports.findByKeyHash(hash).orElseThrow(ReportKeyUnknown::new);
    }

    private void padTo(long startedNanos) {
        long remaining = statusFloor.toNanos() - (System.nanoTime() - startedNanos);
        if (remaining > 0) {
            try {
                Thread.sleep(Duration.ofNanos(remaining));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
