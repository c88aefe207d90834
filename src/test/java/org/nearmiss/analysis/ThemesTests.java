package org.nearmiss.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Grouping and naming, on hand-made vectors and accounts. */
class ThemesTests {

    private final IncidentIndex index =
            new IncidentIndex(new ByteBuffersDirectory(), JsonMapper.builder().build());

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void incidentsAlikeInMeaningFallIntoOneGroupEach() {
        Random random = new Random(1);
        List<Incident> incidents = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            boolean radio = i % 2 == 0;
            incidents.add(new Incident(
                    (radio ? "radio-" : "dog-") + i,
                    null,
                    null,
                    null,
                    Set.of(),
                    Map.of(),
                    radio ? "The radio had a dead spot." : "A dog bit the officer at the gate.",
                    "2025-0" + (1 + i % 9)));
            vectors.add(near(radio ? 0 : 1, random));
        }
        index.put(incidents, vectors);
        index.commit(30, "test");

        List<IncidentIndex.Group> groups = index.groups(2, 1000, 100, 7);
        assertThat(groups).hasSize(2);
        for (IncidentIndex.Group group : groups) {
            assertThat(group.size()).isEqualTo(15);
            String kind = group.nearest().getFirst().id().split("-")[0];
            assertThat(group.nearest()).allSatisfy(i -> assertThat(i.id()).startsWith(kind));
        }
    }

    @Test
    void aThemeIsNamedByWhatItsAccountsSayMoreThanOthers() {
        List<Set<String>> theme = List.of(
                Phrases.candidates("The radio had a dead spot behind the mall."),
                Phrases.candidates("Another dead spot: my radio would not transmit."),
                Phrases.candidates("Dead spot again near the river, radio silent."));
        Map<String, Integer> background = new java.util.HashMap<>();
        theme.forEach(p -> p.forEach(w -> background.merge(w, 1, Integer::sum)));
        // The rest of the library: twenty accounts of dogs and gates.
        for (int i = 0; i < 20; i++) {
            Phrases.candidates("A dog bit the officer at the gate " + i)
                    .forEach(w -> background.merge(w, 1, Integer::sum));
        }
        String label = Themes.label(theme, background, 23);
        assertThat(label).startsWith("dead spot").contains("radio");
    }

    @Test
    void aThemeWithNothingParticularIsCalledMixed() {
        List<Set<String>> theme = List.of(Set.of("alpha"), Set.of("beta"), Set.of("gamma"));
        assertThat(Themes.label(theme, Map.of("alpha", 1, "beta", 1, "gamma", 1), 3))
                .isEqualTo("Mixed incidents");
    }

    /** A unit vector near one axis. */
    private static float[] near(int axis, Random random) {
        float[] v = new float[Embedder.DIMENSIONS];
        v[axis] = 1;
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (random.nextGaussian() * 0.01);
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
