package org.nearmiss.agencies.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.nearmiss.agencies.Agencies;
import org.nearmiss.agencies.AgencyProblem;
import org.nearmiss.system.Throttle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** Anyone may ask for an agency to take part; an admin decides. */
@Controller
class AgencyJoinPages {

    private final Agencies agencies;
    private final Throttle throttle;

    AgencyJoinPages(Agencies agencies, Throttle throttle) {
        this.agencies = agencies;
        this.throttle = throttle;
    }

    @GetMapping("/agencies/join")
    String form(Model model) {
        return show(model, new Agencies.Application(null, null, null, null, null, null, null, null, null), null);
    }

    @PostMapping("/agencies/join")
    String ask(
            @ModelAttribute Agencies.Application form,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        // Asking is as open as signing in, and throttled the same way.
        throttle.admit(Throttle.Action.SIGN_IN, request);
        try {
            model.addAttribute("asked", agencies.ask(form));
            return show(model, form, null);
        } catch (AgencyProblem problem) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(model, form, problem);
        }
    }

    private static String show(Model model, Agencies.Application form, AgencyProblem problems) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("kinds", Choices.kinds());
        model.addAttribute("sizes", Choices.sizes());
        model.addAttribute("states", Choices.states());
        return "agencies/join";
    }
}
