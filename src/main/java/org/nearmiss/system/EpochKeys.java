package org.nearmiss.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The epoch keys that, with the master key, wrap every data key: a one-way chain, each key the
 * HMAC of the one before, of which a node keeps only the oldest it still needs, in a small file of its
 * own ({@code shred.key}). Moving the file on to a later epoch (writing a new file over it) leaves no
 * copy of the earlier keys anywhere: a data key deleted before that, whatever stale copies of it the
 * database's files or logs keep, can no longer be unwrapped by anyone, the holder of the master key
 * included. Later keys can always be computed from an earlier one, so nodes move on independently.
 */
final class EpochKeys {

    static final String FILE_NAME = "shred.key";
    private static final byte[] RATCHET = "nearmiss epoch ratchet".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private long oldest;
    private byte[] oldestKey;
    private volatile long current;

    private EpochKeys(Path file, long oldest, byte[] oldestKey) {
        this.file = file;
        this.oldest = oldest;
        this.oldestKey = oldestKey;
        this.current = oldest;
    }

    /** Reads the file, or starts a new chain at epoch 0 when there is none. */
    static EpochKeys load(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] first = new byte[32];
                new SecureRandom().nextBytes(first);
                write(file, 0, first);
                return new EpochKeys(file, 0, first);
            }
            String[] words =
                    Files.readString(file, StandardCharsets.US_ASCII).strip().split("\\s+");
            if (words.length != 2 || !words[0].matches("[0-9]{1,18}")) {
                throw new IllegalStateException("The epoch key file " + file + " is not valid");
            }
            byte[] key = Base64.getDecoder().decode(words[1]);
            if (key.length != 32) {
                throw new IllegalStateException("The epoch key file " + file + " is not valid");
            }
            return new EpochKeys(file, Long.parseLong(words[0]), key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the epoch key file " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The epoch key file " + file + " is not valid");
        }
    }

    /** The oldest epoch whose key this node still holds. */
    synchronized long oldest() {
        return oldest;
    }

    /** The epoch new data keys are wrapped under. */
    long current() {
        return current;
    }

    synchronized void current(long epoch) {
        if (epoch < oldest) {
            throw new IllegalStateException("Epoch " + epoch + " is older than this node's keys");
        }
        current = epoch;
    }

    /** The key of an epoch; an epoch older than the oldest held is gone for good. */
    synchronized byte[] keyOf(long epoch) {
        if (epoch < oldest) {
            throw new EpochDestroyed(epoch);
        }
        byte[] key = oldestKey;
        for (long e = oldest; e < epoch; e++) {
            key = next(key);
        }
        return key;
    }

    /** A fingerprint of an epoch's key that tells two chains apart and reveals nothing of the key. */
    String fingerprint(long epoch) {
        return HexFormat.of()
                .formatHex(hmac(keyOf(epoch), "nearmiss epoch fingerprint".getBytes(StandardCharsets.US_ASCII)), 0, 16);
    }

    /** Forgets every epoch before this one: the file is replaced by one holding this epoch's key alone. */
    synchronized void forgetBefore(long epoch) {
        if (epoch <= oldest) {
            return;
        }
        byte[] key = keyOf(epoch);
        write(file, epoch, key);
        oldest = epoch;
        oldestKey = key;
        if (current < epoch) {
            current = epoch;
        }
    }

    private static byte[] next(byte[] key) {
        return hmac(key, RATCHET);
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /** Writes a new file beside the old one, forces it to disk, then moves it over the old one. */
    private static void write(Path file, long epoch, byte[] key) {
        String text = epoch + " " + Base64.getEncoder().encodeToString(key) + "\n";
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            Path next = dir.resolve(file.getFileName() + ".next");
            Files.deleteIfExists(next);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(
                        next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(next);
            }
            try (FileChannel channel = FileChannel.open(next, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            try {
                Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
                directory.force(true);
            } catch (IOException notSupported) {
                // Some file systems cannot sync a directory; the move itself is done.
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the epoch key file " + file, e);
        }
    }

    /** A data key wrapped under an epoch this node no longer holds: shredded for good. */
    static final class EpochDestroyed extends RuntimeException {
        EpochDestroyed(long epoch) {
            super("The keys of epoch " + epoch + " were destroyed");
        }
    }
}
