package org.nearmiss.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.AccountProblem;
import org.nearmiss.accounts.Accounts;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Accepting an invitation (or the first admin's set-up link): name and password, then the second factor. */
@Controller
class JoinPages {

    private final Accounts accounts;
    private final SignInSession session;

    JoinPages(Accounts accounts, SignInSession session) {
        this.accounts = accounts;
        this.session = session;
    }

    @GetMapping("/join/{token}")
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<Accounts.Invitation> invitation = accounts.invitation(token);
        if (invitation.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "accounts/join-expired";
        }
        return show(model, token, invitation.get(), Map.of(), "", "");
    }

    @PostMapping("/join/{token}")
    String join(
            @PathVariable String token,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String password,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        Optional<Accounts.Invitation> invitation = accounts.invitation(token);
        if (invitation.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "accounts/join-expired";
        }
        try {
            AccountId id = accounts.accept(token, email, displayName, password);
            session.passwordAccepted(request, id);
            if (invitation.get().role().requiresSecondFactor()) {
                return "redirect:/login/enrol";
            }
            session.complete(request, response, accounts.completeWithoutSecondFactor(id));
            return "redirect:/account";
        } catch (AccountProblem problem) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, String> problems = new LinkedHashMap<>();
            problem.fields().forEach(f -> problems.putIfAbsent(f.field(), f.message()));
            return show(model, token, invitation.get(), problems, email, displayName);
        }
    }

    private static String show(
            Model model,
            String token,
            Accounts.Invitation invitation,
            Map<String, String> problems,
            String email,
            String displayName) {
        model.addAttribute("token", token);
        model.addAttribute("invitation", invitation);
        model.addAttribute("problems", problems);
        model.addAttribute("email", invitation.email().orElse(email == null ? "" : email));
        model.addAttribute("displayName", displayName == null ? "" : displayName);
        return "accounts/join";
    }
}
