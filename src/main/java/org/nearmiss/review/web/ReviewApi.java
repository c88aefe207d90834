package org.nearmiss.review.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.deidentify.Suggestion;
import org.nearmiss.intake.Message;
import org.nearmiss.intake.ReportId;
import org.nearmiss.review.Draft;
import org.nearmiss.review.IdentifyingMark;
import org.nearmiss.review.IdentifyingWordsLeft;
import org.nearmiss.review.RareCircumstances;
import org.nearmiss.review.ReidentificationRisk;
import org.nearmiss.review.ReportPublished;
import org.nearmiss.review.Review;
import org.nearmiss.review.ReviewCase;
import org.nearmiss.review.ReviewRefused;
import org.nearmiss.review.Taxonomy;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Review for tools and scripts, with a bearer token or a session: the queue, one report (its
 * original recorded in the audit log, as on the page), every step of both stages, the taxonomy and
 * the assistant's marks on any text. Refused steps answer problem details naming the reason and field.
 */
@RestController
@RequestMapping(path = "/api/v1/review", produces = MediaType.APPLICATION_JSON_VALUE)
class ReviewApi {

    private final Review review;
    private final Taxonomy taxonomy;
    private final Clock clock;

    ReviewApi(Review review, Taxonomy taxonomy, Clock clock) {
        this.review = review;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    record CaseLine(
            UUID id,
            String stage,
            LocalDate filedOn,
            LocalDate dueOn,
            int businessDaysOpen,
            boolean overdue,
            boolean sentBack,
            String activity,
            long version) {

        static CaseLine of(ReviewCase c, String activity, LocalDate today) {
            return new CaseLine(
                    c.reportId().value(),
                    c.stage().name(),
                    c.filedOn(),
                    c.dueOn(),
                    c.businessDaysOpen(today),
                    c.overdue(today),
                    c.sentBack(),
                    activity,
                    c.version());
        }
    }

    record Queue(List<CaseLine> cases) {}

    record Span(int start, int end, String type, String replacement, String why) {
        static Span of(Suggestion s) {
            return new Span(s.start(), s.end(), s.kind().name(), s.replacement(), s.reason());
        }
    }

    /** A mark the assistant still sees in a text to publish: the words, the kind in words and by name. */
    record MarkView(String field, String words, String kind, String type, String replacement, String why) {
        static MarkView of(IdentifyingMark m) {
            return new MarkView(m.field(), m.words(), m.kindLabel(), m.kind().name(), m.replacement(), m.why());
        }
    }

    record Original(List<Review.AnswerLine> answers, String narrative) {}

    record CaseView(
            CaseLine reviewCase,
            Draft draft,
            Original original,
            List<Message> messages,
            List<Span> residual,
            List<MarkView> identifying,
            List<String> suggestedCodes,
            ReportPublished publication,
            LocalDate shreddedOn,
            String rejectReason) {}

    record DraftBody(
            Long version, String title, String narrative, String lessons, List<String> codes, Boolean submit) {}

    record MarksBody(Long version, List<MarkBody> marks, String handMarks) {}

    record MarkBody(int index, boolean accept, String replacement) {}

    record QuestionBody(Long version, String text) {}

    record DecisionBody(
            Long version,
            String action,
            String title,
            String narrative,
            String lessons,
            String takeaways,
            String reason,
            List<KeepBody> keep,
            Boolean acknowledgeRisk) {}

    /** Sets one coded answer's level for publication: {@code incidentMonth} to {@code quarter}, … */
    record CoarsenBody(Long version, String field, String to) {}

    /** Keeps words the assistant marks in a field, for a reason; a blank reason keeps nothing. */
    record KeepBody(String field, String words, String reason) {}

    record TextBody(String text) {}

    record Spans(List<Span> spans) {}

    record Published(String publicId, long sequence) {}

    @GetMapping("/cases")
    Queue queue() {
        LocalDate today = LocalDate.now(clock);
        return new Queue(review.queue().stream()
                .map(item -> CaseLine.of(item.reviewCase(), item.activity(), today))
                .toList());
    }

    @GetMapping("/cases/{id}")
    CaseView open(@AuthenticationPrincipal SignedIn who, @PathVariable UUID id) {
        Review.Workspace ws = review.open(new ReportId(id), who);
        ReviewCase c = ws.reviewCase();
        return new CaseView(
                CaseLine.of(c, null, LocalDate.now(clock)),
                ws.draft(),
                ws.original().isEmpty() ? null : new Original(ws.original(), ws.narrative()),
                ws.messages(),
                ws.residual().stream().map(Span::of).toList(),
                ws.identifying().stream().map(MarkView::of).toList(),
                ws.suggestedCodes(),
                ws.publication().orElse(null),
                c.shreddedOn(),
                c.rejectReason());
    }

    @PutMapping(path = "/cases/{id}/draft", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> draft(
            @AuthenticationPrincipal SignedIn who, @PathVariable UUID id, @RequestBody DraftBody body) {
        review.saveStageOne(
                new ReportId(id),
                who,
                body.version(),
                body.title(),
                body.narrative(),
                body.lessons(),
                body.codes(),
                Boolean.TRUE.equals(body.submit()));
        return ResponseEntity.noContent().build();
    }

    @PutMapping(path = "/cases/{id}/marks", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> marks(
            @AuthenticationPrincipal SignedIn who, @PathVariable UUID id, @RequestBody MarksBody body) {
        Map<Integer, Review.MarkDecision> decisions = new java.util.HashMap<>();
        for (MarkBody mark : body.marks() == null ? List.<MarkBody>of() : body.marks()) {
            decisions.put(mark.index(), new Review.MarkDecision(mark.accept(), mark.replacement()));
        }
        review.decideMarks(new ReportId(id), who, body.version(), decisions, body.handMarks());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/cases/{id}/questions", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Void> question(
            @AuthenticationPrincipal SignedIn who, @PathVariable UUID id, @RequestBody QuestionBody body) {
        review.ask(new ReportId(id), who, body.version(), body.text());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/cases/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> decide(
            @AuthenticationPrincipal SignedIn who, @PathVariable UUID id, @RequestBody DecisionBody body) {
        ReportId report = new ReportId(id);
        switch (String.valueOf(body.action())) {
            case "publish" -> {
                List<Review.Keep> keeps = body.keep() == null
                        ? List.of()
                        : body.keep().stream()
                                .filter(java.util.Objects::nonNull)
                                .map(k -> new Review.Keep(k.field(), k.words(), k.reason()))
                                .toList();
                ReportPublished published = review.publish(
                        report,
                        who,
                        body.version(),
                        body.title(),
                        body.narrative(),
                        body.lessons(),
                        body.takeaways(),
                        keeps,
                        Boolean.TRUE.equals(body.acknowledgeRisk()));
                return ResponseEntity.ok(new Published(published.publicId(), published.sequence()));
            }
            case "send-back" ->
                review.sendBack(
                        report,
                        who,
                        body.version(),
                        body.reason(),
                        body.title(),
                        body.narrative(),
                        body.lessons(),
                        body.takeaways());
            case "reject" -> review.reject(report, who, body.version(), body.reason());
            case "save" ->
                review.saveStageTwo(
                        report, who, body.version(), body.title(), body.narrative(), body.lessons(), body.takeaways());
            default ->
                throw new ReviewRefused(
                        ReviewRefused.Reason.INCOMPLETE,
                        "action",
                        "The action is one of save, publish, send-back, reject.");
        }
        return ResponseEntity.noContent().build();
    }

    /** How many published reports share the report's circumstances, and what each coarsening would give. */
    @GetMapping("/cases/{id}/risk")
    ReidentificationRisk.Assessment risk(@AuthenticationPrincipal SignedIn who, @PathVariable UUID id) {
        return review.risk(new ReportId(id), who);
    }

    /** Coarsens one coded answer for publication and answers with the count as it is now. */
    @PostMapping(path = "/cases/{id}/coarsen", consumes = MediaType.APPLICATION_JSON_VALUE)
    ReidentificationRisk.Assessment coarsen(
            @AuthenticationPrincipal SignedIn who, @PathVariable UUID id, @RequestBody CoarsenBody body) {
        ReportId report = new ReportId(id);
        review.coarsen(report, who, body.version(), body.field(), body.to());
        return review.risk(report, who);
    }

    @GetMapping("/taxonomy")
    Taxonomy.Data taxonomy() {
        return new Taxonomy.Data(taxonomy.version(), taxonomy.levels());
    }

    @PostMapping(path = "/suggestions", consumes = MediaType.APPLICATION_JSON_VALUE)
    Spans suggestions(@RequestBody TextBody body) {
        String text = body.text() == null ? "" : body.text();
        if (text.length() > Draft.MAX_NARRATIVE_CHARS) {
            throw new ReviewRefused(ReviewRefused.Reason.INCOMPLETE, "text", "Send up to 20,000 characters at a time.");
        }
        return new Spans(review.suggest(text).stream().map(Span::of).toList());
    }

    @ExceptionHandler(ReviewRefused.class)
    ResponseEntity<ProblemDetail> refused(ReviewRefused refused) {
        HttpStatus status = switch (refused.reason()) {
            case INCOMPLETE -> HttpStatus.BAD_REQUEST;
            case NOT_YOUR_ROLE -> HttpStatus.FORBIDDEN;
            case UNKNOWN -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.CONFLICT;
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refused.getMessage());
        problem.setTitle("Review step refused");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("reason", refused.reason().name());
        if (refused.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", refused.field(), "message", refused.getMessage())));
        }
        if (refused instanceof IdentifyingWordsLeft left) {
            problem.setProperty("marks", left.marks().stream().map(MarkView::of).toList());
        }
        if (refused instanceof RareCircumstances rare) {
            problem.setProperty("risk", rare.risk());
        }
        return ResponseEntity.status(status).body(problem);
    }
}
