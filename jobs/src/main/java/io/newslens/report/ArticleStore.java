package io.newslens.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A stage's part of the article store: what its per-article work gave each article, keyed by the article id and a
 * hash of exactly what the work reads ({@value #CONTENT}), as Parquet batches under {@code OUTPUT/.store/NAME/batch=RUN/}
 * (one per run that did work), which each version lists with the store's key (the build and settings the work
 * depends on) in {@code _store/NAME.json}. A later run with the same key takes the results of the articles it finds
 * there (same id, same content) and does the work only for the others, which make its own batch, together with the
 * stored rows of the small batches it takes in ({@link #toMerge}). {@code --force} or another key: the work is done for
 * every article and the store starts over.
 */
public final class ArticleStore {
    public static final String BATCH = "batch";
    public static final String CONTENT = "_content";

    private ArticleStore() {
    }

    /** The rows with their results, and what {@link #save} writes. */
    public static final class Lookup {
        private final RunOutput out;
        private final String name;
        private final String key;
        private final Dataset<Row> rows;
        private final String idColumn;
        private final List<String> resultColumns;
        private final String reusedRun;
        private final String whyNot;
        private final List<Dataset<Row>> cached;
        private final List<String> batches;
        private final java.util.function.LongSupplier storedRows;
        private final List<String> merged;
        private final java.util.function.LongSupplier mergedRows;
        private Dataset<Row> mergedMembers;

        private Lookup(RunOutput out, String name, String key, Dataset<Row> rows, String idColumn, List<String> resultColumns,
                       String reusedRun, String whyNot, List<Dataset<Row>> cached, List<String> batches,
                       java.util.function.LongSupplier storedRows, List<String> merged, java.util.function.LongSupplier mergedRows) {
            this.out = out;
            this.name = name;
            this.key = key;
            this.rows = rows;
            this.idColumn = idColumn;
            this.resultColumns = resultColumns;
            this.reusedRun = reusedRun;
            this.whyNot = whyNot;
            this.cached = cached == null ? List.of() : cached;
            this.batches = batches;
            this.storedRows = storedRows;
            this.merged = merged;
            this.mergedRows = mergedRows;
        }

        /**
         * The stored rows of the batches this run's batch took in ({@link #toMerge}) whose article is in this run
         * unchanged: {@value #BATCH} (the batch they came from), the id, the kept columns and {@value #CONTENT} as
         * this run has them; null when no batch was taken in. Kept from {@link #save} until {@link #release}.
         */
        public Dataset<Row> mergedMembers() {
            return mergedMembers;
        }

        /** Lets go of what {@link #save} kept. */
        public void release() {
            if (mergedMembers != null) {
                mergedMembers.unpersist();
            }
        }

        /** The id, the kept columns, {@value #CONTENT}, the result columns and {@value #BATCH} (this run's id: worked on now). */
        public Dataset<Row> rows() {
            return rows;
        }

        /**
         * Writes this run's batch (the rows of {@code done}, a persisted form of {@link #rows}, worked on in this
         * run, and the stored rows of the batches it takes in: {@link #toMerge}) and lists it with the other published
         * batches in this run's version (or, when most stored rows are of articles no longer in the corpus, every row
         * of {@code done} as the one batch); returns the manifest's account of the store.
         */
        public Map<String, Object> save(Dataset<Row> done) {
            List<Column> stored = new ArrayList<>(List.of(col(idColumn), col(CONTENT)));
            resultColumns.forEach(c -> stored.add(col(c)));
            Dataset<Row> fresh = done.filter(col(BATCH).equalTo(lit(out.runId())));
            long freshRows = fresh.count();
            long mergedIn = merged.isEmpty() ? 0 : mergedRows.getAsLong();
            if (mergedMembers != null) {
                // Read while this run's ids and hashes are still kept: the groups taken in are told whole by them.
                mergedMembers = mergedMembers.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
                mergedMembers.count();
            }
            long worked = freshRows - mergedIn;
            long reused = reusedRun == null ? 0 : done.filter(col(BATCH).notEqual(lit(out.runId()))).count() + mergedIn;
            List<String> all = new ArrayList<>(batches);
            all.removeAll(merged);
            boolean compacted = false;
            if (reusedRun != null && storedRows.getAsLong() - reused > reused + worked) {
                // Most stored rows are of articles gone from the corpus (or changed): the store starts over as one batch.
                fresh = done;
                all.clear();
                compacted = true;
            }
            // A batch of no rows would leave a folder without a Parquet file, which a later run could not read.
            if (freshRows > 0 || compacted && reused > 0) {
                fresh.select(stored.toArray(Column[]::new)).write().parquet(out.storeBatch(name));
                all.add(out.runId());
            }
            out.recordStore(name, key, all);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reused_from_run", reusedRun);
            m.put("articles_reused", reused);
            m.put("articles_worked_on", worked);
            m.put("not_reused_because", whyNot);
            m.put("compacted", compacted);
            m.put("batches_merged", compacted ? 0 : merged.size());
            cached.forEach(Dataset::unpersist);
            return m;
        }
    }

    /** The content hash of what a stage's work reads: SHA-256 over the values as text, a null told from an empty value. */
    public static Column contentHash(Column... read) {
        Column[] parts = java.util.Arrays.stream(read)
                .map(c -> org.apache.spark.sql.functions.coalesce(c.cast("string"), lit("\u0002"))).toArray(Column[]::new);
        return org.apache.spark.sql.functions.sha2(org.apache.spark.sql.functions.concat_ws("\u0001", parts), 256);
    }

    /** Up to this many articles to work on, they are sent to every task: the articles' texts are not shuffled. */
    static final long BROADCAST_MISSES = 200_000;

    /**
     * Up to this many articles, their ids, kept columns and content hashes (about 150 bytes each, some 400 in the
     * driver while the broadcast is built) are sent to every task to find the stored results, which are then not
     * shuffled: a tenth of the driver's heap (2 million articles with 8 GB).
     */
    static long broadcastCorpus() {
        return Runtime.getRuntime().maxMemory() / 4000;
    }

    /**
     * {@code work} applied to every row of {@code input}: for rows whose id and {@code content} the published store
     * holds under the same key, the stored result columns; for the others, {@code work} itself. Returns rows of the
     * id, the {@code kept} columns, {@value #CONTENT}, the result columns and {@value #BATCH}; the other columns of
     * {@code input} are what the work reads, and are not shuffled for the articles found.
     *
     * @param work adds {@code resultColumns} to the rows it is given
     */
    public static Lookup lookUp(RunOutput out, String name, String key, Dataset<Row> input, String idColumn, List<String> kept,
                                Column content, List<String> resultColumns, UnaryOperator<Dataset<Row>> work) {
        String published = out.publishedRun();
        RunOutput.StoreState stored = out.publishedStore(name);
        String whyNot = !out.reusesStores() ? "--force"
                : published == null ? "no published run"
                : stored == null ? "the published run " + published + " has no " + name + " store"
                : !key.equals(stored.key()) ? "newslens or the settings this work depends on changed since run " + published
                : stored.batches().isEmpty() ? "the published " + name + " store is empty"
                : null;
        List<Column> outColumns = new ArrayList<>();
        outColumns.add(col(idColumn));
        kept.forEach(c -> outColumns.add(col(c)));
        outColumns.add(col(CONTENT));
        resultColumns.forEach(c -> outColumns.add(col(c)));
        outColumns.add(col(BATCH));
        Column[] result = outColumns.toArray(Column[]::new);
        if (whyNot != null) {
            Dataset<Row> all = work.apply(input.withColumn(CONTENT, content)).withColumn(BATCH, lit(out.runId()));
            return new Lookup(out, name, key, all.select(result), idColumn, resultColumns, null, whyNot, null, List.of(), () -> 0,
                    List.of(), () -> 0);
        }
        String root = out.storeRoot(name);
        Dataset<Row> files = input.sparkSession().read().option("basePath", root)
                .parquet(stored.batches().stream().map(b -> root + "/" + BATCH + "=" + b).toArray(String[]::new))
                .withColumn(BATCH, col(BATCH).cast("string"));
        scala.collection.immutable.Seq<String> on = scala.jdk.javaapi.CollectionConverters.asScala(List.of(idColumn, CONTENT)).toSeq();
        // Ids, kept columns and content hashes only (no text): read for the articles found and for those to work on.
        List<Column> narrowColumns = new ArrayList<>();
        narrowColumns.add(col(idColumn));
        kept.forEach(c -> narrowColumns.add(col(c)));
        narrowColumns.add(content.as(CONTENT));
        Dataset<Row> narrow = input.select(narrowColumns.toArray(Column[]::new)).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> missing = narrow.select(col(idColumn), col(CONTENT)).join(files.select(col(idColumn), col(CONTENT)), on, "left_anti")
                .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        long missingCount = missing.count();
        boolean few = missingCount <= BROADCAST_MISSES;
        // The batches this run's takes in: decided by their rows (read from the files' footers, not their data).
        List<String> merged = List.of();
        if (missingCount > 0) {
            Map<String, Long> rowsPerBatch = new LinkedHashMap<>();
            for (Row r : files.groupBy(col(BATCH)).count().collectAsList()) {
                rowsPerBatch.put(r.getString(0), r.getLong(1));
            }
            merged = toMerge(rowsPerBatch, missingCount);
        }
        List<Column> storedColumns = new ArrayList<>(List.of(col(idColumn), col(CONTENT)));
        resultColumns.forEach(c -> storedColumns.add(col(c)));
        storedColumns.add(merged.isEmpty() ? col(BATCH)
                : org.apache.spark.sql.functions.when(col(BATCH).isin(merged.toArray()), lit(out.runId())).otherwise(col(BATCH)).as(BATCH));
        Dataset<Row> found = files.select(storedColumns.toArray(Column[]::new));
        Dataset<Row> toWork = input.join(few ? org.apache.spark.sql.functions.broadcast(missing) : missing,
                scala.jdk.javaapi.CollectionConverters.asScala(List.of(idColumn)).toSeq(), "inner");
        Dataset<Row> worked = work.apply(toWork).withColumn(BATCH, lit(out.runId())).select(result);
        // The stored results are the wide side: with a corpus whose ids and hashes fit in a broadcast, they are joined
        // where they are read, and not shuffled.
        Dataset<Row> index = narrow.count() <= broadcastCorpus() ? org.apache.spark.sql.functions.broadcast(narrow) : narrow;
        Dataset<Row> reused = found.join(index, on, "inner").select(result);
        List<String> mergedBatches = merged;
        java.util.function.LongSupplier mergedRows = () -> files.filter(col(BATCH).isin(mergedBatches.toArray()))
                .select(col(idColumn), col(CONTENT)).join(index, on, "left_semi").count();
        Lookup lookup = new Lookup(out, name, key, worked.unionByName(reused), idColumn, resultColumns, published, null,
                List.of(narrow, missing), stored.batches(), files::count, merged, mergedRows);
        // The batches taken in, row by row as this run has them (as done's rows of those batches would be).
        lookup.mergedMembers = merged.isEmpty() ? null : files.filter(col(BATCH).isin(merged.toArray()))
                .select(col(idColumn), col(CONTENT), col(BATCH)).join(index, on, "inner");
        return lookup;
    }

    /** A stored batch of at most this many times the rows gathered so far joins them ({@link #toMerge}). */
    static final long MERGE_RATIO = 2;

    /**
     * Which stored batches this run's batch takes in (their rows are then listed as this run's): the smallest ones,
     * each while it holds at most {@value #MERGE_RATIO} times the rows gathered so far, starting with the {@code fresh}
     * rows this run works on. Like a binary counter: daily runs leave a few batches (about the log of the corpus over a
     * day's articles), each article's stored results are rewritten a few times over the store's life rather than
     * every day, and a full run's batch is taken in only once the days since it add up to half its size. Each group of
     * stored sums follows its batch ({@link #sums}): only the merged group is summed again.
     *
     * @param rowsPerBatch the stored batches and their rows
     */
    static List<String> toMerge(Map<String, Long> rowsPerBatch, long fresh) {
        List<Map.Entry<String, Long>> bySize = new ArrayList<>(rowsPerBatch.entrySet());
        bySize.sort(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        List<String> merged = new ArrayList<>();
        long gathered = fresh;
        for (Map.Entry<String, Long> b : bySize) {
            if (b.getValue() > MERGE_RATIO * gathered) {
                break;
            }
            merged.add(b.getKey());
            gathered += b.getValue();
        }
        return merged;
    }

    /**
     * An additive aggregate of a stage's rows ({@code done}, as {@link Lookup#rows} gives them, persisted), kept in the
     * store per group of articles (the {@value #BATCH} each row came from) so that a later run sums only what changed.
     * A group's sums are reused when the published version lists them under the same {@code key} and the group still
     * holds exactly the same articles: its fingerprint (the count and an XOR of 64-bit hashes of the {@code membership}
     * columns of its rows, e.g. id, outlet, period and content hash) is part of their name. Otherwise (new articles, an
     * article gone or changed, an outlet renamed, {@code --force}, another key) they are summed again from its rows.
     * Returns the sums of every group, unioned: the caller adds them up across groups.
     *
     * @param sum the aggregate; its rows must keep {@value #BATCH} among their keys
     * @param account the manifest's account of the store, to which this adds {@code NAME_reused} and {@code NAME_summed}
     */
    public static Dataset<Row> sums(RunOutput out, String name, String key, Dataset<Row> done, List<String> membership,
                                    UnaryOperator<Dataset<Row>> sum, Map<String, Object> account) {
        List<String> all = sumGroups(out, name, key, done, membership, sum, account, null).all();
        if (all.isEmpty()) {
            return sum.apply(done).drop(BATCH);
        }
        return read(done.sparkSession(), out.storeRoot(name), all);
    }

    /**
     * {@link #sums}, in two parts: the sums of the group whose files are largest (in a daily run, the full run's
     * articles) and those of the others, null when there are none. A caller that adds them up can let the keys only
     * the largest group holds pass through as they are. {@code added}: as in {@link Delta}.
     */
    public record Split(Dataset<Row> largest, Dataset<Row> others, Dataset<Row> added) {
    }

    /** See {@link Split}; the arguments are those of {@link #sumsDelta}. */
    public static Split sumsSplit(RunOutput out, String name, String key, Dataset<Row> done, List<String> membership,
                                  UnaryOperator<Dataset<Row>> sum, Map<String, Object> account, Lookup lookup) {
        Groups groups = sumGroups(out, name, key, done, membership, sum, account, lookup.mergedMembers());
        List<String> all = groups.all();
        if (all.isEmpty()) {
            Dataset<Row> sums = sum.apply(done).drop(BATCH);
            return new Split(sums, null, groups.onlyAdds() ? sums : null);
        }
        String largest = all.get(0);
        long most = -1;
        for (String b : all) {
            long bytes = out.storeBatchBytes(name, b);
            if (bytes > most) {
                most = bytes;
                largest = b;
            }
        }
        List<String> rest = new ArrayList<>(all);
        rest.remove(largest);
        String root = out.storeRoot(name);
        org.apache.spark.sql.SparkSession spark = done.sparkSession();
        return new Split(read(spark, root, List.of(largest)), rest.isEmpty() ? null : read(spark, root, rest), added(spark, root, groups));
    }

    /**
     * {@link #sums}, with the sums of the groups the published version did not list ({@code added}): what changed since
     * the reports it published, when the published version's groups are all still there and this run only adds to
     * them. {@code added} is null when it cannot say so (no published listing under the same key, or a group it listed
     * is gone: an article removed or changed, groups merged), and then every row may have changed.
     */
    public record Delta(Dataset<Row> all, Dataset<Row> added) {
    }

    /**
     * See {@link Delta}; the arguments are those of {@link #sums}, and the {@code lookup} {@code done} came from: a
     * group the published version listed that this run's batch took in still counts as there when all its articles
     * are, unchanged (its fingerprint computed again from {@link Lookup#mergedMembers}), so that a daily run whose
     * batch took in the days before it still only adds.
     */
    public static Delta sumsDelta(RunOutput out, String name, String key, Dataset<Row> done, List<String> membership,
                                  UnaryOperator<Dataset<Row>> sum, Map<String, Object> account, Lookup lookup) {
        Groups groups = sumGroups(out, name, key, done, membership, sum, account, lookup.mergedMembers());
        if (groups.all().isEmpty()) {
            Dataset<Row> all = sum.apply(done).drop(BATCH);
            return new Delta(all, groups.onlyAdds() ? all : null);
        }
        String root = out.storeRoot(name);
        return new Delta(read(done.sparkSession(), root, groups.all()), added(done.sparkSession(), root, groups));
    }

    /** The sums of the groups the published version did not list, where this run only adds groups to those; else null. */
    private static Dataset<Row> added(org.apache.spark.sql.SparkSession spark, String root, Groups groups) {
        if (!groups.onlyAdds()) {
            return null;
        }
        List<String> added = new ArrayList<>(groups.all());
        added.removeAll(groups.published());
        return added.isEmpty() ? read(spark, root, groups.all()).limit(0) : read(spark, root, added);
    }

    private static Dataset<Row> read(org.apache.spark.sql.SparkSession spark, String root, List<String> batches) {
        return spark.read().parquet(batches.stream().map(b -> root + "/" + BATCH + "=" + b).toArray(String[]::new));
    }

    /**
     * A store's groups: {@code all} this run lists, and those the published version listed under the same key
     * ({@code published}; null when it lists none under that key).
     */
    private record Groups(List<String> all, List<String> published, java.util.Set<String> takenInWhole) {
        /** Whether every group the published version listed is still listed or was taken in whole: this run only adds. */
        boolean onlyAdds() {
            return published != null && published.stream().allMatch(g -> all.contains(g) || takenInWhole.contains(g));
        }
    }

    /** A group's name: its batch, number of rows and the XOR of its rows' hashes of {@code members}. */
    private static Map<String, String> fingerprints(Dataset<Row> rows, Column[] members) {
        // One row per group: cheap to collect.
        Map<String, String> fingerprints = new java.util.TreeMap<>();
        for (Row r : rows.groupBy(col(BATCH)).agg(org.apache.spark.sql.functions.count(lit(1)),
                org.apache.spark.sql.functions.bit_xor(org.apache.spark.sql.functions.xxhash64(members))).collectAsList()) {
            fingerprints.put(r.getString(0), r.getString(0) + "-" + r.getLong(1) + "-" + Long.toHexString(r.getLong(2)));
        }
        return fingerprints;
    }

    /** Writes the changed groups' sums and lists every group's in this run's version; returns the groups' folder names. */
    private static Groups sumGroups(RunOutput out, String name, String key, Dataset<Row> done, List<String> membership,
                                    UnaryOperator<Dataset<Row>> sum, Map<String, Object> account, Dataset<Row> mergedMembers) {
        Column[] members = membership.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        Map<String, String> fingerprints = fingerprints(done, members);
        RunOutput.StoreState published = out.reusesStores() ? out.publishedStore(name) : null;
        java.util.Set<String> listed = published != null && key.equals(published.key()) ? new java.util.HashSet<>(published.batches())
                : java.util.Set.of();
        List<String> changed = new ArrayList<>();
        fingerprints.forEach((group, id) -> {
            if (!listed.contains(id)) {
                changed.add(group);
            }
        });
        String root = out.storeRoot(name);
        if (!changed.isEmpty()) {
            Map<String, String> ids = new java.util.HashMap<>(fingerprints);
            ids.keySet().retainAll(changed);
            Column id = lit(null).cast("string");
            for (Map.Entry<String, String> e : ids.entrySet()) {
                id = org.apache.spark.sql.functions.when(col(BATCH).equalTo(lit(e.getKey())), lit(e.getValue())).otherwise(id);
            }
            for (String g : changed) {
                out.deleteStoreBatch(name, fingerprints.get(g));  // a killed run's leftover under the same name
            }
            Dataset<Row> fresh = sum.apply(done.filter(col(BATCH).isin(changed.toArray())));
            fresh.withColumn(BATCH, id).write().mode(org.apache.spark.sql.SaveMode.Append).partitionBy(BATCH).parquet(root);
        }
        // A group can have no sums at all (e.g. articles without a single token): no folder, nothing to list or read.
        List<String> all = fingerprints.values().stream().filter(b -> out.hasStoreBatch(name, b)).toList();
        out.recordStore(name, key, all);
        account.put(name + "_reused", fingerprints.size() - changed.size());
        account.put(name + "_summed", changed.size());
        List<String> publishedGroups = published != null && key.equals(published.key()) ? published.batches() : null;
        java.util.Set<String> takenInWhole = new java.util.HashSet<>();
        if (publishedGroups != null && mergedMembers != null && !all.containsAll(publishedGroups)) {
            takenInWhole.addAll(fingerprints(mergedMembers, members).values());
        }
        return new Groups(all, publishedGroups, takenInWhole);
    }

    /**
     * Which rows of {@link #sums} of several groups need adding up: those whose {@code column} (a key of the sums, e.g.
     * the period) holds a value that rows of two or more groups of {@code done} share. The others are each in one
     * group only and pass through without a shuffle; in a daily run that is all but the new day's period.
     */
    public static Column shared(Dataset<Row> done, String column) {
        // One row per value of the column (a period): cheap to collect.
        List<Object> values = new ArrayList<>();
        boolean nullShared = false;
        for (Row r : done.groupBy(col(column)).agg(org.apache.spark.sql.functions.countDistinct(col(BATCH)).as("groups"))
                .filter(col("groups").gt(1)).select(col(column)).collectAsList()) {
            if (r.isNullAt(0)) {
                nullShared = true;
            } else {
                values.add(r.get(0));
            }
        }
        Column in = values.isEmpty() ? lit(false) : col(column).isin(values.toArray());
        return nullShared ? in.or(col(column).isNull()) : in;
    }

}
