package org.nearmiss.review;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The work in progress on one report, sealed at rest because until it is approved it may still hold
 * what identifies someone.
 *
 * @param title the title that tells the story, for the library
 * @param narrative the de-identified event summary
 * @param lessons the lessons learned, one per line; starts as the reporter's own, de-identified
 * @param takeaways the key takeaways, written at stage 2
 * @param codes the contributing-factor codes from the taxonomy
 * @param marks the marks on the reporter's narrative and the reviewer's decisions on them
 * @param handMarks more words to hide, one {@code words = replacement} per line, typed by the reviewer
 * @param sentBackBecause why stage 2 last sent the report back, or empty
 * @param kept words the approver published although the assistant marked them, with the reasons
 * @param coarsened how the approver coarsened coded answers before publishing, by question id
 *     ({@code incidentMonth} to {@code quarter}; see {@link ReidentificationRisk})
 */
public record Draft(
        String title,
        String narrative,
        String lessons,
        String takeaways,
        List<String> codes,
        List<Mark> marks,
        String handMarks,
        String sentBackBecause,
        List<KeptMark> kept,
        Map<String, String> coarsened) {

    static final int MAX_TITLE = 200;
    static final int MAX_NARRATIVE = 20_000;
    /** The longest text the assistant is asked to mark at once. */
    public static final int MAX_NARRATIVE_CHARS = MAX_NARRATIVE;

    static final int MAX_LESSONS = 5_000;
    static final int MAX_TAKEAWAYS = 2_000;
    /** The reviewer's hand marks, all lines together. */
    static final int MAX_HAND_MARKS = 5_000;
    /**
     * What replaces one mark or hand-marked words: a role or a band ("[OFFICER 1]", "[EVENING]"), never
     * a text of its own; it also bounds how much a hand mark found everywhere can grow the narrative.
     */
    static final int MAX_REPLACEMENT = 100;

    public Draft {
        title = clean(title);
        narrative = clean(narrative);
        lessons = clean(lessons);
        takeaways = clean(takeaways);
        codes = codes == null ? List.of() : List.copyOf(codes);
        marks = marks == null ? List.of() : List.copyOf(marks);
        handMarks = clean(handMarks);
        sentBackBecause = clean(sentBackBecause);
        // Drafts sealed before kept marks existed have none.
        kept = kept == null ? List.of() : List.copyOf(kept);
        // Drafts sealed before coarsening existed have none.
        coarsened = coarsened == null ? Map.of() : Map.copyOf(coarsened);
    }

    static final Draft EMPTY = new Draft("", "", "", "", List.of(), List.of(), "", "", List.of(), Map.of());

    public Draft withText(String newTitle, String newNarrative, String newLessons, String newTakeaways) {
        return new Draft(
                newTitle,
                newNarrative,
                newLessons,
                newTakeaways,
                codes,
                marks,
                handMarks,
                sentBackBecause,
                kept,
                coarsened);
    }

    public Draft withCodes(List<String> newCodes) {
        return new Draft(
                title, narrative, lessons, takeaways, newCodes, marks, handMarks, sentBackBecause, kept, coarsened);
    }

    public Draft withMarks(List<Mark> newMarks, String newHandMarks) {
        return new Draft(
                title, narrative, lessons, takeaways, codes, newMarks, newHandMarks, sentBackBecause, kept, coarsened);
    }

    Draft withKept(List<KeptMark> newKept) {
        return new Draft(
                title, narrative, lessons, takeaways, codes, marks, handMarks, sentBackBecause, newKept, coarsened);
    }

    Draft sentBack(String reason) {
        return new Draft(title, narrative, lessons, takeaways, codes, marks, handMarks, reason, kept, coarsened);
    }

    Draft withCoarsened(Map<String, String> newCoarsened) {
        return new Draft(
                title, narrative, lessons, takeaways, codes, marks, handMarks, sentBackBecause, kept, newCoarsened);
    }

    /** The lessons as the bullets a published report shows: one per non-empty line, list markers dropped. */
    public List<String> lessonList() {
        return lessons.lines()
                .map(line -> line.strip()
                        .replaceFirst("^([-*\u2022]|\\d+[.)])\\s*", "")
                        .strip())
                .filter(line -> !line.isEmpty())
                .toList();
    }

    /**
     * The reporter's narrative with every accepted mark replaced and then every hand mark ({@code words
     * = replacement}) replaced wherever its words occur, ignoring case.
     */
    public static String apply(String original, List<Mark> marks, String handMarks) {
        List<Mark> accepted = new ArrayList<>(marks.stream()
                .filter(Mark::accepted)
                .filter(m -> m.end() <= original.length())
                .toList());
        accepted.sort(Comparator.comparingInt(Mark::start).reversed());
        // From the last mark back, each kept when it ends before the one kept after it; the text is
        // then written from the start (replacing in place moved the rest of it once a mark).
        List<Mark> applied = new ArrayList<>();
        int limit = Integer.MAX_VALUE;
        for (Mark mark : accepted) {
            if (mark.end() <= limit) {
                applied.add(mark);
                limit = mark.start();
            }
        }
        StringBuilder text = new StringBuilder(original.length());
        int at = 0;
        for (Mark mark : applied.reversed()) {
            text.append(original, at, mark.start()).append(mark.replacement());
            at = mark.end();
        }
        String result = text.append(original, at, original.length()).toString();
        for (HandMark hand : HandMark.parse(handMarks)) {
            result = hand.applyTo(result);
        }
        return result;
    }

    private static String clean(String text) {
        return text == null
                ? ""
                : text.replace("\r\n", "\n").replace("\u0000", "").strip();
    }
}
