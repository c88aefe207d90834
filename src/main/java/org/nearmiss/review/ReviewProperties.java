package org.nearmiss.review;

import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How review runs.
 *
 * @param retention how long after publication or rejection the reporter's text is kept before it is
 *     destroyed ({@code NEARMISS_REVIEW_RETENTION}, an ISO period such as {@code P30D})
 * @param shredEvery how often the shredding job looks for text past its retention
 * @param minShared k of {@link ReidentificationRisk}: the least number of published reports, the one
 *     being published included, that should share its coded circumstances; below it stage 2 warns and
 *     publishing waits for the approver to coarsen them or to publish them as they are
 *     ({@code NEARMISS_REVIEW_MIN_SHARED}, at least 2)
 */
@ConfigurationProperties("nearmiss.review")
public record ReviewProperties(
        @DefaultValue("P30D") Period retention,
        @DefaultValue("PT1H") Duration shredEvery,
        @DefaultValue("5") int minShared) {

    public ReviewProperties {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("nearmiss.review.retention cannot be negative: " + retention);
        }
        if (minShared < 2) {
            // 1 would warn of nothing: every report shares its circumstances with itself.
            throw new IllegalArgumentException("nearmiss.review.min-shared must be at least 2: " + minShared);
        }
    }
}
