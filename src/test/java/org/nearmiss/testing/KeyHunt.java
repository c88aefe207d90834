package org.nearmiss.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An attacker who holds the master key and a copy of the data dir, looking for a report's data key:
 * every window of every file is tried as a wrapped key, as the master key alone wraps them (the old
 * form) and under every epoch the data dir's epoch key file still reaches, and every key found is tried
 * on the report's sealed text. Written from the scheme as documented, not from the product's code.
 */
public final class KeyHunt {

    private static final int LEGACY = 12 + 32 + 16;
    private static final int EPOCH = 1 + 8 + LEGACY;

    private final byte[] master;
    private final SecretKeySpec masterKey;
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private final UUID owner;
    private final byte[] sealed;
    private final long oldestEpoch;
    private final byte[] oldestEpochKey;

    private KeyHunt(byte[] master, UUID owner, byte[] sealed, Path epochFile) throws IOException {
        this.master = master;
        this.masterKey = new SecretKeySpec(master, "AES");
        this.owner = owner;
        this.sealed = sealed;
        String[] words = Files.readString(epochFile).strip().split("\\s+");
        this.oldestEpoch = Long.parseLong(words[0]);
        this.oldestEpochKey = Base64.getDecoder().decode(words[1]);
    }

    /** Whether any bytes under the data dir open the sealed text of this owner. */
    public static boolean opens(Path dataDir, byte[] masterKey, UUID owner, byte[] sealedText) throws IOException {
        KeyHunt hunt = new KeyHunt(masterKey, owner, sealedText, dataDir.resolve("shred.key"));
        List<Path> files;
        try (var walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(f -> !dataDir.relativize(f).startsWith("model-cache"))
                    .toList();
        }
        for (Path file : files) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (java.nio.file.NoSuchFileException gone) {
                continue; // an index file merged away while the hunt ran
            }
            if (hunt.opensAnyWindowOf(bytes)) {
                return true;
            }
        }
        return false;
    }

    /** Every offset is tried; the file is cut in slices tried on all cores at once. */
    private boolean opensAnyWindowOf(byte[] bytes) {
        int slices = Runtime.getRuntime().availableProcessors() * 4;
        int slice = bytes.length / slices + 1;
        return java.util.stream.IntStream.range(0, slices)
                .parallel()
                .anyMatch(n -> opensAnyWindowBetween(bytes, n * slice, Math.min(bytes.length, (n + 1) * slice)));
    }

    private boolean opensAnyWindowBetween(byte[] bytes, int from, int to) {
        byte[] ownerBytes = ByteBuffer.allocate(16)
                .putLong(owner.getMostSignificantBits())
                .putLong(owner.getLeastSignificantBits())
                .array();
        for (int i = from; i < to && i + LEGACY <= bytes.length; i++) {
            byte[] key = open(masterKey, bytes, i, LEGACY, ownerBytes);
            if (key != null
                    && key.length == 32
                    && open(new SecretKeySpec(key, "AES"), sealed, 0, sealed.length, ownerBytes) != null) {
                return true;
            }
            if (bytes[i] == 2 && i + EPOCH <= bytes.length) {
                long epoch = ByteBuffer.wrap(bytes, i + 1, 8).getLong();
                if (epoch >= oldestEpoch && epoch < oldestEpoch + 1000) {
                    byte[] aad = ByteBuffer.allocate(16 + 9)
                            .put(ownerBytes)
                            .put(bytes, i, 9)
                            .array();
                    byte[] found = open(new SecretKeySpec(wrappingKey(epoch), "AES"), bytes, i + 9, LEGACY, aad);
                    if (found != null
                            && open(new SecretKeySpec(found, "AES"), sealed, 0, sealed.length, ownerBytes) != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private byte[] wrappingKey(long epoch) {
        byte[] epochKey = oldestEpochKey;
        for (long e = oldestEpoch; e < epoch; e++) {
            epochKey = hmac(epochKey, "nearmiss epoch ratchet".getBytes(StandardCharsets.US_ASCII));
        }
        byte[] label = ("nearmiss data keys of epoch " + epoch).getBytes(StandardCharsets.US_ASCII);
        byte[] wrapping = hmac(master, "nearmiss data key wrapping".getBytes(StandardCharsets.US_ASCII));
        return hmac(
                wrapping,
                ByteBuffer.allocate(label.length + 32).put(label).put(epochKey).array());
    }

    private byte[] open(SecretKeySpec key, byte[] bytes, int offset, int length, byte[] aad) {
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, offset, 12));
            cipher.updateAAD(aad);
            return cipher.doFinal(bytes, offset + 12, length - 12);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
