package org.nearmiss.analysis;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import java.util.regex.Pattern;
import org.nearmiss.system.NearmissProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sentence embeddings of incident accounts, computed in this process by the quantized
 * all-MiniLM-L6-v2 model that ships inside the application: nothing is downloaded and nothing
 * leaves the machine. Its tokenizer reads the first 128 word pieces (about a hundred words) of a
 * text, so an account is embedded from its first {@value #WORDS} words, where what happened is told.
 */
@Component
public final class Embedder {

    /** Names the model and the way text is prepared; an index built otherwise is rebuilt. */
    public static final String MODEL = "all-minilm-l6-v2-q/first-" + Embedder.WORDS + "-words";

    public static final int DIMENSIONS = 384;

    static final int WORDS = 100;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    static {
        // The tokenizer's library would otherwise report its use to its makers and fetch what it
        // lacks from the internet: nothing may leave the machine.
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
    }

    private volatile EmbeddingModel model;

    public Embedder() {}

    /** In the application, the tokenizer's native library is unpacked into the data dir, not the home dir. */
    @Autowired
    Embedder(NearmissProperties properties) {
        if (System.getProperty("DJL_CACHE_DIR") == null && System.getenv("DJL_CACHE_DIR") == null) {
            System.setProperty(
                    "DJL_CACHE_DIR",
                    properties.dataDir().resolve("model-cache").toAbsolutePath().toString());
        }
    }

    /** Loads the model on first use (about half a second), so commands that never embed never wait. */
    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    loaded = new AllMiniLmL6V2QuantizedEmbeddingModel();
                    model = loaded;
                }
            }
        }
        return loaded;
    }

    /** The unit vector of one text. */
    public float[] embed(String text) {
        return model().embed(prepared(text)).content().vector();
    }

    /** The unit vectors of many texts, in order; faster per text than one at a time. */
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments =
                texts.stream().map(t -> TextSegment.from(prepared(t))).toList();
        return model().embedAll(segments).content().stream()
                .map(e -> e.vector())
                .toList();
    }

    static String prepared(String text) {
        String[] words = WHITESPACE.split(text.strip(), WORDS + 1);
        if (words.length <= WORDS) {
            return String.join(" ", words).isEmpty() ? "-" : String.join(" ", words);
        }
        return String.join(" ", java.util.Arrays.copyOf(words, WORDS));
    }
}
