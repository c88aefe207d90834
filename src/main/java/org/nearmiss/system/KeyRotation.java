package org.nearmiss.system;

import jakarta.annotation.PostConstruct;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes crypto-shredding physical. Deleting a wrapped data key leaves copies of it in the database's
 * files and logs; those copies are harmless only once the epoch key they were wrapped under is gone.
 * So after keys were destroyed, and at most once every {@code nearmiss.vault.rotate-after} (a day),
 * the database's epoch moves on ({@link #rotate}); every node follows it ({@link #follow}, every
 * {@code nearmiss.vault.follow-every}): it wraps new keys under the new epoch, re-wraps every live key
 * that is older, and once a pass at least {@code nearmiss.vault.settle} later finds none left, it
 * forgets the older epochs by rewriting its epoch key file. From then on nobody, the holder of the
 * master key included, can unwrap any copy of a key destroyed before the rotation.
 */
@Component
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

    private final JdbcClient jdbc;
    private final Vault vault;
    private final ObjectProvider<DataKeyHolder> holders;
    private final Clock clock;
    private final Duration rotateAfter;
    private final Duration settle;
    private Instant pendingSince;

    KeyRotation(
            JdbcClient jdbc,
            Vault vault,
            ObjectProvider<DataKeyHolder> holders,
            Clock clock,
            @Value("${nearmiss.vault.rotate-after:P1D}") Duration rotateAfter,
            @Value("${nearmiss.vault.settle:PT2M}") Duration settle) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.holders = holders;
        this.clock = clock;
        this.rotateAfter = rotateAfter;
        this.settle = settle;
    }

    private record Current(long epoch, LocalDate startedOn, String fingerprint, boolean keysDestroyed) {}

    /**
     * Joins the database's chain of epochs: the first node to start seeds it; every other node must
     * hold a key file of the same chain, not ahead of the database.
     */
    @PostConstruct
    void join() {
        EpochKeys keys = vault.epochs();
        Optional<Current> current = current();
        if (current.isEmpty()) {
            jdbc.sql(
                            "insert into key_epoch (id, epoch, started_on, fingerprint, keys_destroyed) values (1, ?, ?, ?, false)")
                    .params(keys.oldest(), LocalDate.now(clock), keys.fingerprint(keys.oldest()))
                    .update();
            current = current();
        }
        Current at = current.orElseThrow();
        if (at.epoch() < keys.oldest()) {
            throw new IllegalStateException("This node's epoch key file is at epoch " + keys.oldest()
                    + ", ahead of the database's " + at.epoch() + ": the database is older than the key file"
                    + " (restored from a backup?). Restore the epoch key file that belongs to it; refusing to start");
        }
        if (!keys.fingerprint(at.epoch()).equals(at.fingerprint())) {
            throw new IllegalStateException("This node's epoch key file does not belong to this database: copy"
                    + " shred.key from a node that runs on it (README, \"Production\"); refusing to start");
        }
        keys.current(at.epoch());
    }

    /** Notes, in the caller's transaction, that data keys were destroyed in the current epoch. */
    public void keysDestroyed() {
        jdbc.sql("update key_epoch set keys_destroyed = true where id = 1").update();
    }

    /**
     * Starts a new epoch when keys were destroyed in this one and it is at least {@code rotate-after}
     * old, then brings this node to it. Says whether it started one.
     */
    public boolean rotate() {
        Current at = current().orElseThrow();
        LocalDate today = LocalDate.now(clock);
        if (!at.keysDestroyed() || at.startedOn().plusDays(rotateAfter.toDays()).isAfter(today)) {
            return false;
        }
        long next = at.epoch() + 1;
        boolean started =
                jdbc.sql("update key_epoch set epoch = ?, started_on = ?, fingerprint = ?, keys_destroyed = false"
                                        + " where id = 1 and epoch = ?")
                                .params(next, today, vault.epochs().fingerprint(next), at.epoch())
                                .update()
                        > 0;
        if (started) {
            log.info("Started key epoch {}: every live data key moves to it", next);
            follow();
        }
        return started;
    }

    @Scheduled(fixedDelayString = "${nearmiss.vault.follow-every:PT15S}", initialDelayString = "PT15S")
    void followOnSchedule() {
        try {
            follow();
        } catch (RuntimeException e) {
            // Tried again on the next run; the database may be briefly away.
            log.warn("Key epoch not followed: {}", e.getClass().getName());
        }
    }

    /**
     * Brings this node to the database's epoch: new keys are wrapped under it, older live keys are
     * re-wrapped, and the older epochs are forgotten once a pass {@code settle} after the first finds
     * none left to move (a filing that took a key a moment before the rotation has committed by then).
     * Returns how many keys this pass re-wrapped.
     */
    public synchronized int follow() {
        long epoch = current().orElseThrow().epoch();
        EpochKeys keys = vault.epochs();
        if (epoch > keys.current()) {
            keys.current(epoch);
        }
        if (keys.oldest() >= epoch) {
            pendingSince = null;
            return 0;
        }
        int moved = rewrapOlderThan(epoch);
        Instant now = clock.instant();
        if (pendingSince == null) {
            pendingSince = now;
        } else if (moved == 0 && !now.isBefore(pendingSince.plus(settle))) {
            keys.forgetBefore(epoch);
            vault.forgetCachedBefore(epoch);
            pendingSince = null;
            log.info("Forgot the keys of the epochs before {}: what was shredded before it is gone for good", epoch);
        }
        return moved;
    }

    private int rewrapOlderThan(long epoch) {
        int moved = 0;
        int unreadable = 0;
        for (DataKeyHolder holder : holders.orderedStream().toList()) {
            List<DataKeyHolder.Stored> older = holder.keys().stream()
                    .filter(k -> Vault.epochOf(k.wrapped()) < epoch)
                    .toList();
            for (DataKeyHolder.Stored key : older) {
                try {
                    if (holder.replace(key, vault.rewrap(key.owner(), key.wrapped(), epoch))) {
                        moved++;
                    }
                } catch (Vault.SealBroken broken) {
                    unreadable++;
                }
            }
        }
        if (unreadable > 0) {
            log.warn("{} stored data keys could not be unwrapped and were left as they are", unreadable);
        }
        return moved;
    }

    private Optional<Current> current() {
        return jdbc.sql("select epoch, started_on, fingerprint, keys_destroyed from key_epoch where id = 1")
                .query((rs, n) ->
                        new Current(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getBoolean(4)))
                .optional();
    }
}
