package org.nearmiss.accounts;

import java.util.Locale;
import org.nearmiss.system.NearmissCommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/** {@code token --role READER --name NAME}: makes an automation token and prints it, once, on standard output. */
@Component
@CommandLine.Command(name = "token", description = "Creates an API token for automation and prints it once.")
class TokenCommand implements NearmissCommand {

    private final ApiTokens tokens;

    @CommandLine.Option(
            names = "--role",
            required = true,
            description = "READER, REVIEWER, APPROVER, ANALYST, COORDINATOR or ADMIN")
    String role;

    @CommandLine.Option(names = "--name", required = true, description = "What the token is for, to know it again")
    String name;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    TokenCommand(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Integer call() {
        Role chosen;
        try {
            chosen = Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            spec.commandLine()
                    .getErr()
                    .println("Unknown role " + role
                            + "; use one of READER, REVIEWER, APPROVER, ANALYST, COORDINATOR, ADMIN.");
            return 2;
        }
        try {
            spec.commandLine().getOut().println(tokens.createForAutomation(chosen, name));
            return 0;
        } catch (AccountProblem problem) {
            spec.commandLine().getErr().println(problem.getMessage());
            return 2;
        }
    }
}
