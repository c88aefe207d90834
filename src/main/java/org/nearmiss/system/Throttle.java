package org.nearmiss.system;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns away floods without remembering who sent them. Each client is counted under a keyed hash of
 * its address with a random salt that lives only in memory for one window; when the window ends the
 * salt and every count are dropped, so no identifier survives it and nothing is ever written down.
 */
@Component
public class Throttle {

    /** The kinds of request counted separately. */
    public enum Action {
        FILE,
        LOOKUP,
        SIGN_IN
    }

    /** Beyond this many clients in one window, the counts start over rather than grow without bound. */
    private static final int MAX_CLIENTS = 100_000;

    private final NearmissProperties.Throttling limits;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private volatile Window window;

    @Autowired
    Throttle(NearmissProperties properties) {
        this(properties.throttle(), Clock.systemUTC());
    }

    Throttle(NearmissProperties.Throttling limits, Clock clock) {
        this.limits = limits;
        this.clock = clock;
        this.window = newWindow(clock.millis());
    }

    /**
     * Counts this request against its client's allowance.
     *
     * @throws TooManyRequests when the client has used up its allowance for the current window
     */
    public void admit(Action action, HttpServletRequest request) {
        admit(action, request.getRemoteAddr());
    }

    void admit(Action action, String clientAddress) {
        Window current = currentWindow();
        String client = current.pseudonym(action, clientAddress);
        int count =
                current.counts.computeIfAbsent(client, c -> new AtomicInteger()).incrementAndGet();
        if (count > limitOf(action)) {
            throw new TooManyRequests(current.retryAfterSeconds(clock.millis()));
        }
    }

    private int limitOf(Action action) {
        return switch (action) {
            case FILE -> limits.filings();
            case LOOKUP -> limits.lookups();
            case SIGN_IN -> limits.signIns();
        };
    }

    private Window currentWindow() {
        long now = clock.millis();
        Window current = window;
        if (now >= current.endsAt || current.counts.size() > MAX_CLIENTS) {
            synchronized (this) {
                if (window == current) {
                    window = newWindow(now);
                }
                current = window;
            }
        }
        return current;
    }

    private Window newWindow(long now) {
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        return new Window(salt, now + limits.window().toMillis());
    }

    private static final class Window {
        private final SecretKeySpec salt;
        private final long endsAt;
        private final ConcurrentHashMap<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        private Window(byte[] salt, long endsAt) {
            this.salt = new SecretKeySpec(salt, "HmacSHA256");
            this.endsAt = endsAt;
        }

        private String pseudonym(Action action, String clientAddress) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(salt);
                mac.update(action.name().getBytes(StandardCharsets.US_ASCII));
                byte[] digest = mac.doFinal(String.valueOf(clientAddress).getBytes(StandardCharsets.UTF_8));
                return java.util.HexFormat.of().formatHex(digest, 0, 16);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is unavailable", e);
            }
        }

        private long retryAfterSeconds(long now) {
            return Math.max(1, (endsAt - now + 999) / 1000);
        }
    }

    /** A client sent more requests of one kind than a window allows. */
    public static final class TooManyRequests extends RuntimeException {

        private final long retryAfterSeconds;

        TooManyRequests(long retryAfterSeconds) {
            super("Too many requests; try again in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
