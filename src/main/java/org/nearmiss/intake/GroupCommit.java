package org.nearmiss.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commits filings in groups: reports filed at the same moment share one transaction, the reports and
 * their data keys each written with one batched statement (the review queue still adds a case per
 * report), so a busy hour costs the database one commit per group instead of one per report. Each filing still returns only after its own report has been committed, so a report key
 * is never shown for a report that could be lost. A group that fails for any reason but an unreachable
 * database is written again one report at a time, so a report never fails because of its neighbours.
 *
 * <p>Two writers work side by side, each on its own group; when nobody else is filing, a group is one report and
 * waits for nothing.
 */
@Component
class GroupCommit implements SmartLifecycle {

    static final int MAX_GROUP = 64;
    private static final int WRITERS = 2;
    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final Reports reports;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;

    GroupCommit(Reports reports, TransactionTemplate transactions, ApplicationEventPublisher events) {
        this.reports = reports;
        this.transactions = transactions;
        this.events = events;
    }

    /** A filing waiting for its group to commit. */
    record Waiting(Reports.NewReport report, CompletableFuture<Void> committed) {}

    /**
     * Stores the report and returns once it is committed. Inside a caller's transaction, or while the
     * application is not running, the report is written at once in the caller's thread instead.
     *
     * @throws RuntimeException whatever storing the report threw; nothing of it is stored then
     */
    void write(Reports.NewReport report) {
        if (!running || TransactionSynchronizationManager.isActualTransactionActive()) {
            store(List.of(report));
            return;
        }
        Waiting waiting = new Waiting(report, new CompletableFuture<>());
        queue.add(waiting);
        try {
            while (true) {
                try {
                    waiting.committed().get(1, TimeUnit.SECONDS);
                    return;
                } catch (TimeoutException stillQueued) {
                    // The writers stopped before taking it (the application is shutting down).
                    if (!running && queue.remove(waiting)) {
                        store(List.of(report));
                        return;
                    }
                }
            }
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException e) {
                throw e;
            }
            if (failed.getCause() instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the report was being stored", e);
        }
    }

    private void store(List<Reports.NewReport> group) {
        transactions.executeWithoutResult(tx -> {
            reports.addAll(group);
            for (Reports.NewReport report : group) {
                events.publishEvent(
                        new ReportFiled(report.id(), report.answers().questionnaireVersion()));
            }
        });
    }

    private void writeGroups() {
        List<Waiting> group = new ArrayList<>(MAX_GROUP);
        while (running || !queue.isEmpty()) {
            try {
                Waiting first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                commit(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                group.clear();
            }
        }
    }

    /** Writes one group and tells each of its filings how it went. */
    void commit(List<Waiting> group) {
        try {
            store(group.stream().map(Waiting::report).toList());
            group.forEach(w -> w.committed().complete(null));
        } catch (Throwable failure) {
            if (group.size() == 1 || databaseUnreachable(failure)) {
                group.forEach(w -> w.committed().completeExceptionally(failure));
                return;
            }
            log.warn("A group of {} filings failed ({}); writing them one by one", group.size(), failure.getClass());
            for (Waiting waiting : group) {
                try {
                    store(List.of(waiting.report()));
                    waiting.committed().complete(null);
                } catch (Throwable alone) {
                    waiting.committed().completeExceptionally(alone);
                }
            }
        }
    }

    private static boolean databaseUnreachable(Throwable failure) {
        return failure instanceof DataAccessResourceFailureException
                || failure instanceof TransientDataAccessException
                || failure instanceof CannotCreateTransactionException
                || failure instanceof TransactionSystemException;
    }

    @Override
    public void start() {
        running = true;
        for (int i = 1; i <= WRITERS; i++) {
            writers.add(Thread.ofPlatform().daemon().name("intake-writer-" + i).start(this::writeGroups));
        }
    }

    /** Takes no new groups and waits for the writers to finish the filings already queued. */
    @Override
    public void stop() {
        running = false;
        for (Thread writer : writers) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        writers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started before the web server takes requests and stopped after it has finished them. */
    @Override
    public int getPhase() {
        return 0;
    }
}
