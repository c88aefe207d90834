package org.nearmiss.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the audit log's head outside the database, so that removing the newest entries is found: every
 * {@code nearmiss.audit.checkpoint-every} the head, when it moved, is appended to {@code
 * nearmiss.audit.checkpoint-file} and mailed to {@code nearmiss.audit.checkpoint-mail}, if set. The
 * admin's audit page and {@code audit verify} check the chain against the file.
 */
@Component
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private final AuditLog audit;
    private final Mailer mailer;
    private final Optional<Path> file;
    private final Optional<String> mail;
    private volatile AuditLog.Checkpoint lastKept;

    AuditCheckpoints(AuditLog audit, Mailer mailer, NearmissProperties properties) {
        this.audit = audit;
        this.mailer = mailer;
        NearmissProperties.Audit settings = properties.audit();
        this.file = settings == null ? Optional.empty() : Optional.ofNullable(settings.checkpointFile());
        this.mail = settings == null
                ? Optional.empty()
                : Optional.ofNullable(settings.checkpointMail()).filter(m -> !m.isBlank());
    }

    /** Whether any place outside the database keeps checkpoints. */
    public boolean kept() {
        return file.isPresent() || mail.isPresent();
    }

    @Scheduled(fixedDelayString = "${nearmiss.audit.checkpoint-every:PT1H}", initialDelayString = "PT1M")
    void keep() {
        try {
            keepNow();
        } catch (RuntimeException e) {
            // Tried again on the next run; the database or the file's disk may be briefly away.
            log.warn("Audit checkpoint not kept: {}", e.getClass().getName());
        }
    }

    /** Keeps the head now, if it moved since the last checkpoint kept; returns it. */
    public AuditLog.Checkpoint keepNow() {
        AuditLog.Checkpoint head = audit.checkpoint();
        if (!kept() || head.equals(lastKept) || head.seq() == 0) {
            return head;
        }
        file.ifPresent(path -> append(path, head));
        mail.ifPresent(address -> mailer.send(
                address,
                "Nearmiss audit checkpoint " + head.seq(),
                "Keep this line. If the audit log is ever shortened or rewritten, `audit verify` finds it"
                        + " against checkpoints like this one:\n\n" + head + "\n"));
        lastKept = head;
        return head;
    }

    /** The checkpoints in the configured file; none when there is no file yet. */
    public List<AuditLog.Checkpoint> recorded() {
        return file.map(AuditCheckpoints::read).orElse(List.of());
    }

    /** Reads checkpoints, one {@code seq hash} a line; other lines are skipped. */
    public static List<AuditLog.Checkpoint> read(Path path) {
        if (!Files.exists(path)) {
            return List.of();
        }
        try (var lines = Files.lines(path, StandardCharsets.US_ASCII)) {
            return lines.map(AuditLog.Checkpoint::parse)
                    .flatMap(Optional::stream)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit checkpoints " + path, e);
        }
    }

    private static void append(Path path, AuditLog.Checkpoint head) {
        try {
            Files.writeString(
                    path,
                    head + "\n",
                    StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit checkpoint file", e);
        }
    }
}
