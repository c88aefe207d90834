package org.nearmiss.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The application as a separate process on this test's class path, so a test can kill it as the
 * operating system would (SIGKILL) and start it again on the same data.
 */
public final class AppProcess implements AutoCloseable {

    private final List<String> command;
    private final Path log;
    private final int port;
    private Process process;

    public AppProcess(Path dataDir, List<String> extraArgs, Path log) {
        this.port = freePort();
        this.log = log;
        this.command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "org.nearmiss.NearmissApplication",
                "--server.port=" + port,
                "--nearmiss.data-dir=" + dataDir,
                "--nearmiss.throttle.filings=10000000",
                "--nearmiss.throttle.lookups=10000000",
                "--nearmiss.intake.status-floor=0ms"));
        this.command.addAll(extraArgs);
    }

    public int port() {
        return port;
    }

    /** Starts the process and waits until its health check answers UP. */
    public AppProcess start() {
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Http http = new Http(port);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited while starting; see " + log);
            }
            try {
                if (http.get("/actuator/health").body().contains("UP")) {
                    return this;
                }
            } catch (RuntimeException notYet) {
                // Not listening yet.
            }
            sleep(200);
        }
        throw new IllegalStateException("The application did not become healthy; see " + log);
    }

    /** Kills the process at once, as {@code kill -9} does: no shutdown hook, no flush. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
