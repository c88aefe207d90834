package org.nearmiss.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.nearmiss.accounts.AccountProblem;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.system.Throttle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** How an officer becomes a reader without an invitation link: a government address, or a roll-call code. */
@Controller
class ReaderPages {

    private final Accounts accounts;
    private final Throttle throttle;

    ReaderPages(Accounts accounts, Throttle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @GetMapping("/signup")
    String signUpForm() {
        return "accounts/signup";
    }

    @PostMapping("/signup")
    String signUp(
            @RequestParam(required = false) String email,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        throttle.admit(Throttle.Action.SIGN_IN, request);
        try {
            accounts.requestReaderSignUp(email);
            model.addAttribute("sent", true);
        } catch (AccountProblem problem) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", problem.getMessage());
            model.addAttribute("email", email);
        }
        return "accounts/signup";
    }

    @GetMapping("/enrol")
    String codeForm() {
        return "accounts/enrol-code";
    }

    @PostMapping("/enrol")
    String code(
            @RequestParam(required = false) String code,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        throttle.admit(Throttle.Action.SIGN_IN, request);
        Optional<String> token = accounts.enrolmentToken(code);
        if (token.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", "That code is not valid: check it, or ask your coordinator for a new one.");
            return "accounts/enrol-code";
        }
        return "redirect:/join/" + token.get();
    }
}
