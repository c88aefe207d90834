package org.nearmiss.deidentify;

/**
 * One proposed redaction: characters {@code [start, end)} of the text look like {@code kind} and could
 * be replaced by {@code replacement}. The reviewer accepts, edits or rejects it, and sees {@code reason}:
 * why the assistant made the mark ("a rank or title before a name"), in words.
 */
public record Suggestion(int start, int end, Kind kind, String replacement, String reason) {

    public Suggestion {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("A suggestion covers at least one character: " + start + ".." + end);
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A suggestion says why it was made");
        }
    }

    boolean overlaps(Suggestion other) {
        return start < other.end && other.start < end;
    }

    int length() {
        return end - start;
    }
}
