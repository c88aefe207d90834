package org.nearmiss.review;

/**
 * A review step that the rules do not allow, named by its reason; nothing was changed.
 *
 * @param field the form field the refusal is about, or {@code null} when it concerns the whole step
 */
public class ReviewRefused extends RuntimeException {

    /** Why a step was refused. */
    public enum Reason {
        /** The report is not in a stage where this step can be taken. */
        WRONG_STAGE,
        /** Four eyes: stage 2 cannot be done by anyone who worked on stage 1. */
        SAME_PERSON,
        /** The account's role does not take this step. */
        NOT_YOUR_ROLE,
        /** Something the step needs is missing or too long. */
        INCOMPLETE,
        /** Someone else changed the report since this page was loaded. */
        STALE,
        /** The reporter's text has been destroyed after the retention period. */
        SHREDDED,
        /** The assistant still marks words in the text to publish that the approver did not keep. */
        IDENTIFYING,
        /**
         * The coded circumstances would be shared by fewer than k published reports and the approver
         * neither coarsened them nor chose to publish them as they are.
         */
        RARE_CIRCUMSTANCES,
        /** No report under review has this id. */
        UNKNOWN
    }

    private final Reason reason;
    private final String field;

    public ReviewRefused(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public ReviewRefused(Reason reason, String message) {
        this(reason, null, message);
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
