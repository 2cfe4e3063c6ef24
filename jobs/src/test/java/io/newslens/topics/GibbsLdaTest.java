package io.newslens.topics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.SparkTestSession;
import io.newslens.config.TopicsOptions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The distributed Gibbs sampler: hand-computed hyper-parameter steps, counts that add up, planted topics found. */
class GibbsLdaTest {
    private final SparkSession spark = SparkTestSession.get();

    /**
     * Two topics, articles of 2 words: histograms h_0(1) = 2, h_0(2) = 1, h_1(1) = 2, h_1(2) = 0 (three articles:
     * [0, 1], [0, 1], [0, 0]); α = (1, 1), α₀ = 2. Denominator Σ_n L(n) Σ_{i<n} 1/(α₀ + i) = 3 (1/2 + 1/3) = 2.5.
     * Topic 0: 2 · 1 + 1 · (1 + 1/2) = 3.5 → (1 · 3.5 + 0.001) / (2.5 + 1) = 1.00029; topic 1: 2 · 1 = 2 →
     * (2 + 0.001) / 3.5 = 0.571714.
     */
    @Test
    void alphaTakesMinkasFixedPointStepWithMalletsPrior() {
        int[] topicHistogram = {0, 2, 1, /* topic 1 */ 1, 2, 0};
        int[] lengthHistogram = {0, 0, 3};
        double[] next = GibbsLda.learnAlpha(new double[] {1, 1}, topicHistogram, lengthHistogram, 2);
        assertEquals(3.501 / 3.5, next[0], 1e-12);
        assertEquals(2.001 / 3.5, next[1], 1e-12);
    }

    @Test
    void countsExpandEveryOccurrenceOfAWord() {
        GibbsLda.Doc d = GibbsLda.tokens(new SparseVector(5, new int[] {1, 3}, new double[] {2, 1}));
        assertArrayEquals(new int[] {1, 1, 3}, d.words());
    }

    /** One partition's sweeps keep its copy of the counts equal to its own assignments plus everyone else's. */
    @Test
    void aSweepKeepsTheCountsConsistentWithTheAssignments() {
        int k = 3;
        int vocab = 4;
        List<GibbsLda.Doc> docs = List.of(new GibbsLda.Doc(new int[] {0, 1, 1, 2}, new int[] {0, 1, 2, 0}),
                new GibbsLda.Doc(new int[] {3, 3, 2}, new int[] {2, 2, 1}));
        int[] wordTopic = new int[vocab * k];
        int[] topicTotal = new int[k];
        for (GibbsLda.Doc d : docs) {
            for (int i = 0; i < d.words().length; i++) {
                wordTopic[d.words()[i] * k + d.topics()[i]]++;
                topicTotal[d.topics()[i]]++;
            }
        }
        int[] wt = wordTopic.clone();
        int[] tt = topicTotal.clone();
        List<GibbsLda.Doc> after = new ArrayList<>();
        GibbsLda.sample(docs.iterator(), wt, tt, new double[] {0.1, 0.1, 0.1}, 0.01, k, vocab, 5, new SplittableRandom(7))
                .forEachRemaining(after::add);
        int[] recount = new int[vocab * k];
        for (GibbsLda.Doc d : after) {
            for (int i = 0; i < d.words().length; i++) {
                recount[d.words()[i] * k + d.topics()[i]]++;
            }
        }
        assertArrayEquals(recount, wt);
        assertEquals(7, tt[0] + tt[1] + tt[2]);
        assertArrayEquals(new int[] {0, 1, 2, 0}, docs.get(0).topics(), "the cached input is never changed");
    }

    /**
     * One article [w0, w1], both words in topic 0; k = 2, V = 2, α = (1, 1), β = 1. By hand: p(w | z) = E[φ_00 φ_01]
     * under Dirichlet(1, 1) = 1 · 1 / (2 · 3) = 1/6, p(z) = E[θ_0²] = 1 · 2 / (2 · 3) = 1/3, so log p(w, z) = log 1/18.
     */
    @Test
    void theLikelihoodIsTheCollapsedJointComputedByHand() {
        GibbsLda.Counts c = GibbsLda.Counts.of(org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(List.of(new GibbsLda.Doc(new int[] {0, 1}, new int[] {0, 0}))), 2, 2, 2);
        assertEquals(Math.log(1.0 / 18), GibbsLda.logLikelihood(c, new double[] {1, 1}, 1.0, 2, 2), 1e-12);
    }

    /**
     * Three starts: each start's likelihood after its sweeps is that of a single chain with the start's seed stopped
     * there, the most likely continues, and the model is exactly that single chain's.
     */
    @Test
    void theMostLikelyOfSeveralStartsContinues() {
        Dataset<Row> vectors = plantedVectors();
        TopicsOptions o = TopicsOptions.defaults().withSeed(5);
        GibbsLda.Fit three = GibbsLda.fitChains(Topics.lda(o, 2), vectors, 60, null, 0.01, true, 3);
        assertEquals(3, three.startLikelihoods().length);
        for (int c = 0; c < 3; c++) {
            GibbsLda.Fit alone = GibbsLda.fitChains(Topics.lda(o.withSeed(GibbsLda.chainSeed(5, c)), 2), vectors,
                    GibbsLda.START_SWEEPS, null, 0.01, true, 1);
            assertEquals(alone.likelihood(), three.startLikelihoods()[c], 1e-9 * Math.abs(alone.likelihood()), "start " + c);
            assertTrue(three.startLikelihoods()[three.start()] >= three.startLikelihoods()[c], "start " + three.start() + " is the most likely");
        }
        GibbsLda.Fit chosen = GibbsLda.fitChains(Topics.lda(o.withSeed(GibbsLda.chainSeed(5, three.start())), 2), vectors,
                60, null, 0.01, true, 1);
        assertArrayEquals(chosen.model().topicsMatrix().toArray(), three.model().topicsMatrix().toArray());
        assertEquals(5, GibbsLda.chainSeed(5, 0), "the first start is the fit's own seed");
        vectors.unpersist();
    }

    /** Two planted vocabularies: the sampler separates them, the same seed gives the same model, counts add up. */
    @Test
    void plantedTopicsAreFoundDeterministically() {
        Dataset<Row> vectors = plantedVectors();
        List<String> vocabulary = new ArrayList<>(List.of(SPORT));
        vocabulary.addAll(List.of(MONEY));
        TopicsOptions o = TopicsOptions.defaults().withSeed(5);
        assertEquals("gibbs", o.optimizer());
        LDAModel first = Topics.fit(o, 2, vectors);
        LDAModel again = Topics.fit(o, 2, vectors);
        assertArrayEquals(first.topicsMatrix().toArray(), again.topicsMatrix().toArray(), "same input and seed, same model");

        double[][] p = Topics.topicWordProbabilities(first);
        Map<Integer, List<String>> top = Topics.topWordsByTopic(Topics.topWords(p, vocabulary.toArray(String[]::new), 6), 6);
        Set<Set<String>> found = new HashSet<>();
        top.values().forEach(words -> found.add(new HashSet<>(words)));
        assertEquals(Set.of(Set.of(SPORT), Set.of(MONEY)), found);
        // λ = counts + β: every one of the 60 × 30 occurrences is assigned once
        double beta = MllibLda.state((org.apache.spark.ml.clustering.LocalLDAModel) first).eta();
        double counted = java.util.Arrays.stream(first.topicsMatrix().toArray()).sum() - beta * 2 * vocabulary.size();
        assertEquals(1800, counted, 1e-6);
        vectors.unpersist();
    }

    private static final String[] SPORT = {"match", "goal", "team", "coach", "season", "league"};
    private static final String[] MONEY = {"bank", "rates", "bond", "inflation", "market", "loan"};

    /** 60 articles of 30 words, alternately from the sport and the money vocabulary, in two partitions (cached). */
    private Dataset<Row> plantedVectors() {
        String[] sport = SPORT;
        String[] money = MONEY;
        SplittableRandom r = new SplittableRandom(3);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String[] words = i % 2 == 0 ? sport : money;
            List<String> tokens = new ArrayList<>();
            for (int j = 0; j < 30; j++) {
                tokens.add(words[r.nextInt(words.length)]);
            }
            rows.add(RowFactory.create("a" + i, tokens));
        }
        StructType schema = new StructType().add(Topics.ARTICLE_ID, DataTypes.StringType)
                .add(Topics.TOKENS, DataTypes.createArrayType(DataTypes.StringType));
        Dataset<Row> docs = spark.createDataFrame(rows, schema).repartition(2);
        List<String> vocabulary = new ArrayList<>(List.of(sport));
        vocabulary.addAll(List.of(money));
        return Topics.vectorizer(vocabulary).transform(docs).cache();
    }
}
