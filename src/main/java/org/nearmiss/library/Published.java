package org.nearmiss.library;

import java.util.List;
import java.util.Map;
import org.nearmiss.review.IncidentPeriod;

/**
 * A published report as readers see it.
 *
 * @param title the title, or a stand-in from the circumstances when an import had none
 * @param month the month of the incident ({@code 2026-03}), its quarter ({@code 2026-Q1}) or year
 *     ({@code 2026}) when the approver coarsened it, or {@code null} when unknown
 * @param circumstances the coded answers as label and answer, in questionnaire order
 * @param factors the contributing-factor codes' labels
 */
public record Published(
        long sequence,
        String publicId,
        String externalRef,
        String publishedOn,
        String month,
        String title,
        String narrative,
        List<String> lessons,
        String takeaways,
        List<Circumstance> circumstances,
        List<String> factors,
        Map<String, Object> answers) {

    public record Circumstance(String question, String answer) {}

    /** When the incident happened, as pages show it: a quarter by its months ("January–March 2026"). */
    public String period() {
        return month == null ? null : IncidentPeriod.label(month);
    }
}
