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
 * there (same id, same content) and does the work only for the others, which make its own batch. {@code --force} or
 * another key: the work is done for every article and the store starts over.
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

        private Lookup(RunOutput out, String name, String key, Dataset<Row> rows, String idColumn, List<String> resultColumns,
                       String reusedRun, String whyNot, List<Dataset<Row>> cached, List<String> batches,
                       java.util.function.LongSupplier storedRows) {
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
        }

        /** The id, the kept columns, {@value #CONTENT}, the result columns and {@value #BATCH} (this run's id: worked on now). */
        public Dataset<Row> rows() {
            return rows;
        }

        /**
         * Writes this run's batch (the rows of {@code done}, a persisted form of {@link #rows}, worked on in this
         * run) and lists it with the published batches in this run's version (or, when most stored rows are of
         * articles no longer in the corpus, every row of {@code done} as the one batch); returns the manifest's
         * account of the store.
         */
        public Map<String, Object> save(Dataset<Row> done) {
            List<Column> stored = new ArrayList<>(List.of(col(idColumn), col(CONTENT)));
            resultColumns.forEach(c -> stored.add(col(c)));
            Dataset<Row> fresh = done.filter(col(BATCH).equalTo(lit(out.runId())));
            long worked = fresh.count();
            long reused = reusedRun == null ? 0 : done.filter(col(BATCH).notEqual(lit(out.runId()))).count();
            List<String> all = new ArrayList<>(batches);
            boolean compacted = false;
            if (reusedRun != null && storedRows.getAsLong() - reused > reused + worked) {
                // Most stored rows are of articles gone from the corpus (or changed): the store starts over as one batch.
                fresh = done;
                all.clear();
                compacted = true;
            }
            // A batch of no rows would leave a folder without a Parquet file, which a later run could not read.
            if (worked > 0 || compacted && reused > 0) {
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
            return new Lookup(out, name, key, all.select(result), idColumn, resultColumns, null, whyNot, null, List.of(), () -> 0);
        }
        List<Column> storedColumns = new ArrayList<>(List.of(col(idColumn), col(CONTENT)));
        resultColumns.forEach(c -> storedColumns.add(col(c)));
        storedColumns.add(col(BATCH).cast("string").as(BATCH));
        String root = out.storeRoot(name);
        Dataset<Row> found = input.sparkSession().read().option("basePath", root)
                .parquet(stored.batches().stream().map(b -> root + "/" + BATCH + "=" + b).toArray(String[]::new))
                .select(storedColumns.toArray(Column[]::new));
        scala.collection.immutable.Seq<String> on = scala.jdk.javaapi.CollectionConverters.asScala(List.of(idColumn, CONTENT)).toSeq();
        // Ids, kept columns and content hashes only (no text): read for the articles found and for those to work on.
        List<Column> narrowColumns = new ArrayList<>();
        narrowColumns.add(col(idColumn));
        kept.forEach(c -> narrowColumns.add(col(c)));
        narrowColumns.add(content.as(CONTENT));
        Dataset<Row> narrow = input.select(narrowColumns.toArray(Column[]::new)).persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> missing = narrow.select(col(idColumn), col(CONTENT)).join(found.select(col(idColumn), col(CONTENT)), on, "left_anti")
                .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        boolean few = missing.count() <= BROADCAST_MISSES;
        Dataset<Row> toWork = input.join(few ? org.apache.spark.sql.functions.broadcast(missing) : missing,
                scala.jdk.javaapi.CollectionConverters.asScala(List.of(idColumn)).toSeq(), "inner");
        Dataset<Row> worked = work.apply(toWork).withColumn(BATCH, lit(out.runId())).select(result);
        Dataset<Row> reused = narrow.join(found, on, "inner").select(result);
        return new Lookup(out, name, key, worked.unionByName(reused), idColumn, resultColumns, published, null,
                List.of(narrow, missing), stored.batches(), found::count);
    }

}
