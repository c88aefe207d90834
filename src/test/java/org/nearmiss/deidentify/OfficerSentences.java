package org.nearmiss.deidentify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Labelled training sentences written the way officers write their stories, made from templates with
 * names and places drawn from the shipped word lists ({@link Lexicon}). The labelled PII set the
 * tagger also learns from is letters, chats and reviews; these teach it ranks, units, agencies,
 * lower-case names typed on a phone, names with diacritics, and the capitalised words of police work
 * that are nobody's name (Engine 12, the Incident Commander, a Ford Explorer).
 *
 * <p>Markup: {@code [P …]} a person, {@code [L …]} a place, {@code [A …]} an agency, {@code [D …]} an
 * address; {@code {first}}, {@code {last}}, {@code {town}}, {@code {county}}, {@code {street}}, {@code
 * {n}}, {@code {rank}}, {@code {initial}}, {@code {brand}} are filled in; {@code {first:lower}} and
 * {@code {last:lower}} in lower case.
 */
final class OfficerSentences {

    private static final String[] TEMPLATES = {
        "{rank} [P {last}] and I responded to a disturbance call in [L {town}].",
        "{rank} [P {first} {last}] of the [A {town} Police Department] arrived on scene at 0230 hours.",
        "I was working patrol with my partner, [P {first} {last}], when dispatch advised of a pursuit.",
        "The suspect, later identified as [P {first} {last}], fled on foot toward [D {n} {street}].",
        "[P {first}] told me she had not seen her brother since the weekend.",
        "We staged at the [A {town} Fire Department] station before entering the residence.",
        "Dispatch sent us to [D {n} {street}] in [L {town}] for a welfare check.",
        "{rank:lower} [P {last:lower}] said the back door was unlocked.",
        "my partner [P {first:lower}] and i cleared the house room by room",
        "[P {first} {last}] was transported to [A {town} General Hospital] with a head injury.",
        "Deputies from the [A {county} Sheriff's Office] helped hold the perimeter.",
        "We met [P {first} {last}], the reporting party, outside the store on [D {street}].",
        "Later [P {last}] admitted he had been drinking before the crash.",
        "{rank} [P {last}] asked me to write this up so others could learn from it.",
        "The driver, [P {first} {initial}. {last}], had a suspended license and no insurance.",
        "Officers [P {last}], [P {last}] and [P {last}] were on scene when the shots were fired.",
        "I called [P {first}] back at the number she gave dispatch.",
        "We were sent to [A {last} Elementary School] for a report of a man with a knife.",
        "After the shift {rank} [P {last}] held a debrief in the squad room.",
        "The victim's mother, [P {first} {last}], drove in from [L {town}] an hour later.",
        "I drove south on [D {street}] toward [L {town}] with lights and siren.",
        "Witness [P {first} {last}] said the truck ran the red light at [D {street}].",
        "Our team trained with the [A {town} Regional SWAT Team] the week before.",
        "[P {first} {last}] from the [A {county} District Attorney's Office] called about the case.",
        "The call came in from a neighbor, [P {first} {last}], who heard screaming.",
        "We later learned [P {last}] had an outstanding warrant out of [L {town}].",
        "{rank} [P {first} {last}] ({n}) was first through the door.",
        "The homeowner, [P {last:upper}], refused to come out of the garage.",
        "Per {rank} [P {last}], the scene was secured at 0415.",
        "My sergeant, [P {first} {last}], told me to wait for backup, and I did not.",
        "Mutual aid units from [L {town}] and [L {town}] arrived within ten minutes.",
        "The pursuit ended on [D {street}] just outside [L {town}].",
        "I had only been with the [A {town} Police Department] for six months.",
        "The crash happened at [D {n} {street}], in front of the gas station.",
        "EMS from [A {town} Fire Rescue] treated the officer at the scene.",
        "[P {first}], the dispatcher that night, kept the channel clear for us.",
        "The man said his name was [P {first}] and that he lived in [L {town}].",
        "i told [P {first:lower} {last:lower}] to show me his hands",
        "Training officer [P {last}] went over the stop with me afterwards.",
        "We took [P {first} {last}] into custody without further incident.",
        "[P {first} {last}] and [P {first} {last}] were both in the back seat.",
        "I spoke with [P {first} {last}] of the [A {county} Probation Department] about the terms.",
        "A caller reported a fire behind [A {last} Hardware] on [D {street}].",
        "Deputy [P {first:accented} {last:accented}] took the first report.",
        "The interpreter, [P {first:accented} {last:accented}], helped us talk with the family.",
        "[P {first:accented}] said her husband had left for [L {town}] that morning.",
        "The Incident Commander ordered all units to pull back to the staging area.",
        "Engine {n} and Medic {n} arrived at the same time as we did.",
        "I deployed my {brand} and gave loud verbal commands.",
        "The {brand} was parked in the driveway with the engine running.",
        "Use of Force policy requires a supervisor to review every deployment.",
        "The CAD entry showed the call as Priority 1 with weapons involved.",
        "During the After Action Review we talked about our radio traffic.",
        "I will mark the location on the map and send it to the team.",
        "The hunter said he heard three shots from the ridge.",
        "Dispatch advised the suspect was armed with a handgun.",
        "We set up a perimeter and waited for K9 to arrive.",
        "The Field Training Officer told me to slow down and breathe.",
        "Command was moved to the Emergency Operations Center at noon.",
        "My Sergeant and the Lieutenant both signed off on the plan.",
        "It was a Friday night and every unit was tied up on calls.",
        "The North Side units were short two officers that week.",
        "SWAT cleared the house while Patrol held the outer perimeter.",
        "The Crisis Intervention Team had trained us for exactly this.",
        "Lesson learned: Always wait for a cover unit on a domestic.",
        "We requested ALS and a supervisor to the scene.",
        "Body Worn Camera footage showed the whole encounter.",
        "The Chief later changed the Pursuit Policy because of this call.",
        "Traffic Division handled the crash reconstruction.",
        "He was wearing a Red Sox cap and a Carhartt jacket.",
        "Patrol Unit {n} was the closest, so we took the call.",
    };

    private static final String[] RANKS = {
        "Officer",
        "Ofc.",
        "Deputy",
        "Sgt.",
        "Sergeant",
        "Lt.",
        "Lieutenant",
        "Detective",
        "Det.",
        "Trooper",
        "Cpl.",
        "Corporal",
        "Captain",
        "Agent",
        "Investigator"
    };

    private static final String[] STREET_TYPES = {
        "Street", "St.", "Avenue", "Ave", "Road", "Rd.", "Boulevard", "Drive", "Lane", "Way", "Court", "Highway"
    };

    /** Letters and what they may become in a name from elsewhere. */
    private static final String[][] ACCENTS = {
        {"a", "á", "ä", "ã", "å"},
        {"e", "é", "è", "ë", "ę"},
        {"i", "í", "ï"},
        {"o", "ó", "ö", "ø", "ő"},
        {"u", "ú", "ü", "ů"},
        {"n", "ñ", "ń"},
        {"c", "ç", "č"},
        {"s", "š", "ś", "ş"},
        {"z", "ž", "ż"}
    };

    private static final Pattern SLOT = Pattern.compile("\\{(\\w+)(?::(\\w+))?}");
    private static final Pattern SPAN = Pattern.compile("\\[([PLAD]) ([^\\]]+)]");

    private final List<String> firstNames;
    private final List<String> surnames;
    private final List<String> towns;
    private final List<String> counties;
    private final List<String> brands;
    private final Random random;

    OfficerSentences(Lexicon lexicon, List<String> brands, Random random) {
        // Sorted: the sets' own order changes from run to run, and the sentences must not.
        this.firstNames = lexicon.firstNames.stream().sorted().toList();
        this.surnames = lexicon.surnames.stream().sorted().toList();
        this.towns = lexicon.places.stream()
                .filter(p -> !p.endsWith("County") && !p.endsWith("Parish"))
                .sorted()
                .toList();
        this.counties = lexicon.places.stream()
                .filter(p -> p.endsWith("County") || p.endsWith("Parish"))
                .sorted()
                .toList();
        this.brands = brands.stream().sorted().toList();
        this.random = random;
    }

    /** {@code count} sentences, each template in turn, its slots filled at random. */
    List<EntityModelTraining.Labelled> make(int count) {
        List<EntityModelTraining.Labelled> sentences = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sentences.add(fill(TEMPLATES[i % TEMPLATES.length]));
        }
        return sentences;
    }

    private EntityModelTraining.Labelled fill(String template) {
        StringBuilder filled = new StringBuilder();
        Matcher slot = SLOT.matcher(template);
        while (slot.find()) {
            slot.appendReplacement(filled, Matcher.quoteReplacement(value(slot.group(1), slot.group(2))));
        }
        slot.appendTail(filled);
        StringBuilder text = new StringBuilder();
        List<EntityModelTraining.Gold> spans = new ArrayList<>();
        Matcher span = SPAN.matcher(filled);
        int at = 0;
        while (span.find()) {
            text.append(filled, at, span.start());
            int start = text.length();
            text.append(span.group(2));
            Kind kind = switch (span.group(1)) {
                case "P" -> Kind.PERSON;
                case "L" -> Kind.PLACE;
                case "A" -> Kind.AGENCY;
                default -> Kind.ADDRESS;
            };
            spans.add(new EntityModelTraining.Gold(start, text.length(), kind));
            at = span.end();
        }
        text.append(filled, at, filled.length());
        return new EntityModelTraining.Labelled(text.toString(), spans, "officers");
    }

    private String value(String slot, String form) {
        String value = switch (slot) {
            case "first" -> pick(firstNames);
            case "last" -> pick(surnames);
            case "town" -> pick(towns);
            case "county" -> pick(counties);
            case "street" -> pick(surnames) + " " + pick(STREET_TYPES);
            case "n" -> Integer.toString(1 + random.nextInt(random.nextBoolean() ? 99 : 9999));
            case "rank" -> pick(RANKS);
            case "initial" -> Character.toString('A' + random.nextInt(26));
            case "brand" -> pick(brands);
            default -> throw new IllegalArgumentException("No slot " + slot);
        };
        if (form == null) {
            return value;
        }
        return switch (form) {
            case "lower" -> value.toLowerCase(Locale.ROOT);
            case "upper" -> value.toUpperCase(Locale.ROOT);
            case "accented" -> accented(value);
            default -> throw new IllegalArgumentException("No form " + form);
        };
    }

    /** The name with one or two letters given diacritics, as names from elsewhere have them. */
    private String accented(String name) {
        StringBuilder out = new StringBuilder(name);
        int changes = 1 + random.nextInt(2);
        for (int tries = 0; tries < 10 && changes > 0; tries++) {
            int i = random.nextInt(out.length());
            for (String[] letter : ACCENTS) {
                if (letter[0].charAt(0) == out.charAt(i)) {
                    out.replace(i, i + 1, letter[1 + random.nextInt(letter.length - 1)]);
                    changes--;
                    break;
                }
            }
        }
        return out.toString();
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    private String pick(String[] list) {
        return list[random.nextInt(list.length)];
    }
}
