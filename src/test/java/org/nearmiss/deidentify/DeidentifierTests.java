package org.nearmiss.deidentify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeidentifierTests {

    private final Deidentifier deidentifier = new Deidentifier();

    @Test
    void phoneNumbersAndEmailAddressesAreMarked() {
        String text =
                "Dispatch called me at (555) 123-4567, then 555.987.6543 and +1 555 222 3333; mail j.doe@metro-pd.gov.";

        assertThat(kinds(text)).containsExactly(Kind.PHONE, Kind.PHONE, Kind.PHONE, Kind.EMAIL);
        assertThat(deidentifier.redact(text)).doesNotContainPattern("\\d{3}").doesNotContain("metro-pd");
    }

    @Test
    void datesBecomeTheirMonthAndTimesABandOfTheDay() {
        List<Suggestion> found =
                deidentifier.suggest("On March 14, 2026 at 0315 hours, and again on 3/20/2026 at 4:45 pm.");

        assertThat(found).extracting(Suggestion::kind).containsExactly(Kind.DATE, Kind.TIME, Kind.DATE, Kind.TIME);
        assertThat(found)
                .extracting(Suggestion::replacement)
                .containsExactly("March 2026", "[NIGHT]", "[DATE]", "[AFTERNOON]");
        assertThat(deidentifier.redact("It was 14 Feb 2025, 11:30 a.m.")).isEqualTo("It was February 2025, [MORNING]");
    }

    @Test
    void streetAddressesAndBlocksAreMarkedWhole() {
        assertThat(deidentifier.redact(
                        "We rolled up to 4471 W. Oak Ave, Apt 2B and later the 1200 block of Main Street."))
                .isEqualTo("We rolled up to [ADDRESS] and later the [ADDRESS].");
    }

    @Test
    void badgeUnitCaseAndPlateNumbersBecomeRoles() {
        String text = "Unit 12 and badge #4471 took case number 2026-001234; the plate ABC-1234 came back stolen.";

        assertThat(deidentifier.redact(text))
                .isEqualTo("[UNIT NUMBER] and [UNIT NUMBER] took [CASE NUMBER]; the plate [PLATE] came back stolen.");
    }

    @Test
    void agesAndSocialSecurityNumbersAreMarked() {
        assertThat(kinds("A 27-year-old male, SSN 123-45-6789, aged 30 by now."))
                .containsExactly(Kind.AGE, Kind.ID_NUMBER, Kind.AGE);
    }

    @Test
    void phoneNumbersWrittenAbroadAndIpAddressesAreMarkedButDatesAreNotPhones() {
        assertThat(kinds("Ring 0688 872 49 99 or +41 (0)85 806 98 67; he logged in from 172.61.42.192."))
                .containsExactly(Kind.PHONE, Kind.PHONE, Kind.ID_NUMBER);
        assertThat(kinds("It happened 2018-01-14 03:07:43 on a Thursday."))
                .containsExactly(Kind.DATE, Kind.TIME, Kind.DATE);
    }

    @Test
    void peopleBecomeNumberedRolesTheSameNumberEachTimeTheyAppear() {
        String text = "Sgt. Ramos and I stopped Maria Lopez. Ramos covered the passenger; Mrs. Ann Lee watched. "
                + "Lopez reached under the seat.";

        assertThat(deidentifier.redact(text))
                .isEqualTo(
                        "[OFFICER 1] and I stopped [PERSON 2]. [OFFICER 1] covered the passenger; [PERSON 3] watched. "
                                + "[PERSON 2] reached under the seat.");
    }

    @Test
    void ordinaryPoliceLanguageIsLeftAlone() {
        String text = "Two officers approached the vehicle at night. The driver kept both hands on the wheel; "
                + "backup was 10 minutes out. We covered 50 feet to the door. Dispatch said Shots Fired.";

        assertThat(deidentifier.suggest(text)).isEmpty();
        assertThat(deidentifier.suggest("")).isEmpty();
        assertThat(deidentifier.suggest(null)).isEmpty();
    }

    @Test
    void overlappingMarksKeepTheLongerOneAndNeverOverlap() {
        List<Suggestion> found = deidentifier.suggest("Meet at 12 Elm Street 555-123-4567 badge 12 Elm");

        for (int i = 1; i < found.size(); i++) {
            assertThat(found.get(i).start())
                    .isGreaterThanOrEqualTo(found.get(i - 1).end());
        }
        assertThat(found.getFirst().kind()).isEqualTo(Kind.ADDRESS);
    }

    @Test
    void namesNoListKnowsAreMarkedWhenTheyAreNoOrdinaryWord() {
        assertThat(deidentifier.redact("Then Szöllösy and Nyberg went in; Sari J. Paavolainen stayed."))
                .isEqualTo("Then [PERSON 1] and [PERSON 2] went in; [PERSON 3] stayed.");
        assertThat(deidentifier.redact("I'm sure we'll go; don't wait. Dispatch said Shots Fired, CEOs agreed."))
                .as("contractions, acronyms and ordinary capitalised words")
                .isEqualTo("I'm sure we'll go; don't wait. Dispatch said Shots Fired, CEOs agreed.");
        assertThat(deidentifier.redact("my name is Key and pamela called me"))
                .isEqualTo("my name is [PERSON 1] and [PERSON 2] called me");
        assertThat(deidentifier.redact("Its founders were Monjeau, Graves and Reed."))
                .as("the others in a list of named people")
                .isEqualTo("Its founders were [PERSON 1], [PERSON 2] and [PERSON 3].");
    }

    @Test
    void placesAreMarkedButStatesCountriesAndBrandsAreKept() {
        assertThat(deidentifier.redact("We moved here from Kenosha, Wisconsin, by way of Canada in a Chevy Tahoe."))
                .isEqualTo("We moved here from [CITY], Wisconsin, by way of Canada in a Chevy Tahoe.");
        assertThat(kinds("phones on the Siuslaw National Forest and the Pevine Repeater"))
                .containsExactly(Kind.PLACE, Kind.PLACE);
        assertThat(deidentifier.redact("Chief Ranger and Deputy Superintendent called via radio."))
                .as("ranks without a name, and English 'via'")
                .isEqualTo("Chief Ranger and Deputy Superintendent called via radio.");
        assertThat(deidentifier.suggest("WE WERE TOLD BY A MEMBER OF THE ARIVACA VOLUNTEER FIRE STAFF"))
                .as("text in capitals: only the name, not the sentence")
                .singleElement()
                .satisfies(s -> assertThat(s.end() - s.start()).isEqualTo("ARIVACA".length()));
    }

    @Test
    void addressesWrittenAbroadAndPostcodesAreMarked() {
        assertThat(kinds("Billing address: 28245 Puruntie 82 Apt. 595")).containsExactly(Kind.ADDRESS, Kind.ADDRESS);
        assertThat(deidentifier.redact("She lives at 29 Rue de Tanger, my zip code is 35350."))
                .isEqualTo("She lives at [STREET], my zip code is [ZIP].");
        assertThat(deidentifier.redact("Meet at the corner of Herceg Gateway and Main Street."))
                .isEqualTo("Meet at the corner of [STREET] and [STREET].");
    }

    @Test
    void yearsAndTwentyFourHourTimesAreToldApart() {
        assertThat(deidentifier.suggest("Hired in 2004, on shift at 2000 and again at 1620 on the 3rd."))
                .extracting(Suggestion::replacement)
                .containsExactly("[YEAR]", "[EVENING]", "[AFTERNOON]", "[DATE]");
        assertThat(kinds("He turned 60 and is 31 y/o; 2,000 gallons at 10:00 PM."))
                .containsExactly(Kind.AGE, Kind.AGE, Kind.TIME);
    }

    @Test
    void agenciesAreMarkedByName() {
        assertThat(deidentifier.redact(
                        "Springfield Police Department and Cook County Sheriff's Office units, then LAPD."))
                .isEqualTo("[AGENCY] and [AGENCY] units, then [AGENCY].");
        assertThat(deidentifier.suggest("Our Police Department sent the State Police."))
                .isEmpty();
    }

    @Test
    void theTownOfAPostalAddressIsPartOfTheAddress() {
        assertThat(kinds("Send it to 1987 74 Diakou Street\n Suite 680\n Kissousa\n Cyprus 36903, please."))
                .containsOnly(Kind.ADDRESS);
        assertThat(kinds("She lives at 86036 Rua do Arenque 1634, Goiania")).containsOnly(Kind.ADDRESS);
        assertThat(kinds("Return it to Unit 4719 Box 7394 in case of an issue."))
                .containsOnly(Kind.ADDRESS);
    }

    @Test
    void whatASentenceSaysOfANameTellsAFirmFromAPersonOrAPlace() {
        assertThat(kinds("I used to work for Flightstats as a driver.")).containsExactly(Kind.AGENCY);
        assertThat(kinds("Verdafero is a small software company.")).containsExactly(Kind.AGENCY);
        assertThat(kinds("The Davis, Reynolds and Williamson Orchestra played."))
                .containsExactly(Kind.AGENCY);
        assertThat(kinds("Ms. Jones flew to Bessastadahreppur that morning.")).containsExactly(Kind.PERSON, Kind.PLACE);
        // Shouting at someone is not a place, even when a town has the same name.
        assertThat(kinds("Enrico shouted at Gary: \"What are you doing here?\""))
                .containsExactly(Kind.PERSON, Kind.PERSON);
    }

    private List<Kind> kinds(String text) {
        return deidentifier.suggest(text).stream().map(Suggestion::kind).toList();
    }
}
