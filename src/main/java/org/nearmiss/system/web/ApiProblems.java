package org.nearmiss.system.web;

import java.lang.invoke.MethodType;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.nearmiss.system.Throttle.TooManyRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every failure of the JSON API as RFC 9457 problem details: the framework's own (unreadable body,
 * wrong method or media type; a value of the wrong JSON type names its field in {@code errors}),
 * floods, oversized bodies, and, last, anything unexpected, which answers 500 without a word of its
 * cause.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.LOWEST_PRECEDENCE - 1)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooManyRequests(TooManyRequests flood) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests from this connection. Please try again in " + flood.retryAfterSeconds()
                        + " seconds.");
        problem.setTitle("Too many requests");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(flood.retryAfterSeconds()))
                .body(problem);
    }

    /** The database is unreachable or restarting: nothing was stored, and trying again later will work. */
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        CannotCreateTransactionException.class,
        TransactionSystemException.class
    })
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception failure) {
        log.warn("Database unavailable: {}", failure.getClass().getName());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The service is briefly unavailable. Nothing was saved; please try again in a minute.");
        problem.setTitle("Service unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "30")
                .body(problem);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception failure) {
        log.error("Unexpected failure in the API: {}", Failures.outline(failure));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Nothing was saved; please try again.");
        problem.setTitle("Internal error");
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        if (Failures.causedBy(unreadable, BodySizeLimit.BodyTooLarge.class)) {
            ProblemDetail problem =
                    ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large.");
            problem.setTitle("Content too large");
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
        }
        // The parser's own message may quote the body, which may be a reporter's words: never echo it.
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape.");
        problem.setTitle("Unreadable request");
        fieldProblemOf(unreadable).ifPresent(error -> {
            problem.setDetail("A field of the request needs attention; nothing was changed.");
            problem.setProperty("errors", List.of(error));
        });
        return ResponseEntity.badRequest().body(problem);
    }

    /** A field name as the API's request records spell them; anything else a client made up is not echoed. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");

    /**
     * The field a body was refused for, and what it should hold, in our own words: a value of another
     * JSON type than the field's (which {@link RequestJson} never converts), a number out of range, or
     * a field the request does not have. Empty when the body is not JSON at all.
     */
    private static Optional<Map<String, String>> fieldProblemOf(Throwable unreadable) {
        for (Throwable t = unreadable; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MismatchedInputException || t instanceof InputCoercionException) {
                String field = fieldOf(((JacksonException) t).getPath());
                if (field.isEmpty()) {
                    return Optional.empty();
                }
                String message = t instanceof UnrecognizedPropertyException
                        ? "This request has no such field."
                        : t instanceof InputCoercionException coercion
                                ? "This number is out of range. " + expected(coercion.getTargetType())
                                : expected(((MismatchedInputException) t).getTargetType());
                return Optional.of(Map.of("field", field, "message", message));
            }
        }
        return Optional.empty();
    }

    /** {@code marks[0].index}: the path to the value, up to the first name that is not a plain field name. */
    private static String fieldOf(List<JacksonException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference step : path) {
            String name = step.getPropertyName();
            if (name != null) {
                if (!FIELD_NAME.matcher(name).matches()) {
                    break;
                }
                field.append(field.isEmpty() ? "" : ".").append(name);
            } else if (step.getIndex() >= 0 && !field.isEmpty()) {
                field.append('[').append(step.getIndex()).append(']');
            } else {
                break;
            }
        }
        return field.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "This value has the wrong type.";
        }
        Class<?> boxed = MethodType.methodType(type).wrap().returnType();
        if (boxed == Integer.class || boxed == Long.class || boxed == Short.class || boxed == Byte.class) {
            return "Send a whole number, without quotes or a decimal point.";
        }
        if (boxed == Boolean.class) {
            return "Send true or false, without quotes.";
        }
        if (Number.class.isAssignableFrom(boxed)) {
            return "Send a number, without quotes.";
        }
        if (CharSequence.class.isAssignableFrom(boxed)) {
            return "Send text in quotes.";
        }
        if (Collection.class.isAssignableFrom(boxed) || boxed.isArray()) {
            return "Send a list in square brackets.";
        }
        if (Map.class.isAssignableFrom(boxed) || boxed.isRecord()) {
            return "Send an object in braces.";
        }
        return "This value has the wrong type.";
    }
}
