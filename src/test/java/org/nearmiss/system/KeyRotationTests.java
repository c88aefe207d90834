package org.nearmiss.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.nearmiss.testing.TestDatabase;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Key epochs across nodes, on H2 and PostgreSQL: after keys are destroyed the epoch moves on, every
 * live key (old-form ones included) moves with it, a node forgets the old epoch only after a settled
 * pass, and a node whose key file is of another chain, or ahead of the database, refuses to start.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class KeyRotationTests {

    private static final MasterKey MASTER =
            MasterKey.load(Base64.getEncoder().encodeToString(new byte[32]), Path.of("unused"));

    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    private TestDatabase.Fresh fresh;
    private JdbcClient jdbc;
    private final MutableClock clock = new MutableClock();
    private final Keys held = new Keys();

    @BeforeEach
    void freshDatabase() {
        fresh = database.create();
        jdbc = JdbcClient.create(fresh.migrated());
    }

    @AfterEach
    void dropDatabase() {
        fresh.close();
    }

    @Test
    void afterKeysAreDestroyedEveryLiveKeyMovesOnAndTheOldEpochIsForgottenOnlyAfterASettledPass() {
        Vault vault = new Vault(MASTER, dir.resolve("a/shred.key"));
        KeyRotation rotation = rotation(vault);
        UUID owner = UUID.randomUUID();
        Vault.DataKey live = vault.newDataKey(owner);
        byte[] sealed = live.seal("kept".getBytes());
        held.add(owner, live.wrapped());
        UUID oldFormOwner = UUID.randomUUID();
        byte[] oldForm = oldFormKey(oldFormOwner);
        held.add(oldFormOwner, oldForm);
        UUID shreddedOwner = UUID.randomUUID();
        byte[] shredded = vault.newDataKey(shreddedOwner).wrapped();

        assertThat(rotation.rotate()).as("nothing was destroyed yet").isFalse();
        rotation.keysDestroyed();
        assertThat(rotation.rotate()).isTrue();

        assertThat(held.all())
                .allSatisfy(k -> assertThat(Vault.epochOf(k.wrapped())).isEqualTo(1));
        assertThat(vault.epochs().oldest()).as("not before a settled pass").isZero();
        assertThat(vault.unwrap(shreddedOwner, shredded)).isNotNull();

        clock.advance(Duration.ofMinutes(5));
        assertThat(rotation.follow()).isZero();

        assertThat(vault.epochs().oldest()).isEqualTo(1);
        assertThatThrownBy(() -> vault.unwrap(shreddedOwner, shredded)).isInstanceOf(Vault.SealBroken.class);
        assertThat(new String(vault.unwrap(owner, held.of(owner)).open(sealed))).isEqualTo("kept");
        assertThat(Vault.epochOf(vault.newDataKey(owner).wrapped())).isEqualTo(1);
        assertThat(Vault.epochOf(oldForm)).isEqualTo(Vault.MASTER_ONLY);
    }

    @Test
    void aSecondNodeWithACopyOfTheKeyFileFollowsAndANodeOfAnotherChainRefusesToStart() throws Exception {
        Vault first = new Vault(MASTER, dir.resolve("a/shred.key"));
        KeyRotation firstRotation = rotation(first);
        Files.createDirectories(dir.resolve("b"));
        Files.copy(dir.resolve("a/shred.key"), dir.resolve("b/shred.key"));
        Vault second = new Vault(MASTER, dir.resolve("b/shred.key"));
        KeyRotation secondRotation = rotation(second);
        UUID owner = UUID.randomUUID();
        held.add(owner, second.newDataKey(owner).wrapped());

        firstRotation.keysDestroyed();
        firstRotation.rotate();
        clock.advance(Duration.ofMinutes(5));
        firstRotation.follow();
        secondRotation.follow();
        clock.advance(Duration.ofMinutes(5));
        secondRotation.follow();

        assertThat(second.epochs().oldest()).isEqualTo(1);
        assertThat(first.unwrap(owner, held.of(owner))).isNotNull();
        assertThat(second.unwrap(owner, held.of(owner))).isNotNull();

        Vault stranger = new Vault(MASTER, dir.resolve("c/shred.key"));
        assertThatThrownBy(() -> rotation(stranger)).hasMessageContaining("does not belong to this database");

        Files.createDirectories(dir.resolve("d"));
        Files.copy(dir.resolve("a/shred.key"), dir.resolve("d/shred.key"));
        jdbc.sql("update key_epoch set epoch = 0").update();
        assertThatThrownBy(() -> rotation(new Vault(MASTER, dir.resolve("d/shred.key"))))
                .hasMessageContaining("ahead of the database");
    }

    private KeyRotation rotation(Vault vault) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("held", held);
        KeyRotation rotation = new KeyRotation(
                jdbc, vault, beans.getBeanProvider(DataKeyHolder.class), clock, Duration.ZERO, Duration.ofMinutes(2));
        rotation.join();
        return rotation;
    }

    /** A key as the vault wrapped them before epochs: under the master key alone. */
    private static byte[] oldFormKey(UUID owner) {
        try {
            byte[] key = new byte[32];
            byte[] nonce = new byte[12];
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    javax.crypto.Cipher.ENCRYPT_MODE,
                    MASTER.secret(),
                    new javax.crypto.spec.GCMParameterSpec(128, nonce));
            cipher.updateAAD(java.nio.ByteBuffer.allocate(16)
                    .putLong(owner.getMostSignificantBits())
                    .putLong(owner.getLeastSignificantBits())
                    .array());
            byte[] sealed = cipher.doFinal(key);
            return java.nio.ByteBuffer.allocate(12 + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keys held in memory, as a module's repository holds them in a table. */
    static final class Keys implements DataKeyHolder {
        private final List<Stored> keys = new ArrayList<>();

        synchronized void add(UUID owner, byte[] wrapped) {
            keys.add(new Stored(owner, wrapped));
        }

        synchronized byte[] of(UUID owner) {
            return keys.stream()
                    .filter(k -> k.owner().equals(owner))
                    .findFirst()
                    .orElseThrow()
                    .wrapped();
        }

        synchronized List<Stored> all() {
            return List.copyOf(keys);
        }

        @Override
        public synchronized List<Stored> keys() {
            return List.copyOf(keys);
        }

        @Override
        public synchronized boolean replace(Stored stored, byte[] rewrapped) {
            int at = keys.indexOf(stored);
            if (at < 0) {
                return false;
            }
            keys.set(at, new Stored(stored.owner(), rewrapped));
            return true;
        }
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
