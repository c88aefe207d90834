package org.nearmiss.analysis;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;
import org.nearmiss.system.NearmissProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Sentence embeddings of incident accounts, computed in this process by the quantized
 * all-MiniLM-L6-v2 model that ships inside the application (in the langchain4j model jar): nothing
 * is downloaded and nothing leaves the machine. An account is embedded from its first {@value #WORDS}
 * words, where what happened is told: scored on the SAFENET near misses, similar incidents rank the
 * same from 64 words as from 100 (the lexical half reads the whole account), and embedding runs about
 * a third faster.
 *
 * <p>ONNX Runtime runs each account on one core and as many accounts at once as there are cores:
 * on two cores, 226–236 SAFENET accounts a second at 100 words against 206–213 for the model jar's
 * own encoder, which spreads one account over both.
 */
@Component
public final class Embedder implements DisposableBean {

    /** Names the model and the way text is prepared; an index built otherwise is rebuilt. */
    public static final String MODEL = "all-minilm-l6-v2-q/first-" + Embedder.WORDS + "-words";

    public static final int DIMENSIONS = 384;

    static final int WORDS = 64;

    /** The most word pieces given to the model; {@value #WORDS} words take about 80. */
    private static final int MAX_WORD_PIECES = 256;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    static {
        // The tokenizer's library would otherwise report its use to its makers and fetch what it
        // lacks from the internet: nothing may leave the machine.
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
    }

    private volatile Model model;

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
    private Model model() {
        Model loaded = model;
        if (loaded == null) {
            synchronized (this) {
                loaded = model;
                if (loaded == null) {
                    loaded = Model.load();
                    model = loaded;
                }
            }
        }
        return loaded;
    }

    /** The unit vector of one text. */
    public float[] embed(String text) {
        return model().embed(prepared(text));
    }

    /** The unit vectors of many texts, in order, as many at once as there are cores. */
    public List<float[]> embedAll(List<String> texts) {
        return start(texts).vectors();
    }

    /**
     * Starts embedding the texts on the model's threads and returns at once, so the caller can do
     * other work (such as indexing the vectors of the texts before) meanwhile.
     */
    public Embedding start(List<String> texts) {
        if (texts.isEmpty()) {
            return new Embedding(List.of()); // without loading the model
        }
        Model model = model();
        List<Future<float[]>> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            String prepared = prepared(text);
            vectors.add(model.workers().submit(() -> model.embed(prepared)));
        }
        return new Embedding(vectors);
    }

    /** Texts being embedded. */
    public static final class Embedding {

        private final List<Future<float[]>> vectors;

        private Embedding(List<Future<float[]>> vectors) {
            this.vectors = vectors;
        }

        /** Waits for the unit vectors, in the order of the texts. */
        public List<float[]> vectors() {
            List<float[]> result = new ArrayList<>(vectors.size());
            try {
                for (Future<float[]> vector : vectors) {
                    result.add(vector.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                vectors.forEach(v -> v.cancel(true));
                throw new IllegalStateException("Interrupted while embedding", e);
            } catch (ExecutionException e) {
                vectors.forEach(v -> v.cancel(true));
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            return result;
        }
    }

    static String prepared(String text) {
        String[] words = WHITESPACE.split(text.strip(), WORDS + 1);
        if (words.length <= WORDS) {
            return String.join(" ", words).isEmpty() ? "-" : String.join(" ", words);
        }
        return String.join(" ", Arrays.copyOf(words, WORDS));
    }

    @Override
    public void destroy() {
        Model loaded = model;
        if (loaded != null) {
            loaded.close();
        }
    }

    /**
     * The tokenizer, the ONNX session (one core per run) and the threads that run it. Closing waits
     * for the runs under way: a session closed under a run frees memory the run still uses, and the
     * process crashes.
     */
    private static final class Model {

        private final HuggingFaceTokenizer tokenizer;
        private final OrtEnvironment environment;
        private final OrtSession session;
        private final boolean typeIds;
        private final ExecutorService workers;
        private final ReadWriteLock running = new ReentrantReadWriteLock();
        private boolean closed; // guarded by running

        private Model(HuggingFaceTokenizer tokenizer, OrtEnvironment environment, OrtSession session) {
            this.tokenizer = tokenizer;
            this.environment = environment;
            this.session = session;
            this.typeIds = session.getInputNames().contains("token_type_ids");
            this.workers = Executors.newFixedThreadPool(
                    Runtime.getRuntime().availableProcessors(),
                    Thread.ofPlatform().name("embedder-", 1).daemon().factory());
        }

        ExecutorService workers() {
            return workers;
        }

        static Model load() {
            try (InputStream onnx = resource("all-minilm-l6-v2-q.onnx");
                    InputStream vocabulary = resource("all-minilm-l6-v2-q-tokenizer.json")) {
                HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(
                        vocabulary,
                        Map.of(
                                "padding", "false",
                                "truncation", "true",
                                "maxLength", Integer.toString(MAX_WORD_PIECES)));
                OrtEnvironment environment = OrtEnvironment.getEnvironment();
                OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                return new Model(tokenizer, environment, environment.createSession(onnx.readAllBytes(), options));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the embedding model", e);
            } catch (OrtException e) {
                throw new IllegalStateException("Cannot load the embedding model", e);
            }
        }

        private static InputStream resource(String name) {
            InputStream in = Embedder.class.getClassLoader().getResourceAsStream(name);
            if (in == null) {
                throw new IllegalStateException("The embedding model's " + name + " is not on the class path");
            }
            return in;
        }

        /** Mean of the last layer over the text's word pieces, as a unit vector. */
        float[] embed(String text) {
            running.readLock().lock();
            try {
                if (closed) {
                    throw new IllegalStateException("The embedding model is closed");
                }
                return run(text);
            } finally {
                running.readLock().unlock();
            }
        }

        private float[] run(String text) {
            Encoding encoding = tokenizer.encode(text);
            long[] ids = encoding.getIds();
            long[] shape = {1, ids.length};
            try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                    OnnxTensor mask =
                            OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getAttentionMask()), shape);
                    OnnxTensor types =
                            OnnxTensor.createTensor(environment, LongBuffer.wrap(encoding.getTypeIds()), shape);
                    OrtSession.Result result = session.run(
                            typeIds
                                    ? Map.of("input_ids", inputIds, "attention_mask", mask, "token_type_ids", types)
                                    : Map.of("input_ids", inputIds, "attention_mask", mask))) {
                float[][] tokens = ((float[][][]) result.get(0).getValue())[0];
                float[] mean = new float[DIMENSIONS];
                for (float[] token : tokens) {
                    for (int d = 0; d < DIMENSIONS; d++) {
                        mean[d] += token[d];
                    }
                }
                double norm = 0;
                for (float x : mean) {
                    norm += (double) x * x;
                }
                float scale = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
                for (int d = 0; d < DIMENSIONS; d++) {
                    mean[d] *= scale;
                }
                return mean;
            } catch (OrtException e) {
                throw new IllegalStateException("The embedding model failed", e);
            }
        }

        void close() {
            for (Runnable notStarted : workers.shutdownNow()) {
                if (notStarted instanceof Future<?> waitedFor) {
                    waitedFor.cancel(false); // or whoever waits for its vector waits for ever
                }
            }
            running.writeLock().lock();
            try {
                if (closed) {
                    return;
                }
                closed = true;
                session.close();
                tokenizer.close();
            } catch (OrtException ignored) {
                // Closing at shutdown: nothing more to do.
            } finally {
                running.writeLock().unlock();
            }
        }
    }
}
