package org.nearmiss.review;

import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Words the reviewer marked by hand, and what replaces them: a line {@code words = replacement}. */
record HandMark(String words, String replacement) {

    /** The lines that have words before an equals sign; a line without one hides its words as {@code [REDACTED]}. */
    static List<HandMark> parse(String lines) {
        if (lines == null) {
            return List.of();
        }
        return lines.lines()
                .map(line -> {
                    int equals = line.lastIndexOf('=');
                    String words = (equals < 0 ? line : line.substring(0, equals)).strip();
                    String replacement = equals < 0
                            ? "[REDACTED]"
                            : line.substring(equals + 1).strip();
                    return words.isEmpty() ? null : new HandMark(words, replacement);
                })
                .filter(Objects::nonNull)
                .toList();
    }

    String applyTo(String text) {
        Pattern whole = Pattern.compile(
                "(?<![\\p{L}\\p{N}])" + Pattern.quote(words) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return whole.matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
    }
}
