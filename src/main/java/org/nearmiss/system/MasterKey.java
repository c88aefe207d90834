package org.nearmiss.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that wraps every report's data key. It comes from configuration or from a key file that
 * the first start creates, readable by the owner alone.
 */
final class MasterKey {

    static final String FILE_NAME = "master.key";

    private final SecretKey key;
    private final String id;

    private MasterKey(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalStateException("The master key must be 32 bytes (256 bits), Base64-encoded");
        }
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = idOf(bytes);
    }

    /** Uses the configured Base64 key when given, else the key file in the data dir (created if absent). */
    static MasterKey load(String configured, Path dataDir) {
        return load(configured, null, dataDir);
    }

    /**
     * The configured Base64 key, else the configured key file, else (the zero-setup default) a key file
     * in the data dir, created if absent, with a warning at every start: a copy of the data dir then
     * holds the key to everything in it that is not shredded.
     */
    static MasterKey load(String configured, Path keyFile, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return new MasterKey(decode(configured));
        }
        if (keyFile != null) {
            try {
                return new MasterKey(decode(Files.readString(keyFile, StandardCharsets.US_ASCII)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the master key file " + keyFile, e);
            }
        }
        Path file = dataDir.resolve(FILE_NAME);
        org.slf4j.LoggerFactory.getLogger(MasterKey.class)
                .warn(
                        "The master key is in the data dir ({}), beside the data it protects: anyone with a copy"
                                + " of the data dir can read every report not yet shredded. Move it elsewhere and set"
                                + " NEARMISS_MASTER_KEY_FILE, or set NEARMISS_MASTER_KEY (README, \"Production\").",
                        file);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                createKeyFile(file);
            }
            return new MasterKey(decode(Files.readString(file, StandardCharsets.US_ASCII)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file, e);
        }
    }

    private static void createKeyFile(Path file) throws IOException {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String encoded = Base64.getEncoder().encodeToString(bytes) + "\n";
        try {
            // Created with owner-only permissions from the start, so the key is never readable by others.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException raced) {
            return;
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, encoded, StandardCharsets.US_ASCII);
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The master key is not valid Base64");
        }
    }

    /** A short fingerprint that tells which master key wrapped a data key, without revealing it. */
    private static String idOf(byte[] bytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("nearmiss master key id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(bytes), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    SecretKey secret() {
        return key;
    }

    /**
     * A key for one purpose, derived from the master key (HMAC-SHA256 of the purpose's name), so that
     * no purpose ever uses the master key itself and each key is useless for the others.
     */
    byte[] derive(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(("nearmiss " + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    String id() {
        return id;
    }
}
