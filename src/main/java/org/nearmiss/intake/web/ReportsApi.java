package org.nearmiss.intake.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nearmiss.intake.AnswersInvalid;
import org.nearmiss.intake.FieldProblem;
import org.nearmiss.intake.Filing;
import org.nearmiss.intake.Identifying;
import org.nearmiss.intake.Intake;
import org.nearmiss.intake.JsonAnswers;
import org.nearmiss.intake.QuestionnaireUnknown;
import org.nearmiss.intake.Questionnaires;
import org.nearmiss.intake.ReportKeyUnknown;
import org.nearmiss.intake.ReportStatus;
import org.nearmiss.system.Throttle;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The JSON API for native apps and integrations: the questionnaire, filing, and the anonymous status
 * and reply through the report key (always in the body, never in a URL).
 */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
class ReportsApi {

    private final Questionnaires questionnaires;
    private final Intake intake;
    private final Throttle throttle;

    ReportsApi(Questionnaires questionnaires, Intake intake, Throttle throttle) {
        this.questionnaires = questionnaires;
        this.intake = intake;
        this.throttle = throttle;
    }

    /** The current questionnaire, or a named older version. */
    @GetMapping("/questionnaire")
    ResponseEntity<?> questionnaire(@RequestParam(required = false) Integer version) {
        if (version == null) {
            return ResponseEntity.ok(questionnaires.current());
        }
        try {
            return ResponseEntity.ok(questionnaires.version(version));
        } catch (QuestionnaireUnknown unknown) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.NOT_FOUND, "There is no questionnaire version " + version + ".");
            problem.setTitle("Unknown questionnaire version");
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
    }

    /** What a client sends to file a report. */
    record FileRequest(Integer questionnaireVersion, Map<String, JsonNode> answers) {}

    /**
     * What it gets back: the key, once, and notices about answers taken but not used (an agency code
     * not in use), each with the question's id.
     */
    record Filed(String reportKey, List<Notice> notices) {}

    record Notice(String field, String message) {}

    /** What a check before sending finds: the words in each answer that look identifying. */
    record Checked(List<Identifying> identifying) {}

    /**
     * The check before sending: the same body as filing, nothing stored. Each finding names its
     * question, where the words are in the answer, what they look like and a replacement.
     */
    @PostMapping(path = "/reports/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Checked> check(@RequestBody FileRequest request, HttpServletRequest http) {
        throttle.admit(Throttle.Action.FILE, http);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new Checked(intake.identifying(request.questionnaireVersion(), rawAnswers(request.answers()))));
    }

    @PostMapping(path = "/reports", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Filed> file(@RequestBody FileRequest request, HttpServletRequest http) {
        throttle.admit(Throttle.Action.FILE, http);
        Filing filing = intake.submit(request.questionnaireVersion(), rawAnswers(request.answers()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(new Filed(
                        filing.key().display(),
                        filing.notices().stream()
                                .map(n -> new Notice(n.field(), n.message()))
                                .toList()));
    }

    record KeyRequest(String reportKey) {}

    record StatusAnswer(
            String state, String stateLabel, LocalDate filedOn, boolean awaitingReply, List<MessageAnswer> messages) {}

    record MessageAnswer(String author, LocalDate sentOn, String text) {}

    @PostMapping(path = "/reports/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StatusAnswer> status(@RequestBody KeyRequest request, HttpServletRequest http) {
        throttle.admit(Throttle.Action.LOOKUP, http);
        ReportStatus status = intake.status(request.reportKey());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answerOf(status));
    }

    record ReplyRequest(String reportKey, String text) {}

    @PostMapping(path = "/reports/replies", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StatusAnswer> reply(@RequestBody ReplyRequest request, HttpServletRequest http) {
        throttle.admit(Throttle.Action.LOOKUP, http);
        intake.reply(request.reportKey(), request.text());
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(answerOf(intake.status(request.reportKey())));
    }

    private static StatusAnswer answerOf(ReportStatus status) {
        return new StatusAnswer(
                status.state().name().toLowerCase(Locale.ROOT),
                status.state().label(),
                status.filedOn(),
                status.awaitingReply(),
                status.messages().stream()
                        .map(m -> new MessageAnswer(m.author().name().toLowerCase(Locale.ROOT), m.sentOn(), m.text()))
                        .toList());
    }

    private static Map<String, List<String>> rawAnswers(Map<String, JsonNode> answers) {
        if (answers == null) {
            throw new AnswersInvalid(List.of(new FieldProblem("answers", "The answers are missing.")));
        }
        return JsonAnswers.raw(answers);
    }

    @ExceptionHandler(AnswersInvalid.class)
    ResponseEntity<ProblemDetail> answersInvalid(AnswersInvalid invalid) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "Some answers need attention; nothing was stored.");
        problem.setTitle("Answers need attention");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("errors", invalid.problems());
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(QuestionnaireUnknown.class)
    ResponseEntity<ProblemDetail> questionnaireUnknown() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "Unknown questionnaire version; the current one is "
                        + questionnaires.current().version() + ".");
        problem.setTitle("Unknown questionnaire version");
        problem.setProperty(
                "errors",
                List.of(new FieldProblem("questionnaireVersion", "Use a version served at /api/v1/questionnaire.")));
        return ResponseEntity.badRequest().body(problem);
    }

    @ExceptionHandler(ReportKeyUnknown.class)
    ResponseEntity<ProblemDetail> reportKeyUnknown(ReportKeyUnknown unknown) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_FOUND, "No report has this key. Check it and try again.");
        problem.setTitle("Report key unknown");
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
    }
}
