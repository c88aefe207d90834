package org.nearmiss.agencies;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How agency aggregates are protected ({@code NEARMISS_AGENCIES_MIN_CELL}).
 *
 * @param minCell k: no count below it is shown, and an agency's reports are counted in steps of it.
 *     Configurable upward only: a value below 5 stops the app from starting.
 * @param minPeers agencies of the same type and size, besides the agency itself, needed before
 *     their combined figures are shown
 */
@ConfigurationProperties("nearmiss.agencies")
public record AgenciesProperties(
        @DefaultValue("5") int minCell, @DefaultValue("3") int minPeers) {

    /** The least k there may be. */
    public static final int LEAST_MIN_CELL = 5;

    public AgenciesProperties {
        if (minCell < LEAST_MIN_CELL) {
            throw new IllegalArgumentException("nearmiss.agencies.min-cell may be raised but not set below "
                    + LEAST_MIN_CELL + " (it was " + minCell + ")");
        }
        if (minPeers < 2) {
            throw new IllegalArgumentException(
                    "nearmiss.agencies.min-peers must be at least 2 (it was " + minPeers + ")");
        }
    }
}
