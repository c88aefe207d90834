/**
 * The de-identification assistant: finds what in a text looks identifying (people, places, agencies,
 * numbers, dates and times) and proposes a replacement for each. Reviewers see its marks beside the
 * reporter's words, publication is checked against it, and reporters see it before they send.
 */
@ApplicationModule(displayName = "Deidentification", allowedDependencies = "system")
package org.nearmiss.deidentify;

import org.springframework.modulith.ApplicationModule;
