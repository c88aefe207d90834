/**
 * Two-stage review: every report is de-identified and coded by one expert and approved by another
 * before anyone reads it. Queues with the ten-business-day clock, the de-identification assistant's marks,
 * the contributing-factor taxonomy, questions to the reporter, how rare a report's coded circumstances are
 * among published ones (and coarsening them) before publication as
 * {@link org.nearmiss.review.ReportPublished}, and the destruction of reporters' text after retention.
 */
@ApplicationModule(
        displayName = "Review",
        allowedDependencies = {"system", "intake", "accounts", "deidentify"})
package org.nearmiss.review;

import org.springframework.modulith.ApplicationModule;
