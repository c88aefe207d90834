package org.nearmiss.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The hybrid on hand-made vectors, so each part of the score can be seen to count. */
class IncidentIndexTests {

    private final IncidentIndex index =
            new IncidentIndex(new ByteBuffersDirectory(), JsonMapper.builder().build());

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void sharedCodedFactorsBreakATieInMeaningAndWording() {
        float[] v = unit(0, 1);
        put(incident("A", "foot-pursuit", Set.of("factors:communication"), "radio failed in the chase"), v);
        put(incident("B", "foot-pursuit", Set.of("factors:fatigue"), "radio failed in the chase"), v);
        put(incident("C", "foot-pursuit", Set.of("factors:communication"), "radio failed in the chase"), v);
        index.commit(3, "test");

        List<IncidentIndex.Found> found = index.similar(
                new IncidentIndex.Probe(index.find("A").orElseThrow().incident(), v, false), 5);
        assertThat(found).extracting(f -> f.incident().id()).containsExactly("C", "B");
        assertThat(found.getFirst().sharedFactors()).containsExactly("factors:communication");
        assertThat(found.getFirst().score()).isGreaterThan(found.get(1).score());
    }

    @Test
    void meaningFindsTheSameStoryToldInOtherWords() {
        put(incident("near", "traffic-stop", Set.of(), "passenger hid a pistol under the seat"), unit(0, 0.9));
        put(incident("far", "traffic-stop", Set.of(), "the dog at the door bit my leg"), unit(5, 1));
        index.commit(2, "test");
        Incident probe = incident("probe", "traffic-stop", Set.of(), "rider concealed a handgun beneath the bench");
        List<IncidentIndex.Found> found = index.similar(new IncidentIndex.Probe(probe, unit(0, 1), false), 5);
        assertThat(found).extracting(f -> f.incident().id()).containsExactly("near", "far");
        assertThat(found.getFirst().meaning()).isGreaterThan(0.89);
    }

    @Test
    void theOtherActivityListLeavesOutTheSameActivityAndTheUncoded() {
        float[] v = unit(0, 1);
        put(incident("same", "foot-pursuit", Set.of(), "radio dead spot"), v);
        put(incident("other", "warrant-service", Set.of(), "radio dead spot"), v);
        put(incident("uncoded", null, Set.of(), "radio dead spot"), v);
        index.commit(3, "test");
        Incident probe = incident("probe", "foot-pursuit", Set.of(), "radio dead spot");
        assertThat(index.similar(new IncidentIndex.Probe(probe, v, true), 5))
                .extracting(f -> f.incident().id())
                .containsExactly("other");
        assertThat(index.similar(new IncidentIndex.Probe(probe, v, false), 5))
                .extracting(f -> f.incident().id())
                .containsExactlyInAnyOrder("same", "other", "uncoded");
    }

    @Test
    void anUncodedAccountTakesTheLikelyFactorsOfItsNearestCodedNeighbours() {
        // Both neighbours told alike are coded "communication"; the probe is not coded at all.
        put(incident("n1", "foot-pursuit", Set.of("factors:communication"), "radio"), unit(0, 1));
        put(incident("n2", "foot-pursuit", Set.of("factors:communication"), "radio"), unit(0, 1));
        put(incident("x", "foot-pursuit", Set.of("factors:fatigue"), "radio"), unit(0, 0.95));
        put(incident("y", "foot-pursuit", Set.of("factors:communication"), "radio"), unit(0, 0.95));
        index.commit(4, "test");
        Incident probe = incident("probe", null, Set.of(), "radio");
        List<String> order = index.similar(new IncidentIndex.Probe(probe, unit(0, 1), false), 4).stream()
                .map(f -> f.incident().id())
                .toList();
        assertThat(order.indexOf("y")).isLessThan(order.indexOf("x"));
    }

    @Test
    void theCommitRemembersTheLastPublicationAndTheModel() {
        put(incident("A", null, Set.of(), "text"), unit(0, 1));
        index.commit(42, "model-x");
        assertThat(index.sequence()).isEqualTo(42);
        assertThat(index.model()).hasValue("model-x");
        assertThat(index.size()).isEqualTo(1);
    }

    private void put(Incident incident, float[] vector) {
        index.put(List.of(incident), List.of(vector));
    }

    private static Incident incident(String id, String activity, Set<String> factors, String text) {
        return new Incident(id, null, null, activity, factors, Map.of(), text);
    }

    /** A unit vector mostly along one axis, leaning {@code 1 - weight} towards the next. */
    private static float[] unit(int axis, double weight) {
        float[] v = new float[Embedder.DIMENSIONS];
        v[axis] = (float) weight;
        v[axis + 1] = (float) Math.sqrt(1 - weight * weight);
        return v;
    }
}
