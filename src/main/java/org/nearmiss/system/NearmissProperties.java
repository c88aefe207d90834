package org.nearmiss.system;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings an operator may change, under {@code nearmiss.*} (environment: {@code NEARMISS_*}).
 *
 * @param dataDir where the embedded database, the master key file and derived data live
 * @param masterKey the master key as 32 bytes in Base64 ({@code NEARMISS_MASTER_KEY})
 * @param masterKeyFile a file holding the master key in Base64, kept away from the data dir; when
 *     neither this nor {@code masterKey} is set, a key file in the data dir is used (created on first
 *     start with owner-only permissions) and every start warns that the key sits beside the data
 * @param epochKeyFile this node's epoch key file (default {@code shred.key} in the data dir)
 * @param maxBodySize the largest request body accepted; larger ones get 413
 * @param throttle how many requests of each kind one client may make per window
 * @param audit where checkpoints of the audit log are kept outside the database
 */
@ConfigurationProperties("nearmiss")
public record NearmissProperties(
        @DefaultValue("./data") Path dataDir,
        String masterKey,
        Path masterKeyFile,
        Path epochKeyFile,
        @DefaultValue("262144") long maxBodySize,
        @DefaultValue Throttling throttle,
        @DefaultValue Audit audit) {

    /**
     * @param checkpointFile a file (best on another disk or machine) to which the audit log's head is
     *     appended whenever it moved, and against which the log is verified; none when absent
     * @param checkpointMail an address to which the head is mailed whenever it moved; none when absent
     * @param checkpointEvery how often the head is looked at
     */
    public record Audit(
            Path checkpointFile,
            String checkpointMail,
            @DefaultValue("PT1H") Duration checkpointEvery) {}

    /**
     * @param window the length of one counting window; its salt is forgotten when it ends
     * @param filings report filings per client per window
     * @param lookups status look-ups and replies per client per window
     * @param signIns sign-in attempts (password or code) per client per window
     */
    public record Throttling(
            @DefaultValue("1m") Duration window,
            @DefaultValue("20") int filings,
            @DefaultValue("30") int lookups,
            @DefaultValue("10") int signIns) {}
}
