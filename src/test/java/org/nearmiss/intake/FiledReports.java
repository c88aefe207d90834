package org.nearmiss.intake;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test access to filed reports by key, as a reviewer's tools will reach them by id. */
final class FiledReports {

    private FiledReports() {}

    static ReportId idOf(JdbcClient jdbc, ReportKey key) {
        return new ReportId(jdbc.sql("select id from report where key_hash = ?")
                .param(key.hash())
                .query(UUID.class)
                .single());
    }

    static ReportId idOf(JdbcClient jdbc, String shownKey) {
        return idOf(jdbc, ReportKey.parse(shownKey).orElseThrow());
    }
}
