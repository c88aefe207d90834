package org.nearmiss.review;

/**
 * One span of the reporter's narrative marked as identifying, by the assistant or by hand, with what
 * replaces it in the draft when accepted.
 *
 * @param kind what it looks like ({@code PERSON}, {@code PLACE}, ...), or {@code HAND} for the reviewer's own
 * @param why why the assistant marked it ("a rank or title before a name"); none for the reviewer's own
 */
public record Mark(int start, int end, String kind, String replacement, boolean accepted, String why) {

    /** A mark without the assistant's reason: the reviewer's own. */
    public Mark(int start, int end, String kind, String replacement, boolean accepted) {
        this(start, end, kind, replacement, accepted, null);
    }

    public Mark {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("A mark covers at least one character: " + start + ".." + end);
        }
        replacement = replacement == null ? "" : replacement.strip();
    }

    /** The same mark with the reviewer's decision. */
    public Mark decided(boolean accept, String newReplacement) {
        return new Mark(start, end, kind, newReplacement == null ? replacement : newReplacement, accept, why);
    }
}
