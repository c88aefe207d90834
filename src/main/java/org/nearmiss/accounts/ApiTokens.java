package org.nearmiss.accounts;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.nearmiss.system.AuditLog;
import org.nearmiss.system.BearerTokens;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API bearer tokens, for {@code /api/} alone: a person's own (made on the account page, with that
 * person's role) or an automation token made on the command line. Shown once; only a SHA-256 hash is
 * stored (a token carries 256 random bits, so the hash cannot be reversed by guessing); every token
 * expires (90 days unless asked otherwise, a year at most); listed and revocable; every token of an
 * account stops working when the account is disabled, changes role, resets its password, replaces
 * its second factor or signs out everywhere.
 */
@Service
public class ApiTokens implements BearerTokens {

    static final String PREFIX = "nm_";
    /** How long a token works unless its maker asks for another number of days. */
    public static final int DEFAULT_DAYS = 90;
    /** The longest a token may work: a forgotten token must not work for ever. */
    public static final int MAX_DAYS = 365;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token as listed: never the token itself. */
    public record Listed(UUID id, String name, Role role, LocalDate createdOn, LocalDate expiresOn, boolean revoked) {

        /** Whether it still works on a day. */
        public boolean activeOn(LocalDate day) {
            return !revoked && day.isBefore(expiresOn);
        }
    }

    /** A new token for the signed-in person, with their role, working for this many days; returned once. */
    @Transactional
    public String create(SignedIn owner, String name, int days) {
        if (owner.automation()) {
            throw new AccountProblem("name", "Tokens are made by people, not by other tokens.");
        }
        String label = labelOf(name);
        LocalDate expires = expiryAfter(days);
        String token = newToken();
        insert(owner.id().value(), label, owner.role(), token, expires);
        audit.record(owner.email(), "token.created", label + " until " + expires);
        return token;
    }

    /** A new token for the signed-in person, working for the default number of days. */
    public String create(SignedIn owner, String name) {
        return create(owner, name, DEFAULT_DAYS);
    }

    /** A token for automation, belonging to no account; made from the command line. */
    @Transactional
    public String createForAutomation(Role role, String name, int days) {
        String label = labelOf(name);
        LocalDate expires = expiryAfter(days);
        String token = newToken();
        insert(null, label, role, token, expires);
        audit.record("command line", "token.created", role + " " + label + " until " + expires);
        return token;
    }

    public List<Listed> of(AccountId owner) {
        return jdbc.sql(
                        "select id, name, role, created_on, expires_on, revoked from api_token where account_id = ? order by created_on, name")
                .param(owner.value())
                .query((rs, n) -> listed(rs))
                .list();
    }

    /** Every automation token, for the command line's list. */
    public List<Listed> automation() {
        return jdbc.sql(
                        "select id, name, role, created_on, expires_on, revoked from api_token where account_id is null order by created_on, name")
                .query((rs, n) -> listed(rs))
                .list();
    }

    /** Revokes one of the owner's tokens; another person's token is left alone. */
    @Transactional
    public void revoke(SignedIn owner, UUID tokenId) {
        int revoked = jdbc.sql(
                        "update api_token set revoked = true where id = ? and account_id = ? and revoked = false")
                .params(tokenId, owner.id().value())
                .update();
        if (revoked > 0) {
            audit.record(owner.email(), "token.revoked", tokenId.toString());
        }
    }

    /** Revokes an automation token; false when there is no such token (a person's token is left alone). */
    @Transactional
    public boolean revokeAutomation(UUID tokenId) {
        int revoked = jdbc.sql(
                        "update api_token set revoked = true where id = ? and account_id is null and revoked = false")
                .param(tokenId)
                .update();
        if (revoked > 0) {
            audit.record("command line", "token.revoked", tokenId.toString());
        }
        return revoked > 0;
    }

    void revokeAllOf(AccountId owner) {
        jdbc.sql("update api_token set revoked = true where account_id = ?")
                .param(owner.value())
                .update();
    }

    @Override
    public Optional<Authentication> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select t.id, t.name, t.role, a.id, a.email, a.display_name
                        from api_token t left join account a on a.id = t.account_id
                        where t.token_hash = ? and t.revoked = false and t.expires_on > ?
                          and (a.id is null or a.enabled = true)""")
                .params(Accounts.hashOf(token), LocalDate.now(clock))
                .query((rs, n) -> {
                    Role role = Role.valueOf(rs.getString(3));
                    UUID accountId = rs.getObject(4, UUID.class);
                    SignedIn who = accountId == null
                            ? new SignedIn(
                                    new AccountId(rs.getObject(1, UUID.class)),
                                    SignedIn.AUTOMATION_PREFIX + rs.getString(2),
                                    rs.getString(2),
                                    role)
                            : new SignedIn(new AccountId(accountId), rs.getString(5), rs.getString(6), role);
                    return (Authentication) UsernamePasswordAuthenticationToken.authenticated(
                            who, null, List.of(new SimpleGrantedAuthority(role.authority())));
                })
                .optional();
    }

    private void insert(UUID accountId, String name, Role role, String token, LocalDate expires) {
        jdbc.sql("""
                insert into api_token (id, account_id, name, role, token_hash, created_on, expires_on, revoked)
                values (?, ?, ?, ?, ?, ?, ?, false)""")
                .params(
                        UUID.randomUUID(),
                        accountId,
                        name,
                        role.name(),
                        Accounts.hashOf(token),
                        LocalDate.now(clock),
                        expires)
                .update();
    }

    private LocalDate expiryAfter(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new AccountProblem("days", "A token works for 1 to " + MAX_DAYS + " days.");
        }
        return LocalDate.now(clock).plusDays(days);
    }

    private static Listed listed(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Listed(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                Role.valueOf(rs.getString(3)),
                rs.getObject(4, LocalDate.class),
                rs.getObject(5, LocalDate.class),
                rs.getBoolean(6));
    }

    private static String labelOf(String name) {
        String label = name == null ? "" : name.strip();
        if (label.isEmpty() || label.length() > 100) {
            throw new AccountProblem("name", "Give the token a name of up to 100 characters, to know it again.");
        }
        return label;
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
