package org.nearmiss.library;

import java.util.List;
import java.util.UUID;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Accounts;
import org.nearmiss.accounts.Links;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.review.Publications;
import org.nearmiss.review.ReportPublished;
import org.nearmiss.system.Mailer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The opt-in weekly digest: each subscriber is mailed the titles and first lessons of what was
 * published since their last digest, with links. Each digest is claimed in the database before it
 * is sent, so of several nodes running the job only one sends it.
 */
@Component
public class Digest {

    static final int MOST = 20;
    private static final Logger log = LoggerFactory.getLogger(Digest.class);

    private final JdbcClient jdbc;
    private final Publications publications;
    private final Accounts accounts;
    private final Mailer mailer;
    private final Links links;

    Digest(JdbcClient jdbc, Publications publications, Accounts accounts, Mailer mailer, Links links) {
        this.jdbc = jdbc;
        this.publications = publications;
        this.accounts = accounts;
        this.mailer = mailer;
        this.links = links;
    }

    public boolean subscribed(SignedIn who) {
        return !who.automation()
                && jdbc.sql("select count(*) from digest_subscription where account_id = ?")
                                .param(who.id().value())
                                .query(Long.class)
                                .single()
                        > 0;
    }

    /** Starts the digest from what is published now: the first mail holds what comes after. */
    public void subscribe(SignedIn who) {
        if (who.automation() || subscribed(who)) {
            return;
        }
        jdbc.sql("insert into digest_subscription (account_id, last_sequence) values (?, ?)")
                .params(who.id().value(), publications.lastSequence())
                .update();
    }

    public void unsubscribe(SignedIn who) {
        jdbc.sql("delete from digest_subscription where account_id = ?")
                .param(who.id().value())
                .update();
    }

    /**
     * Mails every subscriber who has something new (every Monday at 06:00 by default).
     *
     * @return how many digests were sent
     */
    @Scheduled(cron = "${nearmiss.library.digest-cron:0 0 6 * * MON}")
    public int sendDue() {
        record Subscription(UUID account, long last) {}
        List<Subscription> subscriptions = jdbc.sql("select account_id, last_sequence from digest_subscription")
                .query((rs, n) -> new Subscription(rs.getObject(1, UUID.class), rs.getLong(2)))
                .list();
        int sent = 0;
        for (Subscription s : subscriptions) {
            try {
                List<ReportPublished> news = publications.after(s.last(), MOST);
                if (news.isEmpty()) {
                    continue;
                }
                SignedIn who = accounts.signedIn(new AccountId(s.account()));
                long upTo = publications.lastSequence();
                boolean claimed = jdbc.sql("update digest_subscription set last_sequence = ?"
                                        + " where account_id = ? and last_sequence = ?")
                                .params(upTo, s.account(), s.last())
                                .update()
                        == 1;
                if (claimed) {
                    mailer.send(who.email(), "Nearmiss: new near misses", text(news, upTo - s.last()));
                    sent++;
                }
            } catch (RuntimeException e) {
                // A disabled account or a mail server away: the next run tries again.
                log.warn("A digest was not sent: {}", e.getClass().getName());
            }
        }
        return sent;
    }

    private String text(List<ReportPublished> news, long total) {
        StringBuilder text = new StringBuilder("New in the Nearmiss library");
        text.append(total > news.size() ? " (the newest " + news.size() + " of " + total + ")" : "")
                .append(":\n\n");
        for (ReportPublished p : news.reversed()) {
            text.append("- ")
                    .append(p.title() == null ? p.publicId() : p.title())
                    .append('\n');
            if (!p.lessons().isEmpty()) {
                text.append("  Lesson: ").append(p.lessons().getFirst()).append('\n');
            }
            text.append("  ")
                    .append(links.to("/library/reports/" + p.publicId()))
                    .append("\n\n");
        }
        text.append("You get this because you asked for it. Stop it at ")
                .append(links.to("/library/digest"))
                .append('\n');
        return text.toString();
    }
}
