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

    static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
