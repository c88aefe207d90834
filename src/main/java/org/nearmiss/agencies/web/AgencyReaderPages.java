package org.nearmiss.agencies.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.nearmiss.accounts.AccountProblem;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.agencies.Agencies;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A coordinator brings the agency's officers in as readers: an invitation by e-mail, or codes for
 * roll call. Each is counted for the agency's participation; nothing ties a reader to a report.
 */
@Controller
class AgencyReaderPages {

    private final Accounts accounts;
    private final Agencies agencies;

    AgencyReaderPages(Accounts accounts, Agencies agencies) {
        this.accounts = accounts;
        this.agencies = agencies;
    }

    @GetMapping("/agency/readers")
    String page(@AuthenticationPrincipal SignedIn who, Model model) {
        model.addAttribute("who", who);
        return "agencies/readers";
    }

    @PostMapping("/agency/invitations")
    String invite(
            @AuthenticationPrincipal SignedIn who,
            @RequestParam(required = false) String email,
            Model model,
            HttpServletResponse response) {
        try {
            accounts.invite(who, email, Role.READER);
            agencies.coordinatedBy(who).ifPresent(agency -> agencies.countReaderInvitations(agency, 1));
            model.addAttribute("invited", email);
        } catch (AccountProblem problem) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("inviteProblem", problem.getMessage());
            model.addAttribute("email", email);
        }
        return page(who, model);
    }

    @PostMapping("/agency/enrolment-codes")
    String codes(
            @AuthenticationPrincipal SignedIn who,
            @RequestParam(defaultValue = "0") String count,
            Model model,
            HttpServletResponse response) {
        try {
            List<String> codes = accounts.enrolmentCodes(who, parse(count));
            agencies.coordinatedBy(who).ifPresent(agency -> agencies.countReaderInvitations(agency, codes.size()));
            model.addAttribute("codes", codes);
        } catch (AccountProblem problem) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("codesProblem", problem.getMessage());
        }
        return page(who, model);
    }

    private static int parse(String count) {
        try {
            return Integer.parseInt(count.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
