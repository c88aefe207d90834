package org.nearmiss.accounts;

import java.time.Instant;
import org.apache.commons.codec.binary.Base32;

/** For tests outside this package: the authenticator code of a Base32 secret, as an app would show it now. */
public final class Totps {

    private Totps() {}

    public static String codeNow(String base32Secret) {
        return new Totp().codeAt(new Base32().decode(base32Secret), Instant.now());
    }
}
