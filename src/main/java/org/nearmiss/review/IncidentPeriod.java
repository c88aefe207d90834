package org.nearmiss.review;

import java.time.Month;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * When an incident happened, as a published report says it: the month the reporter gave
 * ({@code 2026-02}) or, when the approver coarsened it so the circumstances point at fewer officers,
 * its quarter ({@code 2026-Q1}) or year ({@code 2026}). Each is stored as written here, in the
 * publication's incident month and coded answers; all three begin with the year.
 *
 * @param number the month (1–12) or quarter (1–4); 0 for a year
 */
public record IncidentPeriod(Level level, int year, int number) {

    /** How fine a period is, finest first. */
    public enum Level {
        MONTH,
        QUARTER,
        YEAR
    }

    /** The period a stored value stands for; empty for none or anything else. */
    public static Optional<IncidentPeriod> parse(String stored) {
        // By hand rather than by pattern: every publication's month is read this way when counting.
        if (stored == null || stored.length() < 4 || !digits(stored, 0, 4)) {
            return Optional.empty();
        }
        int year = Integer.parseInt(stored, 0, 4, 10);
        if (stored.length() == 4) {
            return Optional.of(new IncidentPeriod(Level.YEAR, year, 0));
        }
        if (stored.length() != 7 || stored.charAt(4) != '-') {
            return Optional.empty();
        }
        char quarter = stored.charAt(6);
        if (stored.charAt(5) == 'Q') {
            return quarter >= '1' && quarter <= '4'
                    ? Optional.of(new IncidentPeriod(Level.QUARTER, year, quarter - '0'))
                    : Optional.empty();
        }
        int month = digits(stored, 5, 7) ? Integer.parseInt(stored, 5, 7, 10) : 0;
        return month >= 1 && month <= 12 ? Optional.of(new IncidentPeriod(Level.MONTH, year, month)) : Optional.empty();
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * How a stored period reads on a page: a month as it always has ({@code 2026-02}), a quarter by its
     * months ("January–March 2026"), a year as the year; anything else as it is.
     */
    public static String label(String stored) {
        return parse(stored).map(IncidentPeriod::label).orElse(stored);
    }

    /** This period as readers see it; see {@link #label(String)}. */
    public String label() {
        return switch (level) {
            case MONTH -> toString();
            case QUARTER ->
                monthName(firstMonth()) + "–" + monthName(firstMonth().plus(2)) + " " + year;
            case YEAR -> Integer.toString(year);
        };
    }

    /** This period, or the coarser one holding it; a coarser period than asked for stays as it is. */
    public IncidentPeriod coarsenedTo(Level coarser) {
        if (coarser.compareTo(level) <= 0) {
            return this;
        }
        return switch (coarser) {
            case QUARTER -> new IncidentPeriod(Level.QUARTER, year, (number - 1) / 3 + 1);
            case YEAR -> new IncidentPeriod(Level.YEAR, year, 0);
            case MONTH -> this;
        };
    }

    /**
     * Whether a report published with this period falls within the other, as a reader who sees both
     * can tell: a month within its quarter or year. A coarser period than the other may or may not
     * fall within it, and does not count.
     */
    public boolean within(IncidentPeriod other) {
        return level.compareTo(other.level) <= 0 && coarsenedTo(other.level).equals(other);
    }

    /** The value stored for this period: {@code 2026-02}, {@code 2026-Q1} or {@code 2026}. */
    @Override
    public String toString() {
        return switch (level) {
            case MONTH -> YearMonth.of(year, number).toString();
            case QUARTER -> "%04d-Q%d".formatted(year, number);
            case YEAR -> "%04d".formatted(year);
        };
    }

    private Month firstMonth() {
        return Month.of((number - 1) * 3 + 1);
    }

    private static String monthName(Month month) {
        return month.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }
}
