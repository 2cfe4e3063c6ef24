package io.newslens.ingest;

import io.newslens.text.Articles;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.newslens.config.InputSpec;
import io.newslens.config.NewslensConfig;
import io.newslens.report.RunManifest;
import io.newslens.report.Progress;
import io.newslens.report.RunOutput;
import io.newslens.text.TextLayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/** Reads the inputs, writes {@code articles} and {@code quarantine}, reconciles the counts. */
public final class IngestJob {
    /** The manifest lists at most this many input files by name (all are counted). */
    static final int MAX_LISTED_FILES = 10_000;

    private IngestJob() {
    }

    /** Which input (its index in the config) a record came from; counted per input, never written. */
    static final String INPUT = "input_index";

    /**
     * Runs ingest into the run's staging area; returns the written articles for later stages. Fails with
     * {@link io.newslens.report.RunFailure} before writing anything when an input fails a gate ({@link InputGates}).
     * Reads the files {@code store} has not seen; the records of the others come from the published store
     * ({@link IngestStore}); this run's store holds both.
     *
     * @param groups the input files as the pre-flight found them
     */
    public static Dataset<Row> run(SparkSession spark, NewslensConfig config, List<InputFiles.Group> groups,
                                   RunOutput out, RunManifest manifest, IngestStore.Plan store) {
        try (RunManifest.Stage stage = manifest.stage("ingest")) {
            manifest.put("input_files", listFiles(groups));

            Dataset<Row> fresh = null;
            int filesRead = 0;
            for (InputFiles.Group all : groups) {
                InputFiles.Group g = store.unread(all);
                if (g == null) {
                    continue;
                }
                filesRead += g.files().size();
                Dataset<Row> raw = RecordReaders.read(spark, g, config.ingest());
                Dataset<Row> part = ArticleMapper.map(raw, g.spec(), config.timezone()).withColumn(INPUT, lit(g.inputIndex()));
                fresh = fresh == null ? part : fresh.unionByName(part);
            }
            if (store.reuses()) {
                Progress.log("  ingest: reading " + filesRead + " new input file" + (filesRead == 1 ? "" : "s")
                        + "; the records of " + store.seen().size() + " others come from run " + store.reusedRun() + "'s store");
            }
            Dataset<Row> mapped = null;
            if (fresh != null) {
                // Only quarantined records keep their raw text (the quarantine report shows it): the cache then
                // holds each article's text once, not twice. The language is detected here, once per record read.
                fresh = fresh.withColumn(ArticleMapper.RAW, when(col(IngestReports.REASON).isNotNull(), col(ArticleMapper.RAW)));
                // The duplicate hashes too: kept in the store with the record, they are not computed again later.
                fresh = Duplicates.withKeys(fresh);
                mapped = TextLayer.withLanguage(fresh, config.text(), Articles.TITLE, Articles.TEXT, Articles.LANGUAGE,
                        Articles.LANGUAGE_CONFIDENCE, col(IngestReports.REASON).isNull()).withColumn(IngestStore.BATCH, lit(out.runId()));
            }
            // The records read now are used three times (counts, articles, quarantine) and make this run's batch of
            // the store: kept, so that each is read and its language detected once. (A single gzip file's lines are
            // already spread over every core by RecordReaders.) The stored records are not kept: each use reads
            // only the Parquet columns it needs (most read a few narrow ones), and caching them all cost a daily
            // run more than it saved.
            Dataset<Row> cached = mapped == null ? null : mapped.persist(StorageLevel.MEMORY_AND_DISK());
            if (store.reuses() && !store.batches().isEmpty()) {
                String root = out.storeRoot(IngestStore.NAME);
                Dataset<Row> stored = spark.read().option("basePath", root)
                        .parquet(store.batches().stream().map(b -> root + "/" + IngestStore.BATCH + "=" + b).toArray(String[]::new))
                        .withColumn(IngestStore.BATCH, col(IngestStore.BATCH).cast("string"));
                mapped = mapped == null ? stored : mapped.unionByName(stored);
            }
            Dataset<Row> all = mapped;
            Dataset<Row> marks = null;
            try {
                // One name per outlet: the spellings of this run's sources (a few hundred rows) merged.
                Map<String, Long> perSource = new TreeMap<>();
                for (Row r : all.filter(col(IngestReports.REASON).isNull().and(col(Articles.SOURCE).isNotNull()))
                        .groupBy(col(Articles.SOURCE)).count().collectAsList()) {
                    perSource.put(r.getString(0), r.getLong(1));
                }
                long reused = 0;
                List<String> batches = new ArrayList<>(store.batches());
                Dataset<Row> readNow = cached == null ? null : cached.drop(IngestStore.BATCH);
                // A batch of no records would leave a folder without a Parquet file, which a later run could not read.
                if (readNow != null && filesRead > 0 && !readNow.isEmpty()) {
                    readNow.write().parquet(out.storeBatch(IngestStore.NAME));
                    batches.add(out.runId());
                }
                if (store.reuses()) {
                    reused = all.filter(col(IngestStore.BATCH).notEqual(lit(out.runId()))).count();
                }
                out.recordStore(IngestStore.NAME, store.key(), batches);
                Map<String, String> renames = Outlets.merges(perSource, config.ingest().outlets());
                mapped = Outlets.rename(all.drop(IngestStore.BATCH), Articles.SOURCE, renames);
                List<Row> verdicts = verdicts(mapped);
                Map<String, Object> counts = countRecords(verdicts);
                Map<Integer, InputGates.Counts> perInput = countInputs(verdicts, mapped, config.inputs());
                Dataset<Row> renamed = mapped;
                for (String w : InputGates.check(config.inputs(), perInput, config.ingest(), i -> unreadableDates(renamed, i))) {
                    manifest.warn(w);
                }
                // Exact duplicates on a narrow projection; the marks (usually few) are then sent to every task, so
                // the articles themselves are never shuffled to find their duplicates.
                Dataset<Row> keyed = Duplicates.keyed(Ingest.accepted(mapped));
                marks = Duplicates.marks(keyed).persist(StorageLevel.MEMORY_AND_DISK());
                boolean broadcast = marks.count() <= Duplicates.MAX_BROADCAST_MARKS;
                Dataset<Row> accepted = Ingest.inReportOrder(Duplicates.apply(keyed, marks, broadcast));
                long articles = out.write(IngestReports.ARTICLES, accepted, manifest);
                long quarantined = out.write(IngestReports.QUARANTINE,
                        Ingest.quarantine(mapped, config.ingest().quarantineRecordChars()), manifest);
                long read = (Long) counts.get("records_read");
                if (read != articles + quarantined) {
                    throw new IllegalStateException("records do not reconcile: read " + read + ", articles written "
                            + articles + ", quarantined " + quarantined);
                }
                Dataset<Row> written = spark.read().parquet(out.stagedPath(IngestReports.ARTICLES.name()));
                counts.put("duplicates", duplicateCounts(written));
                counts.put("outlets_renamed", renames);
                Map<String, Object> stored = new LinkedHashMap<>();
                stored.put("reused_from_run", store.reusedRun());
                stored.put("files_read", filesRead);
                stored.put("files_reused", store.seen().size());
                stored.put("records_reused", reused);
                stored.put("not_reused_because", store.whyNotReused());
                counts.put("store", stored);
                manifest.counts("ingest", counts);
                stage.count("read", read).count("accepted", articles).count("quarantined", quarantined)
                        .count("duplicates", ((Map<?, ?>) counts.get("duplicates")).get("total"));
                return written;
            } finally {
                if (cached != null) {
                    cached.unpersist();
                }
                if (marks != null) {
                    marks.unpersist();
                }
            }
        }
    }

    private static Map<String, Object> listFiles(List<InputFiles.Group> groups) {
        List<Map<String, Object>> files = new ArrayList<>();
        long total = 0;
        long bytes = 0;
        for (InputFiles.Group g : groups) {
            total += g.files().size();
            bytes += g.bytes();
            for (String f : g.files()) {
                if (files.size() < MAX_LISTED_FILES) {
                    files.add(Map.of("path", f, "format", g.format().configName(), "input", g.inputIndex()));
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", total);
        result.put("bytes", bytes);
        result.put("listed", files);
        return result;
    }

    /** One small aggregation: records by input, verdict, date status and encoding repair (rows: those five, count). */
    private static List<Row> verdicts(Dataset<Row> mapped) {
        return mapped.groupBy(
                        col(INPUT),
                        col(IngestReports.REASON),
                        when(col(Articles.PUBLISHED_RAW).isNull(), lit("missing"))
                                .when(col(Articles.PUBLISHED_AT).isNull(), lit("unparseable"))
                                .otherwise(lit("parsed")).as("date_status"),
                        col(Articles.ENCODING_REPAIRED))
                .agg(count(lit(1)).as("n"))
                .collectAsList();
    }

    /** The manifest's ingest counts, from {@link #verdicts}. */
    private static Map<String, Object> countRecords(List<Row> verdicts) {
        long read = 0;
        long accepted = 0;
        long quarantined = 0;
        Map<String, Long> byReason = new TreeMap<>();
        Map<String, Long> dates = new TreeMap<>();
        long repaired = 0;
        for (Row r : verdicts) {
            long n = r.getLong(4);
            read += n;
            if (r.isNullAt(1)) {
                accepted += n;
                dates.merge(r.getString(2), n, Long::sum);
                if (!r.isNullAt(3) && r.getBoolean(3)) {
                    repaired += n;
                }
            } else {
                quarantined += n;
                byReason.merge(r.getString(1), n, Long::sum);
            }
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("records_read", read);
        counts.put("accepted", accepted);
        counts.put("quarantined", quarantined);
        counts.put("quarantined_by_reason", byReason);
        counts.put("dates", dates);
        counts.put("encoding_repaired", repaired);
        return counts;
    }

    /**
     * Per input, for the gates: records, quarantined by reason, parsed, dates (from {@link #verdicts}); how often
     * each explicitly mapped field is filled (one more pass, only when an input has a mapping); an example
     * quarantined record (a query run only when a gate needs it for its message).
     */
    private static Map<Integer, InputGates.Counts> countInputs(List<Row> verdicts, Dataset<Row> mapped, List<InputSpec> inputs) {
        Map<Integer, long[]> totals = new TreeMap<>();
        Map<Integer, Map<String, Long>> reasons = new TreeMap<>();
        for (Row r : verdicts) {
            long[] t = totals.computeIfAbsent(r.getInt(0), k -> new long[5]);
            long n = r.getLong(4);
            String reason = r.isNullAt(1) ? null : r.getString(1);
            t[0] += n;
            if (reason != null) {
                t[1] += n;
                reasons.computeIfAbsent(r.getInt(0), k -> new TreeMap<>()).merge(reason, n, Long::sum);
            }
            if (reason == null || reason.equals("empty_article")) {
                t[2] += n;
            }
            if (reason == null && r.getString(2).equals("parsed")) {
                t[3] += n;
            } else if (reason == null && r.getString(2).equals("unparseable")) {
                t[4] += n;
            }
        }
        Map<Integer, Map<String, Long>> filled = new TreeMap<>();
        if (inputs.stream().anyMatch(in -> !in.mapping().isEmpty())) {
            Column parsedFields = col(IngestReports.REASON).isNull().or(col(IngestReports.REASON).equalTo(lit("empty_article")));
            for (Row r : mapped.filter(parsedFields).select(col(INPUT), explode(col(ArticleMapper.MAPPED_FILLED)).as("field"))
                    .groupBy(INPUT, "field").count().collectAsList()) {
                filled.computeIfAbsent(r.getInt(0), k -> new TreeMap<>()).put(r.getString(1), r.getLong(2));
            }
        }
        Map<Integer, InputGates.Counts> result = new TreeMap<>();
        totals.forEach((input, t) -> result.put(input, new InputGates.Counts(t[0], t[1],
                reasons.getOrDefault(input, Map.of()), () -> quarantinedExample(mapped, input), t[2], t[3], t[4],
                filled.getOrDefault(input, Map.of()))));
        return result;
    }

    /** One quarantined record of an input: its reason, detail and beginning. */
    private static String quarantinedExample(Dataset<Row> mapped, int input) {
        Row r = mapped.filter(col(INPUT).equalTo(input).and(col(IngestReports.REASON).isNotNull()))
                .select(col(IngestReports.REASON), concat(col(IngestReports.DETAIL), lit(": "), substring(col(ArticleMapper.RAW), 1, 80)))
                .first();
        return r.getString(0) + " (" + r.getString(1) + ")";
    }

    /** The commonest forms of an input's unreadable dates (digits as 9, letters as a), each with an example. */
    private static String unreadableDates(Dataset<Row> mapped, int input) {
        Column form = regexp_replace(regexp_replace(trim(col(Articles.PUBLISHED_RAW)), "\\p{Nd}", "9"), "\\p{L}", "a");
        List<Row> rows = mapped.filter(col(INPUT).equalTo(input).and(col(IngestReports.REASON).isNull())
                        .and(col(Articles.PUBLISHED_AT).isNull()).and(col(Articles.PUBLISHED_RAW).isNotNull()))
                .groupBy(form.as("form")).agg(count(lit(1)).as("n"), first(col(Articles.PUBLISHED_RAW)).as("example"))
                .orderBy(col("n").desc(), col("form")).limit(3).collectAsList();
        List<String> parts = new ArrayList<>();
        for (Row r : rows) {
            parts.add(r.getString(0) + " x" + r.getLong(1) + " (e.g. '" + r.getString(2).strip() + "')");
        }
        return String.join(", ", parts);
    }

    private static Map<String, Object> duplicateCounts(Dataset<Row> articles) {
        Map<String, Object> dup = new LinkedHashMap<>();
        long total = 0;
        for (Row r : articles.filter(col(Articles.DUPLICATE_REASON).isNotNull())
                .groupBy(Articles.DUPLICATE_REASON).count().collectAsList()) {
            dup.put(r.getString(0), r.getLong(1));
            total += r.getLong(1);
        }
        dup.put("total", total);
        return dup;
    }
}
