package org.nearmiss.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.nearmiss.accounts.AccountProblem;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.ApiTokens;
import org.nearmiss.accounts.Enrolment;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.system.Throttle;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in person's own page: who they are, their API tokens, replacing the authenticator app,
 * signing out everywhere.
 */
@Controller
class AccountPages {

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final SignInSession session;
    private final Throttle throttle;
    private final Clock clock;

    AccountPages(Accounts accounts, ApiTokens tokens, SignInSession session, Throttle throttle, Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.tokens = tokens;
        this.session = session;
        this.throttle = throttle;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SignedIn who, Model model) {
        model.addAttribute("who", who);
        model.addAttribute("tokens", tokens.of(who.id()));
        model.addAttribute("today", LocalDate.now(clock));
        return "accounts/account";
    }

    private static int daysOf(String days) {
        if (days == null || days.isBlank()) {
            return ApiTokens.DEFAULT_DAYS;
        }
        try {
            return Integer.parseInt(days.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A new personal API token, shown on the page this once. */
    @PostMapping("/account/tokens")
    String createToken(
            @AuthenticationPrincipal SignedIn who,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String days,
            Model model,
            HttpServletResponse response) {
        try {
            model.addAttribute("newToken", tokens.create(who, name, daysOf(days)));
        } catch (AccountProblem problem) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute(
                    problem.fields().getFirst().field().equals("days") ? "daysProblem" : "tokenProblem",
                    problem.getMessage());
        }
        return account(who, model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal SignedIn who, @PathVariable UUID id) {
        tokens.revoke(who, id);
        return "redirect:/account";
    }

    /** Signs out on every device, this one included, and revokes every personal token. */
    @PostMapping("/account/sessions/end")
    String endAllSessions(@AuthenticationPrincipal SignedIn who) {
        accounts.signOutEverywhere(who);
        return "redirect:/login?signedOut";
    }

    @GetMapping("/account/second-factor")
    String replaceFactorForm(@AuthenticationPrincipal SignedIn who, Model model, HttpServletRequest request) {
        Enrolment enrolment = session.enrolment(request)
                .filter(e -> e.accountId().equals(who.id()))
                .orElseGet(() -> accounts.startReplacement(who));
        session.enrolment(request, enrolment);
        model.addAttribute("enrolment", enrolment);
        return "accounts/replace-factor";
    }

    /** Replaces the authenticator; every session ends, this one too, so the codes are shown on this answer. */
    @PostMapping("/account/second-factor")
    String replaceFactor(
            @AuthenticationPrincipal SignedIn who,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String code,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        throttle.admit(Throttle.Action.SIGN_IN, request);
        Optional<Enrolment> enrolment =
                session.enrolment(request).filter(e -> e.accountId().equals(who.id()));
        if (enrolment.isEmpty()) {
            return "redirect:/account/second-factor";
        }
        try {
            List<String> codes = accounts.confirmReplacement(who, enrolment.get(), password, code);
            session.end(request);
            model.addAttribute("codes", codes);
            model.addAttribute("signInAgain", true);
            return "accounts/recovery-codes";
        } catch (AccountProblem problem) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("enrolment", enrolment.get());
            for (AccountProblem.Field field : problem.fields()) {
                model.addAttribute(field.field() + "Problem", field.message());
            }
            return "accounts/replace-factor";
        }
    }
}
