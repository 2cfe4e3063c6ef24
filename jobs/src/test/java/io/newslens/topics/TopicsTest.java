package io.newslens.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.SparkTestSession;
import io.newslens.config.TopicsOptions;
import java.sql.Date;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Topic functions against hand-computed values on tiny corpora. */
class TopicsTest {
    private static final double EPS = 1e-9;
    private final SparkSession spark = SparkTestSession.get();

    private Dataset<Row> tokens(List<List<String>> docs) {
        StructType schema = new StructType().add("article_id", DataTypes.StringType)
                .add("tokens", DataTypes.createArrayType(DataTypes.StringType));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            rows.add(RowFactory.create("d" + (i + 1), docs.get(i)));
        }
        return spark.createDataFrame(rows, schema);
    }

    /**
     * Windows of 2 tokens: d1 [a b][b c], d2 [a c][c c][c a], d3 [b] (shorter than the window: one window).
     * 6 windows; a in 3, b in 3, c in 4; (a,b) in 1, (a,c) in 2, (b,c) in 1. Documents: a, b, c in 2 each;
     * (a,b) 1, (a,c) 2, (b,c) 1 of 3.
     */
    @Test
    void coherenceMatchesHandComputedNpmiAndUmass() {
        Dataset<Row> docs = tokens(List.of(List.of("a", "b", "c"), List.of("a", "c", "c", "a"), List.of("b")));
        Map<Integer, List<String>> topics = Map.of(0, List.of("a", "b", "c"), 1, List.of("c", "a"));
        Map<Integer, Row> byTopic = new HashMap<>();
        for (Row r : Coherence.score(docs, "tokens", topics, 2).collectAsList()) {
            byTopic.put(r.getInt(0), r);
        }
        // NPMI(a,b) = ln((1/6)/(3/6 · 3/6)) / −ln(1/6) = ln(2/3)/ln 6; NPMI(a,c) = ln((2/6)/(3/6 · 4/6)) / ln 3 = 0;
        // NPMI(b,c) = ln((1/6)/(3/6 · 4/6)) / ln 6 = ln(1/2)/ln 6.
        double npmi = (Math.log(2.0 / 3) / Math.log(6) + 0 + Math.log(0.5) / Math.log(6)) / 3;
        assertEquals(-0.2043823976, npmi, 1e-9, "the hand computation itself");
        assertEquals(npmi, byTopic.get(0).getDouble(1), EPS);
        // UMass, word order a, b, c: ln(D(a,b)/D(a)) = ln(1/2), ln(D(a,c)/D(a)) = 0, ln(D(b,c)/D(b)) = ln(1/2).
        assertEquals(2 * Math.log(0.5) / 3, byTopic.get(0).getDouble(2), EPS);
        assertEquals(0.0, byTopic.get(1).getDouble(1), EPS);
        assertEquals(0.0, byTopic.get(1).getDouble(2), EPS);
    }

    @Test
    void articleTopicsKeepWeightsAboveTheThresholdAndAlwaysTheDominantTopic() {
        StructType schema = new StructType().add("article_id", DataTypes.StringType)
                .add("weights", DataTypes.createArrayType(DataTypes.DoubleType));
        Dataset<Row> weights = spark.createDataFrame(List.of(
                RowFactory.create("x", List.of(0.1, 0.6, 0.3)),
                RowFactory.create("tie", List.of(0.5, 0.5, 0.0)),
                RowFactory.create("flat", List.of(0.34, 0.33, 0.33))), schema);
        List<String> rows = Topics.articleTopics(weights, 0.34).orderBy("article_id", "rank").collectAsList().stream()
                .map(r -> r.getString(0) + ":" + r.getInt(1) + "=" + r.getDouble(2) + "#" + r.getInt(3) + (r.getBoolean(4) ? "*" : ""))
                .toList();
        assertEquals(List.of("flat:0=0.34#1*", "tie:0=0.5#1*", "tie:1=0.5#2", "x:1=0.6#1*"), rows);
    }

    @Test
    void prevalenceAveragesWeightsPerPeriodAndOutletAndCountsDominantArticles() {
        StructType schema = new StructType().add("source", DataTypes.StringType).add("period_start", DataTypes.DateType)
                .add("weights", DataTypes.createArrayType(DataTypes.DoubleType));
        Date jan = Date.valueOf("2020-01-01");
        Dataset<Row> weights = spark.createDataFrame(List.of(
                RowFactory.create("A", jan, List.of(0.2, 0.8)),
                RowFactory.create("A", jan, List.of(0.6, 0.4)),
                RowFactory.create("B", jan, List.of(0.9, 0.1)),
                RowFactory.create("A", null, List.of(1.0, 0.0))), schema);
        Map<String, Row> rows = new HashMap<>();
        for (Row r : Topics.prevalence(weights).collectAsList()) {
            rows.put(r.getString(0) + r.getInt(1) + "|" + r.getAs("period"), r);
        }
        assertEquals(6, rows.size(), "January's four rows and the undated bucket of A");
        Row undated = rows.get("A0|undated");
        assertNull(undated.get(5), "period_start null");
        assertEquals(1L, undated.getLong(2));
        assertEquals(1.0, undated.getDouble(3), EPS);
        assertEquals(1L, undated.getLong(4));
        Map<String, Row> dated = new HashMap<>();
        rows.forEach((k, v) -> dated.put(k.replace("|2020-01-01", ""), v));
        rows = dated;
        assertEquals(2L, rows.get("A0").getLong(2));
        assertEquals(0.4, rows.get("A0").getDouble(3), EPS);
        assertEquals(0.6, rows.get("A1").getDouble(3), EPS);
        assertEquals(1L, rows.get("A0").getLong(4));
        assertEquals(1L, rows.get("A1").getLong(4));
        assertEquals(1L, rows.get("B0").getLong(4));
        assertEquals(0L, rows.get("B1").getLong(4));
    }

    /** Three themes of six words; each document draws ten words from one or two themes. */
    private Dataset<Row> themedCorpus() {
        String[][] themes = {{"oil", "crude", "barrel", "opec", "refinery", "petroleum"},
                {"wheat", "grain", "corn", "harvest", "tonnes", "export"},
                {"bank", "rate", "dollar", "currency", "interest", "yen"}};
        Random random = new Random(1);
        List<List<String>> docs = new ArrayList<>();
        for (int d = 0; d < 90; d++) {
            List<String> words = new ArrayList<>();
            for (int w = 0; w < 10; w++) {
                String[] theme = themes[w < 7 ? d % 3 : (d + 1) % 3];
                words.add(theme[random.nextInt(theme.length)]);
            }
            docs.add(words);
        }
        return tokens(docs);
    }

    @Test
    void sameSeedGivesIdenticalTopicsAndTheThemesAreFound() {
        themesFoundTwiceAlike(TopicsOptions.defaults());
    }

    @Test
    void theOnlineOptimiserAlsoFindsTheThemesAndIsRepeatable() {
        themesFoundTwiceAlike(new TopicsOptions(null, "online", null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null));
    }

    @Test
    void theEmOptimiserAlsoFindsTheThemesAndIsRepeatable() {
        // MLlib's EM with its default priors (doc_concentration and topic_concentration left out), 40 iterations.
        themesFoundTwiceAlike(new TopicsOptions(null, "em", 40, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null));
    }

    private void themesFoundTwiceAlike(TopicsOptions o) {
        Dataset<Row> docs = themedCorpus().cache();
        List<String> vocabulary = Topics.vocabulary(docs, 1, 1.0, 100).select("term").as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
        assertEquals(18, vocabulary.size());
        Dataset<Row> vectors = Topics.vectorizer(vocabulary).transform(docs).cache();
        List<Row> first = Topics.topWords(Topics.topicWordProbabilities(Topics.fit(o, 3, vectors)),
                vocabulary.toArray(String[]::new), 6);
        LDAModel again = Topics.fit(o, 3, vectors);
        List<Row> second = Topics.topWords(Topics.topicWordProbabilities(again), vocabulary.toArray(String[]::new), 6);
        assertEquals(first, second, "same input and seed: identical topics rows, weights included");
        // Each topic's four top words come from one theme, and the three topics find the three themes.
        Map<Integer, List<String>> words = Topics.topWordsByTopic(first, 4);
        java.util.Set<String> themesFound = new java.util.HashSet<>();
        for (List<String> w : words.values()) {
            String themeOf = w.get(0);
            assertTrue(w.stream().allMatch(x -> sameTheme(x, themeOf)), "topic mixes themes: " + words);
            themesFound.add(theme(themeOf));
        }
        assertEquals(3, themesFound.size(), "topics: " + words);
    }

    @Test
    void digammaAndTrigammaMatchKnownValues() {
        assertEquals(-0.5772156649015329, BatchSteps.digamma(1), 1e-12, "ψ(1) = −Euler's constant");
        assertEquals(-1.9635100260214235, BatchSteps.digamma(0.5), 1e-12, "ψ(1/2) = −γ − 2 ln 2");
        assertEquals(2.251752589066721, BatchSteps.digamma(10), 1e-12);
        assertEquals(-100.56088545786867, BatchSteps.digamma(0.01), 1e-9);
        assertEquals(Math.PI * Math.PI / 6, BatchSteps.trigamma(1), 1e-12, "ψ'(1) = π²/6");
        assertEquals(Math.PI * Math.PI / 2, BatchSteps.trigamma(0.5), 1e-12, "ψ'(1/2) = π²/2");
        assertEquals(0.10516633568168575, BatchSteps.trigamma(10), 1e-12);
    }

    /**
     * A batch step is MLlib's own online update with learning rate 1 and the whole corpus as the mini-batch:
     * drive MLlib's optimiser that way from the same topics and α and compare (MLlib starts each article's γ at a
     * random draw around 1, ours at 1; both stop at the same tolerance, hence the relative 1e-3).
     */
    @Test
    void aBatchStepIsMllibsOnlineUpdateWithRateOneOverTheWholeCorpus() {
        Dataset<Row> docs = themedCorpus();
        List<String> vocabulary = Topics.vocabulary(docs, 1, 1.0, 100).select("term").as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
        Dataset<Row> vectors = Topics.vectorizer(vocabulary).transform(docs).cache();
        TopicsOptions o = new TopicsOptions(null, "online", 3, 0, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null);
        org.apache.spark.ml.clustering.LocalLDAModel start = (org.apache.spark.ml.clustering.LocalLDAModel) Topics.fit(o, 3, vectors);
        org.apache.spark.ml.clustering.LocalLDAModel ours = BatchSteps.refine(start, vectors, 1, true);

        org.apache.spark.mllib.clustering.LocalLDAModel old = start.oldLocalModel();
        var optimizer = new org.apache.spark.mllib.clustering.OnlineLDAOptimizer().setKappa(0).setMiniBatchFraction(1.0)
                .setOptimizeDocConcentration(true).setSampleWithReplacement(false);
        var lda = new org.apache.spark.mllib.clustering.LDA().setK(3).setDocConcentration(old.docConcentration())
                .setTopicConcentration(old.topicConcentration()).setOptimizer(optimizer);
        var rdd = vectors.select(Topics.FEATURES).javaRDD().map(r -> new scala.Tuple2<Object, org.apache.spark.mllib.linalg.Vector>(
                0L, org.apache.spark.mllib.linalg.Vectors.fromML((org.apache.spark.ml.linalg.Vector) r.get(0)))).rdd();
        optimizer.initialize(rdd, lda);
        breeze.linalg.DenseMatrix<Object> lambda = optimizer.getLambda();
        org.apache.spark.mllib.linalg.Matrix topics = old.topicsMatrix();
        for (int t = 0; t < 3; t++) {
            for (int w = 0; w < vocabulary.size(); w++) {
                lambda.update(t, w, topics.apply(w, t));
            }
        }
        optimizer.setLambda(lambda).next();
        var mllib = (org.apache.spark.mllib.clustering.LocalLDAModel) optimizer.getLDAModel(new double[0]);

        org.apache.spark.ml.linalg.Matrix expected = mllib.topicsMatrix().asML();
        org.apache.spark.ml.linalg.Matrix actual = ours.topicsMatrix();
        assertTrue(Math.abs(expected.apply(0, 0) - topics.apply(0, 0)) > 1, "the step moves the topics");
        for (int t = 0; t < 3; t++) {
            for (int w = 0; w < vocabulary.size(); w++) {
                assertEquals(expected.apply(w, t), actual.apply(w, t), 1e-3 * expected.apply(w, t), "λ[" + t + "][" + w + "]");
            }
        }
        double[] expectedAlpha = mllib.docConcentration().toArray();
        double[] actualAlpha = ours.estimatedDocConcentration().toArray();
        assertTrue(Math.abs(expectedAlpha[0] - old.docConcentration().apply(0)) > 1e-3, "α moves as well");
        for (int t = 0; t < 3; t++) {
            assertEquals(expectedAlpha[t], actualAlpha[t], 1e-3 * expectedAlpha[t], "α[" + t + "]");
        }
        org.apache.spark.ml.clustering.LocalLDAModel nothing = BatchSteps.refine(start, vectors.limit(0), 2, true);
        assertEquals(start.topicsMatrix(), nothing.topicsMatrix(), "no article to learn from: the topics stay");
        assertEquals(3, ours.getK());
        assertEquals(Topics.DISTRIBUTION, ours.getTopicDistributionCol(), "the fitted model's parameters carry over");
        vectors.unpersist();
    }

    private static String theme(String word) {
        return List.of("oil", "crude", "barrel", "opec", "refinery", "petroleum").contains(word) ? "oil"
                : List.of("wheat", "grain", "corn", "harvest", "tonnes", "export").contains(word) ? "grain" : "money";
    }

    private static boolean sameTheme(String a, String b) {
        return theme(a).equals(theme(b));
    }
}
