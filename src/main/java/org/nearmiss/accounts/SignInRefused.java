package org.nearmiss.accounts;

/**
 * A sign-in step failed. Says the same for a wrong password, an unknown address, a disabled or a
 * locked account, so the answer never tells which addresses have accounts.
 */
public class SignInRefused extends RuntimeException {

    public SignInRefused() {
        super("The e-mail address, password or code is not right, or the account is locked for a while.");
    }
}
