package org.nearmiss.system.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.nearmiss.system.Throttle.TooManyRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Failures of the pages as a plain error page, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE)
class PageProblems {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    @ExceptionHandler(TooManyRequests.class)
    ModelAndView tooManyRequests(TooManyRequests flood, HttpServletResponse response) {
        response.setHeader("Retry-After", String.valueOf(flood.retryAfterSeconds()));
        return page(HttpStatus.TOO_MANY_REQUESTS);
    }

    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        CannotCreateTransactionException.class,
        TransactionSystemException.class
    })
    ModelAndView databaseUnavailable(Exception failure, HttpServletResponse response) {
        log.warn("Database unavailable: {}", failure.getClass().getName());
        response.setHeader("Retry-After", "30");
        return page(HttpStatus.SERVICE_UNAVAILABLE);
    }

    /**
     * A request the framework could not take (a path or parameter of the wrong type, a missing
     * parameter, an unreadable body, a wrong method) is the sender's mistake: its own 4xx, never a 500
     * and never a log line (it may carry a reporter's words). Anything else is unexpected: 500, and the
     * log gets its outline without messages.
     */
    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception failure) {
        HttpStatus status = Failures.clientStatusOf(failure).orElse(HttpStatus.INTERNAL_SERVER_ERROR);
        if (status.is5xxServerError()) {
            log.error("Unexpected failure in a page: {}", Failures.outline(failure));
        }
        return page(status);
    }

    private static ModelAndView page(HttpStatus status) {
        return new ModelAndView(
                "error",
                Map.of(
                        "status",
                        status.value(),
                        "title",
                        status.getReasonPhrase(),
                        "explanation",
                        ErrorPages.explanation(status)),
                status);
    }
}
