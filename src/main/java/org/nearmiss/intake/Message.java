package org.nearmiss.intake;

import java.time.LocalDate;

/**
 * One message in the thread between reviewers and a report's anonymous reporter.
 *
 * @param sentOn the day only, as for filing
 */
public record Message(Author author, LocalDate sentOn, String text) {

    /** Who wrote it, as a role: never a person. */
    public enum Author {
        REVIEWER,
        REPORTER
    }
}
