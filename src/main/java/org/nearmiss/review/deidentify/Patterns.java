package org.nearmiss.review.deidentify;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules that find identifying details by their shape: e-mail addresses, phone numbers, dates,
 * clock times, street addresses, badge, unit and case numbers, vehicle plates, ages and other ID
 * numbers. Each rule names the kind it finds and how to replace what it finds, following ASRS: the
 * month instead of the date, a band instead of the time, a role instead of a number.
 */
final class Patterns {

    private static final String MONTHS = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?"
            + "|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
    private static final String STREET_TYPES = "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln"
            + "|Court|Ct|Way|Place|Pl|Highway|Hwy|Parkway|Pkwy|Circle|Cir|Terrace|Ter|Trail|Trl|Square|Sq"
            + "|Alley|Pike|Route|Rte|Freeway|Fwy|Expressway|Loop|Crossing|Xing|Plaza|Row|Path|Run|Pass"
            + "|Ridge|Point|Pt|Heights|Hts|Center|Ctr|Junction|Jct|Mall|Port|Park|Green|Walk|Estates|Harbor"
            + "|Isle|Key|Landing|Meadows?|Mills?|Orchard|Spring|Springs|Station|Summit|Valley|Vista|View|Village)";

    /** One rule: a pattern, the kind it finds, and the replacement for a match. */
    record Rule(Kind kind, Pattern pattern, Function<Matcher, String> replacement) {}

    static final List<Rule> RULES = List.of(
            new Rule(Kind.EMAIL, Pattern.compile("\\b[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)+\\b"), m -> "[EMAIL]"),
            new Rule(
                    Kind.PHONE,
                    // Groups of digits as phone numbers are written at home and abroad; the digit count is
                    // checked in find() (7 to 15, the ITU limit), and dates are left to the date rules.
                    Pattern.compile(
                            "(?<![\\w+/.:-])(?:\\+\\d{1,3}[\\s.-]?|00\\d{1,3}[\\s.-])?(?:\\(\\d{1,4}\\)[\\s.-]?)?"
                                    + "\\d{2,4}(?:[\\s.-]\\d{2,4}){1,4}(?:\\s?(?:x|ext\\.?)\\s?\\d{1,5})?(?![\\w/:-])"
                                    + "|(?<![\\w+/.:-])\\d{10,11}(?![\\w/:-])"),
                    m -> "[PHONE]"),
            new Rule(Kind.ID_NUMBER, Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b"), m -> "[ID NUMBER]"),
            new Rule(
                    Kind.ID_NUMBER,
                    Pattern.compile("\\b(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\b"),
                    m -> "[IP ADDRESS]"),
            new Rule(
                    Kind.DATE,
                    Pattern.compile(
                            "\\b(" + MONTHS + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?\\b"
                                    + "|\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + MONTHS
                                    + ")(?:,?\\s+(\\d{4}))?\\b",
                            Pattern.CASE_INSENSITIVE),
                    Patterns::monthOf),
            new Rule(
                    Kind.DATE,
                    Pattern.compile("\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})|\\d{4}-\\d{2}-\\d{2})\\b"),
                    m -> "[DATE]"),
            new Rule(Kind.DATE, Pattern.compile("\\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b"), m -> "[DAY]"),
            new Rule(
                    Kind.TIME,
                    Pattern.compile(
                            "\\b(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d)?\\s?(?:[ap]\\.?m\\.?)?"
                                    + "|\\b(?:1[0-2]|0?[1-9])\\s?[ap]\\.?m\\.?(?![a-z])"
                                    + "|\\b(?:[01]\\d|2[0-3])[0-5]\\d\\s?(?:hours|hrs|hrs\\.)\\b",
                            Pattern.CASE_INSENSITIVE),
                    Patterns::bandOf),
            new Rule(
                    Kind.ADDRESS,
                    Pattern.compile(
                            "\\b\\d{1,6}(?:\\s+block\\s+of)?\\s+(?:[NSEW]\\.?\\s+|North\\s+|South\\s+|East\\s+|West\\s+)?"
                                    + "(?:[A-Z0-9][\\w'.-]*\\s+){0,3}" + STREET_TYPES + "\\b"
                                    + "(?:,?\\s+(?:Apt\\.?|Apartment|Suite|Ste\\.?|Unit|#)\\s*[\\w-]+)?"),
                    m -> "[ADDRESS]"),
            new Rule(
                    Kind.ADDRESS,
                    Pattern.compile("\\b(?:Apt\\.?|Apartment|Suite|Ste\\.?|Room|Rm\\.?)\\s*#?\\s*\\d+[A-Za-z]?\\b"
                            + "|\\bP\\.?O\\.? Box\\s+\\d+\\b|\\bPSC\\s+\\d+,\\s+Box\\s+\\d+\\b"),
                    m -> "[ADDRESS]"),
            new Rule(
                    Kind.BADGE_OR_UNIT,
                    Pattern.compile(
                            "\\b(?:badge|unit|car|patrol car|squad|beat|call sign|callsign|employee|serial)"
                                    + "\\s*(?:number|no\\.?|#)?\\s*#?\\s*[A-Z]{0,3}-?\\d[\\w-]*",
                            Pattern.CASE_INSENSITIVE),
                    m -> "[UNIT NUMBER]"),
            new Rule(
                    Kind.CASE_NUMBER,
                    Pattern.compile(
                            "\\b(?:case|report|incident|CAD|call|event|file|warrant|docket)\\s*"
                                    + "(?:number|no\\.?|#)\\s*#?\\s*[A-Z]{0,4}-?\\d[\\w-]*",
                            Pattern.CASE_INSENSITIVE),
                    m -> "[CASE NUMBER]"),
            new Rule(
                    Kind.PLATE,
                    Pattern.compile(
                            "\\b(?:plate|tag|registration)s?\\s*(?:number|no\\.?|#)?\\s*(?:of|was|read|reading)?"
                                    + "\\s*[\"']?([A-Z0-9]{1,4}[- ]?[A-Z0-9]{2,5})\\b",
                            Pattern.CASE_INSENSITIVE),
                    m -> "[PLATE]"),
            new Rule(
                    Kind.AGE,
                    Pattern.compile(
                            "\\b\\d{1,3}[- ](?:year|yr)s?[- ]old\\b|\\b(?:age|aged)\\s+\\d{1,3}\\b|\\b\\d{1,3}\\s+years\\s+of\\s+age\\b",
                            Pattern.CASE_INSENSITIVE),
                    m -> "[AGE]"));

    private Patterns() {}

    /** Every match of every rule, overlapping ones included; {@link Deidentifier} settles overlaps. */
    static List<Suggestion> find(String text) {
        List<Suggestion> found = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                int start = rule.kind() == Kind.PLATE && m.group(1) != null ? m.start(1) : m.start();
                int end = rule.kind() == Kind.PLATE && m.group(1) != null ? m.end(1) : m.end();
                if (rule.kind() == Kind.PLATE && !containsDigit(text.substring(start, end))) {
                    continue;
                }
                if (rule.kind() == Kind.PHONE && !looksLikePhone(m.group())) {
                    continue;
                }
                found.add(new Suggestion(
                        start, end, rule.kind(), rule.replacement().apply(m)));
            }
        }
        return found;
    }

    private static boolean looksLikePhone(String candidate) {
        long digits = candidate.chars().filter(Character::isDigit).count();
        boolean isoDate = candidate.matches("\\d{4}-\\d{2}-\\d{2}.*");
        boolean socialSecurity = candidate.matches("\\d{3}-\\d{2}-\\d{4}");
        boolean ipAddress = candidate.matches("\\d{1,3}(?:\\.\\d{1,3}){3}");
        return digits >= 7 && digits <= 15 && !isoDate && !socialSecurity && !ipAddress;
    }

    private static boolean containsDigit(String s) {
        return s.chars().anyMatch(Character::isDigit);
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
