package org.nearmiss.system;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Envelope encryption of free text at rest: each owner (a report) gets its own AES-256 data key,
 * stored only wrapped. Deleting the wrapped key destroys everything sealed with it (crypto-shredding).
 * Every ciphertext is bound to its owner's id, so it cannot be moved to another row and opened there.
 *
 * <p>A data key is wrapped under the key of an epoch ({@link EpochKeys}) together with the master key.
 * A database keeps stale copies of what it deleted (old pages, its log), so deleting a row alone does
 * not destroy a key for someone who holds the master key and the database's files. {@link KeyRotation}
 * therefore moves every live key to a new epoch after a report is shredded, and each node then forgets
 * the old epoch's key: every copy of the shredded key, wherever it lingers, is then beyond anyone's
 * reach. Keys wrapped by the master key alone (before epochs existed) are still read, and moved to an
 * epoch at the first rotation.
 */
@Component
public class Vault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte EPOCH_FORMAT = 2;
    private static final int HEADER_BYTES = 1 + Long.BYTES;
    /** A wrapped 32-byte key: nonce, ciphertext and tag. */
    private static final int WRAPPED_BYTES = NONCE_BYTES + 32 + TAG_BITS / 8;
    /** The epoch of keys wrapped by the master key alone. */
    public static final long MASTER_ONLY = -1;

    private final MasterKey master;
    private final EpochKeys epochs;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, SecretKey> wrappingKeys = new ConcurrentHashMap<>();

    @Autowired
    public Vault(NearmissProperties properties) {
        this(
                MasterKey.load(properties.masterKey(), properties.masterKeyFile(), properties.dataDir()),
                EpochKeys.load(
                        properties.epochKeyFile() != null
                                ? properties.epochKeyFile()
                                : properties.dataDir().resolve(EpochKeys.FILE_NAME)));
    }

    Vault(MasterKey master, EpochKeys epochs) {
        this.master = master;
        this.epochs = epochs;
    }

    Vault(MasterKey master, Path epochKeyFile) {
        this(master, EpochKeys.load(epochKeyFile));
    }

    /** A fresh data key for an owner, wrapped under the current epoch; store {@link DataKey#wrapped()}. */
    public DataKey newDataKey(UUID owner) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return new DataKey(new SecretKeySpec(key, "AES"), wrap(key, owner, epochs.current()), owner);
    }

    /** The data key of an owner, from its stored wrapped form. */
    public DataKey unwrap(UUID owner, byte[] wrapped) {
        return new DataKey(new SecretKeySpec(unwrapKey(owner, wrapped), "AES"), wrapped, owner);
    }

    /** The epoch a stored wrapped key belongs to; {@link #MASTER_ONLY} for one wrapped by the master key alone. */
    public static long epochOf(byte[] wrapped) {
        return isEpochFormat(wrapped) ? ByteBuffer.wrap(wrapped, 1, Long.BYTES).getLong() : MASTER_ONLY;
    }

    /** The same data key wrapped under another epoch. */
    byte[] rewrap(UUID owner, byte[] wrapped, long epoch) {
        return wrap(unwrapKey(owner, wrapped), owner, epoch);
    }

    /** The fingerprint of the master key in use, stored with each wrapped key to catch a wrong key early. */
    public String masterKeyId() {
        return master.id();
    }

    /** A key for one purpose (the audit log's chain), derived from the master key and never stored. */
    byte[] derivedKey(String purpose) {
        return master.derive(purpose);
    }

    EpochKeys epochs() {
        return epochs;
    }

    private byte[] wrap(byte[] key, UUID owner, long epoch) {
        byte[] header = ByteBuffer.allocate(HEADER_BYTES)
                .put(EPOCH_FORMAT)
                .putLong(epoch)
                .array();
        byte[] sealed = encrypt(wrappingKey(epoch), key, aad(owner, header));
        return ByteBuffer.allocate(HEADER_BYTES + sealed.length)
                .put(header)
                .put(sealed)
                .array();
    }

    private byte[] unwrapKey(UUID owner, byte[] wrapped) {
        if (!isEpochFormat(wrapped)) {
            return decrypt(master.secret(), wrapped, bytesOf(owner));
        }
        long epoch = epochOf(wrapped);
        byte[] header = Arrays.copyOf(wrapped, HEADER_BYTES);
        SecretKey key;
        try {
            key = wrappingKey(epoch);
        } catch (EpochKeys.EpochDestroyed gone) {
            throw new SealBroken(gone);
        }
        return decrypt(key, Arrays.copyOfRange(wrapped, HEADER_BYTES, wrapped.length), aad(owner, header));
    }

    private static boolean isEpochFormat(byte[] wrapped) {
        return wrapped.length == HEADER_BYTES + WRAPPED_BYTES && wrapped[0] == EPOCH_FORMAT;
    }

    /** The master key and the epoch's key together: neither alone unwraps anything. */
    private SecretKey wrappingKey(long epoch) {
        SecretKey cached = wrappingKeys.get(epoch);
        if (cached != null && epoch >= epochs.oldest()) {
            return cached;
        }
        byte[] epochKey = epochs.keyOf(epoch);
        byte[] label = ("nearmiss data keys of epoch " + epoch).getBytes(StandardCharsets.US_ASCII);
        byte[] material = EpochKeys.hmac(
                master.derive("data key wrapping"),
                ByteBuffer.allocate(label.length + epochKey.length)
                        .put(label)
                        .put(epochKey)
                        .array());
        SecretKey key = new SecretKeySpec(material, "AES");
        wrappingKeys.put(epoch, key);
        return key;
    }

    /** Drops the cached wrapping keys of epochs this node has forgotten. */
    void forgetCachedBefore(long epoch) {
        wrappingKeys.keySet().removeIf(e -> e < epoch);
    }

    private byte[] encrypt(SecretKey key, byte[] plain, byte[] aad) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] sealed, byte[] aad) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SealBroken(e);
        }
    }

    private static byte[] aad(UUID owner, byte[] header) {
        return ByteBuffer.allocate(16 + header.length)
                .put(bytesOf(owner))
                .put(header)
                .array();
    }

    private static byte[] bytesOf(UUID owner) {
        return ByteBuffer.allocate(16)
                .putLong(owner.getMostSignificantBits())
                .putLong(owner.getLeastSignificantBits())
                .array();
    }

    /** An owner's data key in memory, able to seal and open that owner's text. */
    public final class DataKey {

        private final SecretKey key;
        private final byte[] wrapped;
        private final UUID owner;

        private DataKey(SecretKey key, byte[] wrapped, UUID owner) {
            this.key = key;
            this.wrapped = wrapped;
            this.owner = owner;
        }

        /** The data key wrapped: the only form that is ever stored. */
        public byte[] wrapped() {
            return wrapped.clone();
        }

        public byte[] seal(byte[] plain) {
            return encrypt(key, plain, bytesOf(owner));
        }

        public byte[] open(byte[] sealed) {
            return decrypt(key, sealed, bytesOf(owner));
        }
    }

    /** A ciphertext or wrapped key that does not open: tampered with, moved, shredded, or wrapped by another key. */
    public static final class SealBroken extends RuntimeException {
        SealBroken(Throwable cause) {
            super("Sealed data does not open with this key", cause);
        }
    }
}
