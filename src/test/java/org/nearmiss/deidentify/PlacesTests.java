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
    void numberedRoadsAsStatesAndForestsNumberThem() {
        assertThat(words(detector, "North on Highway 9 to I-80, then SR 14, US 95, County Road 12 and FR 132."))
                .contains("Highway 9", "I-80", "SR 14", "US 95", "County Road 12", "FR 132");
        assertThat(words(detector, "We took the 15 freeway, then Route 66.")).contains("15 freeway", "Route 66");
        assertThat(words(detector, "up fr132 past Trinity lake")).contains("fr132", "Trinity lake");
    }

    @Test
    void landmarksByWhatTheyAre() {
        assertThat(words(detector, "Warrant service at the Hillside Trailer Park near Roosevelt High School."))
                .contains("Hillside Trailer Park", "Roosevelt High School");
    }

    @Test
    void timesEnRouteAndPronounsAreNoRoads() {
        assertThat(words(detector, "We were en route 10 minutes; I 10-8'd and told us 4 units were coming."))
                .isEmpty();
    }

    @Test
    void countiesAndParishes() {
        assertThat(words(detector, "Pike County and Jefferson Parish sent help; the county did not."))
                .contains("Pike County", "Jefferson Parish");
    }

    @Test
    void aFeatureWithoutItsNameIsNoPlace() {
        assertThat(words(detector, "The creek was high and the Upper Ridge was in fog."))
                .isEmpty();
    }
}
