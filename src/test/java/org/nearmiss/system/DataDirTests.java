package org.nearmiss.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirTests {

    @TempDir
    Path parent;

    @Test
    void theDataDirIsCreatedForItsOwnerAlone() throws Exception {
        Path dir = parent.resolve("a/data");

        DataDir.create(dir);

        assertThat(Files.getPosixFilePermissions(dir))
                .containsExactlyInAnyOrder(
                        PosixFilePermission.OWNER_READ,
                        PosixFilePermission.OWNER_WRITE,
                        PosixFilePermission.OWNER_EXECUTE);
    }

    @Test
    void anExistingDataDirOpenToOthersIsClosedToThemWithEverythingInIt() throws Exception {
        Path dir = parent.resolve("data");
        Files.createDirectories(dir.resolve("library-index"));
        Files.writeString(dir.resolve("nearmiss.mv.db"), "x");
        Files.writeString(dir.resolve("library-index/segments_1"), "x");
        for (Path path : new Path[] {dir, dir.resolve("library-index")}) {
            Files.setPosixFilePermissions(path, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(
                dir.resolve("nearmiss.mv.db"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        DataDir.create(dir);

        try (var paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                assertThat(Files.getPosixFilePermissions(path))
                        .as(path.toString())
                        .noneMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"));
            }
        }
    }
}
