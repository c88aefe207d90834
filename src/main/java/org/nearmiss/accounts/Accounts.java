package org.nearmiss.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.nearmiss.system.AuditLog;
import org.nearmiss.system.Mailer;
import org.nearmiss.system.Vault;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accounts and signing in: passwords, the second factor, the first admin's set-up link,
 * invitations, and the admin's changes. Every change and every sign-in is written to the audit log.
 */
@Service
public class Accounts {

    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 128;
    static final int FAILURES_BEFORE_LOCK = 5;
    static final Duration FIRST_LOCK = Duration.ofMinutes(15);
    static final Duration LONGEST_LOCK = Duration.ofHours(24);
    static final Duration INVITATION_LIFETIME = Duration.ofDays(7);
    static final Duration FIRST_ADMIN_LIFETIME = Duration.ofHours(24);
    static final int RECOVERY_CODES = 10;
    static final int MAX_ENROLMENT_CODES = 50;
    static final Duration ENROLMENT_CODE_LIFETIME = Duration.ofDays(14);
    static final Duration SIGN_UP_LIFETIME = Duration.ofHours(24);
    static final Duration RESET_LIFETIME = Duration.ofHours(1);
    private static final String ISSUER = "Nearmiss";
    /** Enough to catch typing slips; the confirmation link proves the address. */
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final StoredAccounts stored;
    private final PasswordEncoder passwords;
    private final Vault vault;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;
    private final ApiTokens tokens;
    private final Mailer mailer;
    private final Links links;
    private final ReaderDomains readerDomains;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final AddressWork afterAnswer;
    private final Totp totp = new Totp();
    private final SecureRandom random = new SecureRandom();
    /** Checked against when the address is unknown, so both answers take as long. */
    private final String decoyHash;

    Accounts(
            StoredAccounts stored,
            PasswordEncoder passwords,
            Vault vault,
            AuditLog audit,
            TransactionTemplate transactions,
            ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions,
            ApiTokens tokens,
            Mailer mailer,
            Links links,
            ReaderDomains readerDomains,
            JdbcClient jdbc,
            Clock clock,
            AddressWork afterAnswer) {
        this.stored = stored;
        this.passwords = passwords;
        this.vault = vault;
        this.audit = audit;
        this.transactions = transactions;
        this.sessions = sessions;
        this.tokens = tokens;
        this.mailer = mailer;
        this.links = links;
        this.readerDomains = readerDomains;
        this.jdbc = jdbc;
        this.clock = clock;
        this.afterAnswer = afterAnswer;
        this.decoyHash = passwords.encode("decoy password that is never used");
    }

    /** After the password: who is signing in, and whether a second factor must be set up first. */
    public record PasswordAccepted(AccountId accountId, boolean hasSecondFactor, boolean requiresSecondFactor) {}

    /** First step of signing in. */
    public PasswordAccepted checkPassword(String email, String password) {
        String address = normalEmail(email);
        Optional<Account> found = stored.byEmail(address);
        if (found.isEmpty()) {
            passwords.matches(password == null ? "" : password, decoyHash);
            audit.record("unknown", "signin.failed", null);
            throw new SignInRefused();
        }
        Account account = found.get();
        Instant now = clock.instant();
        boolean passwordRight = passwords.matches(password == null ? "" : password, account.passwordHash());
        if (!account.enabled() || account.lockedAt(now) || !passwordRight) {
            if (!passwordRight) {
                fail(account, now);
            }
            audit.record(account.email(), "signin.failed", null);
            throw new SignInRefused();
        }
        return new PasswordAccepted(
                account.id(), account.hasSecondFactor(), account.role().requiresSecondFactor());
    }

    /** Second step: a code from the authenticator app, or one of the recovery codes. */
    public SignedIn checkSecondFactor(AccountId id, String code) {
        Account account = stored.byId(id).filter(Account::enabled).orElseThrow(SignInRefused::new);
        Instant now = clock.instant();
        if (account.lockedAt(now) || !account.hasSecondFactor()) {
            throw new SignInRefused();
        }
        byte[] secret = vault.unwrap(id.value(), account.totpKey()).open(account.sealedTotpSecret());
        OptionalLong step = totp.stepOf(secret, code, now);
        boolean accepted = step.isPresent()
                ? stored.useStep(id, step.getAsLong())
                : stored.useRecoveryCode(id, hashOf(normalRecoveryCode(code)));
        if (!accepted) {
            fail(account, now);
            audit.record(account.email(), "signin.failed", "second factor");
            throw new SignInRefused();
        }
        stored.clearFailures(id);
        audit.record(account.email(), step.isPresent() ? "signin" : "signin.recovery-code", null);
        return account.signedIn();
    }

    /** Signing in with the password alone, for an account whose role does not require a second factor. */
    public SignedIn completeWithoutSecondFactor(AccountId id) {
        Account account = stored.byId(id).filter(Account::enabled).orElseThrow(SignInRefused::new);
        if (account.role().requiresSecondFactor() || account.hasSecondFactor()) {
            throw new SignInRefused();
        }
        stored.clearFailures(id);
        audit.record(account.email(), "signin", null);
        return account.signedIn();
    }

    /**
     * A new secret to scan for an account's first second factor; nothing is stored until {@link
     * #confirmEnrolment} sees a right code. An account that has a factor already is refused: the
     * password alone never replaces it (that takes {@link #startReplacement} after a complete sign-in,
     * or an admin's {@link #resetSecondFactor}).
     */
    public Enrolment startEnrolment(AccountId id) {
        Account account = stored.byId(id).filter(Account::enabled).orElseThrow(SignInRefused::new);
        if (account.hasSecondFactor()) {
            throw new SecondFactorAlreadySet();
        }
        return newEnrolment(account);
    }

    /**
     * Stores the first second factor once the first code from it is right, and returns fresh recovery
     * codes, to be shown once. Refused, and nothing changed, when the account has a factor already.
     */
    public List<String> confirmEnrolment(Enrolment enrolment, String code) {
        AccountId id = enrolment.accountId();
        Account account = stored.byId(id).filter(Account::enabled).orElseThrow(SignInRefused::new);
        if (account.hasSecondFactor()) {
            throw new SecondFactorAlreadySet();
        }
        long step = firstStepOf(enrolment, code);
        RecoveryCodes recovery = newRecoveryCodes();
        transactions.executeWithoutResult(tx -> {
            Vault.DataKey key = vault.newDataKey(id.value());
            if (!stored.setFirstSecondFactor(id, key.seal(enrolment.secret()), key.wrapped())) {
                throw new SecondFactorAlreadySet();
            }
            stored.useStep(id, step);
            stored.replaceRecoveryCodes(id, recovery.hashes());
            audit.record(account.email(), "mfa.enrolled", null);
        });
        return recovery.codes();
    }

    /** A new secret to scan, replacing the signed-in person's second factor once confirmed. */
    public Enrolment startReplacement(SignedIn who) {
        return newEnrolment(stored.byId(who.id()).filter(Account::enabled).orElseThrow(SignInRefused::new));
    }

    /**
     * Replaces the signed-in person's second factor, after the password once more and a right code
     * from the new secret. The old factor and recovery codes stop working, every personal token is
     * revoked, every session ends (this one too) and the owner is mailed, so a stolen session cannot
     * quietly keep the account.
     */
    public List<String> confirmReplacement(SignedIn who, Enrolment enrolment, String password, String code) {
        Account account = stored.byId(who.id()).filter(Account::enabled).orElseThrow(SignInRefused::new);
        if (!enrolment.accountId().equals(account.id())) {
            throw new SignInRefused();
        }
        Instant now = clock.instant();
        if (account.lockedAt(now) || !passwords.matches(password == null ? "" : password, account.passwordHash())) {
            fail(account, now);
            audit.record(account.email(), "mfa.replace-refused", "password");
            throw new AccountProblem("password", "That password is not right.");
        }
        long step = firstStepOf(enrolment, code);
        RecoveryCodes recovery = newRecoveryCodes();
        transactions.executeWithoutResult(tx -> {
            Vault.DataKey key = vault.newDataKey(account.id().value());
            stored.setSecondFactor(account.id(), key.seal(enrolment.secret()), key.wrapped());
            stored.useStep(account.id(), step);
            stored.replaceRecoveryCodes(account.id(), recovery.hashes());
            tokens.revokeAllOf(account.id());
            audit.record(account.email(), "mfa.replaced", null);
        });
        endSessions(account.email());
        mailer.send(
                account.email(),
                "Your Nearmiss second factor was replaced",
                "The authenticator app of your Nearmiss account was replaced just now. Your old codes and"
                        + " recovery codes no longer work, your API tokens were revoked and every session"
                        + " was signed out.\n\nIf this was not you, tell your Nearmiss administrator at once.");
        return recovery.codes();
    }

    /**
     * An admin's reset of another account's lost second factor: the factor and its recovery codes are
     * removed (the next sign-in sets up a new one), every token is revoked, every session ends, and the
     * owner is mailed. Audit-logged.
     */
    public void resetSecondFactor(SignedIn by, AccountId id) {
        Account account = stored.byId(id).orElseThrow(() -> new AccountProblem("account", "No such account."));
        if (account.id().equals(by.id())) {
            throw new AccountProblem(
                    "account", "Another admin must reset your own second factor; or replace it on your account page.");
        }
        transactions.executeWithoutResult(tx -> {
            stored.clearSecondFactor(id);
            tokens.revokeAllOf(id);
            audit.record(by.email(), "mfa.reset", account.email());
        });
        endSessions(account.email());
        mailer.send(
                account.email(),
                "Your Nearmiss second factor was reset",
                "An administrator reset the second factor of your Nearmiss account. At your next sign-in"
                        + " you will set up an authenticator app again. Your API tokens were revoked and every"
                        + " session was signed out.\n\nIf you did not ask for this, tell your Nearmiss"
                        + " administrator at once.");
    }

    private Enrolment newEnrolment(Account account) {
        byte[] secret = Totp.newSecret(random);
        String uri = Totp.enrolmentUri(ISSUER, account.email(), secret);
        return new Enrolment(account.id(), secret, groupsOfFour(Totp.base32(secret)), Totp.qrCodeDataUri(uri));
    }

    private long firstStepOf(Enrolment enrolment, String code) {
        OptionalLong step = totp.stepOf(enrolment.secret(), code, clock.instant());
        if (step.isEmpty()) {
            throw new AccountProblem("code", "That code is not right. Enter the 6 digits your app shows now.");
        }
        return step.getAsLong();
    }

    private record RecoveryCodes(List<String> codes, List<String> hashes) {}

    private RecoveryCodes newRecoveryCodes() {
        List<String> codes = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            hashes.add(hashOf(normalRecoveryCode(recovery)));
        }
        return new RecoveryCodes(codes, hashes);
    }

    /** The signed-in form of an account that has just completed enrolment. */
    public SignedIn signedIn(AccountId id) {
        return stored.byId(id).filter(Account::enabled).map(Account::signedIn).orElseThrow(SignInRefused::new);
    }

    /**
     * The first admin's set-up link token, when no admin exists yet; any earlier link stops working.
     * Empty once there is an admin.
     */
    public Optional<String> firstAdminToken() {
        return transactions.execute(tx -> {
            if (stored.anyEnabledWithRole(Role.ADMIN)) {
                return Optional.<String>empty();
            }
            stored.removeFirstAdminLinks();
            String token = token();
            stored.addInvitation(new StoredAccounts.Invitation(
                    hashOf(token), Role.ADMIN, null, "system", clock.instant().plus(FIRST_ADMIN_LIFETIME)));
            audit.record("system", "setup-link.created", "first admin");
            return Optional.of(token);
        });
    }

    /**
     * An invitation for a new account with a role, mailed to the address and returned as a
     * single-use token for a link. Agency coordinators may invite readers only.
     */
    public String invite(SignedIn by, String email, Role role) {
        if (by.role() == Role.COORDINATOR && role != Role.READER) {
            throw new AccountProblem("role", "Agency coordinators invite readers only.");
        }
        String address = normalEmail(email);
        if (!isEmailAddress(address)) {
            throw new AccountProblem("email", "Enter an e-mail address, like name@agency.gov.");
        }
        if (stored.byEmail(address).isPresent()) {
            throw new AccountProblem("email", "There is already an account with this address.");
        }
        String token = token();
        transactions.executeWithoutResult(tx -> {
            stored.addInvitation(new StoredAccounts.Invitation(
                    hashOf(token), role, address, by.email(), clock.instant().plus(INVITATION_LIFETIME)));
            audit.record(by.email(), "invitation.created", role.name() + " " + address);
        });
        mailer.send(
                address,
                "Your invitation to Nearmiss",
                "You are invited to join Nearmiss as " + role.label()
                        + ".\n\nOpen this link within 7 days to create your account (it works once):\n\n"
                        + links.to("/join/" + token) + "\n\nIf you did not expect this, ignore this mail.");
        return token;
    }

    /**
     * Enrolment codes for roll call: each lets one officer create a reader account, for 14 days.
     * Shown once to the coordinator who makes them.
     */
    public List<String> enrolmentCodes(SignedIn by, int count) {
        if (count < 1 || count > MAX_ENROLMENT_CODES) {
            throw new AccountProblem("count", "Make between 1 and " + MAX_ENROLMENT_CODES + " codes at a time.");
        }
        List<String> codes = new ArrayList<>();
        transactions.executeWithoutResult(tx -> {
            for (int i = 0; i < count; i++) {
                String code = recoveryCode();
                codes.add(code);
                stored.addInvitation(new StoredAccounts.Invitation(
                        hashOf(normalRecoveryCode(code)),
                        Role.READER,
                        null,
                        by.email(),
                        clock.instant().plus(ENROLMENT_CODE_LIFETIME)));
            }
            audit.record(by.email(), "enrolment-codes.created", String.valueOf(count));
        });
        return codes;
    }

    /** The join token an enrolment code stands for, in the form the join page takes. */
    public Optional<String> enrolmentToken(String typedCode) {
        String code = normalRecoveryCode(typedCode);
        return code.length() == 16 && invitation(code).isPresent() ? Optional.of(code) : Optional.empty();
    }

    /**
     * A reader signing up by themselves: the address must be under an allowed domain, which the answer
     * says at once. The rest (a confirmation link, or a mail saying the address has an account) happens
     * after the answer, so neither what the page says nor how long it takes reveals an account.
     */
    public void requestReaderSignUp(String email) {
        String address = normalEmail(email);
        if (!isEmailAddress(address)) {
            throw new AccountProblem("email", "Enter an e-mail address, like name@agency.gov.");
        }
        if (!readerDomains.admits(address)) {
            throw new AccountProblem(
                    "email",
                    "Sign-up by yourself is open to addresses at government and listed"
                            + " agency domains. Ask your agency's coordinator for an invitation or an enrolment code.");
        }
        afterAnswer.later("a reader's sign-up", () -> mailSignUp(address));
    }

    private void mailSignUp(String address) {
        if (stored.byEmail(address).isPresent()) {
            mailer.send(
                    address,
                    "Your Nearmiss account",
                    "Someone asked to sign up with this address, which already"
                            + " has an account. To set a new password, use:\n\n" + links.to("/password/reset")
                            + "\n\nIf it was not you, ignore this mail.");
            return;
        }
        String token = token();
        transactions.executeWithoutResult(tx -> stored.addInvitation(new StoredAccounts.Invitation(
                hashOf(token),
                Role.READER,
                address,
                "self sign-up",
                clock.instant().plus(SIGN_UP_LIFETIME))));
        mailer.send(
                address,
                "Confirm your Nearmiss sign-up",
                "Open this link within 24 hours to confirm your address"
                        + " and create your reader account (it works once):\n\n" + links.to("/join/" + token)
                        + "\n\nIf you did not ask for this, ignore this mail.");
    }

    /**
     * Mails a password reset link when the address has an enabled account; says nothing either way, and
     * answers before looking, so the time of the answer says nothing either.
     */
    public void requestPasswordReset(String email) {
        String address = normalEmail(email);
        afterAnswer.later("a password reset", () -> mailPasswordReset(address));
    }

    private void mailPasswordReset(String address) {
        Optional<Account> account = stored.byEmail(address).filter(Account::enabled);
        if (account.isEmpty()) {
            return;
        }
        String token = token();
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("delete from password_reset where account_id = ?")
                    .param(account.get().id().value())
                    .update();
            jdbc.sql("insert into password_reset (token_hash, account_id, expires_at) values (?, ?, ?)")
                    .params(
                            hashOf(token),
                            account.get().id().value(),
                            java.sql.Timestamp.from(clock.instant().plus(RESET_LIFETIME)))
                    .update();
            audit.record(account.get().email(), "password-reset.requested", null);
        });
        mailer.send(
                account.get().email(),
                "Reset your Nearmiss password",
                "Open this link within an hour to choose"
                        + " a new password (it works once):\n\n" + links.to("/password/reset/" + token)
                        + "\n\nIf you did not ask for this, ignore this mail; your password stays as it is.");
    }

    /** Whether a reset link is still good. */
    public boolean resetLinkValid(String token) {
        return resetAccount(token).isPresent();
    }

    /** Sets a new password through a reset link; every session of the account ends and every token is revoked. */
    public void resetPassword(String token, String password) {
        AccountId id = resetAccount(token)
                .orElseThrow(() -> new AccountProblem("token", "This link has expired or was used."));
        Account account = stored.byId(id).orElseThrow();
        passwordProblem(password, account.email()).ifPresent(problem -> {
            throw new AccountProblem(List.of(problem));
        });
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("delete from password_reset where account_id = ?")
                    .param(id.value())
                    .update();
            jdbc.sql("update account set password_hash = ?, failed_logins = 0, locked_until = null where id = ?")
                    .params(passwords.encode(password), id.value())
                    .update();
            tokens.revokeAllOf(id);
            audit.record(account.email(), "password.reset", null);
        });
        endSessions(account.email());
    }

    private Optional<AccountId> resetAccount(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("select account_id from password_reset where token_hash = ? and expires_at > ?")
                .params(hashOf(token), java.sql.Timestamp.from(clock.instant()))
                .query((rs, n) -> new AccountId(rs.getObject(1, java.util.UUID.class)))
                .optional();
    }

    /** What an invitation link offers, while it is valid. */
    public record Invitation(Role role, Optional<String> email) {}

    public Optional<Invitation> invitation(String token) {
        return validInvitation(token).map(i -> new Invitation(i.role(), Optional.ofNullable(i.email())));
    }

    /** Creates the invited account; the link is used up. */
    public AccountId accept(String token, String email, String displayName, String password) {
        StoredAccounts.Invitation invitation = validInvitation(token)
                .orElseThrow(() -> new AccountProblem("token", "This link has expired or was used."));
        String address = normalEmail(invitation.email() != null ? invitation.email() : email);
        String name = displayName == null ? "" : displayName.strip();
        List<AccountProblem.Field> problems = new ArrayList<>();
        if (invitation.email() == null && !isEmailAddress(address)) {
            problems.add(new AccountProblem.Field("email", "Enter an e-mail address, like name@agency.gov."));
        }
        if (name.isEmpty() || name.length() > 100) {
            problems.add(new AccountProblem.Field(
                    "displayName", "Enter the name colleagues know you by (up to 100 characters)."));
        }
        passwordProblem(password, address).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new AccountProblem(problems);
        }
        AccountId id = AccountId.random();
        transactions.executeWithoutResult(tx -> {
            if (!stored.removeInvitation(invitation.tokenHash())) {
                throw new AccountProblem("token", "This link has expired or was used.");
            }
            if (stored.byEmail(address).isPresent()) {
                throw new AccountProblem("email", "There is already an account with this address.");
            }
            stored.add(new Account(
                    id,
                    address,
                    name,
                    invitation.role(),
                    passwords.encode(password),
                    null,
                    null,
                    0,
                    true,
                    0,
                    null,
                    LocalDate.now(clock)));
            audit.record(
                    address, "account.created", invitation.role().name() + " invited by " + invitation.invitedBy());
        });
        return id;
    }

    /** An account as the admin pages list it. */
    public record Listed(
            AccountId id, String email, String displayName, Role role, boolean enabled, boolean secondFactor) {}

    public List<Listed> list() {
        return stored.all().stream()
                .map(a -> new Listed(a.id(), a.email(), a.displayName(), a.role(), a.enabled(), a.hasSecondFactor()))
                .toList();
    }

    /** Disables or re-enables an account; disabling ends all its sessions at once. */
    public void setEnabled(SignedIn by, AccountId id, boolean enabled) {
        Account account = stored.byId(id).orElseThrow(() -> new AccountProblem("account", "No such account."));
        if (!enabled && account.id().equals(by.id())) {
            throw new AccountProblem("account", "You cannot disable your own account.");
        }
        transactions.executeWithoutResult(tx -> {
            stored.setEnabled(id, enabled);
            if (!enabled) {
                tokens.revokeAllOf(id);
            }
            audit.record(by.email(), enabled ? "account.enabled" : "account.disabled", account.email());
        });
        if (!enabled) {
            endSessions(account.email());
        }
    }

    /** Gives an account another role; its sessions end, so the new role applies from its next sign-in. */
    public void changeRole(SignedIn by, AccountId id, Role role) {
        Account account = stored.byId(id).orElseThrow(() -> new AccountProblem("account", "No such account."));
        if (account.id().equals(by.id())) {
            throw new AccountProblem("role", "Another admin must change your own role.");
        }
        transactions.executeWithoutResult(tx -> {
            stored.setRole(id, role);
            tokens.revokeAllOf(id);
            audit.record(by.email(), "account.role-changed", account.email() + " " + account.role() + " -> " + role);
        });
        endSessions(account.email());
    }

    /** "Sign out everywhere": every session of the person ends and every personal token is revoked. */
    public void signOutEverywhere(SignedIn who) {
        transactions.executeWithoutResult(tx -> {
            tokens.revokeAllOf(who.id());
            audit.record(who.email(), "signed-out-everywhere", null);
        });
        endSessions(who.email());
    }

    /** Ends every session of an account, on every node. No sessions exist on the command line. */
    public void endSessions(String email) {
        sessions.ifAvailable(
                repository -> repository.findByPrincipalName(email).keySet().forEach(repository::deleteById));
    }

    private Optional<StoredAccounts.Invitation> validInvitation(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return stored.invitation(hashOf(token))
                .or(() -> stored.invitation(hashOf(normalRecoveryCode(token))))
                .filter(i -> i.expiresAt().isAfter(clock.instant()));
    }

    private void fail(Account account, Instant now) {
        int failures = account.failedLogins() + 1;
        Instant lockedUntil = null;
        if (failures >= FAILURES_BEFORE_LOCK) {
            long doublings = Math.min(failures - FAILURES_BEFORE_LOCK, 10);
            Duration lock = FIRST_LOCK.multipliedBy(1L << doublings);
            lockedUntil = now.plus(lock.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : lock);
        }
        stored.recordFailure(account.id(), failures, lockedUntil);
    }

    static Optional<AccountProblem.Field> passwordProblem(String password, String email) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            return Optional.of(new AccountProblem.Field(
                    "password",
                    "Use " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters; a few unrelated words work well."));
        }
        String local = email.contains("@") ? email.substring(0, email.indexOf('@')) : email;
        if (!local.isEmpty() && password.toLowerCase(Locale.ROOT).contains(local)) {
            return Optional.of(new AccountProblem.Field("password", "Do not use your e-mail address in the password."));
        }
        return Optional.empty();
    }

    private static boolean isEmailAddress(String address) {
        return EMAIL.matcher(address).matches();
    }

    static String normalEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String recoveryCode() {
        char[] alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            code.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return groupsOfFour(code.toString());
    }

    private static String normalRecoveryCode(String typed) {
        return typed == null ? "" : typed.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
    }

    private static String groupsOfFour(String text) {
        return text.replaceAll("(.{4})(?!$)", "$1-");
    }

    static String hashOf(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
