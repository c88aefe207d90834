package org.nearmiss.intake;

import java.time.LocalDate;
import java.util.List;

/** What a reporter sees through the report key: the state, the day it was filed and the messages. */
public record ReportStatus(ReportState state, LocalDate filedOn, List<Message> messages) {

    public ReportStatus {
        messages = List.copyOf(messages);
    }

    /** Whether the reporter may answer now: a reviewer asked and is waiting. */
    public boolean awaitingReply() {
        return state == ReportState.AWAITING_REPORTER;
    }
}
