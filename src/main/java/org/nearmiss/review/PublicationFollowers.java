package org.nearmiss.review;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * Keeps the running server's derived data in step with the publications: on start (a missing index
 * is rebuilt), right after each publication commits, and every few seconds for publications made on
 * other nodes. Each follower catches up on a thread of its own, so a slow one (embedding accounts)
 * never holds back a fast one (the search index); a burst of publications is caught up in one go.
 */
@Component
@ConditionalOnWebApplication
class PublicationFollowers implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PublicationFollowers.class);

    private final List<Keeper> keepers;

    PublicationFollowers(List<PublicationFollower> followers) {
        this.keepers = followers.stream().map(Keeper::new).toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        keepers.forEach(Keeper::request);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ReportPublished published) {
        keepers.forEach(Keeper::request);
    }

    @Scheduled(fixedDelayString = "${nearmiss.library.poll-every:PT5S}", initialDelayString = "PT5S")
    void poll() {
        keepers.forEach(Keeper::request);
    }

    @Override
    public void destroy() {
        keepers.forEach(k -> k.worker.shutdownNow());
    }

    private static final class Keeper {

        private final PublicationFollower follower;
        private final ExecutorService worker;
        private final AtomicBoolean queued = new AtomicBoolean();

        Keeper(PublicationFollower follower) {
            this.follower = follower;
            this.worker = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name(follower.name()).daemon(true).factory());
        }

        void request() {
            if (queued.compareAndSet(false, true)) {
                worker.execute(() -> {
                    queued.set(false);
                    try {
                        follower.catchUp();
                    } catch (RuntimeException e) {
                        // The database may be briefly away; the next poll tries again.
                        log.warn(
                                "{} could not catch up: {}",
                                follower.name(),
                                e.getClass().getName());
                    }
                });
            }
        }
    }
}
