/**
 * Two-stage review: every report is de-identified and coded by one expert and approved by another
 * before anyone reads it. So far: the de-identification assistant, which marks what looks
 * identifying and proposes a replacement for each mark.
 */
@ApplicationModule(displayName = "Review", allowedDependencies = "system")
package org.nearmiss.review;

import org.springframework.modulith.ApplicationModule;
