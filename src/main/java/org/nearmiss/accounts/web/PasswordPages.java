package org.nearmiss.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.nearmiss.accounts.AccountProblem;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.system.Throttle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Forgotten passwords: a link by e-mail, then a new password; the second factor stays as it was. */
@Controller
class PasswordPages {

    private final Accounts accounts;
    private final Throttle throttle;

    PasswordPages(Accounts accounts, Throttle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @GetMapping("/password/reset")
    String requestForm() {
        return "accounts/password-request";
    }

    @PostMapping("/password/reset")
    String request(@RequestParam(required = false) String email, Model model, HttpServletRequest request) {
        throttle.admit(Throttle.Action.SIGN_IN, request);
        accounts.requestPasswordReset(email);
        model.addAttribute("sent", true);
        return "accounts/password-request";
    }

    @GetMapping("/password/reset/{token}")
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        if (!accounts.resetLinkValid(token)) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "accounts/join-expired";
        }
        model.addAttribute("token", token);
        return "accounts/password-new";
    }

    @PostMapping("/password/reset/{token}")
    String reset(
            @PathVariable String token,
            @RequestParam(required = false) String password,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        throttle.admit(Throttle.Action.SIGN_IN, request);
        try {
            accounts.resetPassword(token, password);
            return "redirect:/login?passwordChanged";
        } catch (AccountProblem problem) {
            if (problem.fields().getFirst().field().equals("token")) {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                return "accounts/join-expired";
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("token", token);
            model.addAttribute("problem", problem.getMessage());
            return "accounts/password-new";
        }
    }
}
