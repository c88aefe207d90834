package org.nearmiss.review;

import org.nearmiss.deidentify.Kind;

/**
 * Words the approver published although the assistant marked them, and why: stored with the sealed
 * draft (the words may identify someone) and shown to whoever opens the case afterwards.
 *
 * @param kind the assistant's kind ({@code PERSON}, {@code PHONE}, ...)
 */
public record KeptMark(String field, String words, String kind, String reason) {

    /** What the words looked like to the assistant, in words. */
    public String kindLabel() {
        try {
            return Kind.valueOf(kind).label();
        } catch (IllegalArgumentException unknown) {
            return kind;
        }
    }
}
