/**
 * Everyone who signs in: staff (reviewers, approvers, analysts, admins), agency coordinators and
 * verified readers. Passwords and a mandatory TOTP second factor for staff and coordinators, the
 * first admin's set-up link, invitations, and sign-in throttling that keeps no address. Reporters
 * never have accounts, and nothing here can link an account to a report.
 */
@ApplicationModule(displayName = "Accounts", allowedDependencies = "system")
package org.nearmiss.accounts;

import org.springframework.modulith.ApplicationModule;
