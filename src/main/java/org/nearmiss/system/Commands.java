package org.nearmiss.system;

import java.io.PrintWriter;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * Runs a command against the same configuration and database as the web application, without
 * starting the web server: {@code java -jar nearmiss.jar token --role READER --name NAME}. Output for
 * people and scripts goes to standard output; the log is kept to warnings.
 */
public final class Commands {

    private Commands() {}

    /** Whether the arguments name a command rather than options for the web application. */
    public static boolean isCommand(String[] args) {
        return args.length > 0 && (!args[0].startsWith("-") || args[0].equals("--help") || args[0].equals("-h"));
    }

    /** Runs the command the arguments name and returns its exit code. */
    public static int run(Class<?> application, String[] args) {
        try {
            return runIn(application, args);
        } catch (RuntimeException failed) {
            Throwable root = failed;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String why = String.valueOf(root.getMessage());
            System.err.println(
                    why.contains("already in use")
                            ? "The embedded database is in use by the running server: stop it first, or use PostgreSQL."
                            : "Could not start: " + root.getClass().getSimpleName());
            return 2;
        }
    }

    private static int runIn(Class<?> application, String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(Map.of(
                        "logging.level.root",
                        "warn",
                        // Lucene warns when its SIMD code is off or unavailable; a short import is best
                        // started with the quick compiler only (README), which turns it off knowingly.
                        "logging.level.org.apache.lucene.internal.vectorization",
                        "error",
                        "spring.session.jdbc.cleanup-cron",
                        "-"))
                .run()) {
            return commandLine(context).execute(args);
        }
    }

    static CommandLine commandLine(ConfigurableApplicationContext context) {
        CommandLine root = new CommandLine(new Root());
        context.getBeansOfType(NearmissCommand.class).values().forEach(root::addSubcommand);
        root.setOut(new PrintWriter(System.out, true));
        return root;
    }

    @CommandLine.Command(
            name = "nearmiss",
            mixinStandardHelpOptions = true,
            description = "Nearmiss commands. Without a command, java -jar nearmiss.jar starts the web application.")
    static final class Root implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().usage(spec.commandLine().getOut());
        }
    }
}
