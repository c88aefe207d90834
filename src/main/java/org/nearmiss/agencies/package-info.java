/**
 * Participating agencies: enrolment approved by an admin, the agency code officers may enter on the
 * form (rotatable), coordinators who bring in readers, the agency's dashboard against the national
 * baseline and agencies like it (aggregates of published reports only, never their words, small cells
 * suppressed, counts that move only in steps of k and only at a monthly cut-off), analyses on request,
 * and the programme's own statistics for admins.
 */
@ApplicationModule(
        displayName = "Agencies",
        allowedDependencies = {"system", "accounts", "intake", "review", "analysis"})
package org.nearmiss.agencies;

import org.springframework.modulith.ApplicationModule;
