package org.nearmiss.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class FirstAdminLinkTests {

    private final Accounts accounts = mock(Accounts.class);
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    @Test
    void withoutAnAdminTheConsoleShowsAOneTimeLinkOnTheConfiguredAddress() {
        when(accounts.firstAdminToken()).thenReturn(Optional.of("tok3n"));
        MockEnvironment environment =
                new MockEnvironment().withProperty("nearmiss.base-url", "https://nearmiss.example.gov/");

        new FirstAdminLink(accounts, new Links(environment), new PrintStream(console, true, StandardCharsets.UTF_8))
                .printWhenNoAdmin();

        assertThat(console.toString(StandardCharsets.UTF_8)).contains("https://nearmiss.example.gov/join/tok3n");
    }

    @Test
    void onceThereIsAnAdminNothingIsPrinted() {
        when(accounts.firstAdminToken()).thenReturn(Optional.empty());

        new FirstAdminLink(
                        accounts,
                        new Links(new MockEnvironment()),
                        new PrintStream(console, true, StandardCharsets.UTF_8))
                .printWhenNoAdmin();

        assertThat(console.size()).isZero();
    }
}
