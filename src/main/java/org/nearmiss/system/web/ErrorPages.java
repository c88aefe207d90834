package org.nearmiss.system.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a failure looks like when no handler answered it (unknown routes, refused access, oversized
 * bodies, faults in a page): problem details under {@code /api/}, a plain page elsewhere. Neither
 * ever shows an exception, a stack trace or the path of a file.
 */
@Controller
class ErrorPages implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String accept = request.getHeader("Accept");
        boolean api = (uri != null && uri.startsWith("/api/"))
                || (accept != null && accept.contains("json") && !accept.contains("html"));
        if (api) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, explanation(status));
            problem.setTitle(status.getReasonPhrase());
            ProblemJson.instanceOf(uri).ifPresent(problem::setInstance);
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return new ModelAndView(
                "error",
                Map.of("status", status.value(), "title", status.getReasonPhrase(), "explanation", explanation(status)),
                status);
    }

    /** The failed request's status; asked for directly, there was no failure, so there is nothing here. */
    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            return HttpStatus.NOT_FOUND;
        }
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    static String explanation(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "There is nothing at this address.";
            case FORBIDDEN, UNAUTHORIZED -> "This address is not open to you.";
            case METHOD_NOT_ALLOWED -> "This address does not accept that kind of request.";
            case CONTENT_TOO_LARGE -> "What was sent is too large.";
            case TOO_MANY_REQUESTS -> "Too many requests from this connection. Please wait a minute and try again.";
            case BAD_REQUEST -> "The request could not be understood.";
            case SERVICE_UNAVAILABLE ->
                "The service is briefly unavailable. Nothing was saved; please try again in a minute.";
            default ->
                status.is5xxServerError()
                        ? "Something went wrong on our side. Please try again in a moment."
                        : "The request could not be completed.";
        };
    }
}
