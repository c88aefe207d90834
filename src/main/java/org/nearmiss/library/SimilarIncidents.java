package org.nearmiss.library;

import java.util.List;
import java.util.Optional;

/**
 * Published incidents like a given one, for its report page, from the analysis module when the
 * application has one. The library shows them; it does not find them.
 */
public interface SimilarIncidents {

    /**
     * One similar incident.
     *
     * @param score how alike, 0 to 1
     * @param why what the two have in common, in words a reader understands
     */
    record Similar(String id, String externalRef, String title, String activity, double score, List<String> why) {

        public Similar {
            why = List.copyOf(why);
        }
    }

    /**
     * @param alike the most similar incidents of any kind
     * @param otherActivity similar incidents of a different activity or call type: the same pattern
     *     where one would not look for it
     */
    record Found(List<Similar> alike, List<Similar> otherActivity) {

        public Found {
            alike = List.copyOf(alike);
            otherActivity = List.copyOf(otherActivity);
        }
    }

    /** The incidents most like a published one, or empty when no publication has this id. */
    Optional<Found> similarTo(String publicId, int limit);
}
