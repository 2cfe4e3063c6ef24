package io.newslens.topics;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * LDA by collapsed Gibbs sampling (Griffiths &amp; Steyvers 2004), the algorithm of MALLET, distributed as
 * AD-LDA (Newman et al. 2009): each partition samples its articles' word topics for {@value #SWEEPS_PER_SYNC}
 * sweeps against its own copy of the corpus-wide topic-word counts, then the counts are summed again from every
 * article's assignments. The document concentration α is learnt per topic as MALLET does (Minka's fixed point over
 * the articles' topic-count histograms, one step per synchronisation after {@value #BURN_IN} sweeps, Gamma(1.001,
 * 1) prior); β stays as given (learning it as MALLET does measured no better on Reuters-21578, docs/topics.md). The
 * topics are the mean of the sampler's states at the synchronisations of the second half. Several random starts are
 * sampled for {@value #START_SWEEPS} sweeps each and only the most likely continues: a chain stays near the mode its start
 * leads to, and some modes are poor (docs/topics.md has the measurements).
 *
 * <p>Deterministic: each partition draws from a generator seeded by (seed, sweep, partition), so the same input,
 * partitions and seed give the same topics, also when a lost partition is recomputed. The driver holds the
 * vocabulary × k counts and histograms of article lengths, never anything per article. The result is an MLlib
 * {@code LocalLDAModel} (λ = counts + β), so scoring, perplexity and save/load stay MLlib's.
 */
final class GibbsLda {
    static final int SWEEPS_PER_SYNC = 10;
    static final int BURN_IN = 50;
    /** Sweeps of each random start before the most likely one is kept: before α is learnt, so all compare alike. */
    static final int START_SWEEPS = 40;
    static final double ALPHA_SUM = 5.0;
    private static final double ALPHA_SHAPE = 1.001;
    private static final double ALPHA_SCALE = 1.0;

    private GibbsLda() {
    }

    /** One article: its words (vocabulary indexes, one entry per occurrence) and each one's topic. */
    record Doc(int[] words, int[] topics) implements Serializable {
    }

    /**
     * @param lda       the estimator whose parameters the model carries (k, seed, columns)
     * @param vectors   the training vectors ({@link Topics#FEATURES})
     * @param sweeps    Gibbs sweeps over the corpus
     * @param alpha     starting document concentration of every topic; null = Σα of {@value #ALPHA_SUM} (MALLET's) or a
     *                  tenth of the mean article length if less, spread evenly (a prior of 5 words would swamp
     *                  articles of ten words and keep their topics mixed)
     * @param beta      topic concentration
     * @param optimize  learn an asymmetric α during sampling
     * @param starts    independent random starts, each sampled for {@value #START_SWEEPS} sweeps; the one with the
     *                  highest likelihood continues (1 = a single chain)
     */
    static LocalLDAModel fit(LDA lda, Dataset<Row> vectors, int sweeps, Double alpha, double beta, boolean optimize,
                             int starts) {
        return fitChains(lda, vectors, sweeps, alpha, beta, optimize, starts).model();
    }

    /**
     * A fit and how it was chosen: the start that continued, each start's log-likelihood after its
     * {@value #START_SWEEPS} sweeps (after none with a single start), and the final state's.
     */
    record Fit(LocalLDAModel model, int start, double[] startLikelihoods, double likelihood) {
    }

    static Fit fitChains(LDA lda, Dataset<Row> vectors, int sweeps, Double alpha, double beta, boolean optimize,
                         int starts) {
        int k = lda.getK();
        JavaRDD<Doc> words = vectors.select(col(Topics.FEATURES)).javaRDD()
                .map(r -> tokens(((Vector) r.get(0)).toSparse())).filter(d -> d.words().length > 0)
                .persist(StorageLevel.MEMORY_AND_DISK());
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(vectors.sparkSession().sparkContext());
        int vocabSize = vectors.select(col(Topics.FEATURES)).first().<Vector>getAs(0).size();
        int maxLength = words.isEmpty() ? 0 : words.map(d -> d.words().length).reduce(Math::max);
        List<Broadcast<int[]>> used = new ArrayList<>();
        Chain best = null;
        try {
            int startSweeps = starts > 1 ? Math.min(START_SWEEPS, sweeps) : 0;
            double[] startLikelihoods = new double[Math.max(1, starts)];
            int chosen = 0;
            for (int c = 0; c < startLikelihoods.length; c++) {
                Chain chain = new Chain(words, chainSeed(lda.getSeed(), c), k, vocabSize, maxLength, alpha, beta);
                chain.advance(sc, startSweeps, sweeps, optimize, used);
                startLikelihoods[c] = logLikelihood(chain.counts, chain.a, beta, k, vocabSize);
                if (best == null || startLikelihoods[c] > startLikelihoods[chosen]) {
                    if (best != null) {
                        best.docs.unpersist(false);
                    }
                    best = chain;
                    chosen = c;
                } else {
                    chain.docs.unpersist(false);
                }
            }
            words.unpersist(false);
            best.advance(sc, sweeps - startSweeps, sweeps, optimize, used);
            double[] lambda = new double[k * vocabSize];
            for (int w = 0; w < vocabSize; w++) {
                for (int t = 0; t < k; t++) {
                    lambda[t * vocabSize + w] = (best.samples == 0 ? best.counts.wordTopic[w * k + t]
                            : best.summed[w * k + t] / best.samples) + beta;
                }
            }
            // gammaShape: MLlib's default (100), used only to start its variational inference when scoring
            return new Fit(MllibLda.model(lda, new MllibLda.State(k, vocabSize, beta, best.a, lambda, 100.0), vectors.sparkSession()),
                    chosen, startLikelihoods, logLikelihood(best.counts, best.a, beta, k, vocabSize));
        } finally {
            words.unpersist(false);
            if (best != null) {
                best.docs.unpersist(false);
            }
            used.forEach(x -> x.destroy(false));
        }
    }

    /** Start c's seed: the fit's own for the first, so one start samples exactly as a single chain does. */
    static long chainSeed(long seed, int start) {
        return start == 0 ? seed : mix(seed, -1 - start, -1);
    }

    /** One Markov chain: every article's word topics (in an RDD), the corpus-wide counts, α, and the running mean. */
    private static final class Chain {
        final long seed;
        final int k;
        final int vocabSize;
        final int maxLength;
        final double beta;
        JavaRDD<Doc> docs;
        Counts counts;
        double[] a;
        double[] summed;
        int samples;
        int done;

        Chain(JavaRDD<Doc> words, long seed, int k, int vocabSize, int maxLength, Double alpha, double beta) {
            this.seed = seed;
            this.k = k;
            this.vocabSize = vocabSize;
            this.maxLength = maxLength;
            this.beta = beta;
            docs = words.mapPartitionsWithIndex((Function2<Integer, Iterator<Doc>, Iterator<Doc>>) (part, it) -> {
                SplittableRandom random = new SplittableRandom(mix(seed, -1, part));
                List<Doc> out = new ArrayList<>();
                while (it.hasNext()) {
                    int[] w = it.next().words();
                    int[] topics = new int[w.length];
                    for (int i = 0; i < topics.length; i++) {
                        topics[i] = random.nextInt(k);
                    }
                    out.add(new Doc(w, topics));
                }
                return out.iterator();
            }, true).persist(StorageLevel.MEMORY_AND_DISK());
            counts = Counts.of(docs, k, vocabSize, maxLength);
            a = new double[k];
            java.util.Arrays.fill(a, alpha != null ? alpha : Math.min(ALPHA_SUM, 0.1 * meanLength(counts.lengthHistogram)) / k);
        }

        /** {@code n} more sweeps of a fit of {@code sweeps} in all. */
        void advance(JavaSparkContext sc, int n, int sweeps, boolean optimize, List<Broadcast<int[]>> used) {
            for (int end = done + n; done < end && maxLength > 0; ) {
                int step = Math.min(SWEEPS_PER_SYNC, end - done);
                Broadcast<int[]> wordTopic = sc.broadcast(counts.wordTopic);
                Broadcast<int[]> topicTotal = sc.broadcast(counts.topicTotal);
                double[] alphaNow = a.clone();
                double betaNow = beta;
                int first = done;
                long chainSeed = seed;
                int kNow = k;
                int vocabNow = vocabSize;
                JavaRDD<Doc> next = docs.mapPartitionsWithIndex((Function2<Integer, Iterator<Doc>, Iterator<Doc>>) (part, it) ->
                        sample(it, wordTopic.value().clone(), topicTotal.value().clone(), alphaNow, betaNow, kNow, vocabNow,
                                step, new SplittableRandom(mix(chainSeed, first, part))), true)
                        .persist(StorageLevel.MEMORY_AND_DISK());
                counts = Counts.of(next, k, vocabSize, maxLength);
                docs.unpersist(false);
                // Later rounds' tasks carry this round in their lineage (a lost partition is recomputed from it):
                // the executors' copies go now, the driver's at the end of the fit.
                wordTopic.unpersist(false);
                topicTotal.unpersist(false);
                used.add(wordTopic);
                used.add(topicTotal);
                docs = next;
                done += step;
                // The topics are the mean of the states at the synchronisations of the second half (less noise than the
                // last state alone, as MALLET's users average samples)
                if (2 * done >= sweeps) {
                    if (summed == null) {
                        summed = new double[vocabSize * k];
                    }
                    for (int i = 0; i < summed.length; i++) {
                        summed[i] += counts.wordTopic[i];
                    }
                    samples++;
                }
                if (optimize && done >= BURN_IN) {
                    a = learnAlpha(a, counts.topicHistogram, counts.lengthHistogram, k);
                }
            }
        }
    }

    /** The collapsed joint log-likelihood log p(w, z | α, β) of the current assignments. */
    static double logLikelihood(Counts c, double[] alpha, double beta, int k, int vocabSize) {
        // Topic-word part: Σ_t [lgamma(Vβ) − lgamma(n_t + Vβ) + Σ_w (lgamma(n_wt + β) − lgamma(β))]; zero counts add 0.
        double ll = k * org.apache.commons.math3.special.Gamma.logGamma(vocabSize * beta);
        for (int t = 0; t < k; t++) {
            ll -= org.apache.commons.math3.special.Gamma.logGamma(c.topicTotal[t] + vocabSize * beta);
        }
        double lgBeta = org.apache.commons.math3.special.Gamma.logGamma(beta);
        for (int n : c.wordTopic) {
            if (n > 0) {
                ll += org.apache.commons.math3.special.Gamma.logGamma(n + beta) - lgBeta;
            }
        }
        double alpha0 = 0;
        for (double x : alpha) {
            alpha0 += x;
        }
        int width = c.lengthHistogram.length;
        for (int n = 0; n < width; n++) {
            if (c.lengthHistogram[n] > 0) {
                ll += c.lengthHistogram[n] * (org.apache.commons.math3.special.Gamma.logGamma(alpha0)
                        - org.apache.commons.math3.special.Gamma.logGamma(n + alpha0));
            }
        }
        for (int t = 0; t < k; t++) {
            for (int n = 1; n < width; n++) {
                int h = c.topicHistogram[t * width + n];
                if (h > 0) {
                    ll += h * (org.apache.commons.math3.special.Gamma.logGamma(n + alpha[t])
                            - org.apache.commons.math3.special.Gamma.logGamma(alpha[t]));
                }
            }
        }
        return ll;
    }

    static double meanLength(int[] lengthHistogram) {
        long docs = 0;
        long words = 0;
        for (int n = 0; n < lengthHistogram.length; n++) {
            docs += lengthHistogram[n];
            words += (long) n * lengthHistogram[n];
        }
        return docs == 0 ? 0 : words / (double) docs;
    }

    static Doc tokens(SparseVector v) {
        int n = 0;
        for (double c : v.values()) {
            n += (int) c;
        }
        int[] words = new int[n];
        int i = 0;
        for (int j = 0; j < v.indices().length; j++) {
            for (int c = 0; c < (int) v.values()[j]; c++) {
                words[i++] = v.indices()[j];
            }
        }
        return new Doc(words, new int[n]);
    }

    /** {@code sweeps} sweeps over one partition's articles against its own copy of the counts. */
    static Iterator<Doc> sample(Iterator<Doc> it, int[] wordTopic, int[] topicTotal, double[] alpha, double beta, int k,
                                int vocabSize, int sweeps, SplittableRandom random) {
        List<Doc> docs = new ArrayList<>();
        while (it.hasNext()) {
            Doc d = it.next();
            docs.add(new Doc(d.words(), d.topics().clone()));
        }
        double vBeta = vocabSize * beta;
        double[] inverseTotal = new double[k];
        for (int t = 0; t < k; t++) {
            inverseTotal[t] = 1.0 / (topicTotal[t] + vBeta);
        }
        double[] p = new double[k];
        int[] docTopic = new int[k];
        for (int s = 0; s < sweeps; s++) {
            for (Doc d : docs) {
                int[] words = d.words();
                int[] topics = d.topics();
                java.util.Arrays.fill(docTopic, 0);
                for (int t : topics) {
                    docTopic[t]++;
                }
                for (int i = 0; i < words.length; i++) {
                    int w = words[i];
                    int old = topics[i];
                    int row = w * k;
                    docTopic[old]--;
                    wordTopic[row + old]--;
                    topicTotal[old]--;
                    inverseTotal[old] = 1.0 / (topicTotal[old] + vBeta);
                    double sum = 0;
                    for (int t = 0; t < k; t++) {
                        sum += (docTopic[t] + alpha[t]) * (wordTopic[row + t] + beta) * inverseTotal[t];
                        p[t] = sum;
                    }
                    double u = random.nextDouble() * sum;
                    int t = 0;
                    while (t < k - 1 && p[t] <= u) {
                        t++;
                    }
                    topics[i] = t;
                    docTopic[t]++;
                    wordTopic[row + t]++;
                    topicTotal[t]++;
                    inverseTotal[t] = 1.0 / (topicTotal[t] + vBeta);
                }
            }
        }
        return docs.iterator();
    }

    /** Corpus-wide counts from every article's assignments (exact integers, so any partitioning sums alike). */
    static final class Counts implements Serializable {
        final int[] wordTopic;        // [w * k + t]
        final int[] topicTotal;       // [t]
        final int[] topicHistogram;   // [t * (maxLength + 1) + n]: articles with n words of topic t
        final int[] lengthHistogram;  // [n]: articles of n words

        private Counts(int k, int vocabSize, int maxLength) {
            wordTopic = new int[vocabSize * k];
            topicTotal = new int[k];
            topicHistogram = new int[k * (maxLength + 1)];
            lengthHistogram = new int[maxLength + 1];
        }

        static Counts of(JavaRDD<Doc> docs, int k, int vocabSize, int maxLength) {
            if (maxLength == 0) {
                return new Counts(k, vocabSize, 0);
            }
            return docs.mapPartitions((Iterator<Doc> it) -> {
                Counts c = new Counts(k, vocabSize, maxLength);
                int[] docTopic = new int[k];
                while (it.hasNext()) {
                    Doc d = it.next();
                    java.util.Arrays.fill(docTopic, 0);
                    for (int i = 0; i < d.words().length; i++) {
                        int t = d.topics()[i];
                        c.wordTopic[d.words()[i] * k + t]++;
                        c.topicTotal[t]++;
                        docTopic[t]++;
                    }
                    for (int t = 0; t < k; t++) {
                        c.topicHistogram[t * (maxLength + 1) + docTopic[t]]++;
                    }
                    c.lengthHistogram[d.words().length]++;
                }
                return List.of(c).iterator();
            }).treeReduce(Counts::add);
        }

        private static Counts add(Counts x, Counts y) {
            addInto(x.wordTopic, y.wordTopic);
            addInto(x.topicTotal, y.topicTotal);
            addInto(x.topicHistogram, y.topicHistogram);
            addInto(x.lengthHistogram, y.lengthHistogram);
            return x;
        }

        private static void addInto(int[] x, int[] y) {
            for (int i = 0; i < x.length; i++) {
                x[i] += y[i];
            }
        }
    }

    /**
     * One step of Minka's fixed point for an asymmetric Dirichlet from histograms (MALLET's
     * {@code Dirichlet.learnParameters} with its Gamma(1.001, 1) prior): α_t ← (α_t Σ_n h_t(n) Σ_{i<n} 1/(α_t + i)
     * + shape − 1) / (Σ_n L(n) Σ_{i<n} 1/(α₀ + i) + 1/scale).
     */
    static double[] learnAlpha(double[] alpha, int[] topicHistogram, int[] lengthHistogram, int k) {
        int width = lengthHistogram.length;
        double alpha0 = 0;
        for (double x : alpha) {
            alpha0 += x;
        }
        double denominator = 0;
        double digammaDiff = 0;
        for (int n = 1; n < width; n++) {
            digammaDiff += 1.0 / (alpha0 + n - 1);
            denominator += lengthHistogram[n] * digammaDiff;
        }
        double[] next = new double[k];
        for (int t = 0; t < k; t++) {
            double numerator = 0;
            double diff = 0;
            for (int n = 1; n < width; n++) {
                diff += 1.0 / (alpha[t] + n - 1);
                numerator += topicHistogram[t * width + n] * diff;
            }
            next[t] = (alpha[t] * numerator + ALPHA_SHAPE - 1) / (denominator + 1 / ALPHA_SCALE);
        }
        return next;
    }

    /** A seed per (run seed, sweep, partition): SplitMix64's finaliser over their combination. */
    static long mix(long seed, int sweep, int partition) {
        long z = seed * 0x9E3779B97F4A7C15L + sweep * 0xBF58476D1CE4E5B9L + partition * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
