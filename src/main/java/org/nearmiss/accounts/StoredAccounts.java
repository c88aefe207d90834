package org.nearmiss.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.nearmiss.system.DataKeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts, recovery codes and invitations in the database. */
@Repository
class StoredAccounts implements DataKeyHolder {

    private static final String COLUMNS = "id, email, display_name, role, password_hash, totp_secret, totp_key,"
            + " totp_last_step, enabled, failed_logins, locked_until, created_on";

    private final JdbcClient jdbc;

    StoredAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Account account) {
        jdbc.sql("insert into account (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        account.id().value(),
                        account.email(),
                        account.displayName(),
                        account.role().name(),
                        account.passwordHash(),
                        account.sealedTotpSecret(),
                        account.totpKey(),
                        account.totpLastStep(),
                        account.enabled(),
                        account.failedLogins(),
                        account.lockedUntil() == null ? null : Timestamp.from(account.lockedUntil()),
                        account.createdOn())
                .update();
    }

    Optional<Account> byEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from account where email = ?")
                .param(email)
                .query(StoredAccounts::account)
                .optional();
    }

    Optional<Account> byId(AccountId id) {
        return jdbc.sql("select " + COLUMNS + " from account where id = ?")
                .param(id.value())
                .query(StoredAccounts::account)
                .optional();
    }

    List<Account> all() {
        return jdbc.sql("select " + COLUMNS + " from account order by role, email")
                .query(StoredAccounts::account)
                .list();
    }

    boolean anyEnabledWithRole(Role role) {
        return jdbc.sql("select count(*) from account where role = ? and enabled = true")
                        .param(role.name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    void recordFailure(AccountId id, int failures, Instant lockedUntil) {
        jdbc.sql("update account set failed_logins = ?, locked_until = ? where id = ?")
                .params(failures, lockedUntil == null ? null : Timestamp.from(lockedUntil), id.value())
                .update();
    }

    void clearFailures(AccountId id) {
        jdbc.sql("update account set failed_logins = 0, locked_until = null where id = ?")
                .param(id.value())
                .update();
    }

    void setSecondFactor(AccountId id, byte[] sealedSecret, byte[] key) {
        jdbc.sql("update account set totp_secret = ?, totp_key = ?, totp_last_step = 0 where id = ?")
                .params(sealedSecret, key, id.value())
                .update();
    }

    /**
     * Stores an account's first second factor; false, and nothing changed, when it has one already.
     * The condition is in the statement itself, so two enrolments racing cannot both win.
     */
    boolean setFirstSecondFactor(AccountId id, byte[] sealedSecret, byte[] key) {
        return jdbc.sql(
                                "update account set totp_secret = ?, totp_key = ?, totp_last_step = 0 where id = ? and totp_secret is null")
                        .params(sealedSecret, key, id.value())
                        .update()
                > 0;
    }

    @Override
    public List<DataKeyHolder.Stored> keys() {
        return jdbc.sql("select id, totp_key from account where totp_key is not null")
                .query((rs, n) -> new DataKeyHolder.Stored(rs.getObject(1, java.util.UUID.class), rs.getBytes(2)))
                .list();
    }

    @Override
    public boolean replace(DataKeyHolder.Stored stored, byte[] rewrapped) {
        return jdbc.sql("update account set totp_key = ? where id = ? and totp_key = ?")
                        .params(rewrapped, stored.owner(), stored.wrapped())
                        .update()
                > 0;
    }

    /** Removes the second factor and every recovery code: the next sign-in sets up a new one. */
    void clearSecondFactor(AccountId id) {
        jdbc.sql("update account set totp_secret = null, totp_key = null, totp_last_step = 0 where id = ?")
                .param(id.value())
                .update();
        jdbc.sql("delete from account_recovery_code where account_id = ?")
                .param(id.value())
                .update();
    }

    /** Moves the last accepted step forward; false when the step was already used (a replayed code). */
    boolean useStep(AccountId id, long step) {
        return jdbc.sql("update account set totp_last_step = ? where id = ? and totp_last_step < ?")
                        .params(step, id.value(), step)
                        .update()
                > 0;
    }

    void setEnabled(AccountId id, boolean enabled) {
        jdbc.sql("update account set enabled = ? where id = ?")
                .params(enabled, id.value())
                .update();
    }

    void setRole(AccountId id, Role role) {
        jdbc.sql("update account set role = ? where id = ?")
                .params(role.name(), id.value())
                .update();
    }

    void replaceRecoveryCodes(AccountId id, List<String> hashes) {
        jdbc.sql("delete from account_recovery_code where account_id = ?")
                .param(id.value())
                .update();
        for (String hash : hashes) {
            jdbc.sql("insert into account_recovery_code (account_id, code_hash) values (?, ?)")
                    .params(id.value(), hash)
                    .update();
        }
    }

    boolean useRecoveryCode(AccountId id, String hash) {
        return jdbc.sql("delete from account_recovery_code where account_id = ? and code_hash = ?")
                        .params(id.value(), hash)
                        .update()
                > 0;
    }

    /** An invitation (or the first admin's set-up link) by the hash of its token. */
    record Invitation(String tokenHash, Role role, String email, String invitedBy, Instant expiresAt) {}

    void addInvitation(Invitation invitation) {
        jdbc.sql(
                        "insert into account_invitation (token_hash, role, email, invited_by, expires_at) values (?, ?, ?, ?, ?)")
                .params(
                        invitation.tokenHash(),
                        invitation.role().name(),
                        invitation.email(),
                        invitation.invitedBy(),
                        Timestamp.from(invitation.expiresAt()))
                .update();
    }

    Optional<Invitation> invitation(String tokenHash) {
        return jdbc.sql(
                        "select token_hash, role, email, invited_by, expires_at from account_invitation where token_hash = ?")
                .param(tokenHash)
                .query((rs, n) -> new Invitation(
                        rs.getString(1),
                        Role.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .optional();
    }

    boolean removeInvitation(String tokenHash) {
        return jdbc.sql("delete from account_invitation where token_hash = ?")
                        .param(tokenHash)
                        .update()
                > 0;
    }

    void removeFirstAdminLinks() {
        jdbc.sql("delete from account_invitation where email is null and role = ?")
                .param(Role.ADMIN.name())
                .update();
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new Account(
                new AccountId(rs.getObject("id", UUID.class)),
                rs.getString("email"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                rs.getString("password_hash"),
                rs.getBytes("totp_secret"),
                rs.getBytes("totp_key"),
                rs.getLong("totp_last_step"),
                rs.getBoolean("enabled"),
                rs.getInt("failed_logins"),
                locked == null ? null : locked.toInstant(),
                rs.getObject("created_on", LocalDate.class));
    }
}
