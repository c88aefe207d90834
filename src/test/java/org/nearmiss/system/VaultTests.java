package org.nearmiss.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VaultTests {

    private static final byte[] STORY = "My partner saw the gun first.".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dataDir;

    @Test
    void sealedTextOpensWithItsOwnersKeyAndDoesNotContainThePlainText() {
        Vault vault = new Vault(MasterKey.load(null, dataDir), dataDir.resolve("shred.key"));
        UUID report = UUID.randomUUID();
        Vault.DataKey key = vault.newDataKey(report);

        byte[] sealed = key.seal(STORY);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("partner");
        assertThat(vault.unwrap(report, key.wrapped()).open(sealed)).isEqualTo(STORY);
    }

    @Test
    void sealedTextMovedToAnotherReportDoesNotOpen() {
        Vault vault = new Vault(MasterKey.load(null, dataDir), dataDir.resolve("shred.key"));
        Vault.DataKey one = vault.newDataKey(UUID.randomUUID());
        UUID other = UUID.randomUUID();

        assertThatThrownBy(() -> vault.unwrap(other, one.wrapped())).isInstanceOf(Vault.SealBroken.class);
    }

    @Test
    void tamperedTextDoesNotOpen() {
        Vault vault = new Vault(MasterKey.load(null, dataDir), dataDir.resolve("shred.key"));
        Vault.DataKey key = vault.newDataKey(UUID.randomUUID());
        byte[] sealed = key.seal(STORY);
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> key.open(sealed)).isInstanceOf(Vault.SealBroken.class);
    }

    @Test
    void aDataKeyWrappedByAnotherMasterKeyDoesNotOpen() {
        UUID report = UUID.randomUUID();
        byte[] wrapped = new Vault(MasterKey.load(null, dataDir), dataDir.resolve("shred.key"))
                .newDataKey(report)
                .wrapped();
        Vault other = new Vault(MasterKey.load(randomKey(), dataDir), dataDir.resolve("shred.key"));

        assertThatThrownBy(() -> other.unwrap(report, wrapped)).isInstanceOf(Vault.SealBroken.class);
    }

    @Test
    void theFirstStartCreatesAKeyFileOnlyItsOwnerCanReadAndLaterStartsReuseIt() throws Exception {
        Vault first = new Vault(MasterKey.load(null, dataDir), dataDir.resolve("shred.key"));
        Path file = dataDir.resolve(MasterKey.FILE_NAME);

        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(new Vault(MasterKey.load(null, dataDir), dataDir.resolve("shred.key")).masterKeyId())
                .isEqualTo(first.masterKeyId());
    }

    @Test
    void aConfiguredKeyWinsOverTheFileAndNoFileIsWritten() {
        String configured = randomKey();
        Vault vault = new Vault(MasterKey.load(configured, dataDir), dataDir.resolve("shred.key"));

        assertThat(dataDir.resolve(MasterKey.FILE_NAME)).doesNotExist();
        assertThat(vault.masterKeyId())
                .isEqualTo(new Vault(MasterKey.load(configured, dataDir), dataDir.resolve("shred.key")).masterKeyId());
    }

    @Test
    void aMalformedConfiguredKeyIsRefusedWithoutEchoingIt() {
        assertThatThrownBy(() -> MasterKey.load("c2hvcnQ=", dataDir))
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining("c2hvcnQ");
        assertThatThrownBy(() -> MasterKey.load("not base64 !", dataDir)).hasMessageContaining("Base64");
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
