package org.nearmiss.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nearmiss.testing.TempDataDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** Without an SMTP server, mail lands in the data dir's outbox, for its owner's eyes only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ContextConfiguration(initializers = TempDataDir.class)
class MailerTests {

    @Autowired
    org.nearmiss.system.Mailer mailer;

    @Value("${" + TempDataDir.PROPERTY + "}")
    Path dataDir;

    @Test
    void mailIsWrittenToTheOutboxReadableByItsOwnerAlone() throws Exception {
        mailer.send("pat@county.gov", "Confirm", "Open http://localhost:8080/join/abc\n");

        Path outbox = dataDir.resolve("outbox");
        List<Path> mails;
        try (var files = Files.list(outbox)) {
            mails = files.toList();
        }
        assertThat(mails).hasSize(1);
        assertThat(Files.readString(mails.getFirst()))
                .contains("To: pat@county.gov")
                .contains("/join/abc");
        assertThat(Files.getPosixFilePermissions(mails.getFirst()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(outbox)).doesNotContain(PosixFilePermission.OTHERS_READ);
    }
}
