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
 * API bearer tokens: a person's own (made on the account page, with that person's role) or an
 * automation token made on the command line. Shown once; only a SHA-256 hash is stored (a token
 * carries 256 random bits, so the hash cannot be reversed by guessing); revocable; every token of an
 * account stops working when the account is disabled or changes role.
 */
@Service
public class ApiTokens implements BearerTokens {

    static final String PREFIX = "nm_";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** A token as listed on its owner's page: never the token itself. */
    public record Listed(UUID id, String name, Role role, LocalDate createdOn, boolean revoked) {}

    /** A new token for the signed-in person, with their role; returned once. */
    @Transactional
    public String create(SignedIn owner, String name) {
        String label = labelOf(name);
        String token = newToken();
        insert(owner.id().value(), label, owner.role(), token);
        audit.record(owner.email(), "token.created", label);
        return token;
    }

    /** A token for automation, belonging to no account; made from the command line. */
    @Transactional
    public String createForAutomation(Role role, String name) {
        String label = labelOf(name);
        String token = newToken();
        insert(null, label, role, token);
        audit.record("command line", "token.created", role + " " + label);
        return token;
    }

    public List<Listed> of(AccountId owner) {
        return jdbc.sql(
                        "select id, name, role, created_on, revoked from api_token where account_id = ? order by created_on, name")
                .param(owner.value())
                .query((rs, n) -> new Listed(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        Role.valueOf(rs.getString(3)),
                        rs.getObject(4, LocalDate.class),
                        rs.getBoolean(5)))
                .list();
    }

    /** Revokes one of the owner's tokens; another person's token is left alone. */
    @Transactional
    public void revoke(SignedIn owner, UUID tokenId) {
        int revoked = jdbc.sql("update api_token set revoked = true where id = ? and account_id = ?")
                .params(tokenId, owner.id().value())
                .update();
        if (revoked > 0) {
            audit.record(owner.email(), "token.revoked", tokenId.toString());
        }
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
                        where t.token_hash = ? and t.revoked = false and (a.id is null or a.enabled = true)""")
                .param(Accounts.hashOf(token))
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

    private void insert(UUID accountId, String name, Role role, String token) {
        jdbc.sql("""
                insert into api_token (id, account_id, name, role, token_hash, created_on, revoked)
                values (?, ?, ?, ?, ?, ?, false)""")
                .params(UUID.randomUUID(), accountId, name, role.name(), Accounts.hashOf(token), LocalDate.now(clock))
                .update();
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
