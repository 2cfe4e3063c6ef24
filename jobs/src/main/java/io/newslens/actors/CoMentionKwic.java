package io.newslens.actors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.unsafe.types.UTF8String;
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
    /** One example as {@link #CUTS} returns it: the chosen pair and sentence, and the cut (null where the sentence is gone). */
    private static final StructType EXAMPLE = new StructType().add("actor_a", DataTypes.StringType)
            .add("actor_b", DataTypes.StringType).add("rank", DataTypes.IntegerType).add("source", DataTypes.StringType)
            .add("sentence_idx", DataTypes.IntegerType).add("match_start", DataTypes.IntegerType)
            .add("match_end", DataTypes.IntegerType).add("sentence_start", DataTypes.IntegerType)
            .add("sentence_end", DataTypes.IntegerType).add("left", DataTypes.StringType)
            .add("match", DataTypes.StringType).add("right", DataTypes.StringType);

    /** An article's chosen examples ({@code ex}: actor_a, actor_b, rank, source, sentence_idx, match_start, match_end), cut. */
    private static final UserDefinedFunction CUTS = udf((UDF5<String, String, String, String, scala.collection.Seq<Row>, List<Row>>)
            (title, dateline, body, language, ex) -> {
                ActorText.Layout layout = ActorText.layout(title, dateline, body, language);
                List<Row> out = new java.util.ArrayList<>(ex.size());
                for (int i = 0; i < ex.size(); i++) {
                    Row e = ex.apply(i);
                    Row c = cut(layout, e.getInt(4), e.getInt(5), e.getInt(6));
                    out.add(RowFactory.create(e.getString(0), e.getString(1), e.getInt(2), e.isNullAt(3) ? null : e.getString(3),
                            e.getInt(4), e.getInt(5), e.getInt(6), c == null ? null : c.get(0), c == null ? null : c.get(1),
                            c == null ? null : c.get(2), c == null ? null : c.get(3), c == null ? null : c.get(4)));
                }
                return out;
            }, DataTypes.createArrayType(EXAMPLE)).withName("newslens_co_mention_kwic");

    private CoMentionKwic() {
    }

    /** Sentence {@code idx} of an article laid out as the mentions' offsets expect, cut around [matchStart, matchEnd). */
    private static Row cut(ActorText.Layout layout, int idx, int matchStart, int matchEnd) {
        if (idx < 0 || idx >= layout.sentences().size()) {
            return null;
        }
        ActorText.Sentence s = layout.sentences().get(idx);
        String text = layout.text();
        return RowFactory.create(s.start(), s.end(), text.substring(Math.max(s.start(), matchStart - CONTEXT), matchStart).stripLeading(),
                text.substring(matchStart, matchEnd), text.substring(matchEnd, Math.min(s.end(), matchEnd + CONTEXT)).stripTrailing());
    }

    /** A pair of actors named in one sentence of an article: that sentence and the passage from one's name to the other's. */
    private static final StructType PAIR = new StructType().add("actor_a", DataTypes.StringType)
            .add("actor_b", DataTypes.StringType).add("sentence_idx", DataTypes.IntegerType)
            .add("match_start", DataTypes.IntegerType).add("match_end", DataTypes.IntegerType);

    /**
     * An article's pairs (actor_a before actor_b, in Spark's string order), each from the first sentence naming both,
     * with each actor's first mention in it (by char_start, then char_end); from its mentions (actor_id, sentence_idx,
     * char_start, char_end, found by name). Mentions without an actor or a sentence pair with nothing.
     */
    private static final UserDefinedFunction SENTENCE_PAIRS = udf((UDF1<scala.collection.Seq<Row>, List<Row>>) mentions -> {
        List<Row> out = new java.util.ArrayList<>();
        if (mentions == null || mentions.isEmpty()) {
            return out;
        }
        Row head = mentions.apply(0);
        int actor = head.fieldIndex("actor_id");
        int sentence = head.fieldIndex("sentence_idx");
        int start = head.fieldIndex("char_start");
        int end = head.fieldIndex("char_end");
        // sentence → actor (in Spark's order) → its first mention there
        java.util.TreeMap<Integer, java.util.TreeMap<UTF8String, int[]>> bySentence = new java.util.TreeMap<>();
        for (int i = 0; i < mentions.size(); i++) {
            Row m = mentions.apply(i);
            if (m.isNullAt(actor) || m.isNullAt(sentence) || m.isNullAt(start) || m.isNullAt(end)) {
                continue;
            }
            int[] span = {m.getInt(start), m.getInt(end)};
            bySentence.computeIfAbsent(m.getInt(sentence), k -> new java.util.TreeMap<>())
                    .merge(UTF8String.fromString(m.getString(actor)), span,
                            (x, y) -> x[0] < y[0] || x[0] == y[0] && x[1] <= y[1] ? x : y);
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        bySentence.forEach((idx, actors) -> {
            List<java.util.Map.Entry<UTF8String, int[]>> named = new java.util.ArrayList<>(actors.entrySet());
            for (int i = 0; i < named.size(); i++) {
                for (int j = i + 1; j < named.size(); j++) {
                    String a = named.get(i).getKey().toString();
                    String b = named.get(j).getKey().toString();
                    if (seen.add(a + '\u0000' + b)) {
                        int[] x = named.get(i).getValue();
                        int[] y = named.get(j).getValue();
                        out.add(RowFactory.create(a, b, idx, Math.min(x[0], y[0]), Math.max(x[1], y[1])));
                    }
                }
            }
        });
        return out;
    }, DataTypes.createArrayType(PAIR)).withName("newslens_sentence_pairs");

    /**
     * @param articles   article_id, source and mentions (an array of structs with actor_id, sentence_idx, char_start
     *                   and char_end, as the analysis gives them)
     * @param coMentions co_mentions (its sentence-scope pairs over all periods and outlets are used)
     * @param actors     the actors report, for names
     * @param texts      article_id, title, dateline, text, language, published_date
     */
    public static Dataset<Row> examples(Dataset<Row> articles, Dataset<Row> coMentions, Dataset<Row> actors, Dataset<Row> texts,
                                        int perPair) {
        return examplesFromCells(exampleCells(articles.withColumn("_group", lit("all")), "_group", perPair).drop("_group"),
                coMentions, actors, texts, perPair);
    }

    /**
     * Per group of articles ({@code group}, a column of {@code articles}): for every pair named in one sentence, the
     * {@code perPair} articles first by a hash of their id (then the id), each with its first sentence naming both
     * (article_id, source, sentence_idx, match_start, match_end). The order is total and the same in every group, so
     * the first {@code perPair} of several groups' rows are the first of all their articles: a run keeps these rows
     * per group of stored articles ({@link io.newslens.report.ArticleStore#sums}) and chooses again among them.
     */
    static Dataset<Row> exampleCells(Dataset<Row> articles, String group, int perPair) {
        // Each article's pairs from its own row of mentions: its mentions are not shuffled to meet each other.
        return articles.select(col(group), col("article_id"), col("source"), explode(SENTENCE_PAIRS.apply(col("mentions"))).as("p"))
                .select(col(group), col("article_id"), col("source"), col("p.*"))
                .withColumn("_r", row_number().over(Window.partitionBy(col(group), col("actor_a"), col("actor_b"))
                        .orderBy(xxhash64(col("article_id")), col("article_id"))))
                .filter(col("_r").leq(perPair))
                .drop("_r");
    }

    /** co_mention_kwic from {@link #exampleCells} of one or more groups (the group column dropped). */
    static Dataset<Row> examplesFromCells(Dataset<Row> cells, Dataset<Row> coMentions, Dataset<Row> actors, Dataset<Row> texts,
                                          int perPair) {
        Dataset<Row> pairs = coMentions.filter(col("scope").equalTo("sentence").and(col("period").equalTo("all")).and(col("outlet").equalTo("all")))
                .select(col("actor_a").as("p_a"), col("actor_b").as("p_b"));
        long pairCount = pairs.count();
        // A pair's row takes some 200 bytes while a broadcast is built: up to a tenth of the driver heap, sent to every task.
        boolean fewPairs = pairCount <= Runtime.getRuntime().maxMemory() / 2000;
        Dataset<Row> together = cells.join(fewPairs ? org.apache.spark.sql.functions.broadcast(pairs) : pairs,
                        col("actor_a").equalTo(col("p_a")).and(col("actor_b").equalTo(col("p_b"))))
                // a seeded choice of articles per pair
                .withColumn("rank", row_number().over(Window.partitionBy(col("actor_a"), col("actor_b"))
                        .orderBy(xxhash64(col("article_id")), col("article_id"))))
                .filter(col("rank").leq(perPair));
        // The chosen sentences of each article together: the article is laid out (split into sentences) once, not once
        // per pair it gives an example of.
        Dataset<Row> chosen = together.groupBy(col("article_id").as("t_article"))
                .agg(org.apache.spark.sql.functions.collect_list(struct(col("actor_a"), col("actor_b"), col("rank"), col("source"),
                        col("sentence_idx"), col("match_start"), col("match_end"))).as("ex"));
        // At most perPair rows per pair: when they fit a tenth of the driver heap (a row takes some 200 bytes while a
        // broadcast is built) they are sent to every task, and the articles' texts are read where they are, not shuffled.
        long bound = pairCount * perPair;
        if (bound <= Runtime.getRuntime().maxMemory() / 2000) {
            chosen = org.apache.spark.sql.functions.broadcast(chosen);
        }
        Dataset<Row> names = actors.select(col("actor_id").as("n_id"), col("name").as("n_name"));
        Dataset<Row> withText = texts.join(chosen, col("article_id").equalTo(col("t_article")))
                .select(col("article_id"), col("published_date"),
                        explode(CUTS.apply(col("title"), col("dateline"), col("text"), col("language"), col("ex"))).as("e"));
        return withText
                .join(org.apache.spark.sql.functions.broadcast(names.toDF("na_id", "name_a")), col("e.actor_a").equalTo(col("na_id")), "left")
                .join(org.apache.spark.sql.functions.broadcast(names.toDF("nb_id", "name_b")), col("e.actor_b").equalTo(col("nb_id")), "left")
                .select(col("e.actor_a").as("actor_a"), col("e.actor_b").as("actor_b"), col("name_a"), col("name_b"), col("e.rank").as("rank"),
                        col("article_id"), col("e.source").as("source"), col("published_date"), col("e.sentence_idx").as("sentence_idx"),
                        col("e.sentence_start").as("sentence_start"), col("e.match_start").as("match_start"),
                        col("e.match_end").as("match_end"), col("e.sentence_end").as("sentence_end"), col("e.left").as("left"),
                        col("e.match").as("match"), col("e.right").as("right"));
    }
}
