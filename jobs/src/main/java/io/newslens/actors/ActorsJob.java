package io.newslens.actors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.newslens.config.ActorsOptions;
import io.newslens.config.NewslensConfig;
import io.newslens.report.ArticleStore;
import io.newslens.report.Fingerprints;
import io.newslens.report.RunManifest;
import io.newslens.report.RunOutput;
import io.newslens.text.Articles;
import io.newslens.text.Periods;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/** The {@code actors} reports: dictionary, mentions, attention, co-mentions, network, candidates, tone. */
public final class ActorsJob {
    private ActorsJob() {
    }

    private static final String DATELINE = "dateline";
    /** The store of co-mention counts per group of articles ({@link ArticleStore#sums}). */
    static final String CELLS = "actors_cells";
    /** The store of actor_candidates' sums per group of articles. */
    static final String CANDIDATE_CELLS = "candidates_cells";
    /** The store of co_mention_kwic's candidate examples per group of articles. */
    static final String KWIC_CELLS = "co_mention_kwic_cells";

    /**
     * What the per-article analysis depends on besides the article: the build, the options (the dictionary files by
     * their qualified paths, however they were written) and the dictionary files' contents as listed.
     */
    static String storeKey(ActorsOptions o, SparkSession spark) {
        org.apache.hadoop.conf.Configuration conf = spark.sparkContext().hadoopConfiguration();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode options = json.valueToTree(o);
        com.fasterxml.jackson.databind.node.ArrayNode dictionaries = options.putArray("dictionaries");
        o.dictionaries().forEach(d -> dictionaries.add(Fingerprints.qualified(d, conf)));
        StringBuilder sb = new StringBuilder(Fingerprints.build());
        try {
            sb.append("\noptions ").append(json.writeValueAsString(options));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot serialise the actors options", e);
        }
        for (String d : o.dictionaries()) {
            sb.append("\ndictionary ").append(Fingerprints.tree(d, conf));
        }
        return Fingerprints.sha256(sb.toString());
    }

    /**
     * The analysed articles a per-article report is computed from: where the published report keeps the periods before
     * {@code from}, only those of the others (and the undated).
     */
    private static Dataset<Row> articlesFor(Dataset<Row> analysed, RunOutput out, io.newslens.report.ReportSpec spec, String from) {
        return out.replacesPartitions(spec, from)
                ? analysed.filter(col(Actors.PERIOD_START).geq(lit(java.sql.Date.valueOf(from))).or(col(Actors.PERIOD_START).isNull()))
                : analysed;
    }

    /** A per-article report with its partition key, one task per period (a file per period, not one per period and task). */
    private static Dataset<Row> byPeriod(Dataset<Row> report, io.newslens.report.ReportSpec spec) {
        return Actors.conform(report.withColumn(Periods.PERIOD, Periods.key(col(Actors.PERIOD_START))), spec)
                .repartition(col(Periods.PERIOD));
    }

    public static void run(Dataset<Row> corpus, NewslensConfig config, RunOutput out, RunManifest manifest) {
        ActorsOptions o = config.actors();
        SparkSession spark = corpus.sparkSession();
        try (RunManifest.Stage stage = manifest.stage("actors")) {
            Dictionary dictionary = Dictionary.load(o.builtin(), o.dictionaries());
            Column dateline = org.apache.spark.sql.functions.element_at(col(Articles.EXTRA), lit(o.datelineField()));
            org.apache.spark.broadcast.Broadcast<Dictionary> shared = Actors.share(dictionary);
            // The analysis of an article reads these five columns only: stored by a hash of them, it is reused by later runs.
            Dataset<Row> read = corpus.select(col(Articles.ARTICLE_ID), col(Articles.SOURCE),
                    Periods.start(col(Articles.PUBLISHED_DATE), o.period()).as(Actors.PERIOD_START),
                    col(Articles.TITLE), dateline.as(DATELINE), col(Articles.TEXT), col(Articles.LANGUAGE), col(Articles.PUBLISHED_DATE));
            Column content = ArticleStore.contentHash(col(Articles.TITLE), col(DATELINE), col(Articles.TEXT), col(Articles.LANGUAGE),
                    col(Articles.PUBLISHED_DATE));
            ArticleStore.Lookup lookup = ArticleStore.lookUp(out, "actors", storeKey(o, spark), read, Articles.ARTICLE_ID,
                    List.of(Articles.SOURCE, Actors.PERIOD_START), content,
                    List.of(Actors.A), rows -> rows.withColumn(Actors.A, Actors.analyse(col(Articles.TITLE), col(DATELINE),
                            col(Articles.TEXT), col(Articles.LANGUAGE), col(Articles.PUBLISHED_DATE), shared, o)));
            // Kept: the actors report (recognised actors) and actor_mentions read the analysis, and so may others.
            Dataset<Row> done = lookup.rows().persist(StorageLevel.MEMORY_AND_DISK());
            try {
                Map<String, Object> stored = lookup.save(done);
                Dataset<Row> analysed = done.drop(ArticleStore.CONTENT, ArticleStore.BATCH);
                Dataset<Row> known = spark.createDataFrame(Actors.dictionaryRows(dictionary), ActorReports.ACTORS.schema());
                out.write(ActorReports.ACTORS, o.recognise() ? known.unionByName(Actors.recognisedActors(analysed)) : known, manifest);
                // Always written when the stage runs: every mention, with its actor's name from the actors report.
                Dataset<Row> dict = out.read(ActorReports.ACTORS.name());
                // Incremental runs (--since) replace the period partitions of co_mentions and of the per-article reports
                // from the one holding `since` on (`all` of co_mentions too: it sorts after every date).
                String from = config.since() == null ? null : Periods.startOf(config.since(), o.period());
                out.write(ActorReports.ACTOR_MENTIONS, byPeriod(Actors.named(Actors.mentions(
                        articlesFor(analysed, out, ActorReports.ACTOR_MENTIONS, from)), dict, "actor_id", "name"),
                        ActorReports.ACTOR_MENTIONS), manifest, from);
                Dataset<Row> titles = corpus.select(col(Articles.ARTICLE_ID), col(Articles.TITLE), col(Articles.URL));
                if (out.wants(ActorReports.ACTOR_ATTENTION)) {
                    out.write(ActorReports.ACTOR_ATTENTION, byPeriod(Actors.named(Actors.attention(
                            articlesFor(analysed, out, ActorReports.ACTOR_ATTENTION, from)), dict, "actor_id", "name"),
                            ActorReports.ACTOR_ATTENTION), manifest, from);
                }
                boolean network = out.wants(ActorReports.NETWORK_NODES, ActorReports.NETWORK_EDGES);
                if (network || out.wants(ActorReports.CO_MENTIONS)) {
                    // The co-mention counts of the stored articles come from the store, summed per group of articles;
                    // only the groups that changed (this run's new articles, usually) are counted again.
                    List<Dataset<Row>> summed = new java.util.ArrayList<>();
                    ArticleStore.Split split;
                    try {
                        split = ArticleStore.sumsSplit(out, CELLS, storeKey(o, spark) + " cells v3", done,
                                List.of(Articles.ARTICLE_ID, Articles.SOURCE, Actors.PERIOD_START, ArticleStore.CONTENT),
                                rows -> Actors.unitCells(rows, List.of(ArticleStore.BATCH), summed::add), stored, lookup);
                    } finally {
                        summed.forEach(Dataset::unpersist);
                    }
                    Dataset<Row> largest = split.largest();
                    Dataset<Row> others = split.others();
                    // Each period's rows depend on its own cells only (`all` on the groups' totals): where the published
                    // report keeps the periods before `from`, only the cells of the others are added up.
                    if (out.replacesPartitions(ActorReports.CO_MENTIONS, from)) {
                        largest = largest.filter(col("day").geq(lit(from)));
                        others = others == null ? null : others.filter(col("day").geq(lit(from)));
                    }
                    Dataset<Row> cells = others == null ? largest : largest.unionByName(others);
                    int parts = rollUpPartitions(cells);
                    // The days' rows are read twice by co_mentions (the pairs, and each pair's actors): kept while it is
                    // written.
                    Dataset<Row> days = Actors.rollUpDays(cells, parts).persist(StorageLevel.MEMORY_AND_DISK());
                    // The totals of `all`. Where this run only added groups to those the published report was counted
                    // from (a daily run, also one whose batch took in the days before it whole), the pairs the added
                    // groups name are added up again and the others keep their published count and tone, read from
                    // the report (pairs below min_count are not in it), not from the cells. Otherwise the largest
                    // group's keys the others lack pass through (read again rather than kept). Either way the keys are
                    // tested against a Bloom filter of some 1.2 bytes each in every task (up to a 16th of the heap),
                    // else all are summed.
                    String published = out.replacesPartitions(ActorReports.CO_MENTIONS, from)
                            ? out.publishedLocation(ActorReports.CO_MENTIONS.name()) : null;
                    long addedKeys = split.added() == null || published == null ? -1 : Actors.pairTotals(split.added()).count();
                    boolean update = addedKeys >= 0 && addedKeys <= Runtime.getRuntime().maxMemory() / 16;
                    stored.put("co_mention_pairs_recounted", update ? addedKeys : null);
                    long otherKeys = update || others == null ? 0 : Actors.totalsOf(others).count();
                    boolean passThrough = !update && otherKeys <= Runtime.getRuntime().maxMemory() / 16;
                    Dataset<Row> totals;
                    Dataset<Row> kept = null;
                    if (update) {
                        Actors.TotalsUpdate u = Actors.totalsUpdate(cells, split.added(), addedKeys, spark.read()
                                .schema(ActorReports.CO_MENTIONS.schema()).option("basePath", published).parquet(published), parts);
                        totals = u.recounted();
                        kept = u.kept();
                    } else {
                        totals = passThrough ? Actors.rollUpTotals(largest, others, otherKeys, parts)
                                : Actors.rollUpTotals(cells, parts).persist(StorageLevel.MEMORY_AND_DISK());
                    }
                    Dataset<Row> rolled = days.unionByName(totals);
                    // The actors' own rows and n (b null: some 1% of the cells) are added up on their own, all of
                    // them: reading them out of the passed-through totals tested every pair against the Bloom filter.
                    Dataset<Row> actorRows = days.filter(col("b").isNull()).unionByName(Actors.rollUpTotals(
                            Actors.singles(largest, others), 0)).persist(StorageLevel.MEMORY_AND_DISK());
                    try {
                        // A row of the actors' counts takes some 200 bytes while a broadcast is built: up to 4 million
                        // rows with an 8 GB driver heap, they are broadcast and the pairs not shuffled to meet them.
                        boolean broadcastActors = actorRows.count() <= Runtime.getRuntime().maxMemory() / 2000;
                        out.write(ActorReports.CO_MENTIONS, Actors.conform(Actors.named(Actors.named(
                                Actors.coMentionsFromCells(rolled, kept, actorRows, o.minCount(), broadcastActors),
                                dict, "actor_a", "name_a"), dict, "actor_b", "name_b"), ActorReports.CO_MENTIONS), manifest, from);
                    } finally {
                        actorRows.unpersist();
                        totals.unpersist();
                        days.unpersist();
                    }
                }
                if (out.wants(ActorReports.CO_MENTION_KWIC)) {
                    Dataset<Row> texts = corpus.select(col(Articles.ARTICLE_ID), col(Articles.TITLE), dateline.as("dateline"),
                            col(Articles.TEXT), col(Articles.LANGUAGE), col(Articles.PUBLISHED_DATE));
                    Dataset<Row> co = out.wants(ActorReports.CO_MENTIONS) || network ? out.read(ActorReports.CO_MENTIONS.name())
                            : Actors.coMentions(analysed, "sentence", o.minCount());
                    // The candidate examples are kept per group of articles (each group's first few per pair): a run
                    // finds those of its new articles only, and chooses among the groups' again.
                    Dataset<Row> cells = ArticleStore.sums(out, KWIC_CELLS, storeKey(o, spark) + " kwic v1", done,
                            List.of(Articles.ARTICLE_ID, Articles.SOURCE, ArticleStore.CONTENT),
                            rows -> CoMentionKwic.exampleCells(rows.select(col(ArticleStore.BATCH), col(Articles.ARTICLE_ID),
                                    col(Articles.SOURCE), col(Actors.A + ".mentions").as("mentions")), ArticleStore.BATCH, o.kwicExamples()),
                            stored);
                    out.write(ActorReports.CO_MENTION_KWIC, CoMentionKwic.examplesFromCells(cells, co, out.read(ActorReports.ACTORS.name()),
                            texts, o.kwicExamples()), manifest);
                }
                if (network) {
                    out.write(ActorReports.NETWORK_NODES, Actors.nodes(analysed, out.read(ActorReports.ACTORS.name())), manifest);
                    // co_mentions' `all` rows as they are: their files copied, not encoded again.
                    out.writeCopy(ActorReports.NETWORK_EDGES, ActorReports.CO_MENTIONS, Periods.PERIOD, Actors.ALL_DAYS, manifest);
                    // Streamed from the written reports into the file: the nodes and the edges as lines the executors
                    // format.
                    Dataset<Row> nodes = out.read(ActorReports.NETWORK_NODES.name());
                    // Every period's rows: in an incremental run, the published ones before `from` with this run's.
                    Dataset<Row> edges = out.readWhole(ActorReports.CO_MENTIONS).filter(col("scope").equalTo("article").and(col("outlet").equalTo("all")));
                    out.artifact(ActorReports.NETWORK_GEXF);
                    out.withLines(ActorReports.NETWORK_GEXF + ".nodes", Gexf.nodeLines(nodes).toDF(), nodeLines ->
                            out.withLines(ActorReports.NETWORK_GEXF, Gexf.edgeLines(edges, o.period()).toDF(), edgeLines -> out.writeText(
                                    ActorReports.NETWORK_GEXF, w -> Gexf.write(nodeLines, edgeLines, o.period(), w))));
                }
                if (out.wants(ActorReports.CANDIDATES)) {
                    // Summed per group of articles and kept in the store, like the co-mention cells: a run counts the
                    // candidates of its new articles only.
                    ArticleStore.Delta cells = ArticleStore.sumsDelta(out, CANDIDATE_CELLS, storeKey(o, spark) + " candidates v1", done,
                            List.of(Articles.ARTICLE_ID, ArticleStore.CONTENT), rows -> Actors.candidateCells(rows, ArticleStore.BATCH), stored,
                            lookup);
                    // Where this run only added groups to those the published report was counted from (a daily run),
                    // only the candidates the added groups name are counted again; the others keep their published row.
                    // Unless the added groups name too many to broadcast (some 100 bytes a key while the broadcast is
                    // built: up to a 20th of the heap): then all are counted.
                    String published = out.publishedLocation(ActorReports.CANDIDATES.name());
                    long touched = cells.added() == null || published == null ? -1 : cells.added().select("key").distinct().count();
                    boolean update = touched >= 0 && touched <= Runtime.getRuntime().maxMemory() / 2000;
                    stored.put("candidates_recounted", update ? touched : null);
                    out.write(ActorReports.CANDIDATES, update
                            ? Actors.candidatesUpdated(spark.read().schema(ActorReports.CANDIDATES.schema()).parquet(published), cells.all(),
                                    cells.added(), o.candidateMinCount(), 0)
                            : Actors.candidatesFromCells(cells.all(), o.candidateMinCount(), rollUpPartitions(cells.all())), manifest);
                }
                if (out.wants(ActorReports.ARTICLE_TONE)) {
                    out.write(ActorReports.ARTICLE_TONE, byPeriod(Actors.titled(Actors.articleTone(
                            articlesFor(analysed, out, ActorReports.ARTICLE_TONE, from)), titles), ActorReports.ARTICLE_TONE), manifest, from);
                }
                if (out.wants(ActorReports.ACTOR_TONE)) {
                    out.write(ActorReports.ACTOR_TONE, byPeriod(Actors.titled(Actors.named(Actors.actorTone(
                            articlesFor(analysed, out, ActorReports.ACTOR_TONE, from)), dict, "actor_id", "name"), titles),
                            ActorReports.ACTOR_TONE), manifest, from);
                }

                // actor_mentions' rows are the analysis' mentions: counted there, one row per article.
                Row totals = analysed.selectExpr("count(*)",
                        "coalesce(sum(size(a.mentions)), 0)",
                        "coalesce(sum(size(filter(a.mentions, m -> m.actor_id IS NOT NULL))), 0)",
                        "count_if(size(a.mentions) > 0)").first();
                long articles = totals.getLong(0);
                Map<String, Object> counts = new LinkedHashMap<>();
                counts.put("articles", articles);
                counts.put("articles_with_actors", totals.getLong(3));
                counts.put("mentions", totals.getLong(1));
                counts.put("mentions_ambiguous", totals.getLong(1) - totals.getLong(2));
                counts.put("dictionary_actors", dictionary.actors().size());
                counts.put("recognised_actors", out.read(ActorReports.ACTORS.name()).filter(col("origin").equalTo(Matcher.NER)).count());
                counts.put("recognised", o.recognise());
                counts.put("dictionary_files", new ArrayList<>(o.dictionaries()));
                counts.put("store", stored);
                manifest.counts("actors", counts);
                stage.count("articles", articles).count("mentions", totals.getLong(1))
                        .count("ambiguous", totals.getLong(1) - totals.getLong(2));
            } finally {
                done.unpersist();
                lookup.release();
                Actors.release(shared);
            }
        }
    }

    /** Compressed Parquet bytes of co-mention cells per part of the roll-up: some 10 times as much once in a hash map. */
    static final long ROLL_UP_BYTES_PER_PART = 8L << 20;

    /** At most this many (Spark's own default of shuffle partitions), also where Spark cannot size the cells. */
    static final int ROLL_UP_MAX_PARTS = 200;

    /**
     * How many parts the roll-up of {@code cells} needs so that each part's sums fit in memory: the session's shuffle
     * partitions, or more where the cells (their files' size, which Spark knows without reading them) are larger.
     */
    static int rollUpPartitions(Dataset<Row> cells) {
        return rollUpPartitions(cells, ROLL_UP_BYTES_PER_PART);
    }

    static int rollUpPartitions(Dataset<Row> cells, long bytesPerPart) {
        int configured = Integer.parseInt(cells.sparkSession().conf().get("spark.sql.shuffle.partitions"));
        java.math.BigInteger bytes = cells.queryExecution().optimizedPlan().stats().sizeInBytes().bigInteger();
        long parts = bytes.divide(java.math.BigInteger.valueOf(bytesPerPart))
                .min(java.math.BigInteger.valueOf(ROLL_UP_MAX_PARTS)).longValue() + 1;
        return (int) Math.max(configured, Math.min(parts, ROLL_UP_MAX_PARTS));
    }
}
