package io.newslens.actors;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.newslens.config.ActorsOptions;
import io.newslens.text.Association;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Actors as pure DataFrame functions. One UDF reads each article once (mentions, sentences, tone, candidate
 * phrases, see {@link ActorText}); everything else is built-in Spark over its result, the {@code analysed}
 * frame: article_id, source, period_start, a (the struct below).
 */
public final class Actors {
    public static final String ARTICLE_ID = "article_id";
    public static final String SOURCE = "source";
    public static final String PERIOD_START = ActorReports.PERIOD_START;
    public static final String A = "a";

    static final StructType MENTION = new StructType()
            .add("actor_id", DataTypes.StringType).add("actor_code", DataTypes.StringType)
            .add("country_code", DataTypes.StringType).add("matched_text", DataTypes.StringType)
            .add("metonym", DataTypes.StringType).add("origin", DataTypes.StringType).add("entity_type", DataTypes.StringType)
            .add("zone", DataTypes.StringType)
            .add("sentence_idx", DataTypes.IntegerType).add("char_start", DataTypes.IntegerType)
            .add("char_end", DataTypes.IntegerType).add("candidates", DataTypes.createArrayType(DataTypes.StringType))
            .add("sentence_tone", DataTypes.DoubleType);
    private static final int MENTION_ACTOR = MENTION.fieldIndex("actor_id");
    private static final int MENTION_SENTENCE = MENTION.fieldIndex("sentence_idx");
    private static final int MENTION_TONE = MENTION.fieldIndex("sentence_tone");
    static final StructType ANALYSIS = new StructType()
            .add("mentions", DataTypes.createArrayType(MENTION))
            .add("sentences", DataTypes.IntegerType)
            .add("tone_sum", DataTypes.DoubleType).add("tone_words", DataTypes.IntegerType)
            .add("candidates", DataTypes.createArrayType(new StructType().add("phrase", DataTypes.StringType)
                    .add("type", DataTypes.StringType).add("alias", DataTypes.StringType).add("actor_id", DataTypes.StringType)));

    private Actors() {
    }

    /**
     * The dictionary as a Spark broadcast: each executor JVM builds its automaton from it once ({@link Matcher#of}).
     * The caller destroys it with {@link #release} when the reports that use it are written.
     */
    public static org.apache.spark.broadcast.Broadcast<Dictionary> share(Dictionary dictionary) {
        return org.apache.spark.api.java.JavaSparkContext
                .fromSparkContext(org.apache.spark.sql.SparkSession.active().sparkContext()).broadcast(dictionary);
    }

    /** Destroys a shared dictionary and this JVM's automata built from it. */
    public static void release(org.apache.spark.broadcast.Broadcast<Dictionary> shared) {
        Matcher.forget(shared);
        shared.destroy();
    }

    /** The per-article analysis struct (see {@link ActorText}) from title, dateline, body, language and date. */
    public static Column analyse(Column title, Column dateline, Column text, Column language, Column date,
                                 org.apache.spark.broadcast.Broadcast<Dictionary> shared, ActorsOptions options) {
        boolean capitals = options.capitals();
        boolean demonyms = options.demonyms();
        boolean recognise = options.recognise();
        UserDefinedFunction f = udf((UDF5<String, String, String, String, java.sql.Date, Row>) (t, d, b, lang, day) -> {
            LocalDate localDate = day == null ? null : day.toLocalDate();
            ActorText a = new ActorText(t, d, b, lang, localDate, Matcher.of(shared, capitals, demonyms), recognise);
            List<Row> mentions = new ArrayList<>();
            for (ActorText.Mention m : a.mentions) {
                Matcher.Found found = m.found();
                Dictionary.Actor actor = found.actor();
                mentions.add(RowFactory.create(actor == null ? null : actor.actorId(), m.code(),
                        actor == null ? null : actor.countryCode(), found.text(), found.metonym(), found.origin(),
                        actor == null ? null : entityType(actor.type()), m.zone(), m.sentence(),
                        found.start(), found.end(), found.candidates(),
                        m.sentence() < 0 ? null : a.sentenceTone.get(m.sentence())));
            }
            List<Row> candidates = a.candidates.stream().map(c -> RowFactory.create(c.phrase(), c.type(), c.alias(), c.actorId())).toList();
            return RowFactory.create(mentions, a.sentences.size(), a.toneSum, a.toneWords, candidates);
        }, ANALYSIS).withName("newslens_actors");
        return f.apply(title, dateline, text, language, date);
    }

    /** The CoNLL entity type of an actor type: PER, ORG or LOC. */
    static String entityType(String actorType) {
        return switch (actorType) {
            case "person" -> "PER";
            case "country", "place" -> "LOC";
            default -> "ORG";  // company, party, government body, igo, group
        };
    }

    /** actor_mentions. */
    public static Dataset<Row> mentions(Dataset<Row> analysed) {
        return analysed.select(col(ARTICLE_ID), col(SOURCE), col(PERIOD_START), explode(col(A + ".mentions")).as("m"))
                .select(col(ARTICLE_ID), col("m.actor_id"), col("m.actor_code"), col("m.country_code"), col("m.matched_text"),
                        col("m.metonym"), col("m.origin"), col("m.entity_type"), col("m.zone"), col("m.sentence_idx"), col("m.char_start"), col("m.char_end"),
                        col("m.candidates"), col(SOURCE), col(PERIOD_START));
    }

    /** actor_attention from the analysed articles (their mentions, and all of them for the shares). */
    public static Dataset<Row> attention(Dataset<Row> analysed) {
        // Undated articles are a bucket of their own (period_start null), joined null-safely to their totals.
        Dataset<Row> totals = analysed.groupBy(col(PERIOD_START).as("t_period"), col(SOURCE).as("t_source"))
                .agg(count(lit(1)).as("all_articles"));
        Dataset<Row> counted = actorsPerArticle(analysed)
                .groupBy(col(PERIOD_START), col(SOURCE), col("actor_id"))
                .agg(count(lit(1)).as("articles"), sum(col("mentions")).as("mentions"));
        return counted.join(totals, col(PERIOD_START).eqNullSafe(col("t_period")).and(col(SOURCE).eqNullSafe(col("t_source"))))
                .select(col("actor_id"), col(SOURCE), col("articles"), col("mentions"),
                        col("articles").divide(col("all_articles")).as("share_of_articles"), col(PERIOD_START));
    }

    /**
     * One row per article and resolved actor it names: article_id, source, period_start, actor_id, mentions (how often).
     * Counted from each article's own row, so the reports that count articles per actor need no distinct count over
     * every mention.
     */
    static Dataset<Row> actorsPerArticle(Dataset<Row> analysed) {
        return analysed.select(col(ARTICLE_ID), col(SOURCE), col(PERIOD_START), explode(ACTOR_COUNTS.apply(col(A + ".mentions"))).as("c"))
                .select(col(ARTICLE_ID), col(SOURCE), col(PERIOD_START), col("c.actor_id"), col("c.mentions"));
    }

    private static final UserDefinedFunction ACTOR_COUNTS = udf((UDF1<scala.collection.Seq<Row>, List<Row>>) mentions -> {
        java.util.Map<String, long[]> n = new java.util.LinkedHashMap<>();
        for (int i = 0; mentions != null && i < mentions.size(); i++) {
            Row m = mentions.apply(i);
            if (!m.isNullAt(MENTION_ACTOR)) {
                n.computeIfAbsent(m.getString(MENTION_ACTOR), k -> new long[1])[0]++;
            }
        }
        List<Row> rows = new ArrayList<>(n.size());
        n.forEach((actor, c) -> rows.add(RowFactory.create(actor, c[0])));
        return rows;
    }, DataTypes.createArrayType(new StructType().add("actor_id", DataTypes.StringType).add("mentions", DataTypes.LongType)))
            .withName("newslens_actor_counts");

    static final String ARTICLE_SCOPE = "article";
    static final String SENTENCE_SCOPE = "sentence";

    /** A co-occurrence cell of one article: a pair (a, b), a single actor (b null) or the article's n (a and b null). */
    private static final StructType CELL = new StructType().add("scope", DataTypes.StringType)
            .add("a", DataTypes.StringType).add("b", DataTypes.StringType).add("count", DataTypes.LongType)
            .add("tone_sum", DataTypes.DoubleType).add("tone_n", DataTypes.LongType);

    /**
     * The cells an article adds to co_mentions, from its resolved mentions (actor_id, sentence_idx, sentence_tone) and
     * its sentence count. Singles: in article scope the article (n 1) and each actor once; in sentence scope its
     * sentences (n) and each actor once per sentence naming it. Pairs: in article scope each pair once, in sentence scope
     * once per sentence naming both; every pair carries the tone of the sentences naming both, in both scopes (an
     * article's tone is not about the pair). The periods and outlets a cell counts under multiply the cells afterwards,
     * not this work ({@link #rollUp}).
     */
    private static final UserDefinedFunction CELLS = udf((UDF3<scala.collection.Seq<Row>, Integer, Boolean, List<Row>>)
            (mentions, sentences, articleScope) -> {
                List<Row> all = cells(mentions, sentences == null ? 0 : sentences, articleScope, false);
                all.addAll(cells(mentions, sentences == null ? 0 : sentences, articleScope, true));
                return all;
            }, DataTypes.createArrayType(CELL)).withName("newslens_co_mention_cells");

    private static List<Row> cells(scala.collection.Seq<Row> mentions, int sentenceCount, boolean articleScope, boolean pairs) {
        // Sentence index -> its distinct actors, sorted; and the sentence's tone.
        java.util.TreeMap<Integer, java.util.TreeSet<String>> bySentence = new java.util.TreeMap<>(
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
        java.util.Map<Integer, Double> tones = new java.util.HashMap<>();
        java.util.TreeSet<String> inArticle = new java.util.TreeSet<>();
        for (int i = 0; i < mentions.size(); i++) {
            Row m = mentions.apply(i);
            String actor = m.getString(0);
            Integer sentence = m.isNullAt(1) ? null : m.getInt(1);
            inArticle.add(actor);
            bySentence.computeIfAbsent(sentence, k -> new java.util.TreeSet<>()).add(actor);
            if (!m.isNullAt(2) && !tones.containsKey(sentence)) {
                tones.put(sentence, m.getDouble(2));
            }
        }
        List<Row> out = new ArrayList<>();
        if (!pairs) {
            out.add(RowFactory.create(SENTENCE_SCOPE, null, null, (long) sentenceCount, null, null));
            for (java.util.TreeSet<String> actors : bySentence.values()) {
                for (String actor : actors) {
                    out.add(RowFactory.create(SENTENCE_SCOPE, actor, null, 1L, null, null));
                }
            }
            if (articleScope) {
                out.add(RowFactory.create(ARTICLE_SCOPE, null, null, 1L, null, null));
                for (String actor : inArticle) {
                    out.add(RowFactory.create(ARTICLE_SCOPE, actor, null, 1L, null, null));
                }
            }
            return out;
        }
        // Sentence scope; the pairs' tone is kept for the article scope's pairs.
        java.util.Map<String, double[]> pairTone = new java.util.HashMap<>();
        for (java.util.Map.Entry<Integer, java.util.TreeSet<String>> e : bySentence.entrySet()) {
            Double tone = tones.get(e.getKey());
            String[] actors = e.getValue().toArray(new String[0]);
            for (int i = 0; i < actors.length; i++) {
                for (int j = i + 1; j < actors.length; j++) {
                    out.add(RowFactory.create(SENTENCE_SCOPE, actors[i], actors[j], 1L, tone, tone == null ? 0L : 1L));
                    if (articleScope && tone != null) {
                        double[] sum = pairTone.computeIfAbsent(actors[i] + '\u0000' + actors[j], k -> new double[2]);
                        sum[0] += tone;
                        sum[1]++;
                    }
                }
            }
        }
        if (articleScope) {
            String[] actors = inArticle.toArray(new String[0]);
            for (int i = 0; i < actors.length; i++) {
                for (int j = i + 1; j < actors.length; j++) {
                    double[] sum = pairTone.get(actors[i] + '\u0000' + actors[j]);
                    out.add(RowFactory.create(ARTICLE_SCOPE, actors[i], actors[j], 1L, sum == null ? null : sum[0],
                            sum == null ? 0L : (long) sum[1]));
                }
            }
        }
        return out;
    }

    /** co_mentions of one scope (article or sentence). */
    public static Dataset<Row> coMentions(Dataset<Row> analysed, String scope, int minCount) {
        if (!scope.equals(ARTICLE_SCOPE) && !scope.equals(SENTENCE_SCOPE)) {
            throw new IllegalArgumentException("co-mention scope must be article or sentence, not " + scope);
        }
        boolean articleScope = scope.equals(ARTICLE_SCOPE);
        return coMentionsFromCells(rollUp(withTotals(unitCells(analysed, articleScope, List.of()), List.of())), minCount)
                .filter(col("scope").equalTo(scope));
    }

    /** co_mentions of both scopes. */
    public static Dataset<Row> coMentions(Dataset<Row> analysed, int minCount) {
        return coMentionsFromCells(rollUp(unitCells(analysed, List.of())), minCount);
    }

    /** The {@code day} of a unit cell summed over all the days of its articles (the {@code all} period). */
    public static final String ALL_DAYS = "all";

    /** The outlet a cell of the {@code all} period is summed under (the articles' own, or {@code all}); null in the days' cells. */
    public static final String OUTLET = "outlet";

    /**
     * What co_mentions counts, summed over the articles by period start ({@code day}, yyyy-MM-dd, null when undated),
     * outlet ({@code source}), scope and cell ({@link #cells}: a pair a &lt; b, a single actor a with b null, or the
     * units' n with both null), with {@code count}, {@code tone_sum} and {@code tone_n} (null for singles and n); and
     * the same summed over every day ({@code day} = {@value #ALL_DAYS}, undated articles included) under each
     * {@value #OUTLET} (the articles' own and {@code all}; {@code source} null): the rows of the {@code all} period as
     * these articles give them. Sums: those of two sets of articles add up, so a run keeps them per group of stored
     * articles and adds the new articles' to them ({@link io.newslens.report.ArticleStore#sums}). {@code carried}:
     * columns of {@code analysed} (constant within what is summed) that are kept as keys.
     */
    public static Dataset<Row> unitCells(Dataset<Row> analysed, List<String> carried) {
        return withTotals(unitCells(analysed, true, carried), carried);
    }

    /**
     * As above, the days' cells kept on disk (given to {@code kept}, to be unpersisted once the result is written):
     * the totals are summed from them, and without a kept copy Spark made every article's cells twice (it does not
     * reuse the days' aggregate in the other branch of the union).
     */
    public static Dataset<Row> unitCells(Dataset<Row> analysed, List<String> carried, java.util.function.Consumer<Dataset<Row>> kept) {
        Dataset<Row> days = unitCells(analysed, true, carried).persist(org.apache.spark.storage.StorageLevel.DISK_ONLY());
        kept.accept(days);
        return withTotals(days, carried);
    }

    private static final Column[] SUMS = {sum("count").as("count"), sum("tone_sum").as("tone_sum"), sum("tone_n").as("tone_n")};

    /** The outlets a cell of {@code source} counts under: its own and `all` (a cell without an outlet only under `all`). */
    private static Column outlets() {
        return when(col(SOURCE).isNull(), array(lit("all"))).otherwise(array(lit("all"), col(SOURCE)));
    }

    private static Dataset<Row> withTotals(Dataset<Row> cells, List<String> carried) {
        List<Column> keys = new ArrayList<>();
        carried.forEach(c -> keys.add(col(c)));
        keys.addAll(List.of(col(OUTLET), col("scope"), col("a"), col("b")));
        Dataset<Row> totals = cells.withColumn(OUTLET, explode(outlets())).groupBy(keys.toArray(Column[]::new))
                .agg(SUMS[0], SUMS[1], SUMS[2])
                .withColumn("day", lit(ALL_DAYS)).withColumn(SOURCE, lit(null).cast(DataTypes.StringType));
        return cells.withColumn(OUTLET, lit(null).cast(DataTypes.StringType)).unionByName(totals);
    }

    private static Dataset<Row> unitCells(Dataset<Row> analysed, boolean articleScope, List<String> carried) {
        Column resolved = transform(filter(col(A + ".mentions"), m -> m.getField("actor_id").isNotNull()),
                m -> struct(m.getField("actor_id"), m.getField("sentence_idx"), m.getField("sentence_tone")));
        List<Column> keys = new ArrayList<>();
        carried.forEach(c -> keys.add(col(c)));
        keys.addAll(List.of(col("day"), col(SOURCE), col("c.scope").as("scope"), col("c.a").as("a"), col("c.b").as("b")));
        List<Column> spread = new ArrayList<>();
        carried.forEach(c -> spread.add(col(c)));
        spread.addAll(List.of(date_format(col(PERIOD_START), "yyyy-MM-dd").as("day"), col(SOURCE),
                explode(CELLS.apply(resolved, col(A + ".sentences"), lit(articleScope))).as("c")));
        return analysed.select(spread.toArray(Column[]::new))
                .groupBy(keys.toArray(Column[]::new))
                .agg(sum("c.count").as("count"), sum("c.tone_sum").as("tone_sum"), sum("c.tone_n").as("tone_n"));
    }

    /**
     * The unit cells ({@link #unitCells}, of one or more groups of articles) summed under each of their periods and
     * outlets: {@link #rollUpDays} and {@link #rollUpTotals}. Read twice by {@link #coMentionsFromCells} (pairs, and
     * their actors' counts).
     */
    public static Dataset<Row> rollUp(Dataset<Row> unitCells) {
        return rollUp(unitCells, 0);
    }

    /** As above, the cells shuffled into {@code partitions} parts (0: the session's shuffle partitions). */
    public static Dataset<Row> rollUp(Dataset<Row> unitCells, int partitions) {
        return rollUpDays(unitCells, partitions).unionByName(rollUpTotals(unitCells, partitions));
    }

    /** The rows of the {@code all} period: the totals of unit cells (of one or more groups) added up. */
    public static Dataset<Row> rollUpTotals(Dataset<Row> unitCells, int partitions) {
        return addUp(totalsOf(unitCells), partitions).withColumn("period", lit(ALL_DAYS))
                .select("period", OUTLET, "scope", "a", "b", "count", "tone_sum", "tone_n");
    }

    /**
     * The days' rows of unit cells (of one or more groups of articles: a cell of one day and outlet may come from
     * several groups) summed under each period and outlet: the outlet and `all`. Undated cells count in the totals
     * only. One shuffle of the cells by pair, after which every sum is local, so the cells are not shuffled once per
     * period and outlet. A daily run gives it only the cells of the periods it rewrites. Each part's pairs are summed
     * in one hash map: with the few parts of a local run, a corpus of long articles (tens of millions of cells)
     * overflows it, and Spark falls back to sorting and spilling them; hence {@code partitions} (0: the session's).
     */
    public static Dataset<Row> rollUpDays(Dataset<Row> unitCells, int partitions) {
        Dataset<Row> dated = unitCells.filter(col("day").isNotNull().and(col("day").notEqual(ALL_DAYS)));
        Column[] byPair = {col("scope"), col("a"), col("b")};
        return (partitions > 0 ? dated.repartition(partitions, byPair) : dated.repartition(byPair))
                .withColumn("period", col("day")).withColumn(OUTLET, explode(outlets()))
                .groupBy("period", OUTLET, "scope", "a", "b").agg(SUMS[0], SUMS[1], SUMS[2]);
    }

    /**
     * The rows of the {@code all} period: the totals of the {@code largest} group of unit cells and of the
     * {@code others} (null: none) added up. A key only {@code largest} holds passes through as it is, without a
     * shuffle: in a daily run, where the others are the days' since the full run, the full run's millions of totals
     * are read, not summed again. {@code largest} must be one group's (each key once); {@code otherKeys}: how many
     * totals' rows the others have (the Bloom filter's size).
     */
    public static Dataset<Row> rollUpTotals(Dataset<Row> largest, Dataset<Row> others, long otherKeys, int partitions) {
        Dataset<Row> big = totalsOf(largest);
        if (others == null) {
            return big.withColumn("period", lit(ALL_DAYS)).select("period", OUTLET, "scope", "a", "b", "count", "tone_sum", "tone_n");
        }
        Dataset<Row> small = totalsOf(others);
        // The others' keys as a Bloom filter (some 1.2 bytes a key, sent to every task): a key it does not hold is
        // certainly the largest group's alone and passes through; the few it may hold (shared, or by chance: about 1%
        // of the rest) are summed with the others' rows, which is right either way.
        Column mayShare = mayHold(small, otherKeys);
        Dataset<Row> passed = big.filter(org.apache.spark.sql.functions.not(mayShare));
        Dataset<Row> added = addUp(big.filter(mayShare).unionByName(small), partitions);
        return passed.unionByName(added).withColumn("period", lit(ALL_DAYS))
                .select("period", OUTLET, "scope", "a", "b", "count", "tone_sum", "tone_n");
    }

    /** A cell's key in the totals: its outlet, scope and pair (or actor). */
    private static Column totalsKey() {
        return org.apache.spark.sql.functions.xxhash64(col(OUTLET), col("scope"), col("a"), col("b"));
    }

    /**
     * Whether a row's {@link #totalsKey} may be among those of {@code totals} ({@code keys} of them): a Bloom filter
     * (some 1.2 bytes a key, sent to every task) with 1% false positives. Two filters built from the same call agree.
     */
    private static Column mayHold(Dataset<Row> totals, long keys) {
        if (keys == 0) {
            return lit(false);  // Spark cannot build a Bloom filter of no rows
        }
        org.apache.spark.util.sketch.BloomFilter filter = totals.select(totalsKey().as("h")).stat().bloomFilter("h", Math.max(1, keys), 0.01);
        org.apache.spark.broadcast.Broadcast<org.apache.spark.util.sketch.BloomFilter> sent = org.apache.spark.api.java.JavaSparkContext
                .fromSparkContext(totals.sparkSession().sparkContext()).broadcast(filter);
        return udf((UDF1<Long, Boolean>) h -> sent.value().mightContainLong(h), DataTypes.BooleanType)
                .withName("newslens_may_share").apply(totalsKey());
    }

    /**
     * The {@code all} period's pairs in a run that only adds groups of articles to those the {@code published}
     * co_mentions were counted from: a pair none of the {@code added} groups names has its published count and tone
     * (its actors' counts and n may have changed), so its row is {@code kept} (count, tone and tone_sentences; the
     * rest is computed again); the pairs the added groups may name are added up from every group's totals
     * ({@code recounted}, rows of {@link #rollUpTotals}). Which: a Bloom filter of the added groups' pairs
     * ({@code addedKeys} of them); those it holds by chance (about 1% of the rest) are counted again, which is right
     * either way, and never kept as well.
     */
    public record TotalsUpdate(Dataset<Row> recounted, Dataset<Row> kept) {
    }

    /** See {@link TotalsUpdate}; {@code cells}: every group's unit cells. */
    public static TotalsUpdate totalsUpdate(Dataset<Row> cells, Dataset<Row> added, long addedKeys, Dataset<Row> published, int partitions) {
        Column mayHold = mayHold(pairTotals(added), addedKeys);
        Dataset<Row> recounted = addUp(pairTotals(cells).filter(mayHold), partitions).withColumn("period", lit(ALL_DAYS))
                .select("period", OUTLET, "scope", "a", "b", "count", "tone_sum", "tone_n");
        Dataset<Row> kept = published.filter(col("period").equalTo(ALL_DAYS))
                .select(col("period"), col("outlet").as(OUTLET), col("scope"), col("actor_a").as("a"), col("actor_b").as("b"), col("count"),
                        col("tone"), col("tone_sentences"))
                .filter(org.apache.spark.sql.functions.not(mayHold));
        return new TotalsUpdate(recounted, kept);
    }

    /** The pairs' rows (not single actors nor n) of the totals of unit cells (of one or more groups). */
    public static Dataset<Row> pairTotals(Dataset<Row> unitCells) {
        return totalsOf(unitCells).filter(col("b").isNotNull());
    }

    /** The rows of single actors and of n ({@code b} null) of one or two ({@code others} not null) groups of unit cells. */
    public static Dataset<Row> singles(Dataset<Row> largest, Dataset<Row> others) {
        Dataset<Row> one = largest.filter(col("b").isNull());
        return others == null ? one : one.unionByName(others.filter(col("b").isNull()));
    }

    /** The totals' rows of unit cells (of one or more groups). */
    public static Dataset<Row> totalsOf(Dataset<Row> unitCells) {
        return unitCells.filter(col("day").equalTo(ALL_DAYS)).select(OUTLET, "scope", "a", "b", "count", "tone_sum", "tone_n");
    }

    /** Totals of several groups added up per outlet and cell: one shuffle by pair. */
    private static Dataset<Row> addUp(Dataset<Row> totals, int partitions) {
        Column[] byPair = {col("scope"), col("a"), col("b")};
        return (partitions > 0 ? totals.repartition(partitions, byPair) : totals.repartition(byPair))
                .groupBy(OUTLET, "scope", "a", "b").agg(SUMS[0], SUMS[1], SUMS[2]);
    }

    /**
     * co_mentions from rolled-up cells ({@link #rollUp}): each pair with {@code count} ≥ {@code minCount}, the counts of
     * its two actors and the n of its scope, period and outlet.
     */
    public static Dataset<Row> coMentionsFromCells(Dataset<Row> rolled, int minCount) {
        return coMentionsFromCells(rolled, minCount, false);
    }

    /**
     * As above; {@code broadcastActors}: the actors' counts (a row per period, outlet, scope and actor; far fewer than
     * the pairs) are few enough to send to every task, so the pairs are joined to them without being shuffled.
     */
    public static Dataset<Row> coMentionsFromCells(Dataset<Row> rolled, int minCount, boolean broadcastActors) {
        return coMentionsFromCells(rolled, rolled.filter(col("b").isNull()), minCount, broadcastActors);
    }

    /** As above, with {@code rolled}'s rows of single actors and n ({@code b} null) given: a job keeps them. */
    public static Dataset<Row> coMentionsFromCells(Dataset<Row> rolled, Dataset<Row> actorRows, int minCount, boolean broadcastActors) {
        return coMentionsFromCells(rolled, null, actorRows, minCount, broadcastActors);
    }

    /**
     * As above, with the {@code kept} rows of {@link TotalsUpdate} (null: none) among the pairs: their count and tone as
     * published, their actors' counts, n and association measures from {@code actorRows}.
     */
    public static Dataset<Row> coMentionsFromCells(Dataset<Row> rolled, Dataset<Row> kept, Dataset<Row> actorRows, int minCount,
                                                   boolean broadcastActors) {
        Column nOf = org.apache.spark.sql.functions.max(when(col("a").isNull(), col("count")))
                .over(Window.partitionBy("period", "outlet", "scope"));
        Dataset<Row> actorCounts = actorRows.withColumn("n", nOf).filter(col("a").isNotNull())
                .select(col("period"), col("outlet"), col("scope"), col("a").as("actor"), col("count"), col("n"));
        if (broadcastActors) {
            actorCounts = org.apache.spark.sql.functions.broadcast(actorCounts);
        }
        Dataset<Row> pairs = rolled.filter(col("b").isNotNull().and(col("count").geq(minCount)))
                .select(col("period"), col("outlet"), col("scope"), col("a"), col("b"), col("count"),
                        when(col("tone_n").gt(0), col("tone_sum").divide(col("tone_n"))).as("tone"), col("tone_n").as("tone_sentences"));
        if (kept != null) {
            pairs = pairs.unionByName(kept);
        }
        Dataset<Row> joined = pairs
                .join(actorCounts.select(col("period"), col("outlet"), col("scope"), col("actor").as("a"), col("count").as("count_a"),
                        col("n")), new String[] {"period", "outlet", "scope", "a"})
                .join(actorCounts.select(col("period"), col("outlet"), col("scope"), col("actor").as("b"), col("count").as("count_b")),
                        new String[] {"period", "outlet", "scope", "b"});
        Column c = col("count").cast("double");
        Column ca = col("count_a").cast("double");
        Column cb = col("count_b").cast("double");
        Column nn = col("n").cast("double");
        return joined.select(col("scope"), col("period"), col("outlet"), col("a").as("actor_a"), col("b").as("actor_b"), col("count"),
                col("count_a"), col("count_b"), col("n"), Association.pmi(c, ca, cb, nn).as("pmi"), Association.npmi(c, ca, cb, nn).as("npmi"),
                c.divide(ca.plus(cb).minus(c)).as("jaccard"), Association.g2(c, ca, cb, nn).as("g2"), col("tone"), col("tone_sentences"));
    }

    /** actor_candidates: names in at least {@code minArticles} articles, with alias suggestions and their usual company. */
    public static Dataset<Row> candidates(Dataset<Row> analysed, int minArticles) {
        return candidatesFromCells(candidateCells(analysed.withColumn("_group", lit("all")), "_group").drop("_group"), minArticles);
    }

    /**
     * What actor_candidates adds up, per group of articles ({@code group}, a column of {@code analysed}): rows of kind
     * {@code key} (a candidate's articles, mentions, greatest actor_id and aliases), {@code form} (a phrase and type it
     * was written as, n times) and {@code co} (another actor named in n of its articles). Each is a sum (or a union,
     * for aliases) over articles, so the rows of several groups add up to those of all their articles: a run keeps them
     * per group of stored articles ({@link io.newslens.report.ArticleStore#sums}) and counts only the new ones.
     */
    static Dataset<Row> candidateCells(Dataset<Row> analysed, String group) {
        // One row per article and candidate (its key: the recognised entity's actor, else the phrase itself), from
        // the article's own row: no shuffle of every occurrence, nor of the articles to meet their actors. Each
        // candidate then gives its cells of the three kinds (itself, each written form, each co-named actor), added
        // up in one aggregate.
        Column noText = lit(null).cast(DataTypes.StringType);
        Column noCount = lit(null).cast(DataTypes.LongType);
        Column noAliases = lit(null).cast(DataTypes.createArrayType(DataTypes.StringType));
        Column itself = array(struct(lit("key").as("kind"), noText.as("phrase"), noText.as("type"), noText.as("actor"),
                noCount.as("n"), col("k.mentions").as("mentions"), col("k.actor_id").as("actor_id"), col("k.aliases").as("aliases")));
        Column forms = transform(col("k.forms"), f -> struct(lit("form").as("kind"), f.getField("phrase").as("phrase"),
                f.getField("type").as("type"), noText.as("actor"), f.getField("n").as("n"), noCount.as("mentions"),
                noText.as("actor_id"), noAliases.as("aliases")));
        Column co = transform(col("k.co"), a -> struct(lit("co").as("kind"), noText.as("phrase"), noText.as("type"), a.as("actor"),
                lit(1L).as("n"), noCount.as("mentions"), noText.as("actor_id"), noAliases.as("aliases")));
        Dataset<Row> summed = analysed.select(col(group), explode(CANDIDATES_OF_ARTICLE.apply(col(A + ".candidates"),
                        col(A + ".mentions"))).as("k"))
                .select(col(group), col("k.key").as("key"), explode(concat(itself, forms, co)).as("c"))
                .groupBy(col(group), col("c.kind").as("kind"), col("key"), col("c.phrase").as("phrase"), col("c.type").as("type"),
                        col("c.actor").as("actor"))
                .agg(sum(col("c.n")).as("n"), count(lit(1)).as("articles"), sum(col("c.mentions")).as("mentions"),
                        org.apache.spark.sql.functions.max(col("c.actor_id")).as("actor_id"),
                        array_distinct(org.apache.spark.sql.functions.flatten(collect_list(col("c.aliases")))).as("aliases"));
        // Articles and aliases are a candidate's own (null in the rows of its forms and co-named actors).
        Column candidate = col("kind").equalTo("key");
        return summed.select(col(group), col("kind"), col("key"), col("phrase"), col("type"), col("actor"), col("n"),
                when(candidate, col("articles")).as("articles"), col("mentions"), col("actor_id"),
                when(candidate, col("aliases")).as("aliases"));
    }

    /** actor_candidates from {@link #candidateCells} of one or more groups (the group column dropped), added up. */
    static Dataset<Row> candidatesFromCells(Dataset<Row> cells, int minArticles) {
        return candidatesFromCells(cells, minArticles, 0);
    }

    /**
     * As above, the co-named actors' cells shuffled into {@code partitions} parts (0: the session's): each part adds
     * its pairs up in one hash map, which overflows and spills when a few parts (the adaptive planner's coalescing of
     * tens of millions of small rows) hold them all.
     */
    static Dataset<Row> candidatesFromCells(Dataset<Row> cells, int minArticles, int partitions) {
        Dataset<Row> counted = cells.filter(col("kind").equalTo("key")).groupBy("key")
                .agg(sum(col("articles")).as("articles"), sum(col("mentions")).as("mentions"),
                        org.apache.spark.sql.functions.max(col("actor_id")).as("actor_id"),
                        array_sort(array_distinct(org.apache.spark.sql.functions.flatten(collect_list(col("aliases"))))).as("aliases"))
                .filter(col("articles").geq(minArticles));
        // Its phrase and type: the ones seen most often (ties: alphabetical), so one odd sentence does not decide.
        Dataset<Row> named = cells.filter(col("kind").equalTo("form"))
                .groupBy(col("key"), col("phrase"), col("type")).agg(sum(col("n")).as("n"))
                .join(counted.select("key"), "key")
                .withColumn("r", row_number().over(Window.partitionBy("key").orderBy(col("n").desc(), col("phrase"), col("type"))))
                .filter(col("r").equalTo(1)).select(col("key"), col("phrase"), col("type").as("suggested_type"));
        // Its first five co-named actors (most articles together; ties: alphabetical). The pairs (most of the cells:
        // hundreds per candidate) are shuffled once, by candidate, added up per actor where they land, and each
        // candidate's list sorted on its own: no second shuffle by candidate and no sort of every pair for a window.
        Dataset<Row> together = cells.filter(col("kind").equalTo("co")).select(col("key"), col("actor"), col("n"))
                .repartition(partitions > 0 ? partitions : Integer.parseInt(cells.sparkSession().conf().get("spark.sql.shuffle.partitions")),
                        col("key"))
                .groupBy("key", "actor").agg(sum(col("n")).as("c"))
                .groupBy("key").agg(org.apache.spark.sql.functions.slice(array_sort(collect_list(
                        struct(col("c").multiply(-1).as("c"), col("actor")))), 1, 5).as("top"));
        return counted.join(named, "key").join(together, new String[] {"key"}, "left")
                .select(col("phrase"), col("actor_id"), col("articles"), col("mentions"), col("suggested_type"), col("aliases"),
                        org.apache.spark.sql.functions.coalesce(transform(col("top"), t -> t.getField("actor")),
                                array().cast(DataTypes.createArrayType(DataTypes.StringType))).as("co_actors"));
    }

    /**
     * actor_candidates after cells were added: {@code published}'s rows (the report of the cells before) for the
     * candidates none of the {@code added} cells concern, and the others' rows again from all {@code cells}. A candidate's
     * row depends on its own cells only, and without cells nothing changed for it. {@code added} holds few candidates
     * (a day's articles): they are broadcast, and the cells of the others not shuffled. Of a published candidate's
     * co-named actors only those that can be among its first five are added up again: its first five before and those
     * the added cells name with it. Counts only grow, and an actor the day does not name kept its count behind five
     * that are still at least as far ahead, so the five come from those (hundreds of cells per candidate otherwise).
     */
    static Dataset<Row> candidatesUpdated(Dataset<Row> published, Dataset<Row> cells, Dataset<Row> added, int minArticles,
                                          int partitions) {
        // Its key, as CANDIDATES_OF_ARTICLE gives it: the actor, else the phrase.
        Column key = org.apache.spark.sql.functions.coalesce(col("actor_id"), concat(lit("phrase:"), col("phrase")));
        Dataset<Row> keyed = published.withColumn("key", key);
        Dataset<Row> touched = added.select("key").distinct();
        // Each touched candidate, and whether all its co-named actors' cells are needed (it was not in the report).
        Dataset<Row> touchedKeys = org.apache.spark.sql.functions.broadcast(touched
                .join(keyed.select(col("key"), lit(true).as("_published")), new String[] {"key"}, "left")
                .select(col("key"), col("_published").isNull().as("_all_co")));
        Dataset<Row> before = keyed.join(touched, new String[] {"key"}, "left_semi")
                .select(col("key"), explode(col("co_actors")).as("actor"));
        Dataset<Row> named = added.filter(col("kind").equalTo("co")).select(col("key"), col("actor"));
        Dataset<Row> contenders = org.apache.spark.sql.functions.broadcast(before.unionByName(named).distinct()
                .withColumn("_contender", lit(true)));
        Dataset<Row> recounted = candidatesFromCells(cells.join(touchedKeys, new String[] {"key"}, "inner")
                .join(contenders, new String[] {"key", "actor"}, "left")
                .filter(col("kind").notEqual("co").or(col("_all_co")).or(col("_contender").isNotNull()))
                .drop("_all_co", "_contender"), minArticles, partitions);
        Dataset<Row> kept = keyed.join(org.apache.spark.sql.functions.broadcast(touched), new String[] {"key"}, "left_anti").drop("key");
        return kept.unionByName(recounted);
    }

    private static final StructType CANDIDATE_OF_ARTICLE = new StructType().add("key", DataTypes.StringType)
            .add("actor_id", DataTypes.StringType).add("mentions", DataTypes.LongType)
            .add("aliases", DataTypes.createArrayType(DataTypes.StringType))
            .add("forms", DataTypes.createArrayType(new StructType().add("phrase", DataTypes.StringType)
                    .add("type", DataTypes.StringType).add("n", DataTypes.LongType)))
            .add("co", DataTypes.createArrayType(DataTypes.StringType));

    /**
     * An article's candidates, one per key (the actor_id, else {@code phrase:} and the phrase): its occurrences there,
     * the greatest actor_id, the distinct aliases, each (phrase, type) with its occurrences, and the article's other
     * actors (its mentions' distinct actor ids but the key).
     */
    private static final UserDefinedFunction CANDIDATES_OF_ARTICLE = udf((UDF2<scala.collection.Seq<Row>, scala.collection.Seq<Row>, List<Row>>)
            (candidates, mentions) -> {
                List<Row> rows = new ArrayList<>();
                if (candidates == null || candidates.isEmpty()) {
                    return rows;
                }
                java.util.Set<String> actors = new java.util.LinkedHashSet<>();
                for (int i = 0; mentions != null && i < mentions.size(); i++) {
                    Row m = mentions.apply(i);
                    if (!m.isNullAt(MENTION_ACTOR)) {
                        actors.add(m.getString(MENTION_ACTOR));
                    }
                }
                // key → [actor_id, occurrences, aliases, (phrase, type) → n]
                java.util.Map<String, Object[]> byKey = new java.util.LinkedHashMap<>();
                for (int i = 0; i < candidates.size(); i++) {
                    Row c = candidates.apply(i);
                    String phrase = c.getString(0);
                    String actor = c.getString(3);
                    String key = actor != null ? actor : phrase == null ? null : "phrase:" + phrase;
                    if (key == null) {
                        continue;  // concat with a null phrase is null: no key, as a group of its own would be
                    }
                    Object[] k = byKey.computeIfAbsent(key, x -> new Object[] {null, new long[1],
                            new java.util.LinkedHashSet<String>(), new java.util.LinkedHashMap<List<String>, long[]>()});
                    if (actor != null && (k[0] == null || UTF8String.fromString(actor).compareTo(UTF8String.fromString((String) k[0])) > 0)) {
                        k[0] = actor;
                    }
                    ((long[]) k[1])[0]++;
                    if (c.getString(2) != null) {
                        ((java.util.Set<String>) k[2]).add(c.getString(2));
                    }
                    ((java.util.Map<List<String>, long[]>) k[3]).computeIfAbsent(java.util.Arrays.asList(phrase, c.getString(1)),
                            x -> new long[1])[0]++;
                }
                byKey.forEach((key, k) -> {
                    List<Row> forms = new ArrayList<>();
                    ((java.util.Map<List<String>, long[]>) k[3]).forEach((f, n) -> forms.add(RowFactory.create(f.get(0), f.get(1), n[0])));
                    List<String> co = new ArrayList<>();
                    actors.forEach(a -> {
                        if (!a.equals(key)) {
                            co.add(a);
                        }
                    });
                    rows.add(RowFactory.create(key, k[0], ((long[]) k[1])[0], new ArrayList<>((java.util.Set<String>) k[2]), forms, co));
                });
                return rows;
            }, DataTypes.createArrayType(CANDIDATE_OF_ARTICLE)).withName("newslens_candidates_of_article");

    /** The recognised actors of the analysed articles, as rows of the {@code actors} report (origin {@code ner}). */
    public static Dataset<Row> recognisedActors(Dataset<Row> analysed) {
        Dataset<Row> m = analysed.select(explode(col(A + ".mentions")).as("m"))
                .filter(col("m.actor_id").startsWith(Matcher.RECOGNISED_PREFIX))
                .select(col("m.actor_id").as("actor_id"), col("m.matched_text").as("text"), col("m.origin").as("origin"),
                        col("m.entity_type").as("entity_type"));
        // Its name: the form recognised most often (ties: the longest, then alphabetical).
        Dataset<Row> names = m.filter(col("origin").equalTo(Matcher.NER)).groupBy("actor_id", "text", "entity_type")
                .agg(count(lit(1)).as("n"))
                .withColumn("r", row_number().over(Window.partitionBy("actor_id")
                        .orderBy(col("n").desc(), org.apache.spark.sql.functions.length(col("text")).desc(), col("text"))))
                .filter(col("r").equalTo(1)).select(col("actor_id"), col("text").as("name"), col("entity_type"));
        Dataset<Row> aliases = m.groupBy("actor_id").agg(array_sort(collect_set(col("text"))).as("aliases"));
        Column type = when(col("entity_type").equalTo("PER"), lit("person"))
                .when(col("entity_type").equalTo("LOC"), lit("place")).otherwise(lit("organization"));
        Column none = array().cast(DataTypes.createArrayType(DataTypes.StringType));
        return names.join(aliases, "actor_id").select(col("actor_id"), col("name"), type.as("type"),
                lit(null).cast("string").as("country_code"), lit(null).cast("string").as("cameo_code"), col("aliases"),
                none.as("demonyms"), none.as("capitals"),
                array().cast(ActorReports.ACTORS.schema().apply("roles").dataType()).as("roles"), lit(Matcher.NER).as("origin"));
    }

    public static Dataset<Row> articleTone(Dataset<Row> analysed) {
        return analysed.select(col(ARTICLE_ID),
                when(col(A + ".tone_words").gt(0), col(A + ".tone_sum").divide(col(A + ".tone_words"))).as("tone"),
                col(A + ".tone_words").as("tone_words"), col(A + ".sentences").as("sentences"), col(SOURCE), col(PERIOD_START));
    }

    /** actor_tone from actor_mentions: each sentence counted once per actor. */
    public static Dataset<Row> actorTone(Dataset<Row> analysed) {
        // Per article from its own mentions: no shuffle of every mention by article and actor.
        return analysed.select(col(ARTICLE_ID), col(SOURCE), col(PERIOD_START), explode(TONE_PER_ACTOR.apply(col(A + ".mentions"))).as("t"))
                .select(col(ARTICLE_ID), col("t.actor_id"), col("t.sentences"), col("t.tone"), col(SOURCE), col(PERIOD_START));
    }

    private static final StructType ACTOR_TONE = new StructType().add("actor_id", DataTypes.StringType)
            .add("sentences", DataTypes.IntegerType).add("tone", DataTypes.DoubleType);

    /** An article's actors: the sentences naming each (once each) and their mean tone (null when none has one). */
    private static final UserDefinedFunction TONE_PER_ACTOR = udf((UDF1<scala.collection.Seq<Row>, List<Row>>) mentions -> {
        // actor → sentence → that sentence's tone (every mention in a sentence carries the same)
        java.util.Map<String, java.util.Map<Integer, Double>> byActor = new java.util.LinkedHashMap<>();
        for (int i = 0; mentions != null && i < mentions.size(); i++) {
            Row m = mentions.apply(i);
            if (m.isNullAt(MENTION_ACTOR)) {
                continue;
            }
            java.util.Map<Integer, Double> sentences = byActor.computeIfAbsent(m.getString(MENTION_ACTOR), k -> new java.util.HashMap<>());
            Integer sentence = m.isNullAt(MENTION_SENTENCE) ? null : m.getInt(MENTION_SENTENCE);
            if (!sentences.containsKey(sentence)) {
                sentences.put(sentence, m.isNullAt(MENTION_TONE) ? null : m.getDouble(MENTION_TONE));
            }
        }
        List<Row> rows = new ArrayList<>(byActor.size());
        byActor.forEach((actor, sentences) -> {
            double sum = 0;
            int toned = 0;
            for (Double tone : sentences.values()) {
                if (tone != null) {
                    sum += tone;
                    toned++;
                }
            }
            rows.add(RowFactory.create(actor, sentences.size(), toned == 0 ? null : sum / toned));
        });
        return rows;
    }, DataTypes.createArrayType(ACTOR_TONE)).withName("newslens_actor_tone");

    /** actor_network_nodes, from the analysed articles. */
    public static Dataset<Row> nodes(Dataset<Row> analysed, Dataset<Row> dictionary) {
        return actorsPerArticle(analysed).groupBy("actor_id")
                .agg(count(lit(1)).as("articles"), sum(col("mentions")).as("mentions"))
                .join(dictionary.select("actor_id", "name", "type", "country_code"), "actor_id")
                .select("actor_id", "name", "type", "country_code", "articles", "mentions");
    }

    /** The dictionary as rows of the {@code actors} report. */
    public static List<Row> dictionaryRows(Dictionary dictionary) {
        List<Row> rows = new ArrayList<>();
        for (Dictionary.Actor a : dictionary.actors()) {
            List<Row> roles = a.roles().stream().map(r -> RowFactory.create(r.code(),
                    r.from() == null ? null : java.sql.Date.valueOf(r.from()), r.to() == null ? null : java.sql.Date.valueOf(r.to()),
                    r.title())).toList();
            rows.add(RowFactory.create(a.actorId(), a.name(), a.type(), a.countryCode(), a.cameoCode(), a.aliases(),
                    a.demonyms(), a.capitals(), roles, a.origin()));
        }
        return rows;
    }


    /** The report with the actor's name from the dictionary next to an actor id column (null for an unknown id). */
    public static Dataset<Row> named(Dataset<Row> report, Dataset<Row> actors, String idColumn, String nameColumn) {
        // The dictionary: a few thousand rows, broadcast.
        Dataset<Row> names = org.apache.spark.sql.functions.broadcast(
                actors.select(col("actor_id").as("_name_id"), col("name").as(nameColumn)));
        return report.join(names, report.col(idColumn).equalTo(names.col("_name_id")), "left").drop("_name_id");
    }

    /** The report with each article's title and URL. */
    public static Dataset<Row> titled(Dataset<Row> report, Dataset<Row> articles) {
        Dataset<Row> t = articles.select(col(ARTICLE_ID).as("_title_id"), col("title"), col("url"));
        return report.join(t, report.col(ARTICLE_ID).equalTo(t.col("_title_id")), "left").drop("_title_id");
    }

    /** The columns of a report's declaration, in its order. */
    public static Dataset<Row> conform(Dataset<Row> report, io.newslens.report.ReportSpec spec) {
        return report.select(spec.columnNames().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    }
}
