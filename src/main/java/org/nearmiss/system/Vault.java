package org.nearmiss.system;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Envelope encryption of free text at rest: each owner (a report) gets its own AES-256 data key,
 * stored only wrapped by the master key. Deleting the wrapped key destroys everything sealed with it
 * (crypto-shredding). Every ciphertext is bound to its owner's id, so it cannot be moved to another
 * row and opened there.
 */
@Component
public class Vault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MasterKey master;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    public Vault(NearmissProperties properties) {
        this(MasterKey.load(properties.masterKey(), properties.dataDir()));
    }

    Vault(MasterKey master) {
        this.master = master;
    }

    /** A fresh data key for an owner; store {@link DataKey#wrapped()} and {@link #masterKeyId()} beside it. */
    public DataKey newDataKey(UUID owner) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        byte[] wrapped = encrypt(master.secret(), key, owner);
        return new DataKey(new SecretKeySpec(key, "AES"), wrapped, owner);
    }

    /** The data key of an owner, from its stored wrapped form. */
    public DataKey unwrap(UUID owner, byte[] wrapped) {
        return new DataKey(new SecretKeySpec(decrypt(master.secret(), wrapped, owner), "AES"), wrapped, owner);
    }

    /** A key for one purpose (the audit log's chain), derived from the master key and never stored. */
    byte[] derivedKey(String purpose) {
        return master.derive(purpose);
    }

    /** The fingerprint of the master key in use, stored with each wrapped key to catch a wrong key early. */
    public String masterKeyId() {
        return master.id();
    }

    private byte[] encrypt(SecretKey key, byte[] plain, UUID owner) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(bytesOf(owner));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] sealed, UUID owner) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(bytesOf(owner));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new SealBroken(e);
        }
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

        /** The data key wrapped by the master key: the only form that is ever stored. */
        public byte[] wrapped() {
            return wrapped.clone();
        }

        public byte[] seal(byte[] plain) {
            return encrypt(key, plain, owner);
        }

        public byte[] open(byte[] sealed) {
            return decrypt(key, sealed, owner);
        }
    }

    /** A ciphertext or wrapped key that does not open: tampered with, moved, or wrapped by another master key. */
    public static final class SealBroken extends RuntimeException {
        SealBroken(Throwable cause) {
            super("Sealed data does not open with this key", cause);
        }
    }
}
