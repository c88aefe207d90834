package org.nearmiss.library;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Links;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.intake.Intake;
import org.nearmiss.review.Publications;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code --nearmiss.demo=true}: fills an empty installation with a realistic library (several
 * hundred generated near misses across the questionnaire's calls, circumstances and factors), a few
 * reports waiting for review, and prints an invitation link for a demo account of each role. For
 * trying Nearmiss out, with a data dir of its own; never for production data.
 */
@Component
@ConditionalOnProperty(name = "nearmiss.demo", havingValue = "true")
class Demo {

    static final int LIBRARY = 400;
    static final int WAITING = 12;

    private final Publications publications;
    private final Intake intake;
    private final Accounts accounts;
    private final Links links;
    private final LibraryIndex index;
    private final Clock clock;

    Demo(Publications publications, Intake intake, Accounts accounts, Links links, LibraryIndex index, Clock clock) {
        this.publications = publications;
        this.intake = intake;
        this.accounts = accounts;
        this.links = links;
        this.index = index;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fill() {
        if (publications.lastSequence() > 0) {
            System.out.println("Demo: this installation already has a library; nothing added.");
            return;
        }
        Random random = new Random(42);
        LocalDate today = LocalDate.now(clock);
        for (int i = 1; i <= LIBRARY; i++) {
            Scenario s = Scenario.pick(random);
            YearMonth month = YearMonth.from(today).minusMonths(1 + random.nextInt(60));
            var coded = intake.checkCoded(raw(s.answers(random, month)));
            publications.importPublished(
                    new Publications.Imported(
                            "DEMO-%04d".formatted(i),
                            month.toString(),
                            s.title(),
                            s.narrative(random),
                            s.lessons(random),
                            coded.questionnaireVersion(),
                            coded.coded()),
                    today);
        }
        for (int i = 0; i < WAITING; i++) {
            Scenario s = Scenario.pick(random);
            YearMonth month = YearMonth.from(today).minusMonths(random.nextInt(3));
            Map<String, List<String>> answers = raw(s.answers(random, month));
            answers.put("narrative", List.of(s.rawNarrative(random)));
            answers.put("lessons", List.of(s.lessons(random).getFirst()));
            intake.file(1, answers);
        }
        index.catchUp();
        SignedIn demo = new SignedIn(AccountId.random(), "demo@nearmiss.invalid", "Demo", Role.ADMIN);
        StringBuilder out = new StringBuilder("\nDemo library: " + LIBRARY + " published near misses, " + WAITING
                + " reports waiting for review.\nOpen a link to set up each demo account (staff set up an"
                + " authenticator app; readers need none):\n");
        for (Role role : Role.values()) {
            String email = "demo-" + role.name().toLowerCase() + "@nearmiss.invalid";
            try {
                out.append("  %-20s %s%n"
                        .formatted(role.label(), links.to("/join/" + accounts.invite(demo, email, role))));
            } catch (RuntimeException exists) {
                out.append("  %-20s (%s exists already)%n".formatted(role.label(), email));
            }
        }
        System.out.println(out);
    }

    private static Map<String, List<String>> raw(Map<String, Object> answers) {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        answers.forEach((id, value) -> raw.put(
                id,
                value instanceof List<?> values
                        ? values.stream().map(String::valueOf).toList()
                        : List.of(String.valueOf(value))));
        return raw;
    }

    /** A kind of near miss, with the pieces its reports are written from. */
    record Scenario(
            String activity,
            String title,
            List<String> openings,
            List<String> dangers,
            List<String> saves,
            List<String> factors,
            List<String> weapons,
            List<String> locations) {

        static final List<String> NOTICED = List.of(
                "Something about the way he stood did not look right.",
                "My partner saw it first and called it out.",
                "I caught the movement out of the corner of my eye.",
                "The hair on my neck stood up before I knew why.",
                "The story he told did not match what I was seeing.");
        static final List<String> COULD = List.of(
                "One of us could easily have been shot.",
                "If it had gone another second, someone would have been badly hurt.",
                "I could have been killed standing exactly where I was trained not to stand.",
                "It could have ended with an officer in the hospital.");
        static final Map<String, List<String>> LESSONS = Map.ofEntries(
                Map.entry(
                        "situational-awareness",
                        List.of(
                                "Keep scanning hands, even when the call feels routine.",
                                "Pick your position before you need it.")),
                Map.entry(
                        "concealed-weapon",
                        List.of(
                                "Assume there is a weapon until you know there is not.",
                                "Light up the back seat and every waistband.")),
                Map.entry(
                        "equipment-failure",
                        List.of(
                                "Check your radio and light at the start of every shift.",
                                "Carry a backup light you trust.")),
                Map.entry(
                        "communication",
                        List.of(
                                "Say what you see on the radio, plainly and early.",
                                "Agree on who does what before you walk up.")),
                Map.entry(
                        "complacency",
                        List.of(
                                "The hundredth stop is as dangerous as the first.",
                                "Routine is where you stop looking.")),
                Map.entry(
                        "fatigue",
                        List.of(
                                "Tired officers miss cues: speak up about long shifts.",
                                "Slow down when you are at the end of a double.")),
                Map.entry(
                        "training",
                        List.of(
                                "Train the scenario you dread, not the one you like.",
                                "Refresh the skill before you need it.")),
                Map.entry(
                        "tactics",
                        List.of("Use cover and distance; time is on your side.", "Do not stand in the door.")),
                Map.entry(
                        "no-backup",
                        List.of(
                                "Wait for backup when you can; the call will still be there.",
                                "Do not chase alone into places you cannot see.")),
                Map.entry(
                        "unexpected-behaviour",
                        List.of(
                                "Calm can turn in a second: keep your distance.",
                                "Watch for the shift in body language.")),
                Map.entry(
                        "vehicle-traffic",
                        List.of(
                                "Position your car to protect you, not to look tidy.",
                                "Never turn your back to traffic.")),
                Map.entry(
                        "hazardous-environment",
                        List.of("Know your footing before you move.", "Look up, down and around before you commit.")));

        static final List<Scenario> ALL = List.of(
                new Scenario(
                        "traffic-stop",
                        "Hidden passenger hand at a night stop",
                        List.of(
                                "I stopped a car for a burned-out tail light.",
                                "We made a stop on a sedan that drifted across the line.",
                                "I pulled over a pickup for expired tags."),
                        List.of(
                                "The rear passenger kept his right hand under his thigh.",
                                "The driver reached between the seat and the console.",
                                "The passenger opened his door and started to get out."),
                        List.of(
                                "My partner lit him up and we backed off to cover until more units came.",
                                "I ordered his hands on the roof and he complied.",
                                "We stepped back, drew, and he dropped the pistol on the floorboard."),
                        List.of("concealed-weapon", "complacency", "situational-awareness"),
                        List.of("handgun", "none", "edged"),
                        List.of("street", "highway", "rural-road")),
                new Scenario(
                        "foot-pursuit",
                        "Foot pursuit ends at a fence",
                        List.of(
                                "A man ran from a stolen car and I went after him on foot.",
                                "The suspect bolted from a traffic stop and I chased him through yards.",
                                "I chased a man who fled from a store alarm."),
                        List.of(
                                "He turned at a fence with something shiny in his hand.",
                                "I lost sight of him around a corner and he was waiting.",
                                "My radio went silent between the buildings."),
                        List.of(
                                "I stopped, took distance behind a car and waited for backup.",
                                "A second unit came around the other side and he gave up.",
                                "I broke off the chase and set a perimeter instead."),
                        List.of("no-backup", "tactics", "communication"),
                        List.of("edged", "hands-feet", "none"),
                        List.of("residence", "open-land", "street")),
                new Scenario(
                        "disturbance",
                        "Quiet domestic turns at the door",
                        List.of(
                                "We went to a family disturbance where the caller hung up.",
                                "Neighbours called about shouting next door.",
                                "We answered a second call to the same apartment that night."),
                        List.of(
                                "The husband came to the door with one hand behind his back.",
                                "A second man came out of the hallway behind my partner.",
                                "She picked up a kitchen knife while we talked to him."),
                        List.of(
                                "We stepped out of the doorway and gave commands from cover.",
                                "My partner kept eyes on the hallway and called it out.",
                                "We separated them and kept the kitchen out of reach."),
                        List.of("tactics", "unexpected-behaviour", "situational-awareness"),
                        List.of("edged", "handgun", "blunt"),
                        List.of("residence", "multi-unit")),
                new Scenario(
                        "traffic-control",
                        "Struck-by near miss at a crash scene",
                        List.of(
                                "I was working a crash on the interstate after dark.",
                                "I had the road closed for a wreck on a two-lane.",
                                "I was directing traffic around a stalled truck in the rain."),
                        List.of(
                                "A pickup drifted onto the shoulder toward me.",
                                "A driver ignored the flares and came through the closure.",
                                "A car slid on the wet road toward my patrol car."),
                        List.of(
                                "I heard the rumble strip and jumped behind the barrier.",
                                "My car, parked at an angle, took the hit instead of me.",
                                "Another officer shouted and I stepped out of the lane."),
                        List.of("vehicle-traffic", "hazardous-environment", "fatigue"),
                        List.of("vehicle", "none"),
                        List.of("highway", "rural-road", "street")),
                new Scenario(
                        "mental-illness",
                        "Calm talk, sudden charge",
                        List.of(
                                "We were asked to check on a man in crisis at a bus stop.",
                                "A mother called about her adult son who stopped his medication.",
                                "We responded to a person talking to himself in traffic."),
                        List.of(
                                "He went quiet, then charged at my partner.",
                                "He pulled a screwdriver out of his sleeve.",
                                "He grabbed for my holster while I was talking to him."),
                        List.of(
                                "We had kept distance and a taser ready, and it ended there.",
                                "My retention training took over and I kept the weapon.",
                                "We slowed down, gave him space, and he put it down."),
                        List.of("unexpected-behaviour", "tactics", "training"),
                        List.of("officer-weapon", "edged", "hands-feet"),
                        List.of("street", "residence", "hospital")),
                new Scenario(
                        "warrant-service",
                        "Second occupant at a warrant service",
                        List.of(
                                "We served an arrest warrant at a house at dawn.",
                                "We went to pick up a man on a probation warrant.",
                                "We knocked on an apartment door with a felony warrant."),
                        List.of(
                                "A second man we did not know about came out of a back bedroom.",
                                "Someone slammed the back door as we came in the front.",
                                "A dog came out of the hallway and a man followed with a bat."),
                        List.of(
                                "The officer on the back covered the door and called it out.",
                                "We held the doorway and waited for him to show his hands.",
                                "We backed out and called for more units before going in again."),
                        List.of("communication", "situational-awareness", "no-backup"),
                        List.of("long-gun", "blunt", "handgun"),
                        List.of("residence", "multi-unit")),
                new Scenario(
                        "suspicious-person",
                        "Routine check, hidden knife",
                        List.of(
                                "I checked on a man sitting in a parked car behind a closed store.",
                                "A caller reported someone looking into car windows.",
                                "I stopped to talk to a man walking in a business park at night."),
                        List.of(
                                "During the pat-down I felt a fixed blade at his ankle.",
                                "He kept turning his body away from me.",
                                "He had his hand in his pocket and would not take it out."),
                        List.of(
                                "I put him on the wall and waited for my cover officer.",
                                "I stepped back and gave clear commands until he showed his hands.",
                                "My cover officer arrived and we searched him together."),
                        List.of("complacency", "concealed-weapon", "tactics"),
                        List.of("edged", "none", "handgun"),
                        List.of("parking-lot", "business", "street")),
                new Scenario(
                        "vehicle-operations",
                        "Intersection crash on an emergency run",
                        List.of(
                                "I was responding with lights and siren to an officer-needs-help call.",
                                "I was catching up to a unit in pursuit.",
                                "I drove code three to a reported shooting."),
                        List.of(
                                "A car pulled into the intersection against the red.",
                                "My tires lost grip on a wet curve.",
                                "A pedestrian stepped out from between parked cars."),
                        List.of(
                                "I had slowed at the intersection and stopped in time.",
                                "I eased off and the car came back in line.",
                                "I saw his feet under the bumper and braked."),
                        List.of("fatigue", "hazardous-environment", "vehicle-traffic"),
                        List.of("vehicle", "none"),
                        List.of("street", "highway")),
                new Scenario(
                        "prisoner",
                        "Handcuffed prisoner slips a hand free",
                        List.of(
                                "I was transporting a prisoner to the jail.",
                                "We were booking a man arrested for assault.",
                                "I was walking a prisoner to court from the holding cell."),
                        List.of(
                                "He had slipped one hand out of the cuffs in the back seat.",
                                "He spun and head-butted toward the booking officer.",
                                "He grabbed a pen from the counter."),
                        List.of(
                                "The cage and a second officer at the door kept it contained.",
                                "We put him down and recuffed him properly.",
                                "The booking officer saw the shift and stepped back."),
                        List.of("equipment-failure", "complacency", "supervision"),
                        List.of("hands-feet", "other"),
                        List.of("jail-custody", "station")));

        static Scenario pick(Random random) {
            return ALL.get(random.nextInt(ALL.size()));
        }

        String narrative(Random random) {
            return String.join(
                    " ",
                    one(random, openings),
                    one(random, NOTICED),
                    one(random, dangers),
                    one(random, COULD),
                    one(random, saves));
        }

        /** As a reporter writes it, before de-identification: with a street name and a time in it. */
        String rawNarrative(Random random) {
            return one(random, openings) + " It was around 2:15 a.m. on Elm Street. " + one(random, dangers) + " "
                    + one(random, saves) + " Officer Dan Ruiz was with me.";
        }

        List<String> lessons(Random random) {
            List<String> lessons = new ArrayList<>();
            for (String factor : factors.subList(0, 2)) {
                lessons.add(one(random, LESSONS.getOrDefault(factor, List.of("Slow down and think before you move."))));
            }
            return lessons;
        }

        Map<String, Object> answers(Random random, YearMonth month) {
            Map<String, Object> answers = new LinkedHashMap<>();
            answers.put("activity", activity);
            answers.put("incidentMonth", month.toString());
            answers.put("timeOfDay", one(random, List.of("00-04", "04-08", "08-12", "12-16", "16-20", "20-24")));
            answers.put("lighting", one(random, List.of("daylight", "dawn-dusk", "dark-lit", "dark-unlit")));
            answers.put("locationType", one(random, locations));
            answers.put("weapons", one(random, weapons));
            answers.put(
                    "injuryPotential",
                    one(random, List.of("fatality", "serious-injury", "serious-injury", "minor-injury")));
            List<String> chosen = new ArrayList<>(factors);
            chosen.remove(random.nextInt(chosen.size()));
            answers.put("factors", chosen);
            answers.put("officersOnScene", 1 + random.nextInt(3));
            return answers;
        }

        private static String one(Random random, List<String> options) {
            return options.get(random.nextInt(options.size()));
        }
    }
}
