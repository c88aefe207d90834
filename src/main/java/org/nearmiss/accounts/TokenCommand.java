package org.nearmiss.accounts;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.nearmiss.system.NearmissCommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/**
 * Automation tokens on the command line: {@code token --role READER --name NAME [--days 90]} makes one
 * and prints it, once, on standard output; {@code token --list} lists them (never the tokens
 * themselves); {@code token --revoke ID} revokes one.
 */
@Component
@CommandLine.Command(
        name = "token",
        description = "Creates an API token for automation and prints it once; lists or revokes them.")
class TokenCommand implements NearmissCommand {

    // Every option names its default: this one object serves every run, and picocli restores defaults
    // before each parse only where they are declared.

    private final ApiTokens tokens;

    @CommandLine.Option(
            names = "--role",
            defaultValue = CommandLine.Option.NULL_VALUE,
            description = "READER, REVIEWER, APPROVER, ANALYST, COORDINATOR or ADMIN")
    String role;

    @CommandLine.Option(
            names = "--name",
            defaultValue = CommandLine.Option.NULL_VALUE,
            description = "What the token is for, to know it again")
    String name;

    @CommandLine.Option(
            names = "--days",
            defaultValue = "" + ApiTokens.DEFAULT_DAYS,
            description = "How many days the token works (1 to " + ApiTokens.MAX_DAYS + "; default ${DEFAULT-VALUE})")
    int days;

    @CommandLine.Option(names = "--list", defaultValue = "false", description = "Lists the automation tokens")
    boolean list;

    @CommandLine.Option(
            names = "--revoke",
            paramLabel = "ID",
            description = "Revokes the automation token with this id")
    String revoke;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Clock clock;

    TokenCommand(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Integer call() {
        if (list) {
            return list();
        }
        if (revoke != null) {
            return revoke();
        }
        if (role == null || name == null) {
            return refuse("Give --role and --name to make a token, or --list, or --revoke ID.");
        }
        Role chosen;
        try {
            chosen = Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return refuse(
                    "Unknown role " + role + "; use one of READER, REVIEWER, APPROVER, ANALYST, COORDINATOR, ADMIN.");
        }
        try {
            spec.commandLine().getOut().println(tokens.createForAutomation(chosen, name, days));
            return 0;
        } catch (AccountProblem problem) {
            return refuse(problem.getMessage());
        }
    }

    private int list() {
        LocalDate today = LocalDate.now(clock);
        for (ApiTokens.Listed token : tokens.automation()) {
            spec.commandLine()
                    .getOut()
                    .printf(
                            "%s  %-11s %-8s made %s  expires %s  %s%n",
                            token.id(),
                            token.role(),
                            token.activeOn(today) ? "active" : token.revoked() ? "revoked" : "expired",
                            token.createdOn(),
                            token.expiresOn(),
                            token.name());
        }
        return 0;
    }

    private int revoke() {
        UUID id;
        try {
            id = UUID.fromString(revoke.strip());
        } catch (IllegalArgumentException e) {
            return refuse("Not a token id: give the id that token --list shows.");
        }
        if (!tokens.revokeAutomation(id)) {
            return refuse("No active automation token has this id.");
        }
        spec.commandLine().getOut().println("Revoked " + id);
        return 0;
    }

    private int refuse(String why) {
        spec.commandLine().getErr().println(why);
        return 2;
    }
}
