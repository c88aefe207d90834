package org.nearmiss.system;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the system's few e-mails (sign-up confirmations, invitations, password resets). Over SMTP
 * when {@code SPRING_MAIL_HOST} is set; otherwise, on the embedded default, each mail is written to
 * {@code data/outbox/} (readable by its owner alone) and its link printed to the console, so a
 * single-machine trial works without a mail server. Never used for reporters, who have no address.
 */
@Component
public class Mailer {

    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final ObjectProvider<JavaMailSender> smtp;
    private final Path outbox;
    private final String from;
    private final Clock clock;
    private final PrintStream console;

    @Autowired
    Mailer(ObjectProvider<JavaMailSender> smtp, NearmissProperties properties, Environment environment, Clock clock) {
        this(
                smtp,
                properties.dataDir().resolve("outbox"),
                environment.getProperty("nearmiss.mail.from", "nearmiss@localhost"),
                clock,
                System.out);
    }

    Mailer(ObjectProvider<JavaMailSender> smtp, Path outbox, String from, Clock clock, PrintStream console) {
        this.smtp = smtp;
        this.outbox = outbox;
        this.from = from;
        this.clock = clock;
        this.console = console;
    }

    /** Sends a plain-text mail. */
    public void send(String to, String subject, String text) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender != null) {
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(to);
            message.setSubject(subject);
            message.setText(text);
            sender.send(message);
            return;
        }
        writeToOutbox(to, subject, text);
    }

    private void writeToOutbox(String to, String subject, String text) {
        try {
            if (!Files.isDirectory(outbox)) {
                Files.createDirectories(
                        outbox, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Path file = outbox.resolve(FILE_TIME.format(clock.instant()) + "-" + UUID.randomUUID() + ".eml");
            String mail = "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject
                    + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + text.replace("\n", "\r\n");
            Files.writeString(file, mail, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            console.println();
            console.println("  No SMTP server configured (SPRING_MAIL_HOST): mail to " + to + " written to " + file);
            text.lines().filter(line -> line.contains("://")).forEach(link -> console.println("    " + link.strip()));
            console.println();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the outbox " + outbox, e);
        }
    }
}
