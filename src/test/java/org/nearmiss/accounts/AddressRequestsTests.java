package org.nearmiss.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.nearmiss.system.AuditLog;
import org.nearmiss.system.Mailer;
import org.nearmiss.system.Vault;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What anyone may ask about an e-mail address (a password reset, a reader's sign-up) is answered
 * before anything is looked up, stored or mailed, the same for an address with an account and one
 * without: the time of the answer cannot tell them apart (it did: 21 ms against 14).
 */
class AddressRequestsTests {

    static final String KNOWN = "quinn@city.gov";
    static final String UNKNOWN = "ghost@city.gov";

    final StoredAccounts stored = mock(StoredAccounts.class);
    final Mailer mailer = mock(Mailer.class);
    final JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);
    final TransactionTemplate transactions = mock(TransactionTemplate.class);
    final AuditLog audit = mock(AuditLog.class);
    final List<Runnable> afterAnswer = new ArrayList<>();
    final Accounts accounts = accounts();

    @Test
    void aResetIsAskedForTheSameWayWhetherOrNotTheAddressHasAnAccount() {
        accounts.requestPasswordReset(KNOWN);
        accounts.requestPasswordReset(UNKNOWN);

        verifyNoInteractions(stored, jdbc, transactions, audit, mailer);
        assertThat(afterAnswer).hasSize(2);

        afterAnswer.forEach(Runnable::run);
        verify(mailer).send(eq(KNOWN), contains("Reset"), contains("/password/reset/"));
        verify(mailer, never()).send(eq(UNKNOWN), anyString(), anyString());
    }

    @Test
    void aSignUpIsAskedForTheSameWayWhetherOrNotTheAddressHasAnAccount() {
        accounts.requestReaderSignUp(KNOWN);
        accounts.requestReaderSignUp(UNKNOWN);

        verifyNoInteractions(stored, jdbc, transactions, audit, mailer);
        assertThat(afterAnswer).hasSize(2);

        afterAnswer.forEach(Runnable::run);
        verify(mailer).send(eq(KNOWN), eq("Your Nearmiss account"), contains("/password/reset"));
        verify(mailer).send(eq(UNKNOWN), contains("Confirm"), contains("/join/"));
        verify(transactions, times(1)).executeWithoutResult(any());
    }

    @Test
    void anAddressThatCannotSignUpIsToldInTheAnswerAndNoWorkFollows() {
        assertThatThrownBy(() -> accounts.requestReaderSignUp("pat@gmail.com")).isInstanceOf(AccountProblem.class);
        assertThatThrownBy(() -> accounts.requestReaderSignUp("not an address")).isInstanceOf(AccountProblem.class);

        assertThat(afterAnswer).isEmpty();
        verifyNoInteractions(stored, jdbc, transactions, audit, mailer);
    }

    private Accounts accounts() {
        Account known = new Account(
                AccountId.random(),
                KNOWN,
                "Quinn",
                Role.READER,
                "{noop}x",
                null,
                null,
                0,
                true,
                0,
                null,
                LocalDate.of(2026, 1, 5));
        when(stored.byEmail(KNOWN)).thenReturn(Optional.of(known));
        when(stored.byEmail(UNKNOWN)).thenReturn(Optional.empty());
        @SuppressWarnings("unchecked")
        ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions = mock(ObjectProvider.class);
        return new Accounts(
                stored,
                mock(PasswordEncoder.class),
                mock(Vault.class),
                audit,
                transactions,
                sessions,
                mock(ApiTokens.class),
                mailer,
                new Links(new MockEnvironment().withProperty("nearmiss.base-url", "https://nearmiss.example")),
                new ReaderDomains(List.of("*.gov")),
                jdbc,
                Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC),
                new AddressWork(afterAnswer::add));
    }
}
