package org.nearmiss.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nearmiss.testing.AppTest;
import org.nearmiss.testing.Http;
import org.nearmiss.testing.Staff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Personal and automation API tokens: shown once, stored as a hash, scoped to a role, revocable. */
@AppTest
class ApiTokensTests {

    private static final Pattern TOKEN = Pattern.compile("id=\"new-token\">(nm_[A-Za-z0-9_-]+)<");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPersonMakesATokenOnTheAccountPageUsesItWithoutASessionAndRevokesIt() {
        Staff analyst = Staff.joins(port, accounts.invite(admin(), "lu@state.gov", Role.ANALYST), "lu@state.gov", "Lu");

        HttpResponse<String> made =
                analyst.web.submit("/account", "/account/tokens", Map.of("name", "briefing script"));
        Matcher shown = TOKEN.matcher(made.body());
        assertThat(shown.find()).isTrue();
        String token = shown.group(1);
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = ?")
                        .param(Accounts.hashOf(token))
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(analyst.web.get("/account").body())
                .contains("briefing script")
                .doesNotContain(token);

        HttpResponse<String> me = me(token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"email\":\"lu@state.gov\"").contains("\"role\":\"ANALYST\"");
        assertThat(me.headers().allValues("Set-Cookie")).isEmpty();

        String id = jdbc.sql("select cast(id as varchar) from api_token where token_hash = ?")
                .param(Accounts.hashOf(token))
                .query(String.class)
                .single();
        analyst.web.submit("/account", "/account/tokens/" + id + "/revoke", Map.of());
        assertThat(me(token).statusCode()).isEqualTo(401);
    }

    @Test
    void anAutomationTokenCarriesItsRoleAndNoAccount() {
        String token = tokens.createForAutomation(Role.READER, "nightly export", ApiTokens.DEFAULT_DAYS);

        HttpResponse<String> me = me(token);
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"role\":\"READER\"").contains("nightly export");
    }

    @Test
    void aDisabledAccountsTokensStopWorking() {
        Staff reviewer =
                Staff.joins(port, accounts.invite(admin(), "mo@state.gov", Role.REVIEWER), "mo@state.gov", "Mo");
        Matcher shown = TOKEN.matcher(reviewer.web
                .submit("/account", "/account/tokens", Map.of("name", "t"))
                .body());
        assertThat(shown.find()).isTrue();
        AccountId mo = accounts.list().stream()
                .filter(a -> a.email().equals("mo@state.gov"))
                .findFirst()
                .orElseThrow()
                .id();

        accounts.setEnabled(admin(), mo, false);

        assertThat(me(shown.group(1)).statusCode()).isEqualTo(401);
    }

    @Test
    void wrongTokensAndMissingOnesAreRefusedWithProblemDetails() {
        assertThat(me("nm_not-a-real-token").statusCode()).isEqualTo(401);
        assertThat(me("nm_not-a-real-token").headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(new Http(port)
                        .get("/api/v1/me", "Accept", "application/json")
                        .statusCode())
                .isEqualTo(401);
    }

    private HttpResponse<String> me(String token) {
        return new Http(port).get("/api/v1/me", "Accept", "application/json", "Authorization", "Bearer " + token);
    }

    private static SignedIn admin() {
        return new SignedIn(AccountId.random(), "test-admin@state.gov", "Test admin", Role.ADMIN);
    }
}
