package org.nearmiss.deidentify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nearmiss.deidentify.DetectorFixtures.found;

import java.util.List;
import org.junit.jupiter.api.Test;

class PersonNamesTests {

    private final PersonNames detector = new PersonNames();

    private List<String> people(String text) {
        return found(detector, text, Kind.PERSON).stream()
                .map(s -> text.substring(s.start(), s.end()))
                .toList();
    }

    @Test
    void ranksAndTitlesBeforeANameFromTheList() {
        assertThat(people("Sgt. Ramos and Special Agent Okafor met Undersheriff Lindqvist and Mrs. Ann Lee."))
                .containsExactly("Sgt. Ramos", "Special Agent Okafor", "Undersheriff Lindqvist", "Mrs. Ann Lee");
    }

    @Test
    void namesFromEveryOriginWithDiacriticsAndParticles() {
        assertThat(people("Then Zoë Szöllösy, Jean-Pierre de la Cruz and Nguyễn Thị Hương arrived."))
                .contains("Zoë Szöllösy", "Jean-Pierre de la Cruz", "Nguyễn Thị Hương");
    }

    @Test
    void namesTypedInLowerCaseOnAPhone() {
        assertThat(people("sgt. maria lopez told me to wait")).containsExactly("sgt. maria lopez");
    }

    @Test
    void theSameSurnameKeepsItsNumberAndRanksMakeOfficers() {
        String text = "Officer Tamsin Okafor called. Okafor said the man, Reyes, ran; Okafor followed.";
        assertThat(found(detector, text, Kind.PERSON))
                .extracting(Suggestion::replacement)
                .containsExactly("[OFFICER 1]", "[OFFICER 1]", "[PERSON 2]", "[OFFICER 1]");
    }

    @Test
    void everydayWordsThatAreAlsoNamesStayAloneButNotBesideASurname() {
        assertThat(people("We hope the will of the crew holds.")).isEmpty();
        assertThat(people("Hope Alvarez drove.")).containsExactly("Hope Alvarez");
    }

    @Test
    void namesAfterWordsThatIntroduceThemInAnyCase() {
        assertThat(people("hey, my name is tamsin and people call me radoslav")).containsExactly("tamsin", "radoslav");
        assertThat(people("she said i'm ignacio's daughter")).containsExactly("ignacio's");
        assertThat(people("She named him Frank.")).containsExactly("Frank");
        assertThat(people("I'm tired and this is hard.")).isEmpty();
    }

    @Test
    void whoSpeaksInATranscript() {
        assertThat(people("Dana: Stop right there!\nmarisol: where are you?\nDispatch: copy.\nE-mail:\nPhone: 555"))
                .containsExactly("Dana", "marisol");
    }

    @Test
    void aNameWithAnInitialIsAPersonEvenAfterFrom() {
        assertThat(people("a letter from Irina K. Volkonskaya's lawyer")).containsExactly("Irina K. Volkonskaya's");
    }

    @Test
    void surnamesTheDictionaryWritesWithACapitalInside() {
        assertThat(people("It may be that McPherson was right and Mcnamara wrong."))
                .containsExactly("McPherson", "Mcnamara");
    }

    @Test
    void placesThatBeginWithAFirstNameAreNoPeople() {
        assertThat(people("We camped by Kelly Peak, drove past Vernon Oregon and the Clark Fire to San Andreas."))
                .doesNotContain("Kelly Peak", "Vernon Oregon", "Clark Fire", "San Andreas", "Peak", "Fire");
    }

    @Test
    void wordsTheWriterAlsoTypesInLowerCaseAreNoNames() {
        assertThat(people("Submittals were late. We sent the submittals twice. Underqualified crews."))
                .isEmpty();
        assertThat(people("CALFire and EFJohnson radios.")).isEmpty();
    }

    @Test
    void aSurnameThatIsAnOrdinaryWordStillPairsWithAFirstName() {
        assertThat(people("Tamsin Brown and Sgt. King came; King left.")).contains("Tamsin Brown", "Sgt. King", "King");
        assertThat(people("The Deputy Chief and Chief Ranger came.")).isEmpty();
    }

    @Test
    void aTownOfOrdinaryWordsTheGazetteerKnowsAfterAt() {
        assertThat(found(detector, "We stopped him at Grand Junction and left.", Kind.PLACE))
                .extracting(Suggestion::replacement)
                .containsExactly("[CITY]");
        assertThat(detector.find("The grand junction was quiet.")).isEmpty();
    }

    @Test
    void eachMarkSaysWhy() {
        assertThat(detector.find("Sgt. Ramos met maria in Kenosha."))
                .extracting(Suggestion::reason)
                .allSatisfy(reason -> assertThat(reason).isNotBlank());
        assertThat(detector.find("Sgt. Ramos left.").getFirst().reason()).isEqualTo("a rank or title before a name");
    }
}
