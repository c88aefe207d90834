package org.nearmiss.agencies.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.agencies.AgencyProblem;
import org.nearmiss.agencies.AnalysisRequests;
import org.nearmiss.analysis.Briefings;
import org.nearmiss.analysis.RiskFactors;
import org.nearmiss.intake.FieldProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Analyses on request, for both sides of the thread: coordinators under {@code /agency/requests}, analysts
 * under {@code /analysis/requests}. The same pages; what each may do is checked by {@link AnalysisRequests}.
 */
@Controller
class RequestPages {

    private final AnalysisRequests requests;
    private final RiskFactors risks;
    private final Briefings briefings;

    RequestPages(AnalysisRequests requests, RiskFactors risks, Briefings briefings) {
        this.requests = requests;
        this.risks = risks;
        this.briefings = briefings;
    }

    @GetMapping({"/agency/requests", "/analysis/requests"})
    String list(@AuthenticationPrincipal SignedIn who, Model model) {
        return showList(who, model, "", "", null);
    }

    @PostMapping("/agency/requests")
    String ask(
            @AuthenticationPrincipal SignedIn who,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String body,
            Model model,
            HttpServletResponse response) {
        try {
            return "redirect:/agency/requests/" + requests.ask(who, title, body).id();
        } catch (AgencyProblem problem) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showList(who, model, title, body, problem);
        }
    }

    @GetMapping({"/agency/requests/{id}", "/analysis/requests/{id}"})
    String show(
            @AuthenticationPrincipal SignedIn who, @PathVariable UUID id, Model model, HttpServletResponse response) {
        return showRequest(who, id, model, response, Map.of(), null);
    }

    @PostMapping({"/agency/requests/{id}/messages", "/analysis/requests/{id}/messages"})
    String reply(
            @AuthenticationPrincipal SignedIn who,
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response) {
        String format = form.getFirst("format");
        try {
            Briefings.Export attachment = null;
            if (format != null && !format.isBlank()) {
                try {
                    attachment = briefings.export(format, form);
                } catch (Briefings.FilterInvalid invalid) {
                    throw new AgencyProblem(invalid.problems());
                }
            }
            requests.reply(who, id, form.getFirst("body"), attachment);
            return "redirect:" + base(who) + "/" + id;
        } catch (AgencyProblem problem) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showRequest(who, id, model, response, form.toSingleValueMap(), problem);
        }
    }

    @PostMapping({"/agency/requests/{id}/close", "/analysis/requests/{id}/close"})
    String close(@AuthenticationPrincipal SignedIn who, @PathVariable UUID id) {
        try {
            requests.close(who, id);
        } catch (AgencyProblem unknown) {
            // Nothing to close that this person may see: the list says what there is.
            return "redirect:" + base(who);
        }
        return "redirect:" + base(who) + "/" + id;
    }

    @GetMapping({"/agency/requests/{id}/attachments/{position}", "/analysis/requests/{id}/attachments/{position}"})
    ResponseEntity<byte[]> attachment(
            @AuthenticationPrincipal SignedIn who, @PathVariable UUID id, @PathVariable int position) {
        Optional<Briefings.Export> file = requests.attachment(who, id, position);
        if (file.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.get().mediaType()))
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment()
                                .filename(file.get().filename())
                                .build()
                                .toString())
                .body(file.get().content());
    }

    private String showList(SignedIn who, Model model, String title, String body, AgencyProblem problems) {
        model.addAttribute("who", who);
        model.addAttribute("base", base(who));
        model.addAttribute("analyst", isAnalyst(who));
        model.addAttribute("requests", requests.list(who));
        model.addAttribute("title", title);
        model.addAttribute("body", body);
        model.addAttribute("problems", problems);
        return "agencies/requests";
    }

    private String showRequest(
            SignedIn who,
            UUID id,
            Model model,
            HttpServletResponse response,
            Map<String, String> form,
            AgencyProblem problems) {
        Optional<AnalysisRequests.Request> request = requests.find(who, id);
        model.addAttribute("who", who);
        model.addAttribute("base", base(who));
        if (request.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "agencies/request-unknown";
        }
        model.addAttribute("request", request.get());
        model.addAttribute("analyst", isAnalyst(who));
        model.addAttribute("form", form);
        model.addAttribute("problems", problems == null ? new AgencyProblem(List.<FieldProblem>of()) : problems);
        model.addAttribute("choices", risks.choices());
        model.addAttribute("labels", labels());
        model.addAttribute("formats", Briefings.FORMATS);
        return "agencies/request";
    }

    private Map<String, String> labels() {
        Map<String, String> labels = new java.util.LinkedHashMap<>();
        risks.choices()
                .keySet()
                .forEach(id -> labels.put(id, id.equals("factors") ? "Contributing factor" : risks.questionLabel(id)));
        return labels;
    }

    private static boolean isAnalyst(SignedIn who) {
        return who.role().name().equals("ANALYST") || who.role().name().equals("ADMIN");
    }

    private static String base(SignedIn who) {
        return isAnalyst(who) ? "/analysis/requests" : "/agency/requests";
    }
}
