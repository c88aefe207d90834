package org.nearmiss.deidentify;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exact dates, weekdays, years and clock times. Following ASRS, a date becomes its month ("March
 * 2026") and a time a band of the day ("[EVENING]"), which is as much as a published report keeps.
 */
final class DatesAndTimes implements Detector {

    private static final String MONTHS = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";

    private static final List<Rule> RULES = List.of(
            new Rule(
                    Kind.DATE,
                    "a date: a month's name and a day",
                    Pattern.compile(
                            "\\b(" + MONTHS + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b"
                                    + "|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + MONTHS
                                    + ")(?:,?\\s+(\\d{4}))?\\b",
                            Pattern.CASE_INSENSITIVE),
                    DatesAndTimes::monthOf),
            new Rule(
                    Kind.DATE,
                    "a date written in numbers (3/14/2026, 2026-03-14)",
                    Pattern.compile("\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2})\\b"),
                    m -> "[DATE]"),
            new Rule(
                    Kind.DATE,
                    "a date with the month's name between dashes (14-Mar-2026)",
                    Pattern.compile("\\b\\d{1,2}-" + MONTHS + "-(?:\\d{4}|\\d{2})\\b", Pattern.CASE_INSENSITIVE),
                    m -> "[DATE]"),
            new Rule(
                    Kind.DATE,
                    "a year, month and day (2026/03/14)",
                    Pattern.compile("\\b\\d{4}/\\d{1,2}/\\d{1,2}\\b"),
                    m -> "[DATE]"),
            // A month and day without the year ("on 03/16", "by 6/14"), but not a fraction ("3/4 mile").
            new Rule(
                            Kind.DATE,
                            "a month and a day written in numbers (03/16)",
                            Pattern.compile(
                                    "(?<![\\w/.,-])(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\\d|3[01])(?![\\w/-]|[.,]\\d)"
                                            + "(?!\\s*(?:\"|''|in\\b|inch|mile|mi\\b|ton|cup|of an?\\b|th\\b|scale|teaspoon|tsp|lb|oz|pound))"),
                            m -> "[DATE]")
                    .accepting(DatesAndTimes::notAFraction),
            // A day of the month on its own, once the month is known: "on the 10th", "between the 23rd and
            // 25th"; not what an ordinal counts ("the 2nd day", "the 3rd engine": counted-nouns.txt).
            new Rule(
                            Kind.DATE,
                            "a day of the month after \"on the\", \"by the\"…",
                            Pattern.compile(
                                    "(?:\\b(?i:on|by|until|till|since|before|after|from|through|thru|and|to|between|around)"
                                            + "\\s{1,3}the\\s{1,3}|(?<=\\d(?:st|nd|rd|th))\\s{0,3}(?:,|and|or|to|through|thru|-)\\s{0,3})"
                                            + "((?:[12]?\\d|3[01])(?:st|nd|rd|th))\\b(?!\\s+(?i:"
                                            + WordList.alternatives("counted-nouns.txt")
                                            + ")\\b)"),
                            m -> "[DATE]")
                    .markingGroupOne(),
            new Rule(
                    Kind.DATE,
                    "a day of the week",
                    Pattern.compile("\\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b", Pattern.CASE_INSENSITIVE),
                    m -> "[DAY]"),
            // A 24-hour clock time after "at", "approximately", "by"...: "At 1620 on ...", "at 2000".
            new Rule(
                    Kind.TIME,
                    "a 24-hour clock time after \"at\", \"about\", \"by\"…",
                    Pattern.compile(
                            "(?<=\\b(?i:at|@|approximately|approx\\.?|about|around|until|till|by|from|to|between|and|since)\\s)"
                                    + "(?:[01]\\d|2[0-4])[0-5]\\d(?![\\w/:%-])"),
                    DatesAndTimes::bandOf),
            // A year on its own can be a birth year or a hiring year; the reviewer decides.
            new Rule(
                    Kind.DATE,
                    "a year, which may date the event or a person",
                    Pattern.compile("(?<![\\w/.:$-])(?:19|20)\\d{2}(?![\\w/:%-]|\\.\\d)"),
                    m -> "[YEAR]"),
            new Rule(
                    Kind.TIME,
                    "a clock time",
                    Pattern.compile(
                            "\\b(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?\\s?(?:[ap]\\.?m\\.?)?"
                                    + "|\\b(?:1[0-2]|0?[1-9])\\s?[ap]\\.?m\\.?(?![a-z])"
                                    + "|\\b(?:[01]\\d|2[0-3])[0-5]\\d\\s?(?:hours|hrs|hrs\\.)\\b",
                            Pattern.CASE_INSENSITIVE),
                    DatesAndTimes::bandOf));

    @Override
    public List<Suggestion> find(String text) {
        return Rule.findAll(RULES, text);
    }

    /**
     * Whether "n/d" reads as a date rather than a fraction: fractions are written without a leading
     * zero, smaller than one, over the denominators measures use (halves to sixty-fourths, tenths).
     */
    private static boolean notAFraction(String words) {
        String[] parts = words.split("/");
        if (parts[0].startsWith("0") || parts[1].startsWith("0")) {
            return true;
        }
        int numerator = Integer.parseInt(parts[0]);
        int denominator = Integer.parseInt(parts[1]);
        boolean measure = switch (denominator) {
            case 2, 3, 4, 5, 8, 10, 16, 32, 64 -> true;
            default -> false;
        };
        return !(measure && numerator < denominator);
    }

    /** "March 14, 2026" becomes "March 2026"; without a year, "[DATE]". */
    private static String monthOf(Matcher m) {
        String monthWord = m.group(1) != null ? m.group(1) : m.group(5);
        String year = m.group(3) != null ? m.group(3) : m.group(6);
        Month month = monthNamed(monthWord);
        if (month == null || year == null) {
            return "[DATE]";
        }
        return month.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + year;
    }

    private static Month monthNamed(String word) {
        String w = word.replace(".", "").toLowerCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    .toLowerCase(Locale.ROOT)
                    .startsWith(w.substring(0, Math.min(3, w.length())))) {
                return month;
            }
        }
        return null;
    }

    /** A clock time becomes a band of the day, as the questionnaire's time-of-day answers. */
    private static String bandOf(Matcher m) {
        String t = m.group().toLowerCase(Locale.ROOT).replace(".", "").replace(" ", "");
        int hour;
        try {
            if (t.contains(":")) {
                hour = Integer.parseInt(t.substring(0, t.indexOf(':')));
            } else if (t.endsWith("am") || t.endsWith("pm")) {
                hour = Integer.parseInt(t.substring(0, t.length() - 2));
            } else {
                hour = Integer.parseInt(t.substring(0, 2));
            }
        } catch (NumberFormatException e) {
            return "[TIME]";
        }
        if (t.contains("pm") && hour < 12) {
            hour += 12;
        } else if (t.contains("am") && hour == 12) {
            hour = 0;
        }
        if (hour < 6) {
            return "[NIGHT]";
        } else if (hour < 12) {
            return "[MORNING]";
        } else if (hour < 18) {
            return "[AFTERNOON]";
        }
        return "[EVENING]";
    }
}
