package org.nearmiss.deidentify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A list of words or phrases the detectors read, shipped in {@code src/main/resources/deidentify/}
 * (sources in its SOURCE.txt): one entry a line, {@code #} starting a comment. Lists change as the
 * words officers use change; the rules that read them stay put.
 */
final class WordList {

    private WordList() {}

    /** The entries of {@code deidentify/<name>}, in the file's order. */
    static List<String> read(String name) {
        String path = "deidentify/" + name;
        try (InputStream in = WordList.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The word list " + path + " is missing from the application");
            }
            List<String> entries = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    int comment = line.indexOf('#');
                    String entry = (comment >= 0 ? line.substring(0, comment) : line).strip();
                    if (!entry.isEmpty()) {
                        entries.add(entry);
                    }
                }
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries of a list as a set, for looking words up. */
    static Set<String> set(String name) {
        return Set.copyOf(read(name));
    }

    /**
     * The entries of a list as alternatives of a regular expression, longest first so that "Police
     * Department" is tried before "Police": each entry literal, except that a dot ending it may be left
     * out ("Sgt." or "Sgt"), an apostrophe may be straight or curly, and a space stands for one to three spaces.
     */
    static String alternatives(String name) {
        return read(name).stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(WordList::asPattern)
                .collect(Collectors.joining("|", "(?:", ")"));
    }

    private static String asPattern(String entry) {
        boolean optionalDot = entry.endsWith(".");
        String words = optionalDot ? entry.substring(0, entry.length() - 1) : entry;
        StringBuilder pattern = new StringBuilder();
        for (String part : words.split(" ", -1)) {
            if (!pattern.isEmpty()) {
                pattern.append("\\s{1,3}"); // bounded, so that a list may stand in a look-behind
            }
            String[] pieces = part.split("['’]", -1);
            for (int i = 0; i < pieces.length; i++) {
                if (i > 0) {
                    pattern.append("['’]");
                }
                if (!pieces[i].isEmpty()) {
                    pattern.append(Pattern.quote(pieces[i]));
                }
            }
        }
        return optionalDot ? pattern + "\\.?" : pattern.toString();
    }
}
