package org.nearmiss.deidentify;

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
            + "|Isle|Key|Landing|Meadows?|Mills?|Orchard|Spring|Springs|Station|Summit|Valley|Vista|View|Village"
            + "|Close|Crescent|Gateway|Mews|Grove|Gardens|Flats|Lodge)";

    /*
     * Time linear in the text: the engine tries each rule at every position of the text, so a run
     * without an end ([\\w.-]+, "any word") scanned on from every position to the end of a long token
     * ("1-" repeated 10,000 times took 2.9 s in the e-mail rule) and a repeated group recursed once a
     * repetition until the stack overflowed. Runs that many positions can start are bounded by the
     * longest word real text has, repeated groups by a count no street or name reaches, so each
     * position costs at most a constant. DeidentifierGrowthTests holds the rules to it.
     */

    /** The longest word of a street's or an agency's name: longer "words" are not words. */
    private static final int WORD = 60;

    /** One rule: a pattern, the kind it finds, and the replacement for a match. */
    record Rule(Kind kind, Pattern pattern, Function<Matcher, String> replacement) {}

    static final List<Rule> RULES = List.of(
            // An address's parts no longer than the standard allows (RFC 5321: 64 before the @, 63 a label).
            new Rule(
                    Kind.EMAIL,
                    Pattern.compile("\\b[\\w.%+-]{1,64}@[\\w-]{1,63}(?:\\.[\\w-]{1,63}){1,8}\\b"),
                    m -> "[EMAIL]"),
            new Rule(
                    Kind.PHONE,
                    // Groups of digits as phone numbers are written at home and abroad; the digit count is
                    // checked in find() (7 to 15, the ITU limit), and dates are left to the date rules.
                    Pattern.compile(
                            "(?<![\\w+/.:-])(?:\\+\\d{1,3}[\\s.-]?|00\\d{1,3}[\\s.-])?(?:\\(\\d{1,4}\\)[\\s.-]?)?"
                                    + "\\d{2,4}(?:[\\s.-]\\d{2,8}){1,4}(?:\\s?(?:x|ext\\.?)\\s?\\d{1,5})?(?![\\w/:]|-\\d)"
                                    + "|(?<![\\w+/.:-])(?:\\+\\d{8,15}|\\d{10,11})(?![\\w/:]|-\\d)"),
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
            new Rule(
                    Kind.DATE,
                    Pattern.compile("\\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\\b", Pattern.CASE_INSENSITIVE),
                    m -> "[DAY]"),
            // A 24-hour clock time after "at", "approximately", "by"...: "At 1620 on ...", "at 2000".
            new Rule(
                    Kind.TIME,
                    Pattern.compile(
                            "(?<=\\b(?i:at|@|approximately|approx\\.?|about|around|until|till|by|from|to|between|and|since)\\s)"
                                    + "(?:[01]\\d|2[0-4])[0-5]\\d(?![\\w/:%-])"),
                    Patterns::bandOf),
            // A year on its own can be a birth year or a hiring year; the reviewer decides.
            new Rule(Kind.DATE, Pattern.compile("(?<![\\w/.:$-])(?:19|20)\\d{2}(?![\\w/:%-]|\\.\\d)"), m -> "[YEAR]"),
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
                    Pattern.compile("\\b(?i:Apt\\.?|Apartment|Suite|Ste\\.?|Room|Rm\\.?)\\s*#?\\s*\\d+[A-Za-z]?\\b"
                            + "|\\bP\\.?O\\.? Box\\s+\\d+\\b|\\bPSC\\s+\\d+,\\s+Box\\s+\\d+\\b"
                            // A military post address: "Unit 2050 Box 118", not a police unit.
                            + "|\\b(?i:unit)\\s+\\d+,?\\s+(?i:box)\\s+\\d+\\b"),
                    m -> "[ADDRESS]"),
            // Street names after words that announce an address: "lives at 412 7 Rue du Marché Vieux".
            // (Streets with the house number after the name, "Kestrelvej 12", are found with names.)
            new Rule(
                    Kind.ADDRESS,
                    Pattern.compile(
                            "(?i:address(?: is)?:?|lives at|live at|living at|moved to|corner of|located at|resides? at)\\s+"
                                    + "\\d{1,6}\\s+(?:\\d{1,5}\\s+)?(?-i:\\p{Lu}[\\p{L}'’.-]*)(?:\\s+(?-i:\\p{Lu}[\\p{L}'’.-]*)){0,4}"),
                    m -> "[ADDRESS]"),
            // Streets named the Romance way ("Rua das Flores 1203", "14 Rue de Lyon"), the Nordic and
            // Hungarian way ("Kestrelvej 12", "Liszt tér 7."), and named streets without a number
            // ("Amberline Gateway", "Main Street").
            new Rule(
                    Kind.ADDRESS,
                    Pattern.compile(
                            // With a house number first, any case ("14 rue de lyon"); without, capitalised
                            // ("Via Verdi"), so English "via radio" is left alone.
                            "(?:(?<![\\p{L}])\\d{1,6}\\s+(?:\\d{1,5}\\s+)?(?i:rua|rue|rúa|via|viale|corso|piazza|avenida|avda\\.|av\\.?|calle|carrer|ul\\.)"
                                    + "|(?<![\\p{L}])(?:Rua|Rue|Rúa|Via|Viale|Corso|Piazza|Avenida|Avda\\.|Av\\.?|Calle|Carrer|ul\\.)(?=\\s+\\p{Lu}))\\s+"
                                    + "(?:(?i:de|des|du|la|le|del|della|delle|do|da|dos|das|di)\\s+){0,4}[\\p{L}'’.-]+"
                                    + "(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]*|(?i:de|des|du|la|le|del|della|do|da|dos|das|di))){0,8}(?:\\s+\\d{1,5}\\b\\.?)?"
                                    + "|(?<![\\p{L}])(?:\\d{1,6}\\s+)?[\\p{L}-]{1," + WORD
                                    + "}(?:\\s+(?i:strasse|straße|weg|gate|tee|allee|gasse|platz|vej|vei))?"
                                    + "(?i:vej|veien|vegen|gata|gatan|gate|tie|katu|strasse|straße|weg|laan|utca|útja|tee|allee|gasse|platz|vei)"
                                    + "\\s+\\d{1,5}\\b\\.?"
                                    + "|(?<![\\p{L}])(?:\\d{1,6}\\s+)?(?:\\p{L}[\\p{L}-]{0," + WORD
                                    + "}\\s+){1,2}(?i:u\\.|út|útja|utca|tér|kapu|körút)\\s+\\d{1,5}\\b\\.?"
                                    + "|\\b(?i:postbox|post box)\\s+\\d{1,6}\\b"
                                    + "|(?<![\\p{L}])(?:\\p{Lu}[\\p{L}'’-]{1," + WORD
                                    + "}\\s+){1,2}(?:Street|Avenue|Road|Boulevard|Lane|Drive|Loop|Mall|Gateway|Crescent|Close)\\b"
                                    + "|\\b\\d{1,6}\\s+(?i:avenue|av)\\s+(?:(?i:de|des|du|la|le)\\s+){0,4}[\\p{L}'’-]+"),
                    m -> "[STREET]"),
            // Where a road has no house numbers: mile markers and mileposts ("mile marker 112", "MM 47").
            new Rule(
                    Kind.ADDRESS,
                    Pattern.compile("\\b(?i:mile\\s?markers?|mile\\s?posts?|milepost|mile)\\s+#?\\d{1,4}(?:\\.\\d)?\\b"
                            + "|\\b(?:MM|MP)\\s?#?\\d{1,4}(?:\\.\\d)?\\b"),
                    m -> "[MILE MARKER]"),
            // Intersections of named streets, written with or without full street types: "Elm St. and
            // Grand Ave.", "Maple Avenue & 5th Street".
            new Rule(
                    Kind.ADDRESS,
                    Pattern.compile("(?<![\\p{L}])(?:(?:\\p{Lu}[\\p{L}'’-]{0,30}+|\\d{1,3}(?:st|nd|rd|th))\\s+){1,3}+"
                            + STREET_TYPES + "\\.?\\s+(?:and|&|at|/)\\s+"
                            + "(?:(?:\\p{Lu}[\\p{L}'’-]{0,30}+|\\d{1,3}(?:st|nd|rd|th))\\s+){1,3}+"
                            + STREET_TYPES + "\\b\\.?"),
                    m -> "[INTERSECTION]"),
            // A postcode closing an address line: "Estonia 51003", "OH 44120".
            new Rule(
                    Kind.ADDRESS,
                    Pattern.compile(
                            "(?m)(?<=\\p{L}[\\s,]{1,3})\\d{4,5}(?:-\\d{4})?(?=\\s*$)|(?<=\\b[A-Z]{2}\\s)\\d{5}(?:-\\d{4})?\\b"
                                    + "|(?<=(?i:zip|zip code|postcode|postal code)(?: is)?:?\\s)"
                                    + "(?:[A-Z]\\d[A-Z] \\d[A-Z]\\d|\\d{3,5}(?:[ -]\\d{2,4})?(?: [A-Z]{2})?)\\b"),
                    m -> "[ZIP]"),
            // Agencies by name: "Springfield Police Department", "Cook County Sheriff's Office", "Arivaca
            // Volunteer Fire Department", "Horton BIA"; and the "LAPD" kind.
            new Rule(
                    Kind.AGENCY,
                    Pattern.compile(
                            "(?<![\\p{L}])(?!(?:The|Our|My|This|That|Your|Their|His|Her|Its|A|An|Local|Area|Nearby"
                                    + "|Neighboring|Neighbouring|Adjacent|Other|Another|Each|Every|Any|Both|Several|Outside"
                                    + "|Assisting|Responding|When|While|Then|And|But|If|We|I|They|State|County|City|Tribal|Military|Transit"
                                    + "|Campus|University|Park|Capitol|Federal|Village|Town|Metro|Airport)\\b)"
                                    + "(?:\\p{Lu}[\\p{L}'’.-]{0," + WORD
                                    + "}\\s+){1,4}(?:Police Department|Police Dept\\.?|Police|Sheriff['’]s Office"
                                    + "|Sheriff['’]s Department|Sheriff['’]s Dept\\.?|Highway Patrol|State Police|State Patrol"
                                    + "|Marshal['’]s Office|Department of Public Safety|Fire Department|Fire Dept\\.?"
                                    + "|Fire Protection District|Fire Rescue|Volunteer Fire Department|Volunteer Fire|Ranger District"
                                    + "|PD|SO|VFD|FD|DPS|BIA)(?![\\p{L}])"
                                    + "|\\b[A-Z]{2,4}(?:PD|SO|SD)\\b"),
                    m -> "[AGENCY]"),
            // Places named with ordinary words: "the City of Mesquite", and the incidents named after
            // them: "the Mesquite Fire", "Rim fire" (not "Structure Fire").
            new Rule(
                    Kind.PLACE,
                    Pattern.compile(
                            "\\b(?:City|Town|Village|County|Borough|Township|Parish) of (\\p{Lu}\\p{L}+(?: \\p{Lu}\\p{L}+)?)"),
                    m -> "[CITY]"),
            new Rule(
                    Kind.PLACE,
                    Pattern.compile(
                            "(?<![\\p{L}])(?!(?:Structure|Wildland|Brush|Vehicle|Grass|House|Car|Forest|Spot|Initial"
                                    + "|Prescribed|Range|Wild|Interface|Trash|Dumpster|Kitchen|Electrical|Debris|Slash|Pile|Field"
                                    + "|Crown|Ground|Surface|Escaped|Large|Small|Active|Major|Working|Fully|Second|First|Next|Any"
                                    + "|The|This|That|A|Our|Their|Each|Every|Type|Engine|Attack|Rural|Urban|Fatal|Cabin|Barn|No|State"
                                    + "|Regional|National|Federal|Western|Eastern|Northern|Southern|County|City|Local|Volunteer"
                                    + "|Department|Municipal|Tribal|Agency|Interagency|Wildfire|Car|Truck|Auto)\\b)"
                                    + "(\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?) (?:Fire|fire|Complex)\\b"),
                    m -> "[INCIDENT]"),
            // Named natural and man-made features, by the generic terms of the national gazetteer's
            // feature classes: "Bear Creek", "Sawtooth Ridge", "Lost Horse Canyon", "Twin Lakes".
            new Rule(
                    Kind.PLACE,
                    Pattern.compile(
                            "(?<![\\p{L}])(?!(?:The|This|That|A|An|Our|Their|Each|Every|Any|No|Upper|Lower|North|South|East"
                                    + "|West|Main|Big|Small|Same|Next|Other)\\s)"
                                    // At most three words before the term, each read once: bounded work per start.
                                    // (All of it is group 1: place rules mark their group 1.)
                                    + "((?:\\p{Lu}[\\p{L}'’-]{1,30}+\\s+){1,3}"
                                    + "(?:Creek|Canyon|Ridge|Lake|Lakes|River|Peak|Mountain|Mountains|Butte|Mesa|Valley|Gulch"
                                    + "|Draw|Spring|Springs|Meadow|Meadows|Pass|Reservoir|Basin|Hollow|Wash|Bay|Island"
                                    + "|Falls|Flat|Flats|Bluff|Knob|Hill|Hills|Saddle|Fork|Summit|Campground|Trailhead"
                                    + "|Lookout|Wilderness|National Forest|National Park|Ranger District|State Park))\\b"),
                    m -> "[PLACE]"),
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
                            "\\b\\d{1,3}[- ](?:year|yr)s?[- ]old\\b|\\b(?:age|aged|age of)\\s+\\d{1,3}\\b"
                                    + "|\\b\\d{1,3}\\s+years\\s+of\\s+age\\b|\\b\\d{1,3}\\s?(?:y/o|y\\.o\\.|yoa|yo)(?![\\w/])"
                                    + "|\\b(?:turned|turn|turning|turns)\\s+\\d{1,3}\\b(?!\\s*(?:%|percent|degrees|feet|ft|miles))"
                                    + "|\\b(?:he|she|I) was \\d{1,2}(?=[.,;!]|\\s+(?:at the time|then|when))",
                            Pattern.CASE_INSENSITIVE),
                    m -> "[AGE]"));

    private Patterns() {}

    /** Every match of every rule, overlapping ones included; {@link Deidentifier} settles overlaps. */
    static List<Suggestion> find(String text) {
        List<Suggestion> found = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                boolean inner = (rule.kind() == Kind.PLATE || rule.kind() == Kind.PLACE) && m.group(1) != null;
                int start = inner ? m.start(1) : m.start();
                int end = inner ? m.end(1) : m.end();
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
        boolean isoDate =
                candidate.matches("\\d{4}-\\d{2}-\\d{2}.*") || candidate.matches("\\d{1,2}-\\d{1,2}-\\d{2,4}");
        boolean timeRange = candidate.matches("([01]\\d|2[0-4])[0-5]\\d\\s?-\\s?([01]\\d|2[0-4])[0-5]\\d");
        boolean socialSecurity = candidate.matches("\\d{3}-\\d{2}-\\d{4}");
        boolean ipAddress = candidate.matches("\\d{1,3}(?:\\.\\d{1,3}){3}");
        return digits >= 7 && digits <= 15 && !isoDate && !timeRange && !socialSecurity && !ipAddress;
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
