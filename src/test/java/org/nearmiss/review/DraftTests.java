package org.nearmiss.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Building the draft story from the reporter's words and the reviewer's marks. */
class DraftTests {

    static final String STORY = "Officer Ruiz stopped a car on Elm Street. Ruiz saw a gun.";

    @Test
    void acceptedMarksAreReplacedAndRejectedOnesKept() {
        List<Mark> marks = List.of(
                new Mark(8, 12, "PERSON", "[OFFICER 1]", true),
                new Mark(30, 40, "ADDRESS", "[STREET]", true),
                new Mark(42, 46, "PERSON", "[OFFICER 1]", false));
        assertThat(Draft.apply(STORY, marks, ""))
                .isEqualTo("Officer [OFFICER 1] stopped a car on [STREET]. Ruiz saw a gun.");
    }

    @Test
    void handMarksReplaceWholeWordsWhereverTheyOccurIgnoringCase() {
        String draft = Draft.apply(STORY, List.of(), "ruiz = [OFFICER 1]\nElm Street\n = nothing\n");
        assertThat(draft).isEqualTo("Officer [OFFICER 1] stopped a car on [REDACTED]. [OFFICER 1] saw a gun.");
        assertThat(Draft.apply("Ruizson and Ruiz", List.of(), "Ruiz = X")).isEqualTo("Ruizson and X");
        assertThat(Draft.apply("a $1 \\ b", List.of(), "b = $2\\"))
                .as("replacements are literal")
                .isEqualTo("a $1 \\ $2\\");
    }

    @Test
    void overlappingOrOutOfRangeMarksDoNotCorruptTheText() {
        List<Mark> marks = List.of(
                new Mark(8, 12, "PERSON", "[A]", true),
                new Mark(10, 20, "PERSON", "[B]", true),
                new Mark(100, 120, "PERSON", "[C]", true));
        String draft = Draft.apply(STORY, marks, "");
        assertThat(draft).startsWith("Officer Ru[B]").doesNotContain("[C]");
    }

    @Test
    void lessonsBecomeBulletsWithoutTheirListMarkers() {
        Draft draft = Draft.EMPTY.withText(
                "t", "n", "- Watch the hands\n\n2. Wait for backup\n  • Trust the feeling  \n", "");
        assertThat(draft.lessonList()).containsExactly("Watch the hands", "Wait for backup", "Trust the feeling");
    }
}
