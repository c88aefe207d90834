package org.nearmiss.accounts.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.AccountProblem;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Links;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.system.AuditCheckpoints;
import org.nearmiss.system.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins list accounts, invite staff by link, disable and re-role accounts, and read the audit log. */
@Controller
class AdminPages {

    private final Accounts accounts;
    private final AuditLog audit;
    private final Links links;
    private final AuditCheckpoints checkpoints;

    AdminPages(Accounts accounts, AuditLog audit, Links links, AuditCheckpoints checkpoints) {
        this.accounts = accounts;
        this.audit = audit;
        this.links = links;
        this.checkpoints = checkpoints;
    }

    @GetMapping("/admin/accounts")
    String list(Model model) {
        model.addAttribute("accounts", accounts.list());
        model.addAttribute("roles", Role.values());
        return "accounts/admin-accounts";
    }

    @PostMapping("/admin/invitations")
    String invite(
            @AuthenticationPrincipal SignedIn who,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String role,
            Model model,
            HttpServletResponse response) {
        Optional<Role> chosen = roleOf(role);
        try {
            if (chosen.isEmpty()) {
                throw new AccountProblem("role", "Choose a role.");
            }
            String token = accounts.invite(who, email, chosen.get());
            model.addAttribute("invitationLink", links.to("/join/" + token));
            model.addAttribute("invitedEmail", email);
        } catch (AccountProblem problem) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("inviteProblem", problem.getMessage());
            model.addAttribute("inviteEmail", email);
        }
        return list(model);
    }

    @PostMapping("/admin/accounts/{id}/enabled")
    String enabled(
            @AuthenticationPrincipal SignedIn who,
            @PathVariable UUID id,
            @RequestParam boolean enabled,
            RedirectAttributes redirect) {
        return change(redirect, () -> accounts.setEnabled(who, new AccountId(id), enabled));
    }

    @PostMapping("/admin/accounts/{id}/role")
    String role(
            @AuthenticationPrincipal SignedIn who,
            @PathVariable UUID id,
            @RequestParam(required = false) String role,
            RedirectAttributes redirect) {
        return change(
                redirect,
                () -> accounts.changeRole(
                        who,
                        new AccountId(id),
                        roleOf(role).orElseThrow(() -> new AccountProblem("role", "Choose a role."))));
    }

    /** A lost authenticator: the owner sets up a new one at the next sign-in. */
    @PostMapping("/admin/accounts/{id}/second-factor/reset")
    String resetSecondFactor(
            @AuthenticationPrincipal SignedIn who, @PathVariable UUID id, RedirectAttributes redirect) {
        return change(redirect, () -> accounts.resetSecondFactor(who, new AccountId(id)));
    }

    @GetMapping("/admin/audit")
    String audit(Model model) {
        model.addAttribute("entries", audit.latest(200));
        model.addAttribute("verification", audit.verify(checkpoints.recorded()));
        model.addAttribute("checkpointsKept", checkpoints.kept());
        return "accounts/admin-audit";
    }

    private static String change(RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("changed", true);
        } catch (AccountProblem problem) {
            redirect.addFlashAttribute("changeProblem", problem.getMessage());
        }
        return "redirect:/admin/accounts";
    }

    private static Optional<Role> roleOf(String role) {
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst();
    }
}
