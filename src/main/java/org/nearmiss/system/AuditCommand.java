package org.nearmiss.system;

import org.springframework.stereotype.Component;
import picocli.CommandLine;

/** {@code audit verify}: checks the audit log's hash chain; exit code 1 and the first broken entry if it is broken. */
@Component
@CommandLine.Command(name = "audit", description = "Audit log tools.", subcommands = CommandLine.HelpCommand.class)
class AuditCommand implements NearmissCommand {

    private final AuditLog audit;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    AuditCommand(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    @CommandLine.Command(name = "verify", description = "Recomputes the hash chain and names the first broken entry.")
    int verify() {
        AuditLog.Verification verification = audit.verify();
        if (verification.intact()) {
            spec.commandLine().getOut().println("Audit log intact: " + verification.checked() + " entries.");
            return 0;
        }
        spec.commandLine()
                .getOut()
                .println("Audit log broken at entry "
                        + verification.firstBroken().get() + ": it, or one before it, was changed or removed.");
        return 1;
    }
}
