package io.newslens.actors;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
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
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

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

    /** actor_attention from actor_mentions and the analysed articles (for the shares). */
    public static Dataset<Row> attention(Dataset<Row> mentions, Dataset<Row> analysed) {
        // Undated articles are a bucket of their own (period_start null), joined null-safely to their totals.
        Dataset<Row> totals = analysed.groupBy(col(PERIOD_START).as("t_period"), col(SOURCE).as("t_source"))
                .agg(count(lit(1)).as("all_articles"));
        Dataset<Row> counted = mentions.filter(col("actor_id").isNotNull())
                .groupBy(col(PERIOD_START), col(SOURCE), col("actor_id"))
                .agg(countDistinct(col(ARTICLE_ID)).as("articles"), count(lit(1)).as("mentions"));
        return counted.join(totals, col(PERIOD_START).eqNullSafe(col("t_period")).and(col(SOURCE).eqNullSafe(col("t_source"))))
                .select(col("actor_id"), col(SOURCE), col("articles"), col("mentions"),
                        col("articles").divide(col("all_articles")).as("share_of_articles"), col(PERIOD_START));
    }

    private static final UserDefinedFunction PAIRS = udf((UDF1<scala.collection.Seq<String>, List<Row>>) actors -> {
        List<Row> pairs = new ArrayList<>();
        for (int i = 0; i < actors.size(); i++) {
            for (int j = i + 1; j < actors.size(); j++) {
                pairs.add(RowFactory.create(actors.apply(i), actors.apply(j)));
            }
        }
        return pairs;
    }, DataTypes.createArrayType(new StructType().add("a", DataTypes.StringType).add("b", DataTypes.StringType)))
            .withName("newslens_pairs");

    /**
     * Units of a scope: period (yyyy-MM-dd, and each unit once more under `all`), outlet (the source, and each unit once
     * more under `all`), actors (sorted, distinct, resolved only), the weight of the unit in n (1 article; its sentence
     * count for the article-level stand-in row), and for sentences their tone (null for the stand-in rows and articles).
     */
    static Dataset<Row> units(Dataset<Row> analysed, String scope) {
        Column periods = when(col(PERIOD_START).isNull(), array(lit("all")))
                .otherwise(array(lit("all"), date_format(col(PERIOD_START), "yyyy-MM-dd")));
        Column outlets = when(col(SOURCE).isNull(), array(lit("all"))).otherwise(array(lit("all"), col(SOURCE)));
        Column resolved = filter(col(A + ".mentions"), m -> m.getField("actor_id").isNotNull());
        Dataset<Row> spread = analysed.withColumn("period", explode(periods)).withColumn("outlet", explode(outlets));
        if (scope.equals("article")) {
            return spread.select(col("period"), col("outlet"),
                    array_sort(array_distinct(transform(resolved, m -> m.getField("actor_id")))).as("actors"),
                    lit(1L).as("weight"), lit(null).cast(DataTypes.DoubleType).as("tone"));
        }
        // Sentences: one row per sentence with actors, plus one row per article carrying the count of its other
        // sentences (no actors) so that n counts every sentence.
        Dataset<Row> withActors = spread.select(col(ARTICLE_ID), col("period"), col("outlet"),
                        col(A + ".sentences").as("sentences"), resolved.as("resolved"))
                .select(col(ARTICLE_ID), col("period"), col("outlet"), col("sentences"), explode(col("resolved")).as("m"))
                .groupBy(col(ARTICLE_ID), col("period"), col("outlet"), col("sentences"), col("m.sentence_idx"))
                .agg(array_sort(collect_set(col("m.actor_id"))).as("actors"),
                        org.apache.spark.sql.functions.first(col("m.sentence_tone"), true).as("tone"));
        Dataset<Row> rest = withActors.groupBy(col(ARTICLE_ID), col("period"), col("outlet"), col("sentences"))
                .agg(count(lit(1)).as("with_actors"));
        String[] key = {ARTICLE_ID, "period", "outlet"};
        Dataset<Row> empty = spread.select(col(ARTICLE_ID), col("period"), col("outlet"), col(A + ".sentences").as("sentences"))
                .join(rest.select(col(ARTICLE_ID), col("period"), col("outlet"), col("with_actors")), key, "left")
                .select(col("period"), col("outlet"), lit(null).cast(DataTypes.createArrayType(DataTypes.StringType)).as("actors"),
                        col("sentences").minus(org.apache.spark.sql.functions.coalesce(col("with_actors"), lit(0L))).cast("long").as("weight"),
                        lit(null).cast(DataTypes.DoubleType).as("tone"));
        return withActors.select(col("period"), col("outlet"), col("actors"), lit(1L).as("weight"), col("tone")).unionByName(empty);
    }

    /** co_mentions of one scope (article or sentence). */
    public static Dataset<Row> coMentions(Dataset<Row> analysed, String scope, int minCount) {
        // Not cached: it is cheap to derive from the persisted analysis, and a cache here would outlive the job.
        Dataset<Row> units = units(analysed, scope);
        Dataset<Row> n = units.groupBy("period", "outlet").agg(sum("weight").as("n"));
        Dataset<Row> singles = units.filter(col("actors").isNotNull())
                .select(col("period"), col("outlet"), explode(col("actors")).as("actor"))
                .groupBy("period", "outlet", "actor").agg(count(lit(1)).as("c"));
        // Tone: the mean tone of the pair's sentences, for either scope (an article's tone is not about the pair).
        Column tone = avg("tone").as("tone");
        Column toned = count(col("tone")).as("tone_sentences");
        Dataset<Row> pairs = scope.equals("sentence")
                ? pairsOf(units).agg(count(lit(1)).as("count"), tone, toned).filter(col("count").geq(minCount))
                : pairsOf(units).agg(count(lit(1)).as("count")).filter(col("count").geq(minCount))
                        .join(pairsOf(units(analysed, "sentence")).agg(tone, toned), new String[] {"period", "outlet", "actor_a", "actor_b"}, "left");
        Dataset<Row> sa = singles.select(col("period"), col("outlet"), col("actor").as("actor_a"), col("c").as("count_a"));
        Dataset<Row> sb = singles.select(col("period"), col("outlet"), col("actor").as("actor_b"), col("c").as("count_b"));
        Dataset<Row> joined = pairs.join(sa, new String[] {"period", "outlet", "actor_a"}).join(sb, new String[] {"period", "outlet", "actor_b"})
                .join(n, new String[] {"period", "outlet"});
        Column c = col("count").cast("double");
        Column ca = col("count_a").cast("double");
        Column cb = col("count_b").cast("double");
        Column nn = col("n").cast("double");
        return joined.select(lit(scope).as("scope"), col("period"), col("outlet"), col("actor_a"), col("actor_b"), col("count"),
                col("count_a"), col("count_b"), col("n"), Association.pmi(c, ca, cb, nn).as("pmi"), Association.npmi(c, ca, cb, nn).as("npmi"),
                c.divide(ca.plus(cb).minus(c)).as("jaccard"), Association.g2(c, ca, cb, nn).as("g2"), col("tone"),
                org.apache.spark.sql.functions.coalesce(col("tone_sentences"), lit(0L)).as("tone_sentences"));
    }

    /** Every pair of a unit's actors (actor_a &lt; actor_b), grouped by period, outlet and pair. */
    private static org.apache.spark.sql.RelationalGroupedDataset pairsOf(Dataset<Row> units) {
        return units.filter(size(col("actors")).geq(2))
                .select(col("period"), col("outlet"), explode(PAIRS.apply(col("actors"))).as("p"), col("tone"))
                .groupBy(col("period"), col("outlet"), col("p.a").as("actor_a"), col("p.b").as("actor_b"));
    }

    /** actor_candidates: names in at least {@code minArticles} articles, with alias suggestions and their usual company. */
    public static Dataset<Row> candidates(Dataset<Row> analysed, int minArticles) {
        // One key per candidate: the recognised entity's actor, else the phrase itself.
        Dataset<Row> occurrences = analysed.select(col(ARTICLE_ID), explode(col(A + ".candidates")).as("c"))
                .select(col(ARTICLE_ID), col("c.phrase").as("phrase"), col("c.type").as("type"), col("c.alias").as("alias"),
                        col("c.actor_id").as("actor_id"),
                        org.apache.spark.sql.functions.coalesce(col("c.actor_id"), org.apache.spark.sql.functions.concat(lit("phrase:"), col("c.phrase"))).as("key"));
        Dataset<Row> counted = occurrences.groupBy("key")
                .agg(countDistinct(col(ARTICLE_ID)).as("articles"), count(lit(1)).as("mentions"),
                        org.apache.spark.sql.functions.max(col("actor_id")).as("actor_id"),
                        array_sort(array_distinct(collect_list(col("alias")))).as("aliases"))
                .filter(col("articles").geq(minArticles));
        // Its phrase and type: the ones seen most often (ties: alphabetical), so one odd sentence does not decide.
        Dataset<Row> named = occurrences.join(counted.select("key"), "key").groupBy("key", "phrase", "type").agg(count(lit(1)).as("n"))
                .withColumn("r", row_number().over(Window.partitionBy("key").orderBy(col("n").desc(), col("phrase"), col("type"))))
                .filter(col("r").equalTo(1)).select(col("key"), col("phrase"), col("type").as("suggested_type"));
        Dataset<Row> actorsOf = analysed.select(col(ARTICLE_ID), explode(array_distinct(transform(
                filter(col(A + ".mentions"), m -> m.getField("actor_id").isNotNull()), m -> m.getField("actor_id")))).as("actor"));
        Dataset<Row> together = occurrences.select(ARTICLE_ID, "key").distinct().join(counted.select("key"), "key")
                .join(actorsOf, ARTICLE_ID)
                .filter(col("actor").notEqual(col("key")))  // not itself
                .groupBy("key", "actor").agg(count(lit(1)).as("c"))
                .withColumn("r", row_number().over(Window.partitionBy("key").orderBy(col("c").desc(), col("actor"))))
                .filter(col("r").leq(5))
                .groupBy("key").agg(array_sort(collect_list(struct(col("r"), col("actor")))).as("top"));
        return counted.join(named, "key").join(together, new String[] {"key"}, "left")
                .select(col("phrase"), col("actor_id"), col("articles"), col("mentions"), col("suggested_type"), col("aliases"),
                        org.apache.spark.sql.functions.coalesce(transform(col("top"), t -> t.getField("actor")),
                                array().cast(DataTypes.createArrayType(DataTypes.StringType))).as("co_actors"));
    }

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
        return analysed.select(col(ARTICLE_ID), col(SOURCE), col(PERIOD_START), explode(col(A + ".mentions")).as("m"))
                .filter(col("m.actor_id").isNotNull())
                .groupBy(col(ARTICLE_ID), col("m.actor_id").as("actor_id"), col(SOURCE), col(PERIOD_START), col("m.sentence_idx"))
                .agg(org.apache.spark.sql.functions.first(col("m.sentence_tone")).as("st"))
                .groupBy(col(ARTICLE_ID), col("actor_id"), col(SOURCE), col(PERIOD_START))
                .agg(count(lit(1)).cast("int").as("sentences"), avg("st").as("tone"))
                .select(col(ARTICLE_ID), col("actor_id"), col("sentences"), col("tone"), col(SOURCE), col(PERIOD_START));
    }

    /** actor_network_nodes. */
    public static Dataset<Row> nodes(Dataset<Row> mentions, Dataset<Row> dictionary) {
        return mentions.filter(col("actor_id").isNotNull()).groupBy("actor_id")
                .agg(countDistinct(col(ARTICLE_ID)).as("articles"), count(lit(1)).as("mentions"))
                .join(dictionary.select("actor_id", "name", "type", "country_code"), "actor_id")
                .select("actor_id", "name", "type", "country_code", "articles", "mentions");
    }

    /** actor_network_edges from co_mentions. */
    public static Dataset<Row> edges(Dataset<Row> coMentions) {
        return coMentions.filter(col("period").equalTo("all"))
                .select("scope", "outlet", "actor_a", "actor_b", "count", "npmi", "jaccard", "g2", "tone");
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
