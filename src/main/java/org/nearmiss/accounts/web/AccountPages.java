package org.nearmiss.accounts.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.nearmiss.accounts.AccountProblem;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.ApiTokens;
import org.nearmiss.accounts.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The signed-in person's own page: who they are, their API tokens, signing out everywhere. */
@Controller
class AccountPages {

    private final Accounts accounts;
    private final ApiTokens tokens;

    AccountPages(Accounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SignedIn who, Model model) {
        model.addAttribute("who", who);
        model.addAttribute("tokens", tokens.of(who.id()));
        return "accounts/account";
    }

    /** A new personal API token, shown on the page this once. */
    @PostMapping("/account/tokens")
    String createToken(
            @AuthenticationPrincipal SignedIn who,
            @RequestParam(required = false) String name,
            Model model,
            HttpServletResponse response) {
        try {
            model.addAttribute("newToken", tokens.create(who, name));
        } catch (AccountProblem problem) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("tokenProblem", problem.getMessage());
        }
        return account(who, model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal SignedIn who, @PathVariable UUID id) {
        tokens.revoke(who, id);
        return "redirect:/account";
    }

    /** Signs out on every device, this one included. */
    @PostMapping("/account/sessions/end")
    String endAllSessions(@AuthenticationPrincipal SignedIn who) {
        accounts.endSessions(who.email());
        return "redirect:/login?signedOut";
    }
}
