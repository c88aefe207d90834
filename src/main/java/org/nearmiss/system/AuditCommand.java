package org.nearmiss.system;

import org.springframework.stereotype.Component;
import picocli.CommandLine;

/**
 * {@code audit verify [--checkpoints FILE]}: checks the audit log's keyed chain (and the checkpoints
 * kept outside the database); exit code 1 and the first broken entry if it is broken. {@code audit
 * checkpoint}: prints the head to keep.
 */
@Component
@CommandLine.Command(name = "audit", description = "Audit log tools.", subcommands = CommandLine.HelpCommand.class)
class AuditCommand implements NearmissCommand {

    private final AuditLog audit;
    private final AuditCheckpoints checkpointsKept;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    AuditCommand(AuditLog audit, AuditCheckpoints checkpointsKept) {
        this.audit = audit;
        this.checkpointsKept = checkpointsKept;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 2;
    }

    @CommandLine.Command(
            name = "verify",
            description = "Recomputes the keyed chain and names the first broken entry; with checkpoints, also"
                    + " finds entries removed from the end.")
    int verify(
            @CommandLine.Option(
                            names = "--checkpoints",
                            paramLabel = "FILE",
                            description =
                                    "A file of checkpoints (`seq hash` a line); default: nearmiss.audit.checkpoint-file")
                    java.nio.file.Path file) {
        java.util.List<AuditLog.Checkpoint> checkpoints =
                file != null ? AuditCheckpoints.read(file) : checkpointsKept.recorded();
        AuditLog.Verification verification = audit.verify(checkpoints);
        if (verification.intact()) {
            spec.commandLine()
                    .getOut()
                    .println("Audit log intact: " + verification.checked() + " entries, " + checkpoints.size()
                            + " checkpoints held.");
            return 0;
        }
        spec.commandLine()
                .getOut()
                .println("Audit log broken at entry "
                        + verification.firstBroken().get()
                        + ": it, or one before it, was changed or removed (or the master key is not the one"
                        + " that wrote it).");
        return 1;
    }

    @CommandLine.Command(
            name = "checkpoint",
            description = "Prints the head of the log (`seq hash`) to keep outside the database.")
    int checkpoint() {
        spec.commandLine().getOut().println(audit.checkpoint());
        return 0;
    }
}
