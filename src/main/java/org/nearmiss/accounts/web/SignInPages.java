package org.nearmiss.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.AccountProblem;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Enrolment;
import org.nearmiss.accounts.SecondFactorAlreadySet;
import org.nearmiss.accounts.SignInRefused;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.system.Throttle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in: password, then the authenticator code (or, for an account without one, setting one up
 * first), then the account page. A sign-in in progress reaches nothing else: every other route
 * answers it as it answers a visitor who has not signed in.
 */
@Controller
class SignInPages {

    private final Accounts accounts;
    private final SignInSession session;
    private final Throttle throttle;

    SignInPages(Accounts accounts, SignInSession session, Throttle throttle) {
        this.accounts = accounts;
        this.session = session;
        this.throttle = throttle;
    }

    @GetMapping("/login")
    String form(
            @RequestParam(required = false) String signedOut,
            @RequestParam(required = false) String passwordChanged,
            Model model) {
        model.addAttribute("signedOut", signedOut != null);
        model.addAttribute("passwordChanged", passwordChanged != null);
        return "accounts/login";
    }

    @PostMapping("/login")
    String password(
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String password,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        throttle.admit(Throttle.Action.SIGN_IN, request);
        try {
            Accounts.PasswordAccepted accepted = accounts.checkPassword(email, password);
            session.passwordAccepted(request, accepted.accountId());
            if (accepted.hasSecondFactor()) {
                return "redirect:/login/code";
            }
            if (accepted.requiresSecondFactor()) {
                return "redirect:/login/enrol";
            }
            session.complete(request, response, accounts.completeWithoutSecondFactor(accepted.accountId()));
            return "redirect:/account";
        } catch (SignInRefused refused) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("problem", refused.getMessage());
            model.addAttribute("email", email);
            return "accounts/login";
        }
    }

    @GetMapping("/login/code")
    String codeForm() {
        return "accounts/code";
    }

    @PostMapping("/login/code")
    String code(
            @RequestParam(required = false) String code,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        throttle.admit(Throttle.Action.SIGN_IN, request);
        Optional<AccountId> pending = session.pending(request);
        if (pending.isEmpty()) {
            return "redirect:/login";
        }
        try {
            session.complete(request, response, accounts.checkSecondFactor(pending.get(), code));
            return "redirect:/account";
        } catch (SignInRefused refused) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute(
                    "problem", "That code is not right. Enter the 6 digits your app shows now, or a recovery code.");
            return "accounts/code";
        }
    }

    @GetMapping("/login/enrol")
    String enrolForm(Model model, HttpServletRequest request) {
        Optional<AccountId> pending = session.pending(request);
        if (pending.isEmpty()) {
            return "redirect:/login";
        }
        try {
            Enrolment enrolment = session.enrolment(request)
                    .filter(e -> e.accountId().equals(pending.get()))
                    .orElseGet(() -> accounts.startEnrolment(pending.get()));
            session.enrolment(request, enrolment);
            model.addAttribute("enrolment", enrolment);
            return "accounts/enrol";
        } catch (SecondFactorAlreadySet | SignInRefused refused) {
            return "redirect:" + session.abandon(request);
        }
    }

    @PostMapping("/login/enrol")
    String enrol(
            @RequestParam(required = false) String code,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        throttle.admit(Throttle.Action.SIGN_IN, request);
        Optional<AccountId> pending = session.pending(request);
        Optional<Enrolment> enrolment = session.enrolment(request);
        if (pending.isEmpty()
                || enrolment.isEmpty()
                || !enrolment.get().accountId().equals(pending.get())) {
            return "redirect:/login";
        }
        try {
            List<String> codes = accounts.confirmEnrolment(enrolment.get(), code);
            SignedIn who = accounts.signedIn(pending.get());
            session.complete(request, response, who);
            session.recoveryCodes(request, codes);
            return "redirect:/login/recovery-codes";
        } catch (SecondFactorAlreadySet | SignInRefused refused) {
            return "redirect:" + session.abandon(request);
        } catch (AccountProblem problem) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("enrolment", enrolment.get());
            model.addAttribute("problem", problem.getMessage());
            return "accounts/enrol";
        }
    }

    @GetMapping("/login/recovery-codes")
    String recoveryCodes(Model model, HttpServletRequest request) {
        List<String> codes = session.takeRecoveryCodes(request);
        if (codes.isEmpty()) {
            return "redirect:/account";
        }
        model.addAttribute("codes", codes);
        return "accounts/recovery-codes";
    }
}
