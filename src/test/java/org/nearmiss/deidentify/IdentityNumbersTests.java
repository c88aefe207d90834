package org.nearmiss.deidentify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Identity numbers by their published structure: what passes its check is marked, look-alikes that
 * fail it are not, whatever country or format the number comes from.
 */
class IdentityNumbersTests {

    @Test
    void paymentCardsThatPassTheLuhnCheckAreMarkedInTheirUsualGroupings() {
        for (String card : List.of(
                "4111 1111 1111 1111",
                "4111-1111-1111-1111",
                "5500005555555559",
                "378282246310005",
                "3782 822463 10005",
                "6011000990139424",
                "2223003122003222")) {
            assertThat(marked("He read the card number " + card + " back to me."))
                    .as(card)
                    .containsExactly(card);
        }
        assertThat(marked("Serial 4111 1111 1111 1112 failed the check.")).isEmpty();
        assertThat(marked("Maestro 6759 6498 2648 and JCB 3530111333300000."))
                .containsExactly("6759 6498 2648", "3530111333300000");
        assertThat(marked("We drove 1234567890123 miles")).isEmpty();
    }

    @Test
    void bankAccountsAreMarkedWhenTheirMod97CheckHoldsFromAnyCountry() {
        for (String iban : List.of(
                "DE89 3704 0044 0532 0130 00",
                "GB82WEST12345698765432",
                "FR14 2004 1010 0505 0001 3M02 606",
                "NL91ABNA0417164300",
                "MT84MALT011000012345MTLCAST001S")) {
            assertThat(marked("Wire it to " + iban + " today.")).as(iban).containsExactly(iban);
        }
        assertThat(new IdentityNumbers().find("Wire it to DE89 3704 0044 0532 0130 01 today."))
                .as("a wrong check digit is no bank account")
                .noneMatch(s -> s.replacement().equals("[BANK ACCOUNT]"));
    }

    @Test
    void licenceNumbersAfterAComma() {
        assertThat(marked("Got a hit on an Illinois DL, S530-2281-5590, from the state."))
                .containsExactly("S530-2281-5590");
    }

    @Test
    void socialSecurityNumbersFollowTheRulesOfIssue() {
        assertThat(marked("His SSN 123-45-6789 was on the form.")).containsExactly("123-45-6789");
        assertThat(marked("Social security number: 123456789.")).containsExactly("123456789");
        assertThat(marked("Ticket 666-12-3456 and 123-00-4567 are not issued.")).isEmpty();
        assertThat(marked("Reference 123456789 on its own says nothing.")).isEmpty();
    }

    @Test
    void licenceNumbersAreMarkedAfterTheWordsThatAnnounceThem() {
        assertThat(marked("DL# D1234567 expired.")).containsExactly("D1234567");
        assertThat(marked("his driver's license number is S530-460-36-112-0.")).containsExactly("S530-460-36-112-0");
        assertThat(marked("Driving licence MORGA753116SM9IJ was checked.")).containsExactly("MORGA753116SM9IJ");
        assertThat(marked("I asked for his license and he had none.")).isEmpty();
    }

    @Test
    void vehicleIdentificationNumbersNeedTheirCheckDigitOrTheWordVin() {
        assertThat(marked("The truck, 1M8GDM9AXKP042788, was stolen.")).containsExactly("1M8GDM9AXKP042788");
        assertThat(marked("VIN: WVWZZZ1JZXW000001 on the dash.")).containsExactly("WVWZZZ1JZXW000001");
        assertThat(marked("Code ABCDEFGH1234JKLMN means nothing.")).isEmpty();
    }

    @Test
    void ipv6AndWebAddressesAreMarkedAndClockTimesAreNot() {
        assertThat(marked("From 2001:db8::8a2e:370:7334 and fe80::1 at 12:30:45."))
                .containsExactly("2001:db8::8a2e:370:7334", "fe80::1");
        assertThat(marked("See https://example.org/report?id=7, or www.city-pd.gov."))
                .containsExactly("https://example.org/report?id=7", "www.city-pd.gov");
        assertThat(marked("Mail went to records.sheriff.us and ops.example.com."))
                .containsExactly("records.sheriff.us", "ops.example.com");
        assertThat(marked("We ran.It was dark at 10:30 a.m. near St. Louis.")).isEmpty();
    }

    @Test
    void pathologicalInputIsReadInTimeThatGrowsWithItsLength() {
        for (String unit : List.of("1-", "1 ", "a.", "DL ", "0:", "DE89 ", "4", "http://a", "a.b.c.d.")) {
            long small = fastest(unit.repeat(2_500));
            long large = fastest(unit.repeat(10_000));
            assertThat(large).as(unit).isLessThan(Math.max(small, 1_000_000L) * 12);
        }
    }

    private static long fastest(String text) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            new IdentityNumbers().find(text);
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    private static List<String> marked(String text) {
        return new IdentityNumbers()
                .find(text).stream()
                        .sorted(java.util.Comparator.comparingInt(Suggestion::start))
                        .map(s -> text.substring(s.start(), s.end()))
                        .toList();
    }
}
