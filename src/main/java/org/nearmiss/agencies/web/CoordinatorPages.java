package org.nearmiss.agencies.web;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.agencies.Agencies;
import org.nearmiss.agencies.Agency;
import org.nearmiss.agencies.AgencyDashboard;
import org.nearmiss.agencies.AgencyProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A coordinator's own agency: its code and its dashboard. */
@Controller
class CoordinatorPages {

    private final Agencies agencies;
    private final AgencyDashboard dashboards;

    CoordinatorPages(Agencies agencies, AgencyDashboard dashboards) {
        this.agencies = agencies;
        this.dashboards = dashboards;
    }

    @GetMapping("/agency")
    String dashboard(@AuthenticationPrincipal SignedIn who, Model model) {
        model.addAttribute("who", who);
        Optional<Agency> agency = agencies.coordinatedBy(who);
        if (agency.isEmpty()) {
            return "agencies/none";
        }
        model.addAttribute("dashboard", dashboards.of(agency.get()));
        return "agencies/dashboard";
    }

    @GetMapping("/agency/dashboard.pdf")
    ResponseEntity<byte[]> briefing(@AuthenticationPrincipal SignedIn who) {
        return agencies.coordinatedBy(who)
                .map(agency -> file(
                        dashboards.briefing(dashboards.of(agency)), MediaType.APPLICATION_PDF, "nearmiss-agency.pdf"))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @GetMapping("/agency/dashboard.csv")
    ResponseEntity<byte[]> table(@AuthenticationPrincipal SignedIn who) {
        return agencies.coordinatedBy(who)
                .map(agency -> file(
                        dashboards.table(dashboards.of(agency)).getBytes(StandardCharsets.UTF_8),
                        new MediaType("text", "csv", StandardCharsets.UTF_8),
                        "nearmiss-agency.csv"))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        "Content-Disposition",
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }

    @PostMapping("/agency/code")
    String rotate(@AuthenticationPrincipal SignedIn who, RedirectAttributes redirect) {
        Optional<Agency> agency = agencies.coordinatedBy(who);
        if (agency.isPresent()) {
            try {
                redirect.addFlashAttribute(
                        "newCode", agencies.rotateCode(who, agency.get().id()));
            } catch (AgencyProblem problem) {
                redirect.addFlashAttribute("codeProblem", problem.getMessage());
            }
        }
        return "redirect:/agency";
    }
}
