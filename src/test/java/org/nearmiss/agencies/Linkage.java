package org.nearmiss.agencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

/**
 * The linkage attack on an agency's outputs: a coordinator who finds any run of words of a published
 * report on them can search the library for it and learn which reports are the agency's officers'. A
 * run of five words is taken as enough to find a report; shorter ones are everyday phrases.
 */
final class Linkage {

    /** The shortest run of a report's words that would find it in the library. */
    static final int RUN = 5;

    /** A report as published: its title, event summary, lessons (one a line) and takeaways. */
    record Told(String title, String narrative, String lessons, String takeaways) {}

    /** Ten near misses, each told in words no page of Nearmiss uses. */
    static final List<Told> TOLD = List.of(
            new Told(
                    "Passenger Slides Hand Under Seat During Rainy Roadside Stop",
                    "[OFFICER 1] walked toward the sedan as drizzle fogged the rear window and saw the passenger slide"
                            + " a hand beneath the seat while the wipers kept beating.",
                    "Ask passengers to keep both palms on the headrest in front\nApproach wet windows from the curb"
                            + " side with a flashlight raised",
                    "Hands in sight before the window comes down"),
            new Told(
                    "Dog Breaks Loose From Porch While Serving Civil Paper",
                    "Nobody had mentioned an animal when [OFFICER 1] climbed the sagging porch steps with the summons,"
                            + " and a brindle mastiff burst through the screen door.",
                    "Check the county animal registry before any paper service\nCarry a catch pole in every rural"
                            + " patrol trunk",
                    "Paper service is still a knock on an unknown door"),
            new Told(
                    "Ladder Collapses Beside Officer Clearing Flooded Basement",
                    "Muddy water reached the second stair when the aluminium ladder folded sideways and pinned the"
                            + " flashlight against the boiler pipes next to [OFFICER 1].",
                    "Never descend into standing water without a tethered partner\nTest every borrowed ladder before"
                            + " trusting its hinges",
                    "Flood water hides every hazard beneath it"),
            new Told(
                    "Tow Truck Drifts Into Flares On Icy Overpass",
                    "While [OFFICER 1] set out a line of flares the wrecker lost traction on black ice and slid toward"
                            + " the cones with its winch cable swinging loose.",
                    "Place the flare line upstream of the tow operator on freezing bridges\nAgree on hand signals with"
                            + " wrecker drivers before hooking up",
                    "Ice makes every heavy vehicle a missile"),
            new Told(
                    "Shoplifter Produces Box Cutter Near Pharmacy Counter",
                    "The store clerk pointed at aisle seven, and as [OFFICER 1] approached the suspect pulled a yellow"
                            + " utility blade from a jacket sleeve beside the cough syrup.",
                    "Watch the sleeves of anyone who keeps one arm tucked inside a coat\nKeep a display shelf between"
                            + " you and a cornered shoplifter",
                    "Small stores hold big surprises behind the counter"),
            new Told(
                    "Handcuffed Prisoner Kicks Cruiser Door Into Partner",
                    "Seated behind the cage the prisoner braced against the opposite door and drove both heels into"
                            + " it just as [OFFICER 2] leaned over the frame.",
                    "Strap the ankles of a combative prisoner before closing the rear door\nNever lean across an open"
                            + " cruiser frame beside a restrained arrestee",
                    "The back seat is not the end of the fight"),
            new Told(
                    "Kitchen Knife Found Under Couch Cushion After Welfare Check",
                    "Checking on an elderly resident [OFFICER 1] lifted a cushion to sit and found a serrated carving"
                            + " knife hidden within easy reach of the recliner.",
                    "Scan furniture with a gloved hand before sitting anywhere during welfare visits\nAsk family"
                            + " members where sharp tools are usually kept",
                    "Welfare checks deserve the same caution as any call"),
            new Told(
                    "Horse Trailer Jackknifes Across Both Lanes At Dusk",
                    "A pickup hauling two mares braked hard on the county highway, the trailer swung broadside and"
                            + " [OFFICER 1] stopped the cruiser only a few feet short.",
                    "Leave extra following distance behind livestock trailers after sunset\nSet reflective triangles"
                            + " well back from any overturned stock hauler",
                    "Dusk hides the length of a trailer"),
            new Told(
                    "Wrongly Labeled Holster Lets Taser Stand In For Pistol",
                    "During the range qualification [OFFICER 1] noticed that the new duty rig placed the electric"
                            + " weapon exactly where muscle memory expected the sidearm.",
                    "Train with the exact holster layout that goes on the street\nMark the grip of the conducted"
                            + " energy device with bright tape",
                    "Gear changes need range time before patrol time"),
            new Told(
                    "Teenager Swings Skateboard At Bicycle Patrol Officer",
                    "Rolling through the plaza on patrol bikes [OFFICER 1] and [OFFICER 2] asked a group to leave the"
                            + " fountain and one youth swung a skateboard deck overhead.",
                    "Dismount before giving orders to a crowd of skaters\nKeep the bicycle between you and anyone"
                            + " holding a board",
                    "Wheels turn a patrol into a close encounter"));

    private Linkage() {}

    /** The title, event summary, lessons and takeaways of every published report of the agency, as stored. */
    static List<String> textsOfReports(JdbcClient jdbc, UUID agency) {
        List<String> texts = new ArrayList<>();
        jdbc.sql("select title, narrative, lessons, takeaways from publication where agency_id = ?")
                .param(agency)
                .query(rs -> {
                    for (int column = 1; column <= 4; column++) {
                        String text = rs.getString(column);
                        if (text != null && !text.isBlank()) {
                            texts.add(text);
                        }
                    }
                });
        return texts;
    }

    /**
     * Fails naming each output and run when any run of {@link #RUN} consecutive words of a report's
     * text appears in an output, whatever the case, punctuation or markup between the words.
     */
    static void assertNoRunOfReportWords(Map<String, String> outputs, List<String> reportTexts) {
        assertThat(reportTexts).as("reports to look for").isNotEmpty();
        Set<String> runs = new LinkedHashSet<>();
        reportTexts.forEach(text -> runs.addAll(runsOf(text)));
        assertThat(runs).as("runs of %d words in the reports", RUN).isNotEmpty();
        List<String> found = new ArrayList<>();
        outputs.forEach((name, output) -> {
            String words = " " + String.join(" ", words(output)) + " ";
            runs.stream()
                    .filter(run -> words.contains(" " + run + " "))
                    .forEach(run -> found.add(name + ": \"" + run + "\""));
        });
        assertThat(found)
                .as("runs of a published report's words on the agency's outputs")
                .isEmpty();
    }

    /** Every run of {@link #RUN} consecutive words of a text. */
    static List<String> runsOf(String text) {
        List<String> words = words(text);
        List<String> runs = new ArrayList<>();
        for (int i = 0; i + RUN <= words.size(); i++) {
            runs.add(String.join(" ", words.subList(i, i + RUN)));
        }
        return runs;
    }

    /** A text's words, lower case, without punctuation or markup. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** A page's text as a reader sees it, entities decoded. */
    static String html(String page) {
        return HtmlUtils.htmlUnescape(page);
    }

    /** Every name and value of a JSON document, unescaped. */
    static String json(JsonNode node) {
        StringBuilder text = new StringBuilder();
        json(node, text);
        return text.toString();
    }

    private static void json(JsonNode node, StringBuilder text) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                text.append(field.getKey()).append(" | ");
                json(field.getValue(), text);
            }
        } else if (node.isArray()) {
            node.forEach(element -> json(element, text));
        } else {
            text.append(node.asString()).append(" | ");
        }
    }

    /** The text of every page of a PDF. */
    static String pdf(byte[] pdf) {
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
