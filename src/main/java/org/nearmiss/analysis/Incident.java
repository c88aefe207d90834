package org.nearmiss.analysis;

import java.util.Map;
import java.util.Set;

/**
 * A published near miss as similarity sees it: its de-identified account and its coded
 * circumstances.
 *
 * @param id the public id
 * @param externalRef the reference an imported publication came with, or {@code null}
 * @param title the title, or {@code null}
 * @param activity the activity or call type's value, or {@code null} when not coded
 * @param factors the contributing factors' values
 * @param circumstances other single-choice answers by question id (lighting, location type, …)
 * @param text the title, narrative and lessons
 * @param month the month of the incident (YYYY-MM), or {@code null}
 */
record Incident(
        String id,
        String externalRef,
        String title,
        String activity,
        Set<String> factors,
        Map<String, String> circumstances,
        String text,
        String month) {

    Incident {
        factors = Set.copyOf(factors);
        circumstances = Map.copyOf(circumstances);
    }

    Incident(
            String id,
            String externalRef,
            String title,
            String activity,
            Set<String> factors,
            Map<String, String> circumstances,
            String text) {
        this(id, externalRef, title, activity, factors, circumstances, text, null);
    }
}
