package org.nearmiss.system;

import java.util.Optional;
import org.springframework.security.core.Authentication;

/** Turns an API bearer token into the account and role it stands for; implemented where accounts live. */
public interface BearerTokens {

    /** The authentication of a valid, unrevoked token; empty for anything else. */
    Optional<Authentication> authenticate(String token);
}
