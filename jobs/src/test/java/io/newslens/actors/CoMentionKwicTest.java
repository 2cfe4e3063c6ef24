package io.newslens.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newslens.SparkTestSession;
import java.sql.Date;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The sentence behind a co-mention pair, with offsets worked out by hand. */
class CoMentionKwicTest {
    private final SparkSession spark = SparkTestSession.get();

    /** Mention rows as the analysis holds them: one row per article with its array of mentions. */
    private static Dataset<Row> perArticle(Dataset<Row> mentions) {
        return mentions.groupBy("article_id", "source").agg(org.apache.spark.sql.functions.collect_list(
                org.apache.spark.sql.functions.struct("actor_id", "sentence_idx", "char_start", "char_end")).as("mentions"));
    }

    @Test
    void aPairsSentenceWithItsNamesOffsetsAndContext() {
        // "Talks\n\n" is 7 characters: the body's first sentence "China and the United States met. " is [7, 40);
        // China [7, 12), the United States [21, 34). Japan is named with China too, but CHN-JPN is no co_mentions pair.
        StructType t = new StructType().add("article_id", DataTypes.StringType).add("title", DataTypes.StringType)
                .add("dateline", DataTypes.StringType).add("text", DataTypes.StringType).add("language", DataTypes.StringType)
                .add("published_date", DataTypes.DateType);
        Dataset<Row> texts = spark.createDataFrame(List.of(RowFactory.create("a1", "Talks", null,
                "China and the United States met. Japan and China did not.", "en", Date.valueOf("2024-03-01"))), t);
        StructType m = new StructType().add("article_id", DataTypes.StringType).add("actor_id", DataTypes.StringType)
                .add("sentence_idx", DataTypes.IntegerType).add("char_start", DataTypes.IntegerType)
                .add("char_end", DataTypes.IntegerType).add("source", DataTypes.StringType);
        Dataset<Row> mentions = spark.createDataFrame(List.of(RowFactory.create("a1", "CHN", 1, 7, 12, "Wire"),
                RowFactory.create("a1", "USA", 1, 21, 34, "Wire"), RowFactory.create("a1", "JPN", 2, 40, 45, "Wire"),
                RowFactory.create("a1", "CHN", 2, 50, 55, "Wire")), m);
        StructType c = new StructType().add("scope", DataTypes.StringType).add("period", DataTypes.StringType)
                .add("outlet", DataTypes.StringType).add("actor_a", DataTypes.StringType).add("actor_b", DataTypes.StringType);
        // CHN-JPN is a sentence pair of one outlet only (not of every outlet together): no examples of its own.
        Dataset<Row> co = spark.createDataFrame(List.of(RowFactory.create("sentence", "all", "all", "CHN", "USA"),
                RowFactory.create("sentence", "all", "Wire", "CHN", "USA"), RowFactory.create("sentence", "all", "Wire", "CHN", "JPN"),
                RowFactory.create("article", "all", "all", "CHN", "JPN")), c);
        StructType a = new StructType().add("actor_id", DataTypes.StringType).add("name", DataTypes.StringType);
        Dataset<Row> actors = spark.createDataFrame(List.of(RowFactory.create("CHN", "China"),
                RowFactory.create("USA", "United States"), RowFactory.create("JPN", "Japan")), a);

        List<Row> rows = CoMentionKwic.examples(perArticle(mentions), co, actors, texts, 3).collectAsList();
        assertEquals(1, rows.size(), rows.toString());
        Row r = rows.get(0);
        assertEquals("CHN|USA|China|United States|1|a1|Wire|2024-03-01|1",
                String.join("|", r.getString(0), r.getString(1), r.getString(2), r.getString(3), String.valueOf(r.getInt(4)),
                        r.getString(5), r.getString(6), String.valueOf(r.getDate(7)), String.valueOf(r.getInt(8))));
        assertEquals(List.of(7, 7, 34, 40), List.of(r.getInt(9), r.getInt(10), r.getInt(11), r.getInt(12)));
        assertEquals("", r.getString(13));
        assertEquals("China and the United States", r.getString(14));
        assertEquals(" met.", r.getString(15));
    }

    @Test
    void everyPairOfASentenceIsCutFromOneLayoutOfItsArticle() {
        // "Talks\n\n" is 7 characters; the first sentence "China, Japan and the United States met. " is [7, 47): China
        // [7, 12), Japan [14, 19), the United States [28, 41). Three pairs in one sentence; CHN-JPN's second sentence is not
        // used (one sentence per article). a2's mentions point at a sentence it does not have: kept, without a cut.
        StructType t = new StructType().add("article_id", DataTypes.StringType).add("title", DataTypes.StringType)
                .add("dateline", DataTypes.StringType).add("text", DataTypes.StringType).add("language", DataTypes.StringType)
                .add("published_date", DataTypes.DateType);
        Dataset<Row> texts = spark.createDataFrame(List.of(
                RowFactory.create("a1", "Talks", null, "China, Japan and the United States met. Japan and China did not.", "en",
                        Date.valueOf("2024-03-01")),
                RowFactory.create("a2", "Brief", null, "Short.", "en", Date.valueOf("2024-03-02"))), t);
        StructType m = new StructType().add("article_id", DataTypes.StringType).add("actor_id", DataTypes.StringType)
                .add("sentence_idx", DataTypes.IntegerType).add("char_start", DataTypes.IntegerType)
                .add("char_end", DataTypes.IntegerType).add("source", DataTypes.StringType);
        Dataset<Row> mentions = spark.createDataFrame(List.of(RowFactory.create("a1", "CHN", 1, 7, 12, "Wire"),
                RowFactory.create("a1", "JPN", 1, 14, 19, "Wire"), RowFactory.create("a1", "USA", 1, 28, 41, "Wire"),
                RowFactory.create("a1", "JPN", 2, 47, 52, "Wire"), RowFactory.create("a1", "CHN", 2, 57, 62, "Wire"),
                RowFactory.create("a2", "CHN", 9, 0, 1, "Post"), RowFactory.create("a2", "USA", 9, 2, 3, "Post")), m);
        StructType c = new StructType().add("scope", DataTypes.StringType).add("period", DataTypes.StringType)
                .add("outlet", DataTypes.StringType).add("actor_a", DataTypes.StringType).add("actor_b", DataTypes.StringType);
        Dataset<Row> co = spark.createDataFrame(List.of(RowFactory.create("sentence", "all", "all", "CHN", "JPN"),
                RowFactory.create("sentence", "all", "all", "CHN", "USA"), RowFactory.create("sentence", "all", "all", "JPN", "USA")), c);
        StructType a = new StructType().add("actor_id", DataTypes.StringType).add("name", DataTypes.StringType);
        Dataset<Row> actors = spark.createDataFrame(List.of(RowFactory.create("CHN", "China"),
                RowFactory.create("USA", "United States"), RowFactory.create("JPN", "Japan")), a);

        List<String> rows = CoMentionKwic.examples(perArticle(mentions), co, actors, texts, 3)
                .selectExpr("concat_ws('|', actor_a, actor_b, name_a, name_b, article_id, source, cast(published_date AS string), "
                        + "cast(sentence_idx AS string), coalesce(cast(sentence_start AS string), '-'), cast(match_start AS string), "
                        + "cast(match_end AS string), coalesce(cast(sentence_end AS string), '-'), coalesce(left, '-'), "
                        + "coalesce(match, '-'), coalesce(right, '-'))")
                .toDF("row").orderBy("row")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(List.of(
                "CHN|JPN|China|Japan|a1|Wire|2024-03-01|1|7|7|19|47||China, Japan| and the United States met.",
                "CHN|USA|China|United States|a1|Wire|2024-03-01|1|7|7|41|47||China, Japan and the United States| met.",
                "CHN|USA|China|United States|a2|Post|2024-03-02|9|-|0|3|-|-|-|-",
                "JPN|USA|Japan|United States|a1|Wire|2024-03-01|1|7|14|41|47|China, |Japan and the United States| met."), rows);
        // Kept per group of articles (a1 | a2) and chosen again among the groups: the same as from one group. With one
        // example per pair, CHN-USA's (a1 or a2, by the hash of the id) is the one chosen from all articles.
        Dataset<Row> split = perArticle(mentions).withColumn("g", org.apache.spark.sql.functions.col("article_id"));
        Dataset<Row> cells = CoMentionKwic.exampleCells(split, "g", 1);
        assertEquals(2L, cells.filter("actor_a = 'CHN' AND actor_b = 'USA'").count(), "each group keeps its own");
        List<Row> one = CoMentionKwic.examples(perArticle(mentions), co, actors, texts, 1).orderBy("actor_a", "actor_b").collectAsList();
        assertEquals(one, CoMentionKwic.examplesFromCells(cells.drop("g"), co, actors, texts, 1).orderBy("actor_a", "actor_b").collectAsList());
        assertEquals(3, one.size(), "one per pair");
        // The two CHN-USA examples are ranked 1 and 2.
        assertEquals(List.of(1, 2), CoMentionKwic.examples(perArticle(mentions), co, actors, texts, 3).filter("actor_b = 'USA' AND actor_a = 'CHN'")
                .select("rank").orderBy("rank").as(org.apache.spark.sql.Encoders.INT()).collectAsList());
    }
}
