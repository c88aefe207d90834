package org.nearmiss.agencies.web;

import java.util.UUID;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.agencies.Agencies;
import org.nearmiss.agencies.AgencyProblem;
import org.nearmiss.agencies.ProgrammeStatistics;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins decide on agencies' requests, add coordinators, change codes, and read the programme's figures. */
@Controller
class AgencyAdminPages {

    private final Agencies agencies;
    private final ProgrammeStatistics programme;

    AgencyAdminPages(Agencies agencies, ProgrammeStatistics programme) {
        this.agencies = agencies;
        this.programme = programme;
    }

    @GetMapping("/admin/agencies")
    String list(@AuthenticationPrincipal SignedIn who, Model model) {
        model.addAttribute("who", who);
        model.addAttribute("agencies", agencies.all());
        return "agencies/admin";
    }

    @PostMapping("/admin/agencies/{id}/approve")
    String approve(@AuthenticationPrincipal SignedIn who, @PathVariable UUID id, RedirectAttributes redirect) {
        return change(redirect, () -> {
            Agencies.Approved approved = agencies.approve(who, id);
            redirect.addFlashAttribute("notInvited", approved.notInvited());
            return "Approved " + approved.agency().name() + ". Its code is "
                    + approved.agency().code() + ".";
        });
    }

    @PostMapping("/admin/agencies/{id}/decline")
    String decline(
            @AuthenticationPrincipal SignedIn who,
            @PathVariable UUID id,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return change(redirect, () -> {
            agencies.decline(who, id, reason);
            return "Declined.";
        });
    }

    @PostMapping("/admin/agencies/{id}/coordinators")
    String addCoordinator(
            @AuthenticationPrincipal SignedIn who,
            @PathVariable UUID id,
            @RequestParam(required = false) String coordinatorName,
            @RequestParam(required = false) String coordinatorEmail,
            RedirectAttributes redirect) {
        return change(redirect, () -> {
            Agencies.Approved added = agencies.addCoordinator(who, id, coordinatorName, coordinatorEmail);
            redirect.addFlashAttribute("notInvited", added.notInvited());
            return "Added a coordinator to " + added.agency().name() + ".";
        });
    }

    @PostMapping("/admin/agencies/{id}/coordinators/remove")
    String removeCoordinator(
            @AuthenticationPrincipal SignedIn who,
            @PathVariable UUID id,
            @RequestParam(required = false) String coordinatorEmail,
            RedirectAttributes redirect) {
        return change(redirect, () -> {
            agencies.removeCoordinator(who, id, coordinatorEmail);
            return coordinatorEmail + " no longer coordinates the agency.";
        });
    }

    @PostMapping("/admin/agencies/{id}/code")
    String rotate(@AuthenticationPrincipal SignedIn who, @PathVariable UUID id, RedirectAttributes redirect) {
        return change(
                redirect, () -> "The new code is " + agencies.rotateCode(who, id) + "; the old one no longer counts.");
    }

    @GetMapping("/admin/programme")
    String programme(@AuthenticationPrincipal SignedIn who, Model model) {
        model.addAttribute("who", who);
        model.addAttribute("figures", programme.figures());
        return "agencies/programme";
    }

    private static String change(RedirectAttributes redirect, java.util.function.Supplier<String> change) {
        try {
            redirect.addFlashAttribute("changed", change.get());
        } catch (AgencyProblem problem) {
            redirect.addFlashAttribute("changeProblem", problem.getMessage());
        }
        return "redirect:/admin/agencies";
    }
}
