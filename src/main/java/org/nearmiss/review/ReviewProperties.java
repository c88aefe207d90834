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
 */
@ConfigurationProperties("nearmiss.review")
public record ReviewProperties(
        @DefaultValue("P30D") Period retention,
        @DefaultValue("PT1H") Duration shredEvery) {

    public ReviewProperties {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("nearmiss.review.retention cannot be negative: " + retention);
        }
    }
}
