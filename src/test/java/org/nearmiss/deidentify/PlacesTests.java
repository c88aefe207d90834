package org.nearmiss.deidentify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nearmiss.deidentify.DetectorFixtures.words;

import org.junit.jupiter.api.Test;

class PlacesTests {

    private final Places detector = new Places();

    @Test
    void namedFeaturesByTheGazetteersTerms() {
        assertThat(words(detector, "We hiked from Bear Creek over Sawtooth Ridge into the Siuslaw National Forest."))
                .contains("Bear Creek", "Sawtooth Ridge", "Siuslaw National Forest");
    }

    @Test
    void incidentsNamedAfterPlacesButNotKindsOfFire() {
        assertThat(words(detector, "On the Mesquite Fire we had a Structure Fire and a Brush fire nearby."))
                .containsExactly("Mesquite");
    }

    @Test
    void townsNamedWithOrdinaryWords() {
        assertThat(words(detector, "The City of Grand Junction called.")).containsExactly("Grand Junction");
    }

    @Test
    void aFeatureWithoutItsNameIsNoPlace() {
        assertThat(words(detector, "The creek was high and the Upper Ridge was in fog."))
                .isEmpty();
    }
}
