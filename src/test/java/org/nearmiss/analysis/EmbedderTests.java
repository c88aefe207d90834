package org.nearmiss.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbedderTests {

    private static final Embedder EMBEDDER = new Embedder();

    @Test
    void theSameDangerInOtherWordsIsCloserThanAnotherDanger() {
        List<float[]> v = EMBEDDER.embedAll(List.of(
                "The passenger hid a pistol under his thigh during the traffic stop.",
                "At the car stop the rider concealed a handgun beneath his leg.",
                "I slipped on ice while walking to the courthouse."));
        assertThat(IncidentIndex.cosine(v.get(0), v.get(1))).isGreaterThan(IncidentIndex.cosine(v.get(0), v.get(2)));
        for (float[] vector : v) {
            assertThat(vector).hasSize(Embedder.DIMENSIONS);
            assertThat(IncidentIndex.cosine(vector, vector)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    @Test
    void readsTheModelAsItsMakersDo() {
        // The model jar's own encoder (one account spread over all cores) gives the same vectors.
        var reference = new dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel();
        List<String> texts = List.of(
                "The passenger hid a pistol under his thigh during the traffic stop.",
                "Dispatch gave the wrong address; we arrived at a house where a man stood with a rifle.",
                "x");
        List<float[]> ours = EMBEDDER.embedAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] theirs =
                    reference.embed(Embedder.prepared(texts.get(i))).content().vector();
            assertThat(IncidentIndex.cosine(ours.get(i), theirs)).isGreaterThan(0.9999);
            assertThat(IncidentIndex.cosine(EMBEDDER.embed(texts.get(i)), theirs))
                    .isGreaterThan(0.9999);
        }
    }

    @Test
    void theModelWorksOfflineWithItsMakersTelemetryTurnedOff() {
        EMBEDDER.embed("warm");
        assertThat(System.getProperty("ai.djl.offline")).isEqualTo("true");
        assertThat(System.getProperty("OPT_OUT_TRACKING")).isEqualTo("true");
    }

    @Test
    void onlyTheStartOfALongAccountIsEmbedded() {
        String start = "word ".repeat(Embedder.WORDS).strip();
        assertThat(Embedder.prepared(start + " and much more after")).isEqualTo(start);
        assertThat(Embedder.prepared("  short   account ")).isEqualTo("short account");
        assertThat(Embedder.prepared("")).isEqualTo("-");
    }

    @Test
    @org.junit.jupiter.api.Timeout(120)
    void closingWhileAccountsAreEmbeddedWaitsForTheRunsUnderWayAndRefusesNewOnes() {
        // A session closed under a run crashed the whole process: an application context closing
        // while its follower embedded.
        for (int round = 0; round < 5; round++) {
            Embedder embedder = new Embedder();
            embedder.embed("load the model");
            Embedder.Embedding running = embedder.start(
                    java.util.Collections.nCopies(200, "The driver reached under the seat as I walked up."));
            embedder.destroy();
            try {
                assertThat(running.vectors()).hasSize(200); // all done before the close
            } catch (java.util.concurrent.CancellationException notStarted) {
                // Queued when it closed: cancelled, so no one waits for ever (the timeout fails a wait).
            } catch (IllegalStateException refused) {
                assertThat(refused).hasMessageContaining("closed"); // started after the close
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> embedder.embed("after the close"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }
}
