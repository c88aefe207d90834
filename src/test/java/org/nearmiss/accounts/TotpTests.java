package org.nearmiss.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class TotpTests {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private final Totp totp = new Totp();

    @Test
    void codesMatchTheTestVectorsOfRfc6238() {
        // RFC 6238 appendix B, SHA-1, the last six of its eight digits.
        assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(totp.codeAt(RFC_SECRET, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNoFurther() {
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = now.getEpochSecond() / 30;

        assertThat(totp.stepOf(RFC_SECRET, totp.codeAt(RFC_SECRET, now), now)).hasValue(step);
        assertThat(totp.stepOf(RFC_SECRET, totp.codeAt(RFC_SECRET, now.minusSeconds(30)), now))
                .hasValue(step - 1);
        assertThat(totp.stepOf(RFC_SECRET, totp.codeAt(RFC_SECRET, now.plusSeconds(30)), now))
                .hasValue(step + 1);
        assertThat(totp.stepOf(RFC_SECRET, totp.codeAt(RFC_SECRET, now.minusSeconds(90)), now))
                .isEmpty();
        assertThat(totp.stepOf(RFC_SECRET, "12345", now)).isEmpty();
        assertThat(totp.stepOf(RFC_SECRET, null, now)).isEmpty();
    }

    @Test
    void theEnrolmentLinkNamesTheIssuerAndCarriesTheSecretInBase32() {
        String uri = Totp.enrolmentUri("Nearmiss", "ana@agency.gov", RFC_SECRET);

        assertThat(uri)
                .startsWith("otpauth://totp/Nearmiss%3Aana%40agency.gov?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
                .contains("issuer=Nearmiss")
                .contains("digits=6")
                .contains("period=30");
    }

    @Test
    void theQrCodeIsAnSvgDrawnHere() {
        String dataUri = Totp.qrCodeDataUri("otpauth://totp/x?secret=ABC");

        assertThat(dataUri).startsWith("data:image/svg+xml;base64,");
        String svg = new String(
                Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1)), StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg").contains("<path").doesNotContain("http://www.w3.org/1999/xlink");
    }
}
