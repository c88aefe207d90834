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
        Filing filing = intake.submit(1, (code == null ? story : story.with("agencyCode", code)).asMap());
        ReportId id = ReportIds.idOf(jdbc, filing.key());
        review.saveStageOne(
                id, reviewer, null, "A near miss", "[OFFICER 1] saw it in time.", lessons, List.of("PC-SUBJECT"), true);
        review.publish(id, approver, null, "A near miss", "[OFFICER 1] saw it in time.", lessons, "");
        return filing;
    }

    /** Brings every follower of the publications (statistics, indexes) up to date now. */
    void catchUp() {
        followers.forEach(PublicationFollower::catchUp);
    }
}
