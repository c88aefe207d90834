package org.nearmiss.review;

import org.nearmiss.deidentify.Kind;

/**
 * Words the assistant still marks in a text about to be published: which field, the words, what they
 * look like and what it proposes instead. The approver replaces them or keeps them with a reason.
 *
 * @param field {@code title}, {@code narrative}, {@code lessons} or {@code takeaways}
 * @param why why the assistant marks them, in words
 */
public record IdentifyingMark(String field, String words, Kind kind, String replacement, String why) {

    /** What the words look like, in words: "a person's name". */
    public String kindLabel() {
        return kind.label();
    }

    /** Whether the approver's keep names these words in this field with a reason. */
    boolean keptBy(Review.Keep keep) {
        return keep.field().equals(field) && keep.words().equals(words) && keep.keeps();
    }
}
