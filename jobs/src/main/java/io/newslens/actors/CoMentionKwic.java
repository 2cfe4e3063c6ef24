package io.newslens.actors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The sentences behind co_mentions: for every pair of actors named in one sentence at least {@code actors.min_count}
 * times, up to {@code actors.kwic_examples} of those sentences (one per article, chosen by a hash of the article id),
 * with the passage from the first actor's mention to the other's as the match.
 */
public final class CoMentionKwic {
    /** Characters of context on each side of the match. */
    static final int CONTEXT = 100;
    private static final StructType SENTENCE = new StructType().add("sentence_start", DataTypes.IntegerType)
            .add("sentence_end", DataTypes.IntegerType).add("left", DataTypes.StringType)
            .add("match", DataTypes.StringType).add("right", DataTypes.StringType);

    private CoMentionKwic() {
    }

    /** Sentence {@code idx} of an article laid out as the mentions' offsets expect, cut around [matchStart, matchEnd). */
    static Row cut(String title, String dateline, String body, String language, int idx, int matchStart, int matchEnd) {
        ActorText.Layout layout = ActorText.layout(title, dateline, body, language);
        if (idx < 0 || idx >= layout.sentences().size()) {
            return null;
        }
        ActorText.Sentence s = layout.sentences().get(idx);
        String text = layout.text();
        return RowFactory.create(s.start(), s.end(), text.substring(Math.max(s.start(), matchStart - CONTEXT), matchStart).stripLeading(),
                text.substring(matchStart, matchEnd), text.substring(matchEnd, Math.min(s.end(), matchEnd + CONTEXT)).stripTrailing());
    }

    /**
     * @param mentions   actor_mentions
     * @param coMentions co_mentions (its sentence-scope pairs over all periods and outlets are used)
     * @param actors     the actors report, for names
     * @param texts      article_id, title, dateline, text, language, published_date
     */
    public static Dataset<Row> examples(Dataset<Row> mentions, Dataset<Row> coMentions, Dataset<Row> actors, Dataset<Row> texts,
                                        int perPair) {
        Dataset<Row> first = mentions.filter(col("actor_id").isNotNull())
                .groupBy(col("article_id"), col("sentence_idx"), col("actor_id"), col("source"))
                .agg(min(struct(col("char_start"), col("char_end"))).as("m"));
        Dataset<Row> a = first.select(col("article_id"), col("sentence_idx"), col("source"), col("actor_id").as("actor_a"),
                col("m.char_start").as("a_start"), col("m.char_end").as("a_end"));
        Dataset<Row> b = first.select(col("article_id").as("b_article"), col("sentence_idx").as("b_sentence"),
                col("actor_id").as("actor_b"), col("m.char_start").as("b_start"), col("m.char_end").as("b_end"));
        Dataset<Row> pairs = coMentions.filter(col("scope").equalTo("sentence").and(col("period").equalTo("all")).and(col("outlet").equalTo("all")))
                .select(col("actor_a").as("p_a"), col("actor_b").as("p_b"));
        Dataset<Row> together = a.join(b, col("article_id").equalTo(col("b_article")).and(col("sentence_idx").equalTo(col("b_sentence")))
                        .and(col("actor_a").lt(col("actor_b"))))
                .join(pairs, col("actor_a").equalTo(col("p_a")).and(col("actor_b").equalTo(col("p_b"))))
                // One sentence per article (its first), then a seeded choice of articles per pair.
                .withColumn("_first", row_number().over(Window.partitionBy(col("actor_a"), col("actor_b"), col("article_id"))
                        .orderBy(col("sentence_idx"))))
                .filter(col("_first").equalTo(1))
                .withColumn("rank", row_number().over(Window.partitionBy(col("actor_a"), col("actor_b"))
                        .orderBy(xxhash64(col("article_id")), col("article_id"))))
                .filter(col("rank").leq(perPair));
        Column matchStart = org.apache.spark.sql.functions.least(col("a_start"), col("b_start"));
        Column matchEnd = org.apache.spark.sql.functions.greatest(col("a_end"), col("b_end"));
        UserDefinedFunction sentence = udf((UDF5<String, String, String, String, Row, Row>) (t, d, x, lang, at) ->
                cut(t, d, x, lang, at.getInt(0), at.getInt(1), at.getInt(2)), SENTENCE).withName("newslens_co_mention_kwic");
        Dataset<Row> names = actors.select(col("actor_id").as("n_id"), col("name").as("n_name"));
        Dataset<Row> withText = together.join(texts.withColumnRenamed("article_id", "t_article"), col("article_id").equalTo(col("t_article")))
                .withColumn("s", sentence.apply(col("title"), col("dateline"), col("text"), col("language"),
                        struct(col("sentence_idx"), matchStart, matchEnd)));
        return withText
                .join(org.apache.spark.sql.functions.broadcast(names.toDF("na_id", "name_a")), col("actor_a").equalTo(col("na_id")), "left")
                .join(org.apache.spark.sql.functions.broadcast(names.toDF("nb_id", "name_b")), col("actor_b").equalTo(col("nb_id")), "left")
                .select(col("actor_a"), col("actor_b"), col("name_a"), col("name_b"), col("rank"), col("article_id"), col("source"),
                        col("published_date"), col("sentence_idx"), col("s.sentence_start"), matchStart.as("match_start"),
                        matchEnd.as("match_end"), col("s.sentence_end"), col("s.left"), col("s.match"), col("s.right"));
    }
}
