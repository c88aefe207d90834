package org.nearmiss.deidentify;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A person's age, as narratives give it: "34-year-old", "age 34", "34 y/o", "turned 34", and a number
 * set off after a person ({@code person-nouns.txt}: "the victim, 81,").
 */
final class Ages implements Detector {

    private static final List<Rule> RULES = List.of(
            new Rule(
                    Kind.AGE,
                    "an age (\"34-year-old\", \"age 34\", \"34 y/o\")",
                    Pattern.compile(
                            "\\b\\d{1,3}[- ](?:year|yr)s?[- ]old\\b|\\b(?:age|aged|age of)\\s+\\d{1,3}\\b"
                                    + "|\\b\\d{1,3}\\s+years\\s+of\\s+age\\b|\\b\\d{1,3}\\s?(?:y/o|y\\.o\\.|yoa|yo)(?![\\w/])"
                                    + "|\\b(?:turned|turn|turning|turns)\\s+\\d{1,3}\\b(?!\\s*(?:%|percent|degrees|feet|ft|miles))"
                                    + "|\\b(?:he|she|I) was \\d{1,2}(?=[.,;!]|\\s+(?:at the time|then|when))",
                            Pattern.CASE_INSENSITIVE),
                    m -> "[AGE]"),
            // An age given alone after the person: "the victim, 81, had...", "one juvenile (15)",
            // "Oluwaseun Adeyemi, 23, was...", "DOB 04/30/2006 (18)".
            new Rule(
                            Kind.AGE,
                            "a number after a person, set off by commas or brackets",
                            Pattern.compile("(?:\\b(?i:" + WordList.alternatives("person-nouns.txt")
                                    + ")|\\b\\p{Lu}\\p{Ll}{1,30}+|\\b\\d{2,4})"
                                    + "(?:,\\s{1,3}|\\s{0,3}\\()([1-9]|[1-9]\\d|1[01]\\d)(?=\\)|,\\s)"),
                            m -> "[AGE]")
                    .markingGroupOne());

    @Override
    public List<Suggestion> find(String text) {
        return Rule.findAll(RULES, text);
    }
}
