package io.newslens.terms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.SparkTestSession;
import io.newslens.config.TextOptions;
import io.newslens.text.TextLayer;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Example sentences for a keyness term of an outlet and a trending term of a period, worked out by hand. */
class KwicTest {
    private final SparkSession spark = SparkTestSession.get();

    private Dataset<Row> corpus() {
        StructType schema = new StructType().add("article_id", DataTypes.StringType).add("source", DataTypes.StringType)
                .add("published_date", DataTypes.DateType).add("title", DataTypes.StringType).add("text", DataTypes.StringType)
                .add("language", DataTypes.StringType);
        Date jan = Date.valueOf("2020-01-05");
        Date feb = Date.valueOf("2020-02-03");
        return spark.createDataFrame(List.of(
                RowFactory.create("a1", "A", jan, "Geneva meeting", "China and the US held Trade-Talks in Geneva. Nothing more.", "en"),
                RowFactory.create("a2", "A", jan, "Again", "Trade talks resumed.", "en"),
                RowFactory.create("a3", "A", feb, "Third", "More trade talks. Tariffs rose.", "en"),
                RowFactory.create("b1", "B", feb, "Other", "Trade talks elsewhere. Tariffs fell sharply.", "en")), schema);
    }

    @Test
    void examplesComeFromTheTargetsArticlesWithOffsetsAndContext() {
        StructType wanted = new StructType().add("kind", DataTypes.StringType).add("term", DataTypes.StringType)
                .add("n", DataTypes.IntegerType).add("target", DataTypes.StringType);
        Dataset<Row> want = spark.createDataFrame(List.of(RowFactory.create("keyness", "trade talks", 2, "A"),
                RowFactory.create("trending", "tariffs", 1, "2020-02-01")), wanted);
        List<Row> rows = Kwic.examples(corpus(), want, 3, "month", lit(null).cast(DataTypes.createArrayType(DataTypes.StringType)),
                TextOptions.defaults()).orderBy("kind", "target", "rank").collectAsList();
        // keyness "trade talks" for A: a1, a2, a3 (b1 is B's); trending "tariffs" in February: a3 and b1.
        assertEquals(5, rows.size(), rows.toString());
        assertEquals(List.of("a1", "a2", "a3"), rows.subList(0, 3).stream().map(r -> (String) r.getAs("article_id")).sorted().toList());
        assertEquals(List.of(1, 2, 3), rows.subList(0, 3).stream().map(r -> (Integer) r.getAs("rank")).toList());
        Row a1 = rows.stream().filter(r -> r.getAs("article_id").equals("a1")).findFirst().orElseThrow();
        // "Geneva meeting\n\n" is 16 characters; "China and the US held " 22 more: the match starts at 38 and is
        // written "Trade-Talks" (any non-word characters between the words).
        assertEquals(16, a1.<Integer>getAs("sentence_start"));
        assertEquals(38, a1.<Integer>getAs("match_start"));
        assertEquals(49, a1.<Integer>getAs("match_end"));
        assertEquals("China and the US held ", a1.getAs("left"));
        assertEquals("Trade-Talks", a1.getAs("match"));
        assertEquals(" in Geneva.", a1.getAs("right"));
        List<String> tariffs = rows.subList(3, 5).stream().map(r -> (String) r.getAs("article_id")).sorted().toList();
        assertEquals(List.of("a3", "b1"), tariffs);
        Row b1 = rows.subList(3, 5).stream().filter(r -> r.getAs("article_id").equals("b1")).findFirst().orElseThrow();
        // "Other\n\n" 7, "Trade talks elsewhere. " 23: the sentence starts at 30, "Tariffs" is its first word.
        assertEquals(30, b1.<Integer>getAs("sentence_start"));
        assertEquals(30, b1.<Integer>getAs("match_start"));
        assertEquals(" fell sharply.", b1.getAs("right"));
        // Only the fewer of the limit and the qualifying articles: a limit of 1 keeps one per term and target.
        assertEquals(2, Kwic.examples(corpus(), want, 1, "month", lit(null).cast(DataTypes.createArrayType(DataTypes.StringType)),
                TextOptions.defaults()).count());
    }

    /** The articles' n-gram counts as the terms stage makes them. */
    private static Dataset<Row> grams(Dataset<Row> corpus) {
        return corpus.select(col("article_id"), Terms.ngramCounts(3, false).apply(TextLayer.chunks(col("title"), col("text"),
                col("language"), TextOptions.defaults())).as(Terms.GRAMS));
    }

    @Test
    void searchingOnlyTheArticlesWhoseCountsHoldTheTermGivesTheSameExamples() {
        StructType schema = new StructType().add("article_id", DataTypes.StringType).add("source", DataTypes.StringType)
                .add("published_date", DataTypes.DateType).add("title", DataTypes.StringType).add("text", DataTypes.StringType)
                .add("language", DataTypes.StringType);
        // 14 articles of A hold "trade talks" (in the title, first or later sentence, hyphenated), 6 do not; B's too.
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String text = i % 10 < 7 ? (i % 2 == 0 ? "Officials met. Trade talks went on for hours." : "Trade-talks stalled. Tariffs rose.")
                    : "Officials met. Tariffs rose again.";
            rows.add(RowFactory.create("a" + i, "A", Date.valueOf("2020-01-0" + (1 + i % 9)), i == 3 ? "Trade talks" : "Day " + i, text, "en"));
        }
        rows.add(RowFactory.create("b1", "B", Date.valueOf("2020-01-02"), "Other", "Trade talks elsewhere.", "en"));
        Dataset<Row> corpus = spark.createDataFrame(rows, schema);
        StructType wanted = new StructType().add("kind", DataTypes.StringType).add("term", DataTypes.StringType)
                .add("n", DataTypes.IntegerType).add("target", DataTypes.StringType);
        Dataset<Row> want = spark.createDataFrame(List.of(RowFactory.create("keyness", "trade talks", 2, "A"),
                RowFactory.create("trending", "tariffs", 1, "2020-01-01")), wanted);
        org.apache.spark.sql.Column none = lit(null).cast(DataTypes.createArrayType(DataTypes.StringType));
        for (int perTerm : new int[] {1, 2, 3, 20}) {
            Dataset<Row> everywhere = Kwic.examples(corpus, want, perTerm, "month", none, TextOptions.defaults());
            Dataset<Row> found = Kwic.examples(corpus, want, perTerm, "month", none, TextOptions.defaults(), grams(corpus));
            assertEquals(Math.min(perTerm, 14) + Math.min(perTerm, 12), everywhere.count(), "examples with " + perTerm);
            assertEquals(0, everywhere.exceptAll(found).count(), "same examples with " + perTerm);
            assertEquals(0, found.exceptAll(everywhere).count(), "same examples with " + perTerm);
        }
        // The counts decide where to look: counts that leave the term out of the article that would be chosen first
        // leave that article out.
        Row first = Kwic.examples(corpus, want, 1, "month", none, TextOptions.defaults())
                .filter("kind = 'keyness'").first();
        String chosen = first.getAs("article_id");
        Dataset<Row> without = grams(corpus.filter(col("article_id").notEqual(chosen)))
                .unionByName(corpus.filter(col("article_id").equalTo(chosen)).select(col("article_id"),
                        org.apache.spark.sql.functions.array().cast(DataTypes.createArrayType(new StructType()
                                .add("term", DataTypes.StringType).add("n", DataTypes.IntegerType).add("count", DataTypes.LongType)))
                                .as(Terms.GRAMS)));
        Row instead = Kwic.examples(corpus, want, 1, "month", none, TextOptions.defaults(), without).filter("kind = 'keyness'").first();
        assertTrue(!chosen.equals(instead.getAs("article_id")), chosen);
    }

    @Test
    void wantedTakesTheMostOverUsedTermsAndTheStrongestBursts() {
        StructType k = new StructType().add("target", DataTypes.StringType).add("term", DataTypes.StringType)
                .add("n", DataTypes.IntegerType).add("g2", DataTypes.DoubleType).add("log_ratio", DataTypes.DoubleType);
        Dataset<Row> keyness = spark.createDataFrame(List.of(RowFactory.create("A", "x", 1, 9.0, 1.0),
                RowFactory.create("A", "y", 1, 20.0, -1.0), RowFactory.create("A", "z", 1, 5.0, 2.0),
                RowFactory.create("A", "w", 1, 4.0, 2.0)), k);
        StructType t = new StructType().add("period_start", DataTypes.DateType).add("term", DataTypes.StringType)
                .add("n", DataTypes.IntegerType).add("z_score", DataTypes.DoubleType).add("burst", DataTypes.BooleanType);
        Dataset<Row> trending = spark.createDataFrame(List.of(RowFactory.create(Date.valueOf("2020-02-01"), "q", 1, 4.0, true),
                RowFactory.create(Date.valueOf("2020-02-01"), "r", 1, 9.0, false)), t);
        List<String> got = Kwic.wanted(keyness, trending, 2).collectAsList().stream()
                .map(r -> r.getString(0) + ":" + r.getString(1) + "@" + r.getString(3)).sorted().toList();
        // y is under-used (log_ratio < 0), w is third; r is no burst.
        assertEquals(List.of("keyness:x@A", "keyness:z@A", "trending:q@2020-02-01"), got);
    }
}
