package org.nearmiss.library;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.nearmiss.review.ReportPublished;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the running server's library index in step: on start (a missing index is rebuilt), right
 * after each publication commits, and every few seconds for publications made on other nodes.
 * Catching up runs on one thread of its own; a burst of publications is caught up in one go.
 */
@Component
@ConditionalOnWebApplication
class LibraryIndexKeeper implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LibraryIndexKeeper.class);

    private final LibraryIndex index;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("library-index").daemon(true).factory());
    private final AtomicBoolean queued = new AtomicBoolean();

    LibraryIndexKeeper(LibraryIndex index) {
        this.index = index;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        request();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ReportPublished published) {
        request();
    }

    @Scheduled(fixedDelayString = "${nearmiss.library.poll-every:PT5S}", initialDelayString = "PT5S")
    void poll() {
        request();
    }

    private void request() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                try {
                    index.catchUp();
                } catch (RuntimeException e) {
                    // The database may be briefly away; the next poll tries again.
                    log.warn(
                            "The library index could not catch up: {}",
                            e.getClass().getName());
                }
            });
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
