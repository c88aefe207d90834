package org.nearmiss.agencies;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A participating agency, or one that asked to take part.
 *
 * @param code the agency code officers enter on the form, while the agency is active
 */
public record Agency(
        UUID id,
        String name,
        Kind kind,
        SizeBand sizeBand,
        String state,
        Status status,
        LocalDate askedOn,
        LocalDate decidedOn,
        String declineReason,
        String note,
        List<Coordinator> coordinators,
        String code) {

    public Agency {
        coordinators = List.copyOf(coordinators);
    }

    public enum Status {
        PENDING("Waiting for approval"),
        ACTIVE("Taking part"),
        DECLINED("Declined");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The kind of agency, for comparing it with agencies like it. */
    public enum Kind {
        MUNICIPAL("Municipal or city police"),
        SHERIFF("Sheriff's office"),
        STATE("State police or highway patrol"),
        TRIBAL("Tribal police"),
        FEDERAL("Federal agency"),
        CAMPUS("Campus or school police"),
        TRANSIT("Transit, port or airport police"),
        OTHER("Other");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Sworn officers, in bands: never an exact head count. */
    public enum SizeBand {
        UP_TO_10("1 to 10 officers"),
        UP_TO_50("11 to 50 officers"),
        UP_TO_200("51 to 200 officers"),
        UP_TO_1000("201 to 1,000 officers"),
        OVER_1000("More than 1,000 officers");

        private final String label;

        SizeBand(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Someone who coordinates the agency's participation. */
    public record Coordinator(String email, String displayName) {}

    /** The state's name, from its USPS code. */
    public String stateName() {
        return AgencyStates.NAMES.getOrDefault(state, state);
    }
}
