package org.nearmiss.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives an application context under test a data dir of its own (embedded H2 database and master
 * key file included), deleted when the context closes.
 */
public class TempDataDir implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY = "nearmiss.data-dir";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            Path dir = Files.createTempDirectory("nearmiss-data-");
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("tempDataDir", Map.of(PROPERTY, dir.toString())));
            context.addApplicationListener((ApplicationListener<ContextClosedEvent>) closed -> delete(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every byte of every file under the data dir, as text, to search it for what must not be there. */
    public static String everyFileIn(Path dir) throws IOException {
        StringBuilder all = new StringBuilder();
        try (var paths = Files.walk(dir)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                all.append(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        return all.toString();
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary folder is harmless.
        }
    }
}
