package org.nearmiss.deidentify;

import java.util.List;
import java.util.regex.Pattern;

/** E-mail addresses, phone numbers as they are written at home and abroad, and social-media handles. */
final class ContactDetails implements Detector {

    private static final List<Rule> RULES = List.of(
            // An address's parts no longer than the standard allows (RFC 5321: 64 before the @, 63 a label).
            new Rule(
                    Kind.EMAIL,
                    "an e-mail address: words around an @ and a domain",
                    Pattern.compile("\\b[\\w.%+-]{1,64}@[\\w-]{1,63}(?:\\.[\\w-]{1,63}){1,8}\\b"),
                    m -> "[EMAIL]"),
            new Rule(
                            Kind.PHONE,
                            "a phone number: 7 to 15 digits in the groups phone numbers are written in",
                            // Groups of digits as phone numbers are written at home and abroad (+1, 001-,
                            // brackets, dots, spaces, extensions); the digit count is checked after (7 to
                            // 15, the ITU limit), and dates are left to the date rules.
                            Pattern.compile(
                                    "(?<![\\w+/.:-])(?:\\+\\d{1,3}[\\s.-]?|00\\d{1,3}[\\s.-]|1[\\s.-](?=\\(?\\d{3}))?(?:\\(\\d{1,4}\\)[\\s.-]?)?"
                                            + "\\d{2,4}(?:[\\s.-]\\d{2,8}){1,4}(?:\\s?(?:x|ext\\.?)\\s?\\d{1,5})?(?![\\w/:]|-\\d)"
                                            + "|(?<![\\w+/.:-])(?:\\+\\d{8,15}|\\d{10,11})(?![\\w/:]|-\\d)"),
                            m -> "[PHONE]")
                    .accepting(ContactDetails::looksLikePhone),
            // A handle on a social network: "@lilfresh_209" (an e-mail's @ has a word before it).
            new Rule(
                    Kind.WEB_ADDRESS,
                    "a social-media handle (@name)",
                    Pattern.compile("(?<![\\w.@])@[A-Za-z0-9_][A-Za-z0-9_.]{2,29}+(?<!\\.)"),
                    m -> "[HANDLE]"));

    @Override
    public List<Suggestion> find(String text) {
        return Rule.findAll(RULES, text);
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
}
