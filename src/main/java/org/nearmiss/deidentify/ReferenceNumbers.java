package org.nearmiss.deidentify;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Numbers that point at a unit, a case or a vehicle, found by the words that announce them ({@code
 * unit-words.txt}, {@code case-words.txt}, {@code plate-words.txt}): "badge #4471", "Unit 12", "case #
 * 24-0113", "plate 7XKM203"; and numbers in the shape of an SSN or an IPv4 address, whatever their
 * digits (the checked kinds are {@link IdentityNumbers}').
 */
final class ReferenceNumbers implements Detector {

    private static final List<Rule> RULES = List.of(
            new Rule(
                    Kind.ID_NUMBER,
                    "three, two and four digits joined by dashes, as a social security number is written",
                    Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b"),
                    m -> "[ID NUMBER]"),
            new Rule(
                    Kind.ID_NUMBER,
                    "an IPv4 address",
                    Pattern.compile("\\b(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\b"),
                    m -> "[IP ADDRESS]"),
            new Rule(
                    Kind.BADGE_OR_UNIT,
                    "a number after \"badge\", \"unit\", \"car\", \"call sign\"…",
                    Pattern.compile(
                            "\\b" + WordList.alternatives("unit-words.txt")
                                    + "\\s*(?:number|no\\.?|#)?\\s*#?\\s*[A-Z]{0,3}-?\\d[\\w-]*",
                            Pattern.CASE_INSENSITIVE),
                    m -> "[UNIT NUMBER]"),
            // Radio call signs: a spelling-alphabet word and a number ("Adam-12", "Lincoln 4"), and the
            // number-letter-number form many departments use ("1A12", "4B21").
            new Rule(
                    Kind.BADGE_OR_UNIT,
                    "a radio call sign (\"Adam-12\", \"4B21\")",
                    Pattern.compile("(?<![\\p{L}\\d-])\\d{0,2}" + WordList.alternatives("call-sign-words.txt")
                            + "[- ]?\\d{1,3}[A-Z]?(?![\\p{L}\\d-])"
                            + "(?!\\s*(?i:min|mins|minutes|hours|hrs|years|yrs|miles|mi|feet|ft|percent|%)\\b)"
                            + "|(?<![\\p{L}\\d-])\\d{1,2}[A-Z]{1,2}\\d{1,3}(?![\\p{L}\\d-])"),
                    m -> "[UNIT NUMBER]"),
            // Units named by their number or letter: "11th District", "3rd Precinct", "Troop G".
            new Rule(
                    Kind.BADGE_OR_UNIT,
                    "a numbered district, precinct or troop",
                    Pattern.compile(
                            "\\b\\d{1,3}(?:st|nd|rd|th)\\s+(?:District|Precinct|Division|Ward|Battalion|Platoon|Squad|Company)\\b"
                                    + "|\\b(?:Troop|Post|Zone|Sector|District|Precinct)\\s+[A-Z]\\b(?!['’.]\\w)"),
                    m -> "[UNIT]"),
            // The number right after the word, a comma between: "The warrant, W24-00916, listed...".
            new Rule(
                            Kind.CASE_NUMBER,
                            "a reference with letters or dashes right after \"warrant\", \"case\", \"report\"…",
                            Pattern.compile(
                                    "\\b(?i:" + WordList.alternatives("case-words.txt") + ")[,:]?\\s{1,3}"
                                            + "((?=[A-Z0-9-]*\\d)(?=[A-Z0-9-]*(?:[A-Z]|-))[A-Z0-9][A-Z0-9-]{3,20}+(?<=[A-Z0-9]))(?![\\w-])"),
                            m -> "[CASE NUMBER]")
                    .markingGroupOne(),
            new Rule(
                    Kind.CASE_NUMBER,
                    "a number after \"case #\", \"report no.\", \"CAD #\"…",
                    Pattern.compile(
                            "\\b" + WordList.alternatives("case-words.txt") + "\\s*"
                                    + "(?:number|no\\.?|#)\\s*#?\\s*[A-Z]{0,4}-?\\d[\\w-]*",
                            Pattern.CASE_INSENSITIVE),
                    m -> "[CASE NUMBER]"),
            new Rule(
                            Kind.PLATE,
                            "letters and digits after \"plate\", \"tag\" or \"registration\"",
                            Pattern.compile(
                                    "\\b" + WordList.alternatives("plate-words.txt")
                                            + "[,:]?\\s*(?:number|no\\.?|#)?\\s*(?:of|was|read|reading)?[,:]?"
                                            + "\\s*[\"']?([A-Z0-9]{1,4}[- ]?[A-Z0-9]{2,5})\\b",
                                    Pattern.CASE_INSENSITIVE),
                            m -> "[PLATE]")
                    .accepting(words -> words.chars().anyMatch(Character::isDigit)));

    @Override
    public List<Suggestion> find(String text) {
        return Rule.findAll(RULES, text);
    }
}
