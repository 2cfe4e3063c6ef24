package io.newslens.terms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.SparkTestSession;
import io.newslens.config.TermsOptions;
import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Term statistics against values worked out by hand on a three-article corpus:
 * <pre>
 * d1  A  2020-01  [china trade] [trade war]
 * d2  A  2020-01  [china trade war]
 * d3  B  2020-02  [trade]
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TermsTest {
    private static final double EPS = 1e-9;
    SparkSession spark;
    Dataset<Row> withGrams;
    Dataset<Row> docTerms;
    Dataset<Row> cells;

    @BeforeAll
    void corpus() {
        spark = SparkTestSession.get();
        StructType schema = new StructType().add("article_id", DataTypes.StringType).add("source", DataTypes.StringType)
                .add("period_start", DataTypes.DateType).add("chunks", io.newslens.text.TextLayer.CHUNKS_TYPE);
        Date jan = Date.valueOf("2020-01-01");
        Date feb = Date.valueOf("2020-02-01");
        List<Row> rows = List.of(
                RowFactory.create("d1", "A", jan, List.of(List.of("china", "trade"), List.of("trade", "war"))),
                RowFactory.create("d2", "A", jan, List.of(List.of("china", "trade", "war"))),
                RowFactory.create("d3", "B", feb, List.of(List.of("trade"))));
        withGrams = Terms.withGrams(spark.createDataFrame(rows, schema), 3, false).cache();
        docTerms = Terms.exploded(withGrams).cache();
        cells = Terms.cells(docTerms).cache();
    }

    private static Map<String, Row> byKey(Dataset<Row> df, String... cols) {
        Map<String, Row> m = new HashMap<>();
        for (Row r : df.collectAsList()) {
            StringBuilder k = new StringBuilder();
            for (String c : cols) {
                k.append(String.valueOf((Object) r.getAs(c))).append('|');
            }
            m.put(k.toString(), r);
        }
        return m;
    }

    /**
     * Cells per group of articles (what the terms store keeps per batch): the hand-computed cells of the corpus above
     * (d1, d2 in group g1; d3 in g2) plus d4 (g2, no outlet, undated: [trade trade]) and d5 (no tokens), on two partitions.
     */
    @Test
    void groupCellsSumEachGroupsGramsPerPeriodOutletAndTerm() {
        StructType schema = new StructType().add("batch", DataTypes.StringType).add("source", DataTypes.StringType)
                .add("period_start", DataTypes.DateType).add("chunks", io.newslens.text.TextLayer.CHUNKS_TYPE);
        Date jan = Date.valueOf("2020-01-01");
        Date feb = Date.valueOf("2020-02-01");
        Dataset<Row> withGrams = spark.createDataFrame(List.of(
                        RowFactory.create("g1", "A", jan, List.of(List.of("china", "trade"), List.of("trade", "war"))),
                        RowFactory.create("g1", "A", jan, List.of(List.of("china", "trade", "war"))),
                        RowFactory.create("g2", "B", feb, List.of(List.of("trade"))),
                        RowFactory.create("g2", null, null, List.of(List.of("trade", "trade"))),
                        RowFactory.create("g2", "B", feb, List.of())), schema)
                .withColumn(Terms.GRAMS, Terms.ngramCounts(3, false).apply(col("chunks"))).repartition(2);
        Set<String> expected = Set.of(
                "g1|2020-01-01|A|china|1|2|2", "g1|2020-01-01|A|trade|1|3|2", "g1|2020-01-01|A|war|1|2|2",
                "g1|2020-01-01|A|china trade|2|2|2", "g1|2020-01-01|A|trade war|2|2|2", "g1|2020-01-01|A|china trade war|3|1|1",
                "g2|2020-02-01|B|trade|1|1|1", "g2|null|null|trade|1|2|1", "g2|null|null|trade trade|2|1|1");
        Dataset<Row> cellsOfGroups = Terms.groupCells(withGrams, "batch");
        assertEquals(List.of("batch", "period_start", "source", "term", "n", "count", "doc_freq"), List.of(cellsOfGroups.columns()));
        List<Row> rows = cellsOfGroups.collectAsList();
        Set<String> got = new java.util.HashSet<>();
        for (Row r : rows) {
            got.add(r.mkString("|"));
        }
        assertEquals(expected, got);
        assertEquals(expected.size(), rows.size(), "one row per cell");
    }

    @Test
    void ngramsStayInsideChunks() {
        Map<String, Row> dt = byKey(docTerms, "article_id", "term");
        assertEquals(2L, dt.get("d1|trade|").<Long>getAs("count"));
        assertEquals(1L, dt.get("d1|china trade|").<Long>getAs("count"));
        assertEquals(1L, dt.get("d2|china trade war|").<Long>getAs("count"));
        assertFalse(dt.containsKey("d1|china trade war|"), "no trigram across the chunk break in d1");
        assertEquals(12, docTerms.count(), "d1: 3 unigrams + 2 bigrams; d2: 3 + 2 + 1; d3: 1");
    }

    @Test
    void termFrequenciesCountsDocFreqAndShare() {
        Map<String, Row> tf = byKey(Terms.termFrequencies(cells), "period_start", "source", "term");
        Row trade = tf.get("2020-01-01|A|trade|");
        assertEquals(3L, trade.<Long>getAs("count"));
        assertEquals(2L, trade.<Long>getAs("doc_freq"));
        assertEquals(3.0 / 7.0, trade.<Double>getAs("share_of_tokens"), EPS, "7 unigram tokens in 2020-01 × A");
        assertEquals(0.5, tf.get("2020-01-01|A|trade war|").<Double>getAs("share_of_tokens"), EPS, "2 of 4 bigrams");
        assertEquals(1.0, tf.get("2020-02-01|B|trade|").<Double>getAs("share_of_tokens"), EPS);
    }

    @Test
    void undatedArticlesAreABucketOfTheirOwn() {
        StructType schema = new StructType().add("article_id", DataTypes.StringType).add("source", DataTypes.StringType)
                .add("period_start", DataTypes.DateType).add("chunks", io.newslens.text.TextLayer.CHUNKS_TYPE);
        List<Row> rows = List.of(
                RowFactory.create("u1", "A", null, List.of(List.of("china", "trade"))),
                RowFactory.create("u2", "A", null, List.of(List.of("trade"))),
                RowFactory.create("d1", "A", Date.valueOf("2020-01-01"), List.of(List.of("war"))));
        Map<String, Row> tf = byKey(Terms.termFrequencies(Terms.cells(Terms.docTerms(spark.createDataFrame(rows, schema), 2))),
                "period_start", "source", "term");
        Row trade = tf.get("null|A|trade|");
        assertEquals(2L, trade.<Long>getAs("count"));
        assertEquals(2L, trade.<Long>getAs("doc_freq"));
        assertEquals(2.0 / 3.0, trade.<Double>getAs("share_of_tokens"), EPS, "3 unigrams among the undated articles");
        assertEquals(1.0, tf.get("2020-01-01|A|war|").<Double>getAs("share_of_tokens"), EPS, "the dated period apart");
        assertEquals(Set.of("null|A|china|", "null|A|trade|", "null|A|china trade|", "2020-01-01|A|war|"), tf.keySet());
    }

    @Test
    void vocabularyIdfAndPruning() {
        Map<String, Row> v = byKey(Terms.vocabulary(cells, 3, 2, 1.0, 100), "term");
        assertEquals(0.0, v.get("trade|").<Double>getAs("idf"), EPS, "ln(3/3)");
        assertEquals(Math.log(1.5), v.get("china|").<Double>getAs("idf"), EPS, "ln(3/2)");
        assertEquals(4L, v.get("trade|").<Long>getAs("count"));
        assertTrue(v.get("china trade|").<Boolean>getAs("kept"), "df 2 ≥ min_df 2");
        assertFalse(v.get("china trade war|").<Boolean>getAs("kept"), "df 1 < min_df 2");
        Map<String, Row> strict = byKey(Terms.vocabulary(cells, 3, 1, 0.9, 1), "term", "n");
        assertFalse(strict.get("trade|1|").<Boolean>getAs("kept"), "df 3/3 > max_df 0.9");
        assertTrue(strict.get("china|1|").<Boolean>getAs("kept"), "max 1 per n: china before war (df tie, by term)");
        assertFalse(strict.get("war|1|").<Boolean>getAs("kept"));
    }

    @Test
    void articleTermsRankByTfidf() {
        Dataset<Row> vocab = Terms.vocabulary(cells, 3, 1, 1.0, 100);
        Map<String, Row> at = byKey(Terms.articleTerms(withGrams, Terms.keptIdf(vocab), 2), "article_id", "rank");
        // d1: china 1×ln1.5, war 1×ln1.5, china trade 1×ln1.5, trade war 1×ln1.5, trade 2×0: ties by term.
        assertEquals("china", at.get("d1|1|").getAs("term"));
        assertEquals(Math.log(1.5), at.get("d1|1|").<Double>getAs("tfidf"), EPS);
        assertEquals("china trade", at.get("d1|2|").getAs("term"));
        assertNull(at.get("d1|3|"), "top_k = 2");
        // d2: china trade war has df 1: idf ln 3 is the highest.
        assertEquals("china trade war", at.get("d2|1|").getAs("term"));
        assertEquals(Math.log(3), at.get("d2|1|").<Double>getAs("tfidf"), EPS);
    }

    /**
     * Lancaster University's worked example for the UCREL log-likelihood wizard (ucrel.lancs.ac.uk/llwizard.html):
     * a word 52 times in corpus 1 of 50,000 tokens and 57 times in corpus 2 of 75,000 gives LL = +2.65.
     */
    @Test
    void keynessMatchesThePublishedLogLikelihoodExample() {
        StructType schema = new StructType().add("grp", DataTypes.StringType).add("term", DataTypes.StringType)
                .add("n", DataTypes.IntegerType).add("count", DataTypes.LongType);
        Dataset<Row> grouped = spark.createDataFrame(List.of(
                RowFactory.create("c1", "word", 1, 52L), RowFactory.create("c1", "other", 1, 50_000L - 52),
                RowFactory.create("c2", "word", 1, 57L), RowFactory.create("c2", "other", 1, 75_000L - 57)), schema);
        Row word = Terms.keyness(grouped, List.of("c1"), "c2", 5).filter("term = 'word'").first();
        assertEquals(2.65, word.<Double>getAs("g2"), 0.005);
        // By hand: E1 = 50000·109/125000 = 43.6, E2 = 65.4; G² = 2(52 ln(52/43.6) + 57 ln(57/65.4)) = 2.6532
        assertEquals(2 * (52 * Math.log(52 / 43.6) + 57 * Math.log(57 / 65.4)), word.<Double>getAs("g2"), EPS);
        assertEquals(Math.log((52.0 / 50_000) / (57.0 / 75_000)) / Math.log(2), word.<Double>getAs("log_ratio"), EPS);
        assertEquals(0.4525, word.<Double>getAs("log_ratio"), 0.0001);
        // P(χ²₁ ≥ 2.6532) = erfc(√(2.6532/2)) = 0.10344 (Python math.erfc).
        assertEquals(0.10344, word.<Double>getAs("p_value"), 0.00001);
        assertEquals(50_000L, word.<Long>getAs("tokens_target"));
        assertEquals("c1 vs c2", word.getAs("comparison"));
    }

    @Test
    void keynessOfEachPeriodFromCellsEqualsKeynessFromDocTerms() {
        Dataset<Row> fromCells = Terms.keyness(cells.withColumn("grp", Terms.periodLabel(cells.col("period_start"))),
                List.of("2020-01-01", "2020-02-01"), "rest", 1);
        Dataset<Row> grouped = docTerms.withColumn("grp", Terms.periodLabel(docTerms.col("period_start")));
        Map<String, Row> k = byKey(Terms.keyness(grouped, List.of("2020-01-01", "2020-02-01"), "rest", 1)
                .filter("n = 1"), "target", "term");
        assertEquals(k.keySet(), byKey(fromCells.filter("n = 1"), "target", "term").keySet());
        // trade in Feb: a=1, b=3, c=1, d=7: E1 = 0.5, E2 = 3.5; G² = 2(1 ln 2 + 3 ln(3/3.5))
        Row trade = k.get("2020-02-01|trade|");
        assertEquals(2 * (Math.log(2) + 3 * Math.log(3 / 3.5)), trade.<Double>getAs("g2"), EPS);
        // china is absent from Feb: G² = 2 · 2 · ln(8/7) = 0.53 < 3.84, not significant, so no row.
        assertNull(k.get("2020-02-01|china|"));
        assertEquals(Set.of("2020-01-01|china|", "2020-01-01|trade|", "2020-01-01|war|", "2020-02-01|trade|"), k.keySet());
    }

    @Test
    void keynessKeepsAnAbsenceOnlyWhereItIsSignificant() {
        StructType schema = new StructType().add("grp", DataTypes.StringType).add("term", DataTypes.StringType)
                .add("n", DataTypes.IntegerType).add("count", DataTypes.LongType);
        // t1 never says "gone" (the rest: 50 times) nor "rare" (the rest: once).
        Dataset<Row> grouped = spark.createDataFrame(List.of(
                RowFactory.create("t1", "other", 1, 1000L),
                RowFactory.create("t2", "other", 1, 999L), RowFactory.create("t2", "gone", 1, 50L),
                RowFactory.create("t2", "rare", 1, 1L)), schema);
        Map<String, Row> k = byKey(Terms.keyness(grouped, List.of("t1", "t2"), "rest", 1), "target", "term");
        Row gone = k.get("t1|gone|");
        assertEquals(0L, gone.<Long>getAs("count_target"));
        assertEquals(50L, gone.<Long>getAs("count_reference"));
        assertEquals(1000L, gone.<Long>getAs("tokens_target"));
        assertEquals(1050L, gone.<Long>getAs("tokens_reference"));
        // a = 0: E2 = 1050 · 50 / 2050; G² = 2 · 50 · ln(50 / E2) = 2 · 50 · ln(2050 / 1050) = 66.9
        assertEquals(2 * 50 * Math.log(2050.0 / 1050), gone.<Double>getAs("g2"), EPS);
        assertEquals(Math.log((0.5 / 1000) / (50.0 / 1050)) / Math.log(2), gone.<Double>getAs("log_ratio"), EPS);
        // "rare": G² = 2 · ln(2050 / 1050) = 1.34, p = 0.25: not a row for t1; t2 uses it, so t2 has one.
        assertNull(k.get("t1|rare|"));
        assertEquals(1L, k.get("t2|rare|").<Long>getAs("count_target"));
        assertEquals(Set.of("t1|gone|", "t1|other|", "t2|other|", "t2|gone|", "t2|rare|"), k.keySet());
    }

    /**
     * Which targets use a term is kept 63 targets to a word: 70 targets of 1,000 tokens each, "x" said 10 times by each
     * but t3 and t65 (one in each word). For t65: total 680, all tokens 70,000, d = 69,000; G² of its absence =
     * 2 · 680 · ln(70000 / 69000) = 19.6: significant, as is t3's; the 68 others have a row with their count.
     */
    @Test
    void keynessFindsTheAbsentTargetsBeyondTheFirst63() {
        StructType schema = new StructType().add("grp", DataTypes.StringType).add("term", DataTypes.StringType)
                .add("n", DataTypes.IntegerType).add("count", DataTypes.LongType);
        List<Row> rows = new java.util.ArrayList<>();
        List<String> targets = new java.util.ArrayList<>();
        for (int i = 0; i < 70; i++) {
            targets.add("t" + i);
            rows.add(RowFactory.create("t" + i, "filler", 1, i == 3 || i == 65 ? 1000L : 990L));
            if (i != 3 && i != 65) {
                rows.add(RowFactory.create("t" + i, "x", 1, 10L));
            }
        }
        List<Row> x = Terms.keyness(spark.createDataFrame(rows, schema), targets, "rest", 1).filter("term = 'x'").collectAsList();
        assertEquals(70, x.size());
        Map<String, Long> counts = new HashMap<>();
        x.forEach(r -> counts.put(r.getAs("target"), r.getAs("count_target")));
        assertEquals(0L, counts.get("t3"));
        assertEquals(0L, counts.get("t65"));
        assertEquals(10L, counts.get("t64"));
        assertEquals(10L, counts.get("t66"));
        assertEquals(68, counts.values().stream().filter(c -> c == 10L).count());
        Row t65 = x.stream().filter(r -> "t65".equals(r.getAs("target"))).findFirst().orElseThrow();
        assertEquals(2 * 680 * Math.log(70000.0 / 69000), t65.<Double>getAs("g2"), EPS);
    }

    @Test
    void keynessModesFromTheConfig() {
        TermsOptions bySource = new TermsOptions(null, null, null, null, null, null, List.of("source"), "A", null, 1,
                null, null, null, null, null, null, null);
        Map<String, Row> s = byKey(TermsJob.keyness(docTerms, bySource).filter("n = 1"), "comparison", "term");
        // A has trade 3 of 7 unigrams; the rest (B) trade 1 of 1.
        Row trade = s.get("A vs rest|trade|");
        assertEquals(3L, trade.<Long>getAs("count_target"));
        assertEquals(1L, trade.<Long>getAs("count_reference"));
        assertEquals(7L, trade.<Long>getAs("tokens_target"));
        assertEquals(1L, trade.<Long>getAs("tokens_reference"));
        assertEquals(Math.log((3.0 / 7) / (1.0 / 1)) / Math.log(2), trade.<Double>getAs("log_ratio"), EPS);
        assertEquals(3, s.size(), "china, trade, war; only A is a target");

        // each_source: every outlet against the rest, in one report; A's rows are those of 'source' A.
        TermsOptions eachSource = new TermsOptions(null, null, null, null, null, null, List.of("each_source"), null, null, 1,
                null, null, null, null, null, null, null);
        Map<String, Row> e = byKey(TermsJob.keyness(docTerms, eachSource).filter("n = 1"), "comparison", "term");
        assertEquals(trade.<Double>getAs("g2"), e.get("A vs rest|trade|").<Double>getAs("g2"), EPS);
        Row bTrade = e.get("B vs rest|trade|");
        assertEquals(1L, bTrade.<Long>getAs("count_target"));
        assertEquals(3L, bTrade.<Long>getAs("count_reference"));
        assertEquals(1L, bTrade.<Long>getAs("tokens_target"));
        assertEquals(7L, bTrade.<Long>getAs("tokens_reference"));
        assertEquals(Math.log((1.0 / 1) / (3.0 / 7)) / Math.log(2), bTrade.<Double>getAs("log_ratio"), EPS);
        // The default compares periods and outlets at once: both kinds of rows, told apart by `comparison`.
        java.util.Set<String> comparisons = new java.util.TreeSet<>();
        TermsJob.keyness(docTerms, new TermsOptions(null, null, null, null, null, null, null, null, null, 1, null, null, null,
                        null, null, null, null)).select("comparison").distinct().collectAsList()
                .forEach(r -> comparisons.add(r.getString(0)));
        assertTrue(comparisons.containsAll(Set.of("A vs rest", "B vs rest", "2020-01-01 vs rest", "2020-02-01 vs rest")), comparisons.toString());

        TermsOptions periods = new TermsOptions(null, null, null, null, null, null, List.of("periods"), "2020-02-01",
                "2020-01-01", 1, null, null, null, null, null, null, null);
        Map<String, Row> p = byKey(TermsJob.keyness(docTerms, periods).filter("n = 1"), "term");
        assertEquals("2020-02-01 vs 2020-01-01", p.get("trade|").getAs("comparison"));
        // war (0 in Feb, 2 in Jan): G² = 2 · 2 · ln(8 / 7) = 0.53, an insignificant absence: no row.
        assertNull(p.get("war|"));
        assertEquals(Set.of("trade|"), p.keySet());
        assertEquals(p.keySet(), byKey(TermsJob.keyness(cells, periods).filter("n = 1"), "term").keySet());
    }

    @Test
    void collocationsPmiNpmiAndG2() {
        Map<String, Row> c = byKey(Terms.collocations(cells, 1), "bigram");
        // Bigrams: china trade ×2, trade war ×2; N = 4, R1(china) = 2, C1(trade) = 2.
        Row ct = c.get("china trade|");
        assertEquals(2L, ct.<Long>getAs("count"));
        assertEquals(1.0, ct.<Double>getAs("pmi"), EPS, "log2(2·4/(2·2))");
        assertEquals(1.0, ct.<Double>getAs("npmi"), EPS, "1 / -log2(2/4)");
        assertEquals(8 * Math.log(2), ct.<Double>getAs("g2"), EPS, "O = (2,0,0,2), E = (1,1,1,1)");
        assertEquals(2, c.size());
    }

    @Test
    void trendingFlagsABurstAgainstThePast() {
        StructType schema = new StructType().add("article_id", DataTypes.StringType).add("source", DataTypes.StringType)
                .add("period_start", DataTypes.DateType).add("term", DataTypes.StringType)
                .add("n", DataTypes.IntegerType).add("count", DataTypes.LongType);
        // "tariff": 1 in 100 tokens in each of three months, then 10 in 100.
        List<Row> rows = new java.util.ArrayList<>();
        long[] tariff = {1, 1, 1, 10};
        for (int m = 0; m < 4; m++) {
            Date d = Date.valueOf("2020-0" + (m + 1) + "-01");
            rows.add(RowFactory.create("a" + m, "A", d, "tariff", 1, tariff[m]));
            rows.add(RowFactory.create("a" + m, "A", d, "filler", 1, 100 - tariff[m]));
        }
        Dataset<Row> dt = spark.createDataFrame(rows, schema);
        Dataset<Row> vocab = Terms.vocabulary(Terms.cells(dt), 4, 1, 1.0, 100);
        Map<String, Row> t = byKey(Terms.trending(dt, vocab, 3, 3.0, 5).filter("term = 'tariff'"), "period_start");
        Row april = t.get("2020-04-01|");
        // Mean past share 0.01 × 100 tokens = expected 1; past sd 0, √1 = 1: sd = 1; z = (10 − 1)/1.
        assertEquals(1.0, april.<Double>getAs("expected"), EPS);
        assertEquals(9.0, april.<Double>getAs("z_score"), EPS);
        assertTrue(april.<Boolean>getAs("burst"));
        assertNull(t.get("2020-01-01|").getAs("z_score"), "no past in the first period");
        assertFalse(t.get("2020-01-01|").<Boolean>getAs("burst"));
        assertFalse(t.get("2020-02-01|").<Boolean>getAs("burst"));
        // A jump with only two past periods is not flagged (window 3), though its z-score is reported.
        Map<String, Row> short3 = byKey(Terms.trending(dt.filter("period_start <> DATE'2020-01-01'"), vocab, 3, 3.0, 5)
                .filter("term = 'tariff'"), "period_start");
        assertEquals(9.0, short3.get("2020-04-01|").<Double>getAs("z_score"), EPS);
        assertFalse(short3.get("2020-04-01|").<Boolean>getAs("burst"));
    }

    @Test
    void trendingFromAPeriodEqualsTheWholeSeriesFromThatPeriod() {
        StructType schema = new StructType().add("article_id", DataTypes.StringType).add("source", DataTypes.StringType)
                .add("period_start", DataTypes.DateType).add("term", DataTypes.StringType)
                .add("n", DataTypes.IntegerType).add("count", DataTypes.LongType);
        // Eight months of unigrams; the bigram only in some months, so its series has fewer periods than n = 1's.
        List<Row> rows = new java.util.ArrayList<>();
        for (int m = 0; m < 8; m++) {
            Date d = Date.valueOf("2020-0" + (m + 1) + "-01");
            rows.add(RowFactory.create("a" + m, "A", d, "tariff", 1, (long) (1 + m * m % 7)));
            rows.add(RowFactory.create("a" + m, "A", d, "trade", 1, (long) (3 + m % 3)));
            rows.add(RowFactory.create("a" + m, "A", d, "filler", 1, 90L - m));
            if (m % 3 != 1) {
                rows.add(RowFactory.create("a" + m, "A", d, "trade war", 2, (long) (2 + m)));
                rows.add(RowFactory.create("a" + m, "A", d, "the trade", 2, 5L));
            }
        }
        Dataset<Row> dt = spark.createDataFrame(rows, schema);
        Dataset<Row> vocab = Terms.vocabulary(Terms.cells(dt), 8, 1, 1.0, 100);
        for (String from : List.of("2020-06-01", "2020-02-01", "2020-06-15", "2019-01-01", "2021-01-01")) {
            // A few dozen rows each: compared on the driver, as sorted lists (two queries instead of four).
            List<String> whole = sortedRows(Terms.trending(dt, vocab, 3, 3.0, 2).filter(col("period_start").geq(lit(Date.valueOf(from)))));
            List<String> part = sortedRows(Terms.trending(dt, vocab, 3, 3.0, 2, from));
            assertEquals(whole, part, "rows from " + from);
        }
        // From June the z-scores come from March to May, which the restricted computation read.
        assertTrue(Terms.trending(dt, vocab, 3, 3.0, 2, "2020-06-01").filter("term = 'trade' AND z_score IS NOT NULL").count() == 3);
    }

    private static List<String> sortedRows(Dataset<Row> df) {
        return df.collectAsList().stream().map(Row::toString).sorted().toList();
    }

    @Test
    void chiSquareSurvival() {
        assertEquals(0.05, Stats.chiSquare1Survival(3.841458820694124), 1e-9);
        assertEquals(0.01, Stats.chiSquare1Survival(6.634896601021214), 1e-9);
        assertEquals(1.0, Stats.chiSquare1Survival(0.0));
    }
}
