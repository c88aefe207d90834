package org.nearmiss.review.deidentify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds people's names: a rank or title followed by a capitalised name ("Sgt. Ramos", "Mrs. Ann
 * Lee"), or a known first name followed by a known surname ("Maria Lopez"), from the public-domain
 * name lists in {@code deidentify/}. Each person becomes a numbered role, the same number for the
 * same surname throughout the text: "[OFFICER 1]" for ranks, "[PERSON 2]" otherwise.
 */
final class Names {

    private static final String OFFICER_TITLES = "Officer|Ofc\\.?|Deputy|Dep\\.?|Sgt\\.?|Sergeant|Lt\\.?|Lieutenant"
            + "|Capt\\.?|Captain|Detective|Det\\.?|Trooper|Tpr\\.?|Agent|Chief|Sheriff|Corporal|Cpl\\.?|Marshal"
            + "|Inspector|Commander|Cmdr\\.?|Patrolman|Patrolwoman|Partner";
    private static final String CIVIL_TITLES = "Mr\\.?|Mrs\\.?|Ms\\.?|Miss|Dr\\.?|Mister";
    private static final String NAME = "\\p{Lu}\\p{Ll}+(?:[-'’]\\p{Lu}?\\p{Ll}+)?";
    private static final Pattern TITLED = Pattern.compile(
            "\\b(" + OFFICER_TITLES + "|" + CIVIL_TITLES + ")\\s+(" + NAME + "(?:\\s+" + NAME + ")?)(?![\\p{L}])");
    private static final Pattern PAIR =
            Pattern.compile("(?<![\\p{L}])(" + NAME + ")\\s+(?:\\p{Lu}\\.?\\s+)?(" + NAME + ")(?![\\p{L}])");
    private static final Pattern WORD = Pattern.compile("(?<![\\p{L}])" + NAME + "(?![\\p{L}])");
    /** First names that are also everyday words, marked only beside a surname or after a title. */
    private static final Set<String> EVERYDAY = Set.of(
            "Will",
            "May",
            "June",
            "April",
            "August",
            "Mark",
            "Rose",
            "Grace",
            "Hope",
            "Faith",
            "Joy",
            "Art",
            "Bill",
            "Pat",
            "Sue",
            "Don",
            "Ray",
            "Guy",
            "Jack",
            "Frank",
            "Chase",
            "Hunter",
            "Wade",
            "Summer",
            "Autumn",
            "Dawn",
            "Rob",
            "Gene",
            "Van",
            "Skip",
            "Sonny",
            "Chance",
            "Miles",
            "Lane",
            "Dean",
            "Drew",
            "Reed",
            "Stone",
            "Ivy",
            "Cliff",
            "Rusty",
            "Sandy",
            "Penny",
            "Carol",
            "Holly",
            "Ginger",
            "Amber",
            "Crystal",
            "Star",
            "Sky",
            "Page",
            "King",
            "Major",
            "Deputy",
            "Sergeant",
            "Trooper",
            "Officer",
            "Captain",
            "Chief",
            "Judge",
            "Justice",
            "Royal",
            "Prince",
            "Duke",
            "Earl",
            "Baron",
            "Angel",
            "Christian",
            "Harley",
            "Mercedes",
            "Lexus",
            "Tesla",
            "Dallas",
            "Austin",
            "Houston",
            "Denver",
            "Phoenix",
            "Jackson",
            "Madison",
            "Camden",
            "Cameron",
            "Paris",
            "Sydney",
            "Florence",
            "Georgia",
            "Virginia",
            "Carolina",
            "Dakota",
            "Montana",
            "Nevada",
            "Indiana",
            "Tuesday",
            "Sunday",
            "Monday",
            "Friday",
            "Saturday",
            "Wednesday",
            "Thursday",
            "Black",
            "White",
            "Brown",
            "Green",
            "Young",
            "Long",
            "Rich",
            "Price",
            "Child",
            "Storm",
            "Rain",
            "River",
            "Forest",
            "Glen",
            "Bud",
            "Buck",
            "Blue",
            "Red",
            "Gray",
            "Grey",
            "Sage",
            "Ash",
            "Bay",
            "Cash",
            "Case",
            "Sunny",
            "Misty",
            "Stormy",
            "Happy",
            "Lucky",
            "Cherry",
            "Honey",
            "Candy",
            "Coral",
            "Pearl",
            "Ruby",
            "Jade",
            "Opal",
            "Olive",
            "Violet",
            "Iris",
            "Lily",
            "Daisy",
            "Poppy",
            "Fern",
            "Heather",
            "Ocean",
            "Brook",
            "Marsh",
            "Field",
            "Ford",
            "Cole",
            "Love",
            "Baby",
            "Sir",
            "Princess",
            "Italy",
            "German",
            "Boston",
            "Roma",
            "America",
            "China",
            "India",
            "Asia",
            "Africa",
            "Europe",
            "Canada",
            "Dear",
            "Sweetie",
            "Precious",
            "Unknown",
            "Male",
            "Female");

    private final Set<String> firstNames;
    private final Set<String> surnames;

    Names() {
        this(read("deidentify/first-names.txt"), read("deidentify/surnames.txt"));
    }

    Names(Set<String> firstNames, Set<String> surnames) {
        this.firstNames = firstNames;
        this.surnames = surnames;
    }

    List<Suggestion> find(String text) {
        List<Found> found = new ArrayList<>();
        Matcher titled = TITLED.matcher(text);
        while (titled.find()) {
            boolean officer = !titled.group(1).matches(CIVIL_TITLES);
            found.add(new Found(titled.start(), titled.end(), lastWord(titled.group(2)), officer));
        }
        Matcher pair = PAIR.matcher(text);
        while (pair.find()) {
            if (firstNames.contains(pair.group(1)) && surnames.contains(pair.group(2))) {
                found.add(new Found(pair.start(), pair.end(), pair.group(2), false));
            }
            // Pairs overlap ("Maria Lopez Garcia"): look again from the second word.
            pair.region(pair.start(2), text.length());
        }
        // A known first name on its own, inside a sentence ("then Kevin ran"), unless it is an everyday word.
        Matcher word = WORD.matcher(text);
        while (word.find()) {
            String w = word.group();
            if (firstNames.contains(w) && !EVERYDAY.contains(w) && !startsSentence(text, word.start())) {
                found.add(new Found(word.start(), word.end(), w, false));
            }
        }
        List<Found> kept = withoutOverlaps(found);
        Map<String, Integer> numbers = new LinkedHashMap<>();
        Map<String, Boolean> officers = new LinkedHashMap<>();
        for (Found f : kept) {
            String key = f.surname().toLowerCase(Locale.ROOT);
            numbers.putIfAbsent(key, numbers.size() + 1);
            officers.merge(key, f.officer(), Boolean::logicalOr);
        }
        // Lone surnames of people already named ("Ramos said ...") get the same role.
        List<Found> alsoNamed = new ArrayList<>();
        for (String key : numbers.keySet()) {
            Matcher alone = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(capitalised(key)) + "(?![\\p{L}])")
                    .matcher(text);
            while (alone.find()) {
                Found f = new Found(alone.start(), alone.end(), key, officers.get(key));
                if (kept.stream().noneMatch(k -> k.start() < f.end() && f.start() < k.end())) {
                    alsoNamed.add(f);
                }
            }
        }
        kept.addAll(alsoNamed);
        List<Suggestion> suggestions = new ArrayList<>();
        for (Found f : kept) {
            String key = f.surname().toLowerCase(Locale.ROOT);
            String role = officers.get(key) ? "OFFICER" : "PERSON";
            suggestions.add(new Suggestion(f.start(), f.end(), Kind.PERSON, "[" + role + " " + numbers.get(key) + "]"));
        }
        return suggestions;
    }

    private record Found(int start, int end, String surname, boolean officer) {}

    /** The longer of two overlapping finds wins, then the earlier; the rest in reading order. */
    private static List<Found> withoutOverlaps(List<Found> found) {
        List<Found> byLength = new ArrayList<>(found);
        byLength.sort((a, b) -> a.end() - a.start() != b.end() - b.start()
                ? Integer.compare(b.end() - b.start(), a.end() - a.start())
                : Integer.compare(a.start(), b.start()));
        List<Found> kept = new ArrayList<>();
        for (Found f : byLength) {
            if (kept.stream().noneMatch(k -> k.start() < f.end() && f.start() < k.end())) {
                kept.add(f);
            }
        }
        kept.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return kept;
    }

    private static boolean startsSentence(String text, int at) {
        int i = at - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i < 0 || ".!?\"“:;".indexOf(text.charAt(i)) >= 0;
    }

    private static String lastWord(String name) {
        String[] words = name.split("\\s+");
        return words[words.length - 1];
    }

    private static String capitalised(String key) {
        return Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }

    private static Set<String> read(String resource) {
        Set<String> names = new HashSet<>();
        try (var in = Names.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing name list " + resource);
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .forEach(names::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(names);
    }
}
