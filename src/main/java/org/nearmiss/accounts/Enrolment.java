package org.nearmiss.accounts;

import java.io.Serial;
import java.io.Serializable;

/**
 * A second factor being set up: the secret to scan, until a first code confirms it. Kept in the
 * signing-in person's session only, never in the account until confirmed.
 */
public record Enrolment(AccountId accountId, byte[] secret, String secretText, String qrCodeDataUri)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
}
