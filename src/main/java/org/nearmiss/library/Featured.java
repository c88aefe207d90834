package org.nearmiss.library;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.system.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The near miss of the week: a published report staff choose for roll call, shown at the top of the
 * library until another is chosen. One per week; choosing again in the same week replaces it.
 */
@Component
public class Featured {

    private final JdbcClient jdbc;
    private final LibraryIndex index;
    private final AuditLog audit;
    private final Clock clock;

    Featured(JdbcClient jdbc, LibraryIndex index, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.index = index;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether this account may choose the near miss of the week. */
    public static boolean mayChoose(SignedIn who) {
        return who != null && !who.automation() && (who.role() == Role.APPROVER || who.role() == Role.ADMIN);
    }

    /**
     * Makes a published report this week's near miss.
     *
     * @return false when no published report has this id
     */
    @Transactional
    public boolean choose(SignedIn who, String publicId) {
        if (!mayChoose(who)) {
            throw new IllegalArgumentException("Approvers and admins choose the near miss of the week");
        }
        if (index.find(publicId).isEmpty()) {
            return false;
        }
        LocalDate week = LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        jdbc.sql("delete from featured_report where week_start = ?").param(week).update();
        jdbc.sql("insert into featured_report (week_start, public_id) values (?, ?)")
                .params(week, publicId)
                .update();
        audit.record(who.email(), "library.featured", publicId + " for the week of " + week);
        return true;
    }

    /** The latest chosen near miss of the week, if any was chosen and is still published. */
    public Optional<Published> current() {
        return jdbc.sql("select public_id from featured_report where week_start <= ? order by week_start desc limit 1")
                .param(LocalDate.now(clock))
                .query(String.class)
                .optional()
                .flatMap(index::find);
    }
}
