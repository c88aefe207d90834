package org.nearmiss.review;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.nearmiss.intake.ReportId;

/**
 * Stage 2 published a report. Carries the de-identified content only: the approved title, narrative
 * and lessons, coarse coded answers (months and bands, never the reporter's own words) and the
 * taxonomy codes.
 *
 * @param sequence the publication's place in the order of publication, for anything that catches up
 * @param publicId the stable id readers see, e.g. {@code NM-2026-00042}
 * @param reportId the report reviewed, or {@code null} for an imported publication
 * @param externalRef the reference an imported publication came with, or {@code null}
 * @param incidentMonth the month of the incident ({@code 2026-03}), its quarter or year when the approver
 *     coarsened it ({@link IncidentPeriod}), or {@code null}; the answers hold the same
 * @param title the title, or {@code null} when an import had none
 * @param agencyId the participating agency the report counts for, or {@code null}: for its
 *     coordinators' aggregates only, never shown with the report
 */
public record ReportPublished(
        long sequence,
        String publicId,
        ReportId reportId,
        String externalRef,
        LocalDate publishedOn,
        String incidentMonth,
        String title,
        String narrative,
        List<String> lessons,
        String takeaways,
        int questionnaireVersion,
        Map<String, Object> answers,
        int taxonomyVersion,
        List<String> codes,
        UUID agencyId) {

    public ReportPublished {
        lessons = List.copyOf(lessons);
        answers = Map.copyOf(answers);
        codes = List.copyOf(codes);
    }

    /** The public id of a publication: the year it was published and its sequence number. */
    public static String publicIdOf(LocalDate publishedOn, long sequence) {
        return "NM-%d-%05d".formatted(publishedOn.getYear(), sequence);
    }
}
