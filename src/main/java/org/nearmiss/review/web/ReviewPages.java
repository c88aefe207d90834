package org.nearmiss.review.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.intake.ReportId;
import org.nearmiss.review.Draft;
import org.nearmiss.review.IdentifyingMark;
import org.nearmiss.review.IdentifyingWordsLeft;
import org.nearmiss.review.Mark;
import org.nearmiss.review.RareCircumstances;
import org.nearmiss.review.ReidentificationRisk;
import org.nearmiss.review.Review;
import org.nearmiss.review.ReviewRefused;
import org.nearmiss.review.Stage;
import org.nearmiss.review.Taxonomy;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reviewers' pages: the queue with its clock, and one report's page for stage 1 (marks, draft,
 * codes, questions) and stage 2 (check, lessons, decide). A refused step re-renders the page with
 * what was typed and the reason beside the field it concerns.
 */
@Controller
class ReviewPages {

    private final Review review;
    private final Taxonomy taxonomy;
    private final java.time.Clock clock;

    ReviewPages(Review review, Taxonomy taxonomy, java.time.Clock clock) {
        this.review = review;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    @GetMapping("/review")
    String queue(@AuthenticationPrincipal SignedIn who, Model model) {
        List<Review.QueueItem> all = review.queue();
        model.addAttribute("who", who);
        model.addAttribute("today", java.time.LocalDate.now(clock));
        model.addAttribute("stageOne", inStage(all, Stage.STAGE_1));
        model.addAttribute("awaiting", inStage(all, Stage.AWAITING_REPORTER));
        model.addAttribute("stageTwo", inStage(all, Stage.STAGE_2));
        return "review/queue";
    }

    @GetMapping("/review/cases/{id}")
    String open(
            @AuthenticationPrincipal SignedIn who, @PathVariable UUID id, Model model, HttpServletResponse response) {
        return page(who, new ReportId(id), null, null, model, response);
    }

    @PostMapping("/review/cases/{id}/marks")
    String marks(
            @AuthenticationPrincipal SignedIn who,
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Step step = new Step(who, id, form, model, response, redirect);
        Map<Integer, Review.MarkDecision> decisions = new HashMap<>();
        List<String> accepted = form.getOrDefault("accept", List.of());
        for (String index : form.getOrDefault("mark", List.of())) {
            if (index.matches("\\d{1,5}")) {
                decisions.put(
                        Integer.parseInt(index),
                        new Review.MarkDecision(accepted.contains(index), form.getFirst("replacement" + index)));
            }
        }
        return act(
                step,
                "Marks applied to the draft.",
                () -> review.decideMarks(new ReportId(id), who, version(form), decisions, form.getFirst("handMarks")));
    }

    @PostMapping("/review/cases/{id}/stage-1")
    String stageOne(
            @AuthenticationPrincipal SignedIn who,
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Step step = new Step(who, id, form, model, response, redirect);
        boolean submit = "submit".equals(form.getFirst("action"));
        return act(
                step,
                submit ? "Sent to stage 2. Another approver will check it." : "Draft saved.",
                () -> review.saveStageOne(
                        new ReportId(id),
                        who,
                        version(form),
                        form.getFirst("title"),
                        form.getFirst("narrative"),
                        form.getFirst("lessons"),
                        form.getOrDefault("codes", List.of()),
                        submit));
    }

    @PostMapping("/review/cases/{id}/question")
    String question(
            @AuthenticationPrincipal SignedIn who,
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Step step = new Step(who, id, form, model, response, redirect);
        return act(
                step,
                "Question sent. The reporter sees it with the report key.",
                () -> review.ask(new ReportId(id), who, version(form), form.getFirst("question")));
    }

    @PostMapping("/review/cases/{id}/stage-2")
    String stageTwo(
            @AuthenticationPrincipal SignedIn who,
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Step step = new Step(who, id, form, model, response, redirect);
        ReportId report = new ReportId(id);
        String action = String.valueOf(form.getFirst("action"));
        String title = form.getFirst("title");
        String narrative = form.getFirst("narrative");
        String lessons = form.getFirst("lessons");
        String takeaways = form.getFirst("takeaways");
        String reason = form.getFirst("reason");
        return switch (action) {
            case "publish" ->
                act(
                        step,
                        "Published.",
                        () -> review.publish(
                                report,
                                who,
                                version(form),
                                title,
                                narrative,
                                lessons,
                                takeaways,
                                keepsOf(form),
                                "true".equals(form.getFirst("acknowledgeRisk"))));
            case "send-back" ->
                act(
                        step,
                        "Sent back to stage 1.",
                        () -> review.sendBack(
                                report, who, version(form), reason, title, narrative, lessons, takeaways));
            case "reject" ->
                act(
                        step,
                        "Rejected. The reporter's text is destroyed after the retention period.",
                        () -> review.reject(report, who, version(form), reason));
            default ->
                act(
                        step,
                        "Saved.",
                        () -> review.saveStageTwo(report, who, version(form), title, narrative, lessons, takeaways));
        };
    }

    /**
     * One click of stage 2's coarsening buttons: {@code coarsen=incidentMonth:quarter} (a question id
     * and the level to show it at). The page then shows the new count.
     */
    @PostMapping("/review/cases/{id}/coarsen")
    String coarsen(
            @AuthenticationPrincipal SignedIn who,
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Step step = new Step(who, id, form, model, response, redirect);
        String[] choice = String.valueOf(form.getFirst("coarsen")).split(":", 2);
        String field = choice[0];
        String to = choice.length == 2 ? choice[1] : null;
        return act(
                step,
                "Circumstances changed for publication: the count below is for them as they are now.",
                () -> review.coarsen(new ReportId(id), who, version(form), field, to));
    }

    /** One posted step of a report's page: who, which report, what was typed, and where to answer. */
    private record Step(
            SignedIn who,
            UUID id,
            MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {}

    private String act(Step step, String done, Runnable change) {
        try {
            change.run();
            step.redirect().addFlashAttribute("done", done);
            return "redirect:/review/cases/" + step.id();
        } catch (ReviewRefused refused) {
            return page(step.who(), new ReportId(step.id()), refused, step.form(), step.model(), step.response());
        }
    }

    private String page(
            SignedIn who,
            ReportId id,
            ReviewRefused refused,
            MultiValueMap<String, String> typed,
            Model model,
            HttpServletResponse response) {
        Review.Workspace workspace;
        try {
            workspace = review.open(id, who);
        } catch (ReviewRefused cannotOpen) {
            response.setStatus(statusOf(cannotOpen.reason()).value());
            model.addAttribute("who", who);
            return "review/unknown";
        }
        if (refused != null) {
            response.setStatus(statusOf(refused.reason()).value());
            model.addAttribute("problem", refused.getMessage());
            model.addAttribute("problemField", fieldOnPage(refused.field()));
        }
        Draft draft = workspace.draft();
        model.addAttribute("who", who);
        model.addAttribute("ws", workspace);
        model.addAttribute("c", workspace.reviewCase());
        model.addAttribute("today", java.time.LocalDate.now(clock));
        model.addAttribute("segments", Segment.of(workspace.narrative(), draft.marks()));
        model.addAttribute("taxonomy", taxonomy);
        // After a refused publish, the marks in what was typed, not in the saved draft.
        model.addAttribute(
                "markLines",
                refused instanceof IdentifyingWordsLeft left
                        ? MarkLine.of(left.found(), left.marks(), typed)
                        : MarkLine.of(
                                refused != null && "keep".equals(refused.field())
                                        ? review.identifyingIn(
                                                typed.getFirst("title"),
                                                typed.getFirst("narrative"),
                                                typed.getFirst("lessons"),
                                                typed.getFirst("takeaways"))
                                        : workspace.identifying(),
                                List.of(),
                                typed));
        model.addAttribute("form", typed == null ? Form.of(draft) : Form.of(typed, draft));
        model.addAttribute("risk", riskOf(who, id, workspace, refused));
        boolean stageOneRole = who.role() == Role.REVIEWER || who.role() == Role.APPROVER;
        Stage stage = workspace.reviewCase().stage();
        model.addAttribute("canStageOne", stageOneRole && (stage == Stage.STAGE_1 || stage == Stage.AWAITING_REPORTER));
        model.addAttribute("canAsk", stageOneRole && stage == Stage.STAGE_1);
        model.addAttribute(
                "canStageTwo",
                who.role() == Role.APPROVER
                        && stage == Stage.STAGE_2
                        && !workspace.reviewCase().workedOnStageOne(who.id()));
        return "review/case";
    }

    /** How rare the circumstances are, for approvers at stage 2; what a refused publish weighed, if it was that. */
    private ReidentificationRisk.Assessment riskOf(
            SignedIn who, ReportId id, Review.Workspace workspace, ReviewRefused refused) {
        if (refused instanceof RareCircumstances rare) {
            return rare.risk();
        }
        if (who.role() != Role.APPROVER || workspace.reviewCase().stage() != Stage.STAGE_2) {
            return null;
        }
        try {
            return review.risk(id, who);
        } catch (ReviewRefused notNow) {
            return null; // moved on since it was opened: the page says where it is now
        }
    }

    private static final Pattern KEEP_FIELD = Pattern.compile("keepField(\\d{1,5})");

    /** The marks the stage 2 form listed, each with the reason typed to keep it (blank keeps nothing). */
    private static List<Review.Keep> keepsOf(MultiValueMap<String, String> form) {
        List<Review.Keep> keeps = new ArrayList<>();
        for (String name : form.keySet()) {
            Matcher keep = KEEP_FIELD.matcher(name);
            if (keep.matches()) {
                String i = keep.group(1);
                keeps.add(new Review.Keep(
                        form.getFirst(name), form.getFirst("keepWords" + i), form.getFirst("keepReason" + i)));
            }
        }
        return keeps;
    }

    /** One mark the stage 2 form lists, numbered for its fields, with the reason typed for it so far. */
    public record MarkLine(int index, IdentifyingMark mark, String reason, boolean refused) {

        static List<MarkLine> of(
                List<IdentifyingMark> marks, List<IdentifyingMark> left, MultiValueMap<String, String> typed) {
            List<Review.Keep> keeps = typed == null ? List.of() : keepsOf(typed);
            List<MarkLine> lines = new ArrayList<>();
            for (IdentifyingMark mark : marks) {
                String reason = keeps.stream()
                        .filter(k -> k.field().equals(mark.field()) && k.words().equals(mark.words()))
                        .map(Review.Keep::reason)
                        .findFirst()
                        .orElse("");
                lines.add(new MarkLine(lines.size(), mark, reason, left.contains(mark)));
            }
            return lines;
        }
    }

    private static HttpStatus statusOf(ReviewRefused.Reason reason) {
        return switch (reason) {
            case INCOMPLETE -> HttpStatus.BAD_REQUEST;
            case NOT_YOUR_ROLE -> HttpStatus.FORBIDDEN;
            case UNKNOWN -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.CONFLICT;
        };
    }

    private static final Pattern MARK_REPLACEMENT = Pattern.compile("marks\\[(\\d{1,5})]\\.replacement");

    /** The form field a refusal names: a mark's replacement is {@code replacement3} on the page. */
    private static String fieldOnPage(String field) {
        if (field == null) {
            return null;
        }
        Matcher mark = MARK_REPLACEMENT.matcher(field);
        return mark.matches() ? "replacement" + mark.group(1) : field;
    }

    private static Long version(MultiValueMap<String, String> form) {
        String version = form.getFirst("version");
        return version != null && version.matches("\\d{1,18}") ? Long.valueOf(version) : null;
    }

    private static List<Review.QueueItem> inStage(List<Review.QueueItem> all, Stage stage) {
        return all.stream().filter(i -> i.reviewCase().stage() == stage).toList();
    }

    /** What the forms show: the saved draft, or what was typed when a step was refused. */
    public record Form(
            String title,
            String narrative,
            String lessons,
            String takeaways,
            List<String> codes,
            String handMarks,
            String question,
            String reason,
            boolean acknowledgeRisk) {

        static Form of(Draft draft) {
            return new Form(
                    draft.title(),
                    draft.narrative(),
                    draft.lessons(),
                    draft.takeaways(),
                    draft.codes(),
                    draft.handMarks(),
                    "",
                    "",
                    false);
        }

        static Form of(MultiValueMap<String, String> typed, Draft draft) {
            return new Form(
                    or(typed.getFirst("title"), draft.title()),
                    or(typed.getFirst("narrative"), draft.narrative()),
                    or(typed.getFirst("lessons"), draft.lessons()),
                    or(typed.getFirst("takeaways"), draft.takeaways()),
                    typed.containsKey("codes") || typed.containsKey("title")
                            ? typed.getOrDefault("codes", List.of())
                            : draft.codes(),
                    or(typed.getFirst("handMarks"), draft.handMarks()),
                    or(typed.getFirst("question"), ""),
                    or(typed.getFirst("reason"), ""),
                    "true".equals(typed.getFirst("acknowledgeRisk")));
        }

        private static String or(String typed, String saved) {
            return typed == null ? saved : typed;
        }

        public boolean hasCode(String code) {
            return codes.contains(code);
        }
    }

    /** A stretch of the reporter's narrative, marked (with the mark's number) or not. */
    public record Segment(String text, Integer mark, Mark markData) {

        static List<Segment> of(String narrative, List<Mark> marks) {
            List<Segment> segments = new ArrayList<>();
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < marks.size(); i++) {
                if (marks.get(i).end() <= narrative.length()) {
                    order.add(i);
                }
            }
            order.sort(Comparator.comparingInt(i -> marks.get(i).start()));
            int at = 0;
            for (int i : order) {
                Mark mark = marks.get(i);
                if (mark.start() < at) {
                    continue;
                }
                if (mark.start() > at) {
                    segments.add(new Segment(narrative.substring(at, mark.start()), null, null));
                }
                segments.add(new Segment(narrative.substring(mark.start(), mark.end()), i, mark));
                at = mark.end();
            }
            if (at < narrative.length()) {
                segments.add(new Segment(narrative.substring(at), null, null));
            }
            return segments;
        }
    }
}
