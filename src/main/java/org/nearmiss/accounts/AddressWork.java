package org.nearmiss.accounts;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The work behind what anyone may ask about an e-mail address (a password reset, a reader's
 * sign-up): looking the address up, storing a token, mailing. It is done after the page has
 * answered, so the answer takes as long whether the address has an account or not; done in the
 * request, it told them apart by time (21 ms against 14 for a reset). Each piece of work starts a
 * moment (0.2 to 1 s, at random) after it was asked for: started at once, the work for a known
 * address ran beside its own answer on a two-core machine and still made that answer 2 ms slower.
 * One worker, in the order asked; a failure is logged by its type alone, never with the address or
 * its message.
 */
@Component
class AddressWork implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AddressWork.class);
    /** Far more than the sign-in throttle lets through; past it a request is dropped and logged, whatever its address. */
    private static final int WAITING_AT_MOST = 10_000;

    private static final long LEAST_DELAY_NANOS = Duration.ofMillis(200).toNanos();
    private static final long MOST_DELAY_NANOS = Duration.ofSeconds(1).toNanos();

    private final Consumer<Runnable> run;
    private final ExecutorService worker;
    private final boolean delayed;

    @Autowired
    AddressWork() {
        this.worker = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(WAITING_AT_MOST),
                Thread.ofPlatform().name("address-work").daemon().factory());
        this.run = worker::execute;
        this.delayed = true;
    }

    /** Work handed to the given executor instead, as tests do to see what is left for after the answer. */
    AddressWork(Consumer<Runnable> executor) {
        this.worker = null;
        this.run = executor;
        this.delayed = false;
    }

    void later(String what, Runnable work) {
        long due = System.nanoTime()
                + (delayed ? ThreadLocalRandom.current().nextLong(LEAST_DELAY_NANOS, MOST_DELAY_NANOS) : 0);
        try {
            run.accept(() -> {
                try {
                    waitUntil(due);
                    work.run();
                } catch (RuntimeException failed) {
                    log.error("Could not finish {}: {}", what, failed.getClass().getName());
                }
            });
        } catch (RejectedExecutionException full) {
            log.error("Dropped {}: {} requests are waiting already", what, WAITING_AT_MOST);
        }
    }

    /** Waits out what is left of the delay; work that waited in line that long already starts at once. */
    private static void waitUntil(long due) {
        long left = due - System.nanoTime();
        if (left > 0) {
            LockSupport.parkNanos(left);
        }
    }

    /** Lets what was asked before the application stops finish, for a few seconds. */
    @Override
    public void destroy() throws InterruptedException {
        if (worker != null) {
            worker.shutdown();
            worker.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
