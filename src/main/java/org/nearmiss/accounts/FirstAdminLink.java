package org.nearmiss.accounts;

import java.io.PrintStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
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
    private final Environment environment;
    private final PrintStream console;

    @Autowired
    FirstAdminLink(Accounts accounts, Environment environment) {
        this(accounts, environment, System.out);
    }

    FirstAdminLink(Accounts accounts, Environment environment, PrintStream console) {
        this.accounts = accounts;
        this.environment = environment;
        this.console = console;
    }

    @EventListener(ApplicationReadyEvent.class)
    void printWhenNoAdmin() {
        accounts.firstAdminToken().ifPresent(token -> {
            String link = baseUrl() + "/join/" + token;
            console.println();
            console.println("  No admin account yet. To become the first admin, open within 24 hours:");
            console.println();
            console.println("    " + link);
            console.println();
            console.println("  The link works once; restarting prints a new one.");
            console.println();
        });
    }

    private String baseUrl() {
        String configured = environment.getProperty("nearmiss.base-url");
        if (configured != null && !configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        return "http://localhost:"
                + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
    }
}
