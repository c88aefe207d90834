package org.nearmiss.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Creates the data dir, readable by the app's own user alone, before anything else (the embedded
 * database, the master key file) writes into it. Registered in {@code META-INF/spring.factories} so it
 * runs before the database is opened.
 */
public class DataDir implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String PROPERTY = "nearmiss.data-dir";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        create(Path.of(event.getEnvironment().getProperty(PROPERTY, "./data")));
    }

    static void create(Path dir) {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data dir " + dir, e);
        }
    }
}
