package org.nearmiss.system;

import java.util.List;
import java.util.UUID;

/**
 * A module's stored data keys, as {@link KeyRotation} needs them to move every live key to a new
 * epoch: implemented by each repository that stores a {@link Vault.DataKey}'s wrapped form.
 */
public interface DataKeyHolder {

    /** A stored wrapped key and the owner it was made for. */
    record Stored(UUID owner, byte[] wrapped) {}

    /** Every wrapped key stored now. */
    List<Stored> keys();

    /**
     * Stores the re-wrapped form of a key, unless the stored key changed meanwhile (shredded or
     * replaced); says whether it was stored.
     */
    boolean replace(Stored stored, byte[] rewrapped);
}
