package org.nearmiss.accounts;

import java.io.Serializable;
import java.util.UUID;

/** The identity of an account. */
public record AccountId(UUID value) implements Serializable {

    public static AccountId random() {
        return new AccountId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
