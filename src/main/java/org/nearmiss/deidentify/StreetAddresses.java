package org.nearmiss.deidentify;

import static org.nearmiss.deidentify.Rule.WORD;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Street addresses in US and foreign forms (house number before or after the street), suites and
 * apartments, PO boxes and military post addresses, intersections, mile markers and postcodes. Street
 * types are a list ({@code street-types.txt}); towns of postal addresses are read with names
 * ({@link PersonNames}), since they look like one.
 */
final class StreetAddresses implements Detector {

    private static final String STREET_TYPES = WordList.alternatives("street-types.txt");

    private static final List<Rule> RULES = List.of(
            new Rule(
                    Kind.ADDRESS,
                    "a house number and a street type (Street, Ave, Rd…)",
                    Pattern.compile(
                            "\\b\\d{1,6}(?:\\s+block\\s+of)?\\s+(?:[NSEW]\\.?\\s+|North\\s+|South\\s+|East\\s+|West\\s+)?"
                                    + "(?:[A-Z0-9][\\w'.-]*\\s+){0,3}" + STREET_TYPES + "\\b"
                                    + "(?:,?\\s+(?:Apt\\.?|Apartment|Suite|Ste\\.?|Unit|#)\\s*[\\w-]+)?"),
                    m -> "[ADDRESS]"),
            new Rule(
                    Kind.ADDRESS,
                    "an apartment, suite, room, lot or post-office box number",
                    Pattern.compile(
                            "\\b(?i:Apt\\.?|Apartment|Suite|Ste\\.?|Room|Rm\\.?|Lot|Space|Trailer|Bldg\\.?|Building)\\s*#?\\s*\\d+[A-Za-z]?\\b"
                                    + "|\\bP\\.?O\\.? Box\\s+\\d+\\b|\\bPSC\\s+\\d+,\\s+Box\\s+\\d+\\b"
                                    // A military post address: "Unit 2050 Box 118", not a police unit.
                                    + "|\\b(?i:unit)\\s+\\d+,?\\s+(?i:box)\\s+\\d+\\b"),
                    m -> "[ADDRESS]"),
            // Street names after words that announce an address: "lives at 412 7 Rue du Marché Vieux".
            // (Streets with the house number after the name, "Kestrelvej 12", are found with names.)
            new Rule(
                    Kind.ADDRESS,
                    "a house number and a name after \"lives at\", \"address\", \"corner of\"…",
                    Pattern.compile(
                            "(?i:address(?: is)?:?|lives at|live at|living at|moved to|corner of|located at|resides? at)\\s+"
                                    + "\\d{1,6}\\s+(?:\\d{1,5}\\s+)?(?-i:\\p{Lu}[\\p{L}'’.-]*)(?:\\s+(?-i:\\p{Lu}[\\p{L}'’.-]*)){0,4}"),
                    m -> "[ADDRESS]"),
            // Streets named the Romance way ("Rua das Flores 1203", "14 Rue de Lyon"), the Nordic and
            // Hungarian way ("Kestrelvej 12", "Liszt tér 7."), and named streets without a number
            // ("Amberline Gateway", "Main Street").
            new Rule(
                    Kind.ADDRESS,
                    "a street named in a foreign form, or a named street",
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
                                    // Hungarian, in any case ("kossuth utca 12."), but "on" or "at" before it stays
                                    // out.
                                    + "|(?<![\\p{L}])(?:\\d{1,6}\\s+)?(?!(?i:on|at|in|to|of|the|from|near|by)\\s)\\p{L}[\\p{L}-]{0,"
                                    + WORD
                                    + "}\\s+(?:\\p{L}[\\p{L}-]{0," + WORD
                                    + "}\\s+)?(?i:u\\.|út|útja|utca|tér|kapu|körút)\\s+\\d{1,5}\\b\\.?"
                                    + "|\\b(?i:postbox|post box)\\s+\\d{1,6}\\b"
                                    + "|(?<![\\p{L}])(?:\\p{Lu}[\\p{L}'’-]{1," + WORD
                                    + "}\\s+){1,2}(?:Street|Avenue|Road|Boulevard|Lane|Drive|Loop|Mall|Gateway|Crescent|Close)\\b"
                                    + "|\\b\\d{1,6}\\s+(?i:avenue|av)\\s+(?:(?i:de|des|du|la|le)\\s+){0,4}[\\p{L}'’-]+"),
                    m -> "[STREET]"),
            // Streets without a house number: ordinal streets ("E 42nd St", "9th Avenue") and named ones with
            // an abbreviated type ("Old Mill Rd").
            new Rule(
                    Kind.ADDRESS,
                    "a street's name and its type, without a house number",
                    Pattern.compile(
                            "\\b(?:[NSEW]\\.?\\s+)?\\d{1,3}(?:st|nd|rd|th)\\s+" + STREET_TYPES + "\\b\\.?"
                                    + "|(?<![\\p{L}])(?:\\p{Lu}[\\p{L}'’-]{1,30}+\\s+){1,2}(?:St|Ave|Rd|Blvd|Dr|Ln|Ct|Pl|Pkwy|Cir|Ter|Trl)\\b\\.?"),
                    m -> "[STREET]"),
            // A house number and a name after words that say where: "at 2218 Chestnut", "address, 40 Birch".
            new Rule(
                            Kind.ADDRESS,
                            "a house number and a street's name after \"at\", \"on\", \"address\"…",
                            Pattern.compile(
                                    "\\b(?i:address|at|on|to|from)[,:]?\\s{1,3}(\\d{2,6}\\s+(?:[NSEW]\\.?\\s+)?\\p{Lu}\\p{Ll}{2,30}+)\\b"
                                            + "(?!\\s+(?i:hours|hrs|hundred|thousand))"),
                            m -> "[ADDRESS]")
                    .markingGroupOne(),
            // Two streets meeting, one of them numbered: "Maple and 9th", "5th & Main".
            new Rule(
                    Kind.ADDRESS,
                    "two streets meeting, one of them numbered (\"Maple and 9th\")",
                    Pattern.compile(
                            "(?<![\\p{L}\\d])(?:\\p{Lu}\\p{Ll}{2,30}+|\\d{1,3}(?:st|nd|rd|th))\\s+(?:and|&|/)\\s+\\d{1,3}(?:st|nd|rd|th)\\b"
                                    + "(?!\\s+(?i:" + WordList.alternatives("counted-nouns.txt") + ")\\b)"
                                    + "|(?<![\\p{L}\\d])\\d{1,3}(?:st|nd|rd|th)\\s+(?:and|&|/)\\s+\\p{Lu}\\p{Ll}{2,30}+\\b"),
                    m -> "[INTERSECTION]"),
            // Exits of a highway: "exit 27", "Exit 114B".
            new Rule(
                    Kind.ADDRESS,
                    "a highway exit",
                    Pattern.compile("\\b(?i:exit)\\s+#?\\d{1,3}[A-Z]?\\b"),
                    m -> "[EXIT]"),
            // Where a road has no house numbers: mile markers and mileposts ("mile marker 112", "MM 47").
            new Rule(
                    Kind.ADDRESS,
                    "a mile marker or milepost",
                    Pattern.compile("\\b(?i:mile\\s?markers?|mile\\s?posts?|milepost|mile)\\s+#?\\d{1,4}(?:\\.\\d)?\\b"
                            + "|\\b(?:MM|MP)\\s?#?\\d{1,4}(?:\\.\\d)?\\b"),
                    m -> "[MILE MARKER]"),
            // Intersections of named streets, written with or without full street types: "Elm St. and
            // Grand Ave.", "Maple Avenue & 5th Street".
            new Rule(
                    Kind.ADDRESS,
                    "two named streets meeting (\"Elm St. and Grand Ave.\")",
                    Pattern.compile("(?<![\\p{L}])(?:(?:\\p{Lu}[\\p{L}'’-]{0,30}+|\\d{1,3}(?:st|nd|rd|th))\\s+){1,3}+"
                            + STREET_TYPES + "\\.?\\s+(?:and|&|at|/)\\s+"
                            + "(?:(?:\\p{Lu}[\\p{L}'’-]{0,30}+|\\d{1,3}(?:st|nd|rd|th))\\s+){1,3}+"
                            + STREET_TYPES + "\\b\\.?"),
                    m -> "[INTERSECTION]"),
            // A postcode closing an address line: "Estonia 51003", "OH 44120".
            new Rule(
                    Kind.ADDRESS,
                    "a postcode at the end of an address",
                    Pattern.compile(
                            "(?m)(?<=\\p{L}[\\s,]{1,3})\\d{4,5}(?:-\\d{4})?(?=\\s*$)|(?<=\\b[A-Z]{2}\\s)\\d{5}(?:-\\d{4})?\\b"
                                    + "|(?<=(?i:zip|zip code|postcode|postal code)(?: is)?:?\\s)"
                                    + "(?:[A-Z]\\d[A-Z] \\d[A-Z]\\d|\\d{3,5}(?:[ -]\\d{2,4})?(?: [A-Z]{2})?)\\b"),
                    m -> "[ZIP]"));

    @Override
    public List<Suggestion> find(String text) {
        return Rule.findAll(RULES, text);
    }
}
