package org.nearmiss.agencies;

import java.util.List;
import org.nearmiss.accounts.AccountId;
import org.nearmiss.accounts.Role;
import org.nearmiss.accounts.SignedIn;
import org.nearmiss.intake.Filing;
import org.nearmiss.intake.Intake;
import org.nearmiss.intake.ReportId;
import org.nearmiss.intake.Stories;
import org.nearmiss.review.PublicationFollower;
import org.nearmiss.review.Review;
import org.nearmiss.testing.ReportIds;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Files reports the way officers do, with an agency code, and takes them through both review stages. */
final class AgencyReports {

    private final Intake intake;
    private final Review review;
    private final JdbcClient jdbc;
    private final List<PublicationFollower> followers;
    private final SignedIn reviewer = new SignedIn(AccountId.random(), "reviewer@state.gov", "Reviewer", Role.REVIEWER);
    private final SignedIn approver = new SignedIn(AccountId.random(), "approver@state.gov", "Approver", Role.APPROVER);

    AgencyReports(Intake intake, Review review, JdbcClient jdbc, List<PublicationFollower> followers) {
        this.intake = intake;
        this.review = review;
        this.jdbc = jdbc;
        this.followers = followers;
    }

    /** Files the story with the code and publishes it with these lessons; returns the filing. */
    Filing publish(Stories story, String code, String lessons) {
        return publish(story, code, "A near miss", "[OFFICER 1] saw it in time.", lessons, "");
    }

    /** Files the story with the code and publishes it as told. */
    Filing publish(Stories story, String code, Linkage.Told told) {
        return publish(story, code, told.title(), told.narrative(), told.lessons(), told.takeaways());
    }

    /** Files the story with the code and publishes it with this title, event summary, lessons and takeaways. */
    Filing publish(Stories story, String code, String title, String narrative, String lessons, String takeaways) {
        Filing filing = intake.submit(1, (code == null ? story : story.with("agencyCode", code)).asMap());
        ReportId id = ReportIds.idOf(jdbc, filing.key());
        review.saveStageOne(id, reviewer, null, title, narrative, lessons, List.of("PC-SUBJECT"), true);
        // Agencies' tests publish many alike; the circumstances' rarity is weighed in review's tests.
        review.publish(id, approver, null, title, narrative, lessons, takeaways, List.of(), true);
        return filing;
    }

    /** Brings every follower of the publications (statistics, indexes) up to date now. */
    void catchUp() {
        followers.forEach(PublicationFollower::catchUp);
    }
}
