package org.nearmiss.intake;

import java.util.UUID;

/** The internal identity of a filed report: random, so it says nothing about when or in what order. */
public record ReportId(UUID value) {

    public static ReportId random() {
        return new ReportId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
