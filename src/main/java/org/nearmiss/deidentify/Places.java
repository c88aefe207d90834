package org.nearmiss.deidentify;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Places named with ordinary words, found by the words around them: "the City of Mesquite", numbered
 * roads ({@code road-words.txt}: "Highway 9", "I-80", "FR 132"), the
 * incidents named after places ("the Mesquite Fire", not "Structure Fire"), and named natural and
 * man-made features by the gazetteer's generic terms ({@code feature-terms.txt}: "Bear Creek",
 * "Sawtooth Ridge"). Places the gazetteer knows by name are read with names ({@link PersonNames}).
 */
final class Places implements Detector {

    private static final List<Rule> RULES = List.of(
            new Rule(
                    Kind.PLACE,
                    "a name after \"City of\", \"County of\"…",
                    Pattern.compile(
                            "\\b(?:City|Town|Village|County|Borough|Township|Parish) of (\\p{Lu}\\p{L}+(?: \\p{Lu}\\p{L}+)?)"),
                    m -> "[CITY]"),
            new Rule(
                    Kind.PLACE,
                    "an incident named after a place (\"the Mesquite Fire\")",
                    Pattern.compile("(?<![\\p{L}])(?!" + WordList.alternatives("incident-not-first.txt") + "\\b)"
                            + "(\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?) (?:Fire|fire|Complex)\\b"),
                    m -> "[INCIDENT]"),
            // Roads by their numbers, as the states and the forests number them: "Highway 9", "I-80",
            // "SR 14", "US 95", "County Road 12", "FR 132", "the 15 freeway".
            new Rule(
                    Kind.PLACE,
                    "a numbered road or highway",
                    Pattern.compile(
                            "(?<![\\p{L}\\d-])(?:(?i:" + WordList.alternatives("road-words.txt") + ")"
                                    + "|SR|US|CR|FR|FS|I|IH|SH|CA|NF)[- ]?\\d{1,4}[A-Z]?(?![\\p{L}\\d-])"
                                    // "en route 10 minutes": a time, not a road
                                    + "(?!\\s*(?i:min|mins|minutes|hours|hrs|seconds|secs|miles|mi|units)\\b)"
                                    // Typed in lower case, the number right after: "fr132", "cr12".
                                    + "|(?<![\\p{L}\\d-])(?:fr|fs|cr|sr|hwy|rte)\\d{1,4}(?![\\p{L}\\d-])"
                                    + "|\\b\\d{1,3}(?:[- ](?:north|south|east|west|N|S|E|W|NB|SB|EB|WB))?\\s+(?i:freeway|fwy|highway|hwy|expressway|turnpike)\\b"),
                    m -> "[ROAD]"),
            new Rule(
                    Kind.PLACE,
                    "capitalised words before a feature's term (Creek, Ridge, National Forest…)",
                    Pattern.compile("(?<![\\p{L}])(?!" + WordList.alternatives("feature-not-first.txt") + "\\s)"
                            // At most three words before the term, each read once: bounded work per start.
                            // (All of it is group 1: place rules mark their group 1.)
                            // The term in any case, as phones type it: "Trinity lake".
                            + "((?:\\p{Lu}[\\p{L}'’-]{1,30}+\\s+){1,3}(?i:" + WordList.alternatives("feature-terms.txt")
                            + "))\\b"),
                    m -> "[PLACE]"));

    @Override
    public List<Suggestion> find(String text) {
        return Rule.findAll(RULES, text);
    }
}
