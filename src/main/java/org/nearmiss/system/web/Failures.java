package org.nearmiss.system.web;

import java.util.StringJoiner;

/**
 * Describes a failure for the log without its messages: a message may quote what a reporter typed,
 * and nothing of a reporter may reach a log. The chain of types and the first frames of each are
 * enough to find the fault.
 */
final class Failures {

    private static final int FRAMES = 6;

    private Failures() {}

    static String outline(Throwable failure) {
        StringJoiner outline = new StringJoiner("\n  caused by ");
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            StringBuilder one = new StringBuilder(t.getClass().getName());
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(FRAMES, frames.length); i++) {
                one.append("\n    at ").append(frames[i]);
            }
            outline.add(one);
        }
        return outline.toString();
    }

    /**
     * The 4xx status of a failure that is the sender's mistake as the framework sees it (a path or
     * parameter of the wrong type, a missing parameter, an unreadable body, a wrong method or media
     * type); empty for anything else.
     */
    static java.util.Optional<org.springframework.http.HttpStatus> clientStatusOf(Throwable failure) {
        org.springframework.http.HttpStatus status = null;
        if (failure instanceof org.springframework.web.ErrorResponse response) {
            status = org.springframework.http.HttpStatus.resolve(
                    response.getStatusCode().value());
        } else if (failure instanceof org.springframework.beans.TypeMismatchException
                || failure instanceof org.springframework.http.converter.HttpMessageNotReadableException
                || failure instanceof org.springframework.web.bind.ServletRequestBindingException) {
            status = org.springframework.http.HttpStatus.BAD_REQUEST;
        }
        return java.util.Optional.ofNullable(status).filter(org.springframework.http.HttpStatus::is4xxClientError);
    }

    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
