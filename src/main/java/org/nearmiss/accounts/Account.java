package org.nearmiss.accounts;

import java.time.Instant;
import java.time.LocalDate;

/** An account as stored; the TOTP secret stays sealed here and is opened only to check a code. */
record Account(
        AccountId id,
        String email,
        String displayName,
        Role role,
        String passwordHash,
        byte[] sealedTotpSecret,
        byte[] totpKey,
        long totpLastStep,
        boolean enabled,
        int failedLogins,
        Instant lockedUntil,
        LocalDate createdOn) {

    boolean hasSecondFactor() {
        return sealedTotpSecret != null;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    SignedIn signedIn() {
        return new SignedIn(id, email, displayName, role);
    }
}
