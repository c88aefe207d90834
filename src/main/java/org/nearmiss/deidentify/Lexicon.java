package org.nearmiss.deidentify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The word lists the assistant reads names and places by ({@code deidentify/}, see its SOURCE.txt):
 * people's first names and surnames, US cities and counties, and ordinary words, which are what a
 * capitalised word usually is when it is not a name. States and countries count as ordinary: a
 * published report may name them (ASRS keeps places no finer than the state).
 */
final class Lexicon {

    private static volatile Lexicon shared;

    final Set<String> firstNames;
    final Set<String> surnames;
    final Set<String> places;
    private final Set<String> ordinary;

    Lexicon(Set<String> firstNames, Set<String> surnames, Set<String> places, Set<String> ordinary) {
        this.firstNames = firstNames;
        this.surnames = surnames;
        this.places = places;
        this.ordinary = ordinary;
    }

    /** The lists shipped with the application, read once on first use. */
    static Lexicon shipped() {
        Lexicon lexicon = shared;
        if (lexicon == null) {
            synchronized (Lexicon.class) {
                if (shared == null) {
                    Set<String> ordinary = new HashSet<>(read("deidentify/ordinary-words.txt"));
                    read("deidentify/domain-words.txt").stream()
                            .filter(word -> !word.startsWith("#"))
                            .map(word -> word.toLowerCase(Locale.ROOT))
                            .forEach(ordinary::add);
                    ordinary.addAll(KEPT);
                    shared = new Lexicon(
                            read("deidentify/first-names.txt"),
                            read("deidentify/surnames.txt"),
                            read("deidentify/us-places.txt"),
                            Set.copyOf(ordinary));
                }
                lexicon = shared;
            }
        }
        return lexicon;
    }

    /** Whether a word (any case) is an ordinary word rather than a name. */
    boolean isOrdinary(String word) {
        return ordinary.contains(word.toLowerCase(Locale.ROOT));
    }

    boolean isName(String word) {
        return firstNames.contains(word) || surnames.contains(capitalised(word));
    }

    static String capitalised(String word) {
        return word.isEmpty()
                ? word
                : word.substring(0, 1).toUpperCase(Locale.ROOT)
                        + word.substring(1).toLowerCase(Locale.ROOT);
    }

    private static final Set<String> KEPT = keptPlacesAndCalendarWords();

    /** Whether a word (any case) is a state, a country, a language, a month or a weekday. */
    static boolean keptPlaceOrCalendarWord(String word) {
        return KEPT.contains(word.toLowerCase(Locale.ROOT));
    }

    /** States, countries, languages, months and weekdays, lower-cased: never marked. */
    private static Set<String> keptPlacesAndCalendarWords() {
        Set<String> kept = new HashSet<>(Set.of(
                "alabama",
                "alaska",
                "arizona",
                "arkansas",
                "california",
                "colorado",
                "connecticut",
                "delaware",
                "florida",
                "georgia",
                "hawaii",
                "idaho",
                "illinois",
                "indiana",
                "iowa",
                "kansas",
                "kentucky",
                "louisiana",
                "maine",
                "maryland",
                "massachusetts",
                "michigan",
                "minnesota",
                "mississippi",
                "missouri",
                "montana",
                "nebraska",
                "nevada",
                "hampshire",
                "jersey",
                "mexico",
                "york",
                "carolina",
                "dakota",
                "ohio",
                "oklahoma",
                "oregon",
                "pennsylvania",
                "rhode",
                "island",
                "tennessee",
                "texas",
                "utah",
                "vermont",
                "virginia",
                "washington",
                "wisconsin",
                "wyoming",
                "columbia",
                "puerto",
                "rico",
                "guam",
                "america",
                "american",
                "states",
                "united",
                "kingdom"));
        for (String country : Locale.getISOCountries()) {
            for (String word :
                    Locale.of("", country).getDisplayCountry(Locale.ENGLISH).split("[\\s,&()-]+")) {
                kept.add(word.toLowerCase(Locale.ROOT));
            }
        }
        for (String language : Locale.getISOLanguages()) {
            for (String word :
                    Locale.of(language).getDisplayLanguage(Locale.ENGLISH).split("[\\s,&()-]+")) {
                kept.add(word.toLowerCase(Locale.ROOT));
            }
        }
        for (Month month : Month.values()) {
            kept.add(month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT));
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            kept.add(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT));
        }
        return kept;
    }

    private static Set<String> read(String resource) {
        Set<String> words = new HashSet<>();
        try (var in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing word list " + resource);
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty())
                    .forEach(words::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
