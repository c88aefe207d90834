package org.nearmiss.analysis.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nearmiss.analysis.Similarity;
import org.nearmiss.intake.AnswersInvalid;
import org.nearmiss.intake.FieldProblem;
import org.nearmiss.intake.Intake;
import org.nearmiss.intake.JsonAnswers;
import org.nearmiss.library.SimilarIncidents;
import org.nearmiss.system.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Similar incidents for readers' and staff's tools (bearer token): those like a published report,
 * and those like an account being coded. {@code otherActivity=true} asks for the incidents of a
 * different activity or call type that share the pattern.
 */
@RestController
class SimilarityApi {

    /** The longest account accepted, in characters: the questionnaire's narrative and lessons together. */
    static final int MAX_TEXT = 20_000;

    private final Similarity similarity;
    private final Intake intake;

    SimilarityApi(Similarity similarity, Intake intake) {
        this.similarity = similarity;
        this.intake = intake;
    }

    /** The published incidents most like this one, best first; 404 when no publication has this id. */
    @GetMapping("/api/v1/library/reports/{id}/similar")
    List<SimilarIncidents.Similar> similarToReport(
            @PathVariable String id,
            @RequestParam(defaultValue = "10") int limit,
            @RequestParam(defaultValue = "false") boolean otherActivity) {
        checkLimit(limit);
        SimilarIncidents.Found found = similarity.similarTo(id, limit).orElseThrow(NoSuchReport::new);
        return otherActivity ? found.otherActivity() : found.alike();
    }

    /**
     * What to compare.
     *
     * @param text the account (narrative, and lessons if any)
     * @param answers coded answers by question id, as for filing a report; optional
     * @param limit how many incidents, 1 to 50 (default 10)
     * @param otherActivity only incidents of a different activity than {@code answers.activity}
     */
    record SimilarRequest(String text, Map<String, JsonNode> answers, Integer limit, Boolean otherActivity) {}

    /** The published incidents most like an account, best first. */
    @PostMapping(path = "/api/v1/analysis/similar", consumes = MediaType.APPLICATION_JSON_VALUE)
    List<SimilarIncidents.Similar> similarToText(@RequestBody SimilarRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = request.text() == null ? "" : request.text().strip();
        if (text.isEmpty()) {
            problems.add(new FieldProblem("text", "Give the account to compare."));
        } else if (text.length() > MAX_TEXT) {
            problems.add(new FieldProblem("text", "An account is at most " + MAX_TEXT + " characters."));
        }
        int limit = request.limit() == null ? 10 : request.limit();
        if (limit < 1 || limit > Similarity.MAX_LIMIT) {
            problems.add(new FieldProblem("limit", "Ask for 1 to " + Similarity.MAX_LIMIT + " incidents."));
        }
        Map<String, Object> coded = Map.of();
        try {
            if (request.answers() != null) {
                coded = intake.checkCoded(JsonAnswers.raw(request.answers())).coded();
            }
        } catch (AnswersInvalid invalid) {
            invalid.problems().forEach(p -> problems.add(new FieldProblem("answers." + p.field(), p.message())));
        }
        if (!problems.isEmpty()) {
            throw new AnswersInvalid(problems);
        }
        SimilarIncidents.Found found = similarity.similarTo(text, coded, limit);
        return Boolean.TRUE.equals(request.otherActivity()) ? found.otherActivity() : found.alike();
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > Similarity.MAX_LIMIT) {
            throw new AnswersInvalid(
                    List.of(new FieldProblem("limit", "Ask for 1 to " + Similarity.MAX_LIMIT + " incidents.")));
        }
    }

    static final class NoSuchReport extends RuntimeException {}

    @ExceptionHandler(NoSuchReport.class)
    ResponseEntity<ProblemDetail> noSuchReport() {
        return Problems.notFound("No published report has this id.");
    }

    @ExceptionHandler(AnswersInvalid.class)
    ResponseEntity<ProblemDetail> invalid(AnswersInvalid invalid) {
        return Problems.invalid("Request needs attention", invalid.problems());
    }
}
