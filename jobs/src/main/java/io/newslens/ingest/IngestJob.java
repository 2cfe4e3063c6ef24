package io.newslens.ingest;

import io.newslens.text.Articles;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import io.newslens.config.NewslensConfig;
import io.newslens.report.RunManifest;
import io.newslens.report.RunOutput;
import io.newslens.text.TextLayer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

    /** Runs ingest into the run's staging area; returns the written articles for later stages. */
    public static Dataset<Row> run(SparkSession spark, NewslensConfig config, RunOutput out, RunManifest manifest) {
        try (RunManifest.Stage stage = manifest.stage("ingest")) {
            List<InputFiles.Group> groups = InputFiles.resolve(config.inputs(), spark.sparkContext().hadoopConfiguration());
            manifest.put("input_files", listFiles(groups));

            Dataset<Row> mapped = null;
            for (InputFiles.Group g : groups) {
                Dataset<Row> raw = RecordReaders.read(spark, g, config.ingest());
                Dataset<Row> part = ArticleMapper.map(raw, g.spec(), config.timezone());
                mapped = mapped == null ? part : mapped.unionByName(part);
            }
            // Used three times: counts, articles, quarantine. Only quarantined records keep their raw text
            // (the quarantine report shows it): the cache then holds each article's text once, not twice.
            mapped = mapped.withColumn(ArticleMapper.RAW, when(col(IngestReports.REASON).isNotNull(), col(ArticleMapper.RAW)))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                Map<String, Object> counts = countRecords(mapped);
                Dataset<Row> accepted = TextLayer.withLanguage(Ingest.articles(mapped), config.text(), Articles.TITLE,
                        Articles.TEXT, Articles.LANGUAGE, Articles.LANGUAGE_CONFIDENCE);
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
                manifest.counts("ingest", counts);
                stage.count("read", read).count("accepted", articles).count("quarantined", quarantined)
                        .count("duplicates", ((Map<?, ?>) counts.get("duplicates")).get("total"));
                return written;
            } finally {
                mapped.unpersist();
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

    /** One small aggregation: records by verdict, date status and encoding repair. */
    private static Map<String, Object> countRecords(Dataset<Row> mapped) {
        List<Row> rows = mapped.groupBy(
                        col(IngestReports.REASON),
                        when(col(Articles.PUBLISHED_RAW).isNull(), lit("missing"))
                                .when(col(Articles.PUBLISHED_AT).isNull(), lit("unparseable"))
                                .otherwise(lit("parsed")).as("date_status"),
                        col(Articles.ENCODING_REPAIRED))
                .agg(count(lit(1)).as("n"))
                .collectAsList();
        long read = 0;
        long accepted = 0;
        Map<String, Long> byReason = new TreeMap<>();
        Map<String, Long> dates = new TreeMap<>();
        long repaired = 0;
        for (Row r : rows) {
            long n = r.getLong(3);
            read += n;
            if (r.isNullAt(0)) {
                accepted += n;
                dates.merge(r.getString(1), n, Long::sum);
                if (!r.isNullAt(2) && r.getBoolean(2)) {
                    repaired += n;
                }
            } else {
                byReason.merge(r.getString(0), n, Long::sum);
            }
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("records_read", read);
        counts.put("accepted", accepted);
        counts.put("quarantined", read - accepted);
        counts.put("quarantined_by_reason", byReason);
        counts.put("dates", dates);
        counts.put("encoding_repaired", repaired);
        return counts;
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
