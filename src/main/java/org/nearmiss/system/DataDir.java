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
 * database, the master key file) writes into it; an existing one is closed to other users at every
 * start. Registered in {@code META-INF/spring.factories} so it
 * runs before the database is opened.
 */
public class DataDir implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String PROPERTY = "nearmiss.data-dir";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        create(Path.of(event.getEnvironment().getProperty(PROPERTY, "./data")));
    }

    /**
     * Creates the data dir for its owner alone, or closes an existing one to everyone else, with every
     * file and folder already in it: the database's and Lucene's files are made with the process's
     * umask, so the folder's own permissions are what keeps them from other users.
     */
    static void create(Path dir) {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            if (!Files.isDirectory(dir)) {
                if (posix) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                } else {
                    Files.createDirectories(dir);
                }
                return;
            }
            if (posix) {
                try (var paths = Files.walk(dir)) {
                    for (Path path : paths.toList()) {
                        Files.setPosixFilePermissions(path, Files.isDirectory(path) ? OWNER_DIR : OWNER_FILE);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data dir " + dir + " or close it to other users", e);
        }
    }

    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_DIR =
            PosixFilePermissions.fromString("rwx------");
    private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> OWNER_FILE =
            PosixFilePermissions.fromString("rw-------");
}
