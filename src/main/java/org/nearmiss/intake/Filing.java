package org.nearmiss.intake;

import java.util.List;

/**
 * A filed report's key and what the reporter should know about answers that were taken but could not
 * be used, such as an agency code nobody issued: the report stands, it only does not count for an agency.
 */
public record Filing(ReportKey key, List<FieldProblem> notices) {

    public Filing {
        notices = List.copyOf(notices);
    }
}
