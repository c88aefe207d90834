package org.nearmiss.analysis;

import java.util.List;
import java.util.Random;

/**
 * Spherical k-means on unit vectors: centres are the normalised means of their members, closeness is
 * the cosine. Seeded with k-means++ so the same data and seed give the same groups.
 */
final class KMeans {

    private static final int ITERATIONS = 20;

    private KMeans() {}

    static float[][] fit(List<float[]> vectors, int k, Random random) {
        int dims = vectors.getFirst().length;
        float[][] centres = seeds(vectors, k, random);
        int[] assigned = new int[vectors.size()];
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            boolean moved = false;
            for (int i = 0; i < vectors.size(); i++) {
                int c = nearest(centres, vectors.get(i));
                moved |= c != assigned[i] || iteration == 0;
                assigned[i] = c;
            }
            if (!moved) {
                break;
            }
            double[][] sums = new double[k][dims];
            for (int i = 0; i < vectors.size(); i++) {
                float[] v = vectors.get(i);
                double[] sum = sums[assigned[i]];
                for (int d = 0; d < dims; d++) {
                    sum[d] += v[d];
                }
            }
            for (int c = 0; c < k; c++) {
                double norm = 0;
                for (double x : sums[c]) {
                    norm += x * x;
                }
                if (norm == 0) {
                    continue; // an empty centre keeps its place
                }
                double scale = 1 / Math.sqrt(norm);
                for (int d = 0; d < dims; d++) {
                    centres[c][d] = (float) (sums[c][d] * scale);
                }
            }
        }
        return centres;
    }

    /** k-means++: each next seed drawn with probability growing with its distance from the seeds so far. */
    private static float[][] seeds(List<float[]> vectors, int k, Random random) {
        float[][] centres = new float[k][];
        centres[0] = vectors.get(random.nextInt(vectors.size())).clone();
        double[] distance = new double[vectors.size()];
        java.util.Arrays.fill(distance, Double.MAX_VALUE);
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int i = 0; i < vectors.size(); i++) {
                double d = 1 - IncidentIndex.cosine(centres[c - 1], vectors.get(i));
                distance[i] = Math.min(distance[i], d * d);
                total += distance[i];
            }
            double pick = random.nextDouble() * total;
            int chosen = vectors.size() - 1;
            for (int i = 0; i < vectors.size(); i++) {
                pick -= distance[i];
                if (pick <= 0) {
                    chosen = i;
                    break;
                }
            }
            centres[c] = vectors.get(chosen).clone();
        }
        return centres;
    }

    static int nearest(float[][] centres, float[] vector) {
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            double score = IncidentIndex.cosine(centres[c], vector);
            if (score > bestScore) {
                bestScore = score;
                best = c;
            }
        }
        return best;
    }
}
