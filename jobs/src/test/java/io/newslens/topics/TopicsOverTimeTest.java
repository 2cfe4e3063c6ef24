package io.newslens.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newslens.SparkTestSession;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** topic_terms_by_period, topic labels, stability matching and language models, by hand on tiny inputs. */
class TopicsOverTimeTest {
    private final SparkSession spark = SparkTestSession.get();
    private static final String[] VOCAB = {"a", "b", "c"};
    /** φ: topic 0 a .6, b .4; topic 1 b .5, c .5. */
    private static final double[][] PHI = {{0.6, 0.4, 0.0}, {0.0, 0.5, 0.5}};

    private Dataset<Row> weights(Object[]... rows) {
        StructType schema = new StructType().add(TopicReports.PERIOD_START, DataTypes.DateType)
                .add(Topics.WEIGHTS, DataTypes.createArrayType(DataTypes.DoubleType))
                .add(Topics.TOKENS, DataTypes.createArrayType(DataTypes.StringType));
        List<Row> list = new ArrayList<>();
        for (Object[] r : rows) {
            list.add(RowFactory.create(r));
        }
        return spark.createDataFrame(list, schema);
    }

    /**
     * Jan: d1 θ (1, 0) [a a b]: all to topic 0 (a 2, b 1); d2 θ (.5, .5) [b c]: b shared .2 : .25 (4/9 to topic 0,
     * 5/9 to topic 1), c to topic 1. Topic 0: a 2, b 13/9 of 31/9 words; topic 1: c 1, b 5/9 of 14/9.
     * Feb: d3 θ (0, 1) [c b x]: c 1, b 1 to topic 1 (x is no vocabulary word); d5 θ (1, 0) [a]: topic 0 a 1.
     * Undated d4 is left out. Top 2: topic 0 Jan {a, b}, Feb {a}: shift 1 − 1/2; topic 1 {c, b} both months: 0.
     */
    @Test
    void periodWordsShareEachOccurrenceByTheModelsResponsibilities() {
        Date jan = Date.valueOf("2020-01-01");
        Date feb = Date.valueOf("2020-02-01");
        Dataset<Row> w = weights(new Object[] {jan, List.of(1.0, 0.0), List.of("a", "a", "b")},
                new Object[] {jan, List.of(0.5, 0.5), List.of("b", "c")},
                new Object[] {feb, List.of(0.0, 1.0), List.of("c", "b", "x")},
                new Object[] {null, List.of(1.0, 0.0), List.of("a")},
                new Object[] {feb, List.of(1.0, 0.0), List.of("a")});
        Broadcast<TopicsOverTime.Model> model = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .broadcast(TopicsOverTime.Model.of(PHI, VOCAB));
        List<Row> rows = TopicsOverTime.termsByPeriod(w, model, 2).orderBy("period_start", "topic_id", "rank").collectAsList();
        model.destroy();
        List<String> got = rows.stream().map(r -> r.getInt(0) + " " + r.getDate(8) + " " + r.getInt(1) + " " + r.getString(2)
                + " " + r.getLong(5) + " " + r.get(6) + " " + r.get(7)).toList();
        assertEquals(List.of("0 2020-01-01 1 a 2 null null", "0 2020-01-01 2 b 2 null null",
                "1 2020-01-01 1 c 2 null null", "1 2020-01-01 2 b 2 null null",
                "0 2020-02-01 1 a 2 0.5 false",
                "1 2020-02-01 1 b 2 0.0 false", "1 2020-02-01 2 c 2 0.0 false"), got);
        Map<String, double[]> expected = Map.of("0 2020-01-01 a", new double[] {2, 18.0 / 31}, "0 2020-01-01 b", new double[] {13.0 / 9, 13.0 / 31},
                "1 2020-01-01 c", new double[] {1, 9.0 / 14}, "1 2020-01-01 b", new double[] {5.0 / 9, 5.0 / 14},
                "0 2020-02-01 a", new double[] {1, 1}, "1 2020-02-01 b", new double[] {1, 0.5}, "1 2020-02-01 c", new double[] {1, 0.5});
        for (Row r : rows) {
            double[] e = expected.get(r.getInt(0) + " " + r.getDate(8) + " " + r.getString(2));
            assertEquals(e[0], r.getDouble(4), 1e-12, "expected count of " + r);
            assertEquals(e[1], r.getDouble(3), 1e-12, "weight of " + r);
        }
    }

    @Test
    void aLabelLeadsWithTheTopicsMostFrequentCollocation() {
        List<String> words = List.of("rates", "interest", "bank", "fed");
        assertEquals("rates / interest / bank", TopicLabels.label(words, Map.of()));
        // equal counts: the collocation of better-ranked words (1 + 0 against 2 + 3) leads
        assertEquals("interest rates / bank / fed", TopicLabels.label(words, Map.of("interest rates", 6L, "bank fed", 6L)));
        assertEquals("bank fed / rates / interest", TopicLabels.label(words, Map.of("interest rates", 6L, "bank fed", 7L)));
    }

    /** Collocations of the dominant topic's top words, adjacent, at least 5 times; other topics' articles do not count. */
    @Test
    void collocationsComeFromTheArticlesATopicDominates() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(new Object[] {null, List.of(0.9, 0.1), List.of("interest", "rates", "rose", "bank", "fed")});
        }
        for (int i = 0; i < 4; i++) {
            rows.add(new Object[] {null, List.of(0.9, 0.1), List.of("fed", "bank")});
            rows.add(new Object[] {null, List.of(0.1, 0.9), List.of("fed", "bank")});
        }
        Map<Integer, List<String>> top = Map.of(0, List.of("rates", "interest", "bank", "fed"), 1, List.of("fed", "bank"));
        List<String> got = TopicLabels.collocations(weights(rows.toArray(Object[][]::new)), top).orderBy("topic", "collocation")
                .collectAsList().stream().map(r -> r.getInt(0) + " " + r.getString(1) + " " + r.getLong(2)).toList();
        // "rates rose" and "rose bank" hold a word outside the top; "fed bank" 4 + 4 in two topics: 4 each, too few
        assertEquals(List.of("0 bank fed 5", "0 interest rates 5"), got);
    }

    /**
     * Reference topics 0 {a b c d}, 1 {e f g h}, 2 {i j k l}; refit 0 {e f g x} (Jaccard with 1: 3/5), 1 {a b c d}
     * (1.0 with 0), 2 {a b y z} (1/3 with 0, but 0 is taken; 0 with 2). Greedy: 0↔1 (1.0), 1↔0 (0.6), 2↔2 (0).
     */
    @Test
    void topicsAreMatchedOneToOneMostSimilarFirst() {
        Map<Integer, List<String>> reference = Map.of(0, List.of("a", "b", "c", "d"), 1, List.of("e", "f", "g", "h"),
                2, List.of("i", "j", "k", "l"));
        Map<Integer, List<String>> refit = Map.of(0, List.of("e", "f", "g", "x"), 1, List.of("a", "b", "c", "d"),
                2, List.of("a", "b", "y", "z"));
        List<TopicStability.Pairing> p = TopicStability.match(reference, refit);
        assertEquals(List.of(new TopicStability.Pairing(0, 1, 1.0), new TopicStability.Pairing(1, 0, 0.6),
                new TopicStability.Pairing(2, 2, 0.0)), p);
        assertEquals(List.of(true, true, false), p.stream().map(TopicStability.Pairing::isMatch).toList());
        assertEquals(List.of(new TopicStability.Pairing(0, 0, 1.0), new TopicStability.Pairing(1, null, 0.0)),
                TopicStability.match(Map.of(0, List.of("a"), 1, List.of("b")), Map.of(0, List.of("a"))), "more topics than the refit's");
    }

    @Test
    void eachLanguageWithEnoughArticlesGetsAModelTheRestArePooledWhenTheyAreEnough() {
        List<TopicLanguages.Group> g = TopicLanguages.groups(Map.of("en", 300L, "zh", 30L, "de", 12L, "fr", 10L), 20);
        assertEquals(List.of(new TopicLanguages.Group("en", List.of("en"), 300), new TopicLanguages.Group("zh", List.of("zh"), 30),
                new TopicLanguages.Group("mul", List.of("de", "fr"), 22)), g);
        List<TopicLanguages.Group> few = TopicLanguages.groups(Map.of("en", 300L, "de", 12L), 20);
        assertEquals(List.of("en"), few.stream().map(TopicLanguages.Group::name).toList());
        assertEquals(List.of("de"), TopicLanguages.leftOut(Map.of("en", 300L, "de", 12L), few));
        assertEquals("en-07", TopicReports.topicId("en", 7, 20));
        assertEquals("zh-007", TopicReports.topicId("zh", 7, 101));
        assertEquals("en-7", TopicReports.topicId("en", 7, 10));
    }
}
