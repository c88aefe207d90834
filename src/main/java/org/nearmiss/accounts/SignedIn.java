package org.nearmiss.accounts;

import java.io.Serial;
import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who is signed in, as kept in the (database-backed) session. Its name is the e-mail address, which
 * is how sessions are found to end them all at once.
 */
public record SignedIn(AccountId id, String email, String displayName, Role role)
        implements AuthenticatedPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The name automation tokens sign in under: they stand for a script, not a person. */
    public static final String AUTOMATION_PREFIX = "token:";

    /** Whether this is an automation token (made by the {@code token} command) rather than a person. */
    public boolean automation() {
        return email.startsWith(AUTOMATION_PREFIX);
    }

    @Override
    public String getName() {
        return email;
    }
}
