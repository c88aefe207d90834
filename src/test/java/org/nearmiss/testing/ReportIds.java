package org.nearmiss.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.nearmiss.intake.ReportId;
import org.nearmiss.intake.ReportKey;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The internal id of the report a key stands for, found as intake finds it: by the SHA-256 of the
 * key's canonical form. Staff never need this; tests that file a report and then review it do.
 */
public final class ReportIds {

    private ReportIds() {}

    public static ReportId idOf(JdbcClient jdbc, ReportKey key) {
        String hash;
        try {
            hash = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(key.display().replace("-", "").getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new ReportId(jdbc.sql("select id from report where key_hash = ?")
                .param(hash)
                .query(UUID.class)
                .single());
    }
}
