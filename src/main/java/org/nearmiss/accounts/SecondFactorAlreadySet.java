package org.nearmiss.accounts;

/**
 * A first enrolment was asked for an account that has a second factor already. The password alone
 * never replaces a factor: that takes a complete sign-in, or an admin's audited reset.
 */
public class SecondFactorAlreadySet extends RuntimeException {

    public SecondFactorAlreadySet() {
        super("This account has a second factor already; sign in with it, or with a recovery code.");
    }
}
