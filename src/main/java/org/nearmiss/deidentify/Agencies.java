package org.nearmiss.deidentify;

import static org.nearmiss.deidentify.Rule.WORD;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Agencies by name: the words naming a place before an agency ending ({@code agency-endings.txt}:
 * "Springfield Police Department", "Cook County Sheriff's Office", "Arivaca Volunteer Fire
 * Department"), and initialisms of the "LAPD" kind. Businesses and employers are read with names
 * ({@link PersonNames}).
 */
final class Agencies implements Detector {

    private static final List<Rule> RULES = List.of(new Rule(
            Kind.AGENCY,
            "capitalised words before an agency's ending (Police Department, Sheriff's Office, PD…)",
            Pattern.compile("(?<![\\p{L}])(?!" + WordList.alternatives("agency-not-first.txt") + "\\b)"
                    + "(?:\\p{Lu}[\\p{L}'’.-]{0," + WORD + "}\\s+){1,4}" + WordList.alternatives("agency-endings.txt")
                    + "(?![\\p{L}])"
                    + "|\\b[A-Z]{2,4}(?:PD|SO|SD)\\b"),
            m -> "[AGENCY]"));

    @Override
    public List<Suggestion> find(String text) {
        return Rule.findAll(RULES, text);
    }
}
