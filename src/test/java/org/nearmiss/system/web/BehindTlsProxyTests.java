package org.nearmiss.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nearmiss.testing.RawHttp;
import org.nearmiss.testing.TempDataDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Behind a TLS proxy (the set-up README's "Production" describes: {@code
 * SERVER_FORWARD_HEADERS_STRATEGY=native}), the session cookie is marked {@code Secure} and every
 * answer asks browsers to stay on HTTPS; the reporter's routes still set no cookie.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.forward-headers-strategy=native", "nearmiss.throttle.sign-ins=100000"})
@ContextConfiguration(initializers = TempDataDir.class)
class BehindTlsProxyTests {

    @LocalServerPort
    int port;

    @Test
    void overTlsAtTheProxyTheSessionCookieIsSecureAndBrowsersAreToldToStayOnHttps() {
        RawHttp.Answer login = RawHttp.send(port, "GET /login HTTP/1.1", (String) null, "X-Forwarded-Proto: https");

        assertThat(login.status()).isEqualTo(200);
        String cookie = login.head()
                .lines()
                .filter(l -> l.regionMatches(true, 0, "Set-Cookie: NEARMISS_SESSION=", 0, 29))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("; Secure").contains("; HttpOnly").containsIgnoringCase("SameSite=Lax");
        assertThat(login.hasHeader("Strict-Transport-Security")).isTrue();

        RawHttp.Answer share = RawHttp.send(port, "GET /share HTTP/1.1", (String) null, "X-Forwarded-Proto: https");
        assertThat(share.hasHeader("Set-Cookie")).isFalse();
        assertThat(share.hasHeader("Strict-Transport-Security")).isTrue();
    }

    @Test
    void overPlainHttpNothingClaimsHttps() {
        RawHttp.Answer login = RawHttp.send(port, "GET /login HTTP/1.1", (String) null);

        assertThat(login.head()).doesNotContain("; Secure");
        assertThat(login.hasHeader("Strict-Transport-Security")).isFalse();
    }
}
