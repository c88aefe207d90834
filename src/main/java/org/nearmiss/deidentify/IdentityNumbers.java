package org.nearmiss.deidentify;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers that name one person, account or thing, found by their published structure rather than by
 * examples: payment cards (ISO/IEC 7812: 12 to 19 digits, any issuer, Luhn check digit), bank accounts (ISO 13616 IBAN, mod-97
 * check), US social security numbers (SSA's rules for valid areas and groups), driver-licence numbers
 * after the words that announce them, vehicle identification numbers (ISO 3779, with the North
 * American check digit or the word "VIN"), IPv6 addresses (RFC 4291) and web addresses. Each pattern
 * is linear in the text (no nested repetition), and a candidate is checked before it is marked.
 */
final class IdentityNumbers implements Detector {

    /** 12 to 19 digits, the lengths card schemes issue (Maestro's shortest is 12), spaced or not. */
    private static final Pattern CARD = Pattern.compile("(?<![\\w-])\\d(?:[ -]?\\d){11,18}(?![\\w-])");
    /** Country, check digits, then the account in groups of four (spaced or not) and a shorter last group. */
    private static final Pattern IBAN =
            Pattern.compile("(?<![\\w])[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![\\w])");

    private static final Pattern SSN = Pattern.compile("(?<![\\w-])(\\d{3})([- ]?)(\\d{2})\\2(\\d{4})(?![\\w-])");
    private static final Pattern SSN_CONTEXT =
            Pattern.compile("(?i:ssn|social security(?: number| no\\.?)?|soc\\. sec\\.)\\W{0,3}$");
    // Possessive quantifiers throughout: a run of spaces after "DL" is read once, never re-split.
    private static final Pattern LICENCE = Pattern.compile(
            "\\b(?i:driver'?s?\\s++licen[cs]e|driving\\s++licen[cs]e|licen[cs]e\\s++(?:number|no\\.?|#)|DL|D/L|OLN|CDL)"
                    + "(?:\\s*+(?i:number|no\\.?|num\\.?))?+(?:\\s*+(?i:is|was|of|:|#|,))?+\\s*+#?\\s*+"
                    + "([A-Z0-9][A-Z0-9-]{2,18}+(?<=[A-Z0-9]))\\b");
    private static final Pattern VIN =
            Pattern.compile("(?<![\\w])[A-HJ-NPR-Z0-9]{17}(?![\\w])", Pattern.CASE_INSENSITIVE);
    private static final Pattern VIN_CONTEXT = Pattern.compile("(?i:vin|vehicle identification number)\\W{0,4}$");
    private static final Pattern IPV6 =
            Pattern.compile("(?<![\\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\\w:])");
    private static final Pattern URL = Pattern.compile("\\b(?i:https?://|www\\.)[^\\s<>\"']++");
    /** A whole dotted word, taken at once; whether it is a domain is decided by its last label. */
    private static final Pattern DOTTED =
            Pattern.compile("(?<![\\w.@/-])[A-Za-z0-9][A-Za-z0-9-]{0,62}+(?:\\.[A-Za-z0-9-]{1,63}+)++");
    /** Endings that are not also English words a missing space could leave after a full stop ("ran.It"). */
    private static final java.util.Set<String> TOP_LEVEL =
            java.util.Set.of("com", "org", "net", "gov", "edu", "mil", "info", "biz", "io", "us", "uk");

    @Override
    public List<Suggestion> find(String text) {
        List<Suggestion> found = new ArrayList<>();
        Matcher card = CARD.matcher(text);
        while (card.find()) {
            String digits = card.group().replaceAll("[ -]", "");
            if (luhn(digits)) {
                found.add(new Suggestion(
                        card.start(),
                        card.end(),
                        Kind.ID_NUMBER,
                        "[CARD NUMBER]",
                        "12 to 19 digits whose check digit holds, as on a payment card"));
            }
        }
        Matcher iban = IBAN.matcher(text);
        while (iban.find()) {
            // A capitalised word after a spaced account can read as its last group: try without it.
            String candidate = iban.group();
            for (int tries = 0; tries < 2 && candidate != null; tries++) {
                String compact = candidate.replace(" ", "");
                if (compact.length() >= 15 && compact.length() <= 34 && ibanValid(compact)) {
                    found.add(new Suggestion(
                            iban.start(),
                            iban.start() + candidate.length(),
                            Kind.ID_NUMBER,
                            "[BANK ACCOUNT]",
                            "an IBAN whose check digits hold"));
                    break;
                }
                int lastSpace = candidate.lastIndexOf(' ');
                candidate = lastSpace > 4 ? candidate.substring(0, lastSpace) : null;
            }
        }
        Matcher ssn = SSN.matcher(text);
        while (ssn.find()) {
            boolean separated = !ssn.group(2).isEmpty();
            boolean announced = SSN_CONTEXT
                    .matcher(text.substring(Math.max(0, ssn.start() - 30), ssn.start()))
                    .find();
            if ((separated || announced) && ssnValid(ssn.group(1), ssn.group(3), ssn.group(4))) {
                found.add(new Suggestion(
                        ssn.start(),
                        ssn.end(),
                        Kind.ID_NUMBER,
                        "[ID NUMBER]",
                        "a social security number the SSA could have issued"));
            }
        }
        Matcher licence = LICENCE.matcher(text);
        while (licence.find()) {
            if (licence.group(1).chars().anyMatch(Character::isDigit)) {
                found.add(new Suggestion(
                        licence.start(1),
                        licence.end(1),
                        Kind.ID_NUMBER,
                        "[LICENCE NUMBER]",
                        "a number after \"DL\", \"driver's licence\" or \"OLN\""));
            }
        }
        Matcher vin = VIN.matcher(text);
        while (vin.find()) {
            String candidate = vin.group().toUpperCase(Locale.ROOT);
            boolean announced = VIN_CONTEXT
                    .matcher(text.substring(Math.max(0, vin.start() - 40), vin.start()))
                    .find();
            boolean mixed = candidate.chars().anyMatch(Character::isLetter)
                    && candidate.chars().filter(Character::isDigit).count() >= 4;
            if (mixed && (announced || vinCheckDigitValid(candidate))) {
                found.add(new Suggestion(
                        vin.start(),
                        vin.end(),
                        Kind.PLATE,
                        "[VIN]",
                        "a vehicle identification number (its check digit holds, or \"VIN\" before it)"));
            }
        }
        Matcher ipv6 = IPV6.matcher(text);
        while (ipv6.find()) {
            if (ipv6Valid(ipv6.group())) {
                found.add(new Suggestion(ipv6.start(), ipv6.end(), Kind.ID_NUMBER, "[IP ADDRESS]", "an IPv6 address"));
            }
        }
        int urlsFrom = found.size();
        Matcher url = URL.matcher(text);
        while (url.find()) {
            int end = url.end();
            while (end > url.start() + 4 && ".,;:!?)]".indexOf(text.charAt(end - 1)) >= 0) {
                end--;
            }
            found.add(new Suggestion(url.start(), end, Kind.WEB_ADDRESS, "[WEB ADDRESS]", "a web address"));
        }
        List<Suggestion> urls = List.copyOf(found.subList(urlsFrom, found.size()));
        Matcher dotted = DOTTED.matcher(text);
        while (dotted.find()) {
            int at = dotted.start();
            if (urls.stream().anyMatch(u -> u.start() <= at && at < u.end())) {
                continue;
            }
            String word = dotted.group();
            String last = word.substring(word.lastIndexOf('.') + 1);
            if (TOP_LEVEL.contains(last) && !word.endsWith("-")) {
                found.add(new Suggestion(
                        dotted.start(),
                        dotted.end(),
                        Kind.WEB_ADDRESS,
                        "[WEB ADDRESS]",
                        "a domain name (.com, .org, .gov…)"));
            }
        }
        return found;
    }

    /** ISO/IEC 7812's check digit: double every second digit from the right. */
    static boolean luhn(String digits) {
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /** ISO 13616: the country and check digits moved to the end, letters as numbers, mod 97 is 1. */
    static boolean ibanValid(String iban) {
        if (!Character.isLetter(iban.charAt(0)) || !Character.isLetter(iban.charAt(1))) {
            return false;
        }
        String moved = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : moved.toCharArray()) {
            if (Character.isDigit(c)) {
                digits.append(c);
            } else if (c >= 'A' && c <= 'Z') {
                digits.append(c - 'A' + 10);
            } else {
                return false;
            }
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** The SSA never issues area 000, 666 or 900-999, group 00 or serial 0000. */
    static boolean ssnValid(String area, String group, String serial) {
        return !area.equals("000")
                && !area.equals("666")
                && area.charAt(0) != '9'
                && !group.equals("00")
                && !serial.equals("0000");
    }

    /** The North American check digit (position 9) of a VIN: letters stand for 1-9 as ISO 3779 lists them. */
    static boolean vinCheckDigitValid(String vin) {
        String letters = "ABCDEFGHJKLMNPRSTUVWXYZ";
        int[] letterValues = {1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9};
        int[] weights = {8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = vin.charAt(i);
            int value;
            if (Character.isDigit(c)) {
                value = c - '0';
            } else {
                int at = letters.indexOf(c);
                if (at < 0) {
                    return false;
                }
                value = letterValues[at];
            }
            sum += value * weights[i];
        }
        int check = sum % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return vin.charAt(8) == expected;
    }

    /** RFC 4291's text form: up to eight groups of up to four hex digits, one "::" at most. */
    static boolean ipv6Valid(String candidate) {
        int doubleColon = candidate.indexOf("::");
        if (doubleColon >= 0 && candidate.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] groups = candidate.split(":", -1);
        int filled = 0;
        for (String group : groups) {
            if (group.length() > 4) {
                return false;
            }
            if (!group.isEmpty()) {
                filled++;
            }
        }
        boolean hasLetterOrManyGroups = filled >= 3 || candidate.chars().anyMatch(Character::isLetter);
        if (doubleColon < 0) {
            return filled == 8 && groups.length == 8;
        }
        return filled <= 7 && hasLetterOrManyGroups && filled >= 2;
    }
}
