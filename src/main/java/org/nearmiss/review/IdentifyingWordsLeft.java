package org.nearmiss.review;

import java.util.List;

/**
 * Publishing refused: the assistant still marks words in the text that the approver did not keep
 * with a reason. The message names no words (it may be logged); {@link #marks()} does, for the
 * approver's page and the API's answer.
 */
public class IdentifyingWordsLeft extends ReviewRefused {

    private final transient List<IdentifyingMark> marks;
    private final transient List<IdentifyingMark> found;

    IdentifyingWordsLeft(List<IdentifyingMark> marks, List<IdentifyingMark> found) {
        super(
                Reason.IDENTIFYING,
                "identifying",
                "The assistant still sees " + marks.size() + (marks.size() == 1 ? " passage" : " passages")
                        + " that may identify someone. Replace each with the suggestion, or keep it with a reason.");
        this.marks = List.copyOf(marks);
        this.found = List.copyOf(found);
    }

    /** Every mark in the text, kept or not, for showing the approver the whole list again. */
    public List<IdentifyingMark> found() {
        return found;
    }

    /** The marks not kept, in field order and then reading order. */
    public List<IdentifyingMark> marks() {
        return marks;
    }
}
