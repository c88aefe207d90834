package org.nearmiss.accounts.web;

import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The signed-in person's own page. */
@Controller
class AccountPages {

    private final Accounts accounts;

    AccountPages(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SignedIn who, Model model) {
        model.addAttribute("who", who);
        return "accounts/account";
    }

    /** Signs out on every device, this one included. */
    @PostMapping("/account/sessions/end")
    String endAllSessions(@AuthenticationPrincipal SignedIn who) {
        accounts.endSessions(who.email());
        return "redirect:/login?signedOut";
    }
}
