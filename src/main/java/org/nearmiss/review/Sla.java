package org.nearmiss.review;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The review clock: a report should be published or answered within ten business days of the day it
 * was filed (Monday to Friday; the system keeps no calendar of holidays).
 */
public final class Sla {

    public static final int TARGET_BUSINESS_DAYS = 10;

    private Sla() {}

    /** The last business day on which the target is still met. */
    public static LocalDate dueOn(LocalDate filedOn) {
        LocalDate day = filedOn;
        int added = 0;
        while (added < TARGET_BUSINESS_DAYS) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                added++;
            }
        }
        return day;
    }

    /** Business days after {@code from} up to and including {@code to}; 0 when {@code to} is not later. */
    public static int businessDaysBetween(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isBusinessDay(day)) {
                days++;
            }
        }
        return days;
    }

    static boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
