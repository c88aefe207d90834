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
}
