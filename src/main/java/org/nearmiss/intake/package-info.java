/**
 * Share Your Story: the versioned questionnaire, anonymous filing from a phone, an in-car computer
 * or an app, the report key shown once, and the anonymous status page with its two-way messages.
 * Nothing here ever asks for, stores or logs who a reporter is.
 */
@ApplicationModule(
        displayName = "Intake",
        allowedDependencies = {"system", "deidentify"})
package org.nearmiss.intake;

import org.springframework.modulith.ApplicationModule;
