package org.nearmiss.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mails the embedded default wrote to {@code data/outbox/}, read as a recipient would. */
public final class Outbox {

    private Outbox() {}

    /** Every mail to this address, oldest name first. */
    public static List<String> to(Path dataDir, String email) {
        Path outbox = dataDir.resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (var files = Files.list(outbox)) {
            return files.sorted()
                    .map(Outbox::read)
                    .filter(m -> m.contains("To: " + email + "\r\n"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every mail to this address once one of them is as wanted, waiting up to five seconds for it:
     * password resets and sign-ups are mailed after the page has answered.
     */
    public static List<String> awaitTo(Path dataDir, String email, Predicate<String> wanted) {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (true) {
            List<String> mails = to(dataDir, email);
            if (mails.stream().anyMatch(wanted) || System.nanoTime() > until) {
                return mails;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return mails;
            }
        }
    }

    /** The token of the last join link mailed to this address. */
    public static String joinToken(Path dataDir, String email) {
        String token = null;
        for (String mail : to(dataDir, email)) {
            Matcher m = Pattern.compile("/join/([A-Za-z0-9_-]+)").matcher(mail);
            while (m.find()) {
                token = m.group(1);
            }
        }
        if (token == null) {
            throw new AssertionError("No join link was mailed to " + email);
        }
        return token;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
