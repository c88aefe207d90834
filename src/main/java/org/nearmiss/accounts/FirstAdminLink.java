package org.nearmiss.accounts;

import java.io.PrintStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When no admin exists, prints a one-time set-up link to the console (not the log, which may be
 * shipped elsewhere): opening it is all it takes to become the first admin. Each start prints a new
 * link and the old one stops working; once there is an admin, nothing is printed.
 */
@Component
@ConditionalOnWebApplication
class FirstAdminLink {

    private final Accounts accounts;
    private final Links links;
    private final PrintStream console;

    @Autowired
    FirstAdminLink(Accounts accounts, Links links) {
        this(accounts, links, System.out);
    }

    FirstAdminLink(Accounts accounts, Links links, PrintStream console) {
        this.accounts = accounts;
        this.links = links;
        this.console = console;
    }

    @EventListener(ApplicationReadyEvent.class)
    void printWhenNoAdmin() {
        accounts.firstAdminToken().ifPresent(token -> {
            String link = links.to("/join/" + token);
            console.println();
            console.println("  No admin account yet. To become the first admin, open within 24 hours:");
            console.println();
            console.println("    " + link);
            console.println();
            console.println("  The link works once; restarting prints a new one.");
            console.println();
        });
    }
}
