package org.nearmiss.intake.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nearmiss.intake.AnswersInvalid;
import org.nearmiss.intake.FieldProblem;
import org.nearmiss.intake.Filing;
import org.nearmiss.intake.Intake;
import org.nearmiss.intake.Question;
import org.nearmiss.intake.Questionnaire;
import org.nearmiss.intake.QuestionnaireUnknown;
import org.nearmiss.intake.Questionnaires;
import org.nearmiss.intake.ReportKey;
import org.nearmiss.intake.ReportKeyUnknown;
import org.nearmiss.system.Throttle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reporter's pages: home, the Share Your Story form, the key shown once, and the status page.
 * Server-rendered and complete without JavaScript; no session, no cookie, keys only ever in a body.
 */
@Controller
class SharePages {

    private static final String VERSION_FIELD = "questionnaireVersion";
    /** The name of the "Check my words" button: present when the reporter asked for a check, not to send. */
    private static final String CHECK_FIELD = "check";

    private final Questionnaires questionnaires;
    private final Intake intake;
    private final Throttle throttle;

    SharePages(Questionnaires questionnaires, Intake intake, Throttle throttle) {
        this.questionnaires = questionnaires;
        this.intake = intake;
        this.throttle = throttle;
    }

    @GetMapping("/")
    String home() {
        return "intake/home";
    }

    @GetMapping("/share")
    String form(Model model) {
        return showForm(model, questionnaires.current(), Map.of(), List.of());
    }

    @PostMapping("/share")
    String file(
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        throttle.admit(Throttle.Action.FILE, request);
        Map<String, List<String>> answers = new LinkedHashMap<>(form);
        answers.remove(VERSION_FIELD);
        answers.remove(CHECK_FIELD);
        Integer version = parseVersion(form.getFirst(VERSION_FIELD));
        if (form.containsKey(CHECK_FIELD)) {
            // "Check my words": the same form back with what looks identifying; nothing is stored.
            Questionnaire shown;
            try {
                shown = questionnaires.version(version);
            } catch (QuestionnaireUnknown stale) {
                shown = questionnaires.current();
            }
            model.addAttribute("identifying", intake.identifying(version, answers));
            model.addAttribute("checked", true);
            return showForm(model, shown, answers, List.of());
        }
        try {
            Filing filing = intake.submit(version, answers);
            model.addAttribute("reportKey", filing.key().display());
            model.addAttribute("notices", filing.notices());
            return "intake/filed";
        } catch (AnswersInvalid invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showForm(model, questionnaires.version(version), answers, invalid.problems());
        } catch (QuestionnaireUnknown stale) {
            // The form was changed since this page was loaded: keep what fits and ask to check.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Questionnaire current = questionnaires.current();
            answers.keySet().removeIf(id -> current.question(id).isEmpty());
            return showForm(
                    model,
                    current,
                    answers,
                    List.of(new FieldProblem(
                            current.questions().getFirst().id(),
                            "The form was updated while you were writing. Please check your answers and send again.")));
        }
    }

    @GetMapping("/status")
    String statusForm() {
        return "intake/status";
    }

    @PostMapping("/status")
    String status(
            @RequestParam(required = false) String reportKey,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        throttle.admit(Throttle.Action.LOOKUP, request);
        return showStatus(reportKey, model, response);
    }

    @PostMapping("/status/reply")
    String reply(
            @RequestParam(required = false) String reportKey,
            @RequestParam(required = false) String text,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        throttle.admit(Throttle.Action.LOOKUP, request);
        try {
            intake.reply(reportKey, text);
            model.addAttribute("replySent", true);
        } catch (ReportKeyUnknown unknown) {
            return keyUnknown(model, response);
        } catch (AnswersInvalid invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("replyProblem", invalid.problems().getFirst().message());
            model.addAttribute("replyText", text);
        }
        return showStatus(reportKey, model, response);
    }

    private String showStatus(String reportKey, Model model, HttpServletResponse response) {
        try {
            model.addAttribute("status", intake.status(reportKey));
            model.addAttribute(
                    "reportKey",
                    ReportKey.parse(reportKey).map(ReportKey::display).orElse(""));
            return "intake/status";
        } catch (ReportKeyUnknown unknown) {
            return keyUnknown(model, response);
        }
    }

    private static String keyUnknown(Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("keyProblem", "No report has this key. Check each group of four and try again.");
        return "intake/status";
    }

    private static String showForm(
            Model model, Questionnaire questionnaire, Map<String, List<String>> answers, List<FieldProblem> problems) {
        Map<String, String> byField = new LinkedHashMap<>();
        problems.forEach(p -> byField.putIfAbsent(p.field(), p.message()));
        model.addAttribute("questionnaire", questionnaire);
        model.addAttribute("answers", answers);
        model.addAttribute("problems", byField);
        model.addAttribute("labels", labelsOf(questionnaire));
        return "intake/share";
    }

    private static Map<String, String> labelsOf(Questionnaire questionnaire) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Question q : questionnaire.questions()) {
            labels.put(q.id(), q.label());
        }
        return labels;
    }

    private static Integer parseVersion(String version) {
        try {
            return version == null ? null : Integer.valueOf(version.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
