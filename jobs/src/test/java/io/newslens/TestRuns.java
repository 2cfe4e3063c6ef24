package io.newslens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.cli.Main;
import java.io.IOException;
import java.nio.file.Path;

/** Runs the CLI in-process on the shared session, capturing what it prints on stderr ({@link Stderr}). */
public final class TestRuns {
    public record Result(int exitCode, String stderr) {
    }

    private TestRuns() {
    }

    public static Result run(String... args) {
        Stderr.Captured<Integer> run = Stderr.capture(() -> Main.run(args, SparkTestSession::get));
        return new Result(run.value(), run.text());
    }

    /**
     * Asserts that every report of {@code full} (a clean run) has the same rows in {@code incremental}; returns how
     * many reports were compared. Doubles compared to 9 decimals (sums over other partitionings may differ in the
     * last bits); maps as sorted entries (Spark cannot compare maps in set operations).
     */
    public static int assertSameReports(Path incremental, Path full) {
        org.apache.spark.sql.SparkSession spark = SparkTestSession.get();
        int compared = 0;
        for (io.newslens.report.ReportSpec spec : io.newslens.cli.ReportCatalog.ALL) {
            if (!java.nio.file.Files.isDirectory(full.resolve(spec.name()))) {
                continue; // not a report of this command
            }
            compared++;
            org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> a = comparable(spark.read().parquet(incremental.resolve(spec.name()).toString()), spec);
            org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> b = comparable(spark.read().parquet(full.resolve(spec.name()).toString()), spec);
            org.junit.jupiter.api.Assertions.assertEquals(b.count(), a.count(), spec.name());
            // With equal counts, no row of one missing from the other (as a multiset) means the same rows.
            org.junit.jupiter.api.Assertions.assertEquals(0, a.exceptAll(b).count(), spec.name() + ": rows only in the incremental output");
        }
        return compared;
    }

    private static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> comparable(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df,
                                                                                  io.newslens.report.ReportSpec spec) {
        java.util.List<org.apache.spark.sql.Column> cols = spec.columns().stream().map(c -> c.type().equals(org.apache.spark.sql.types.DataTypes.DoubleType)
                ? org.apache.spark.sql.functions.expr("CAST(" + c.name() + " AS DECIMAL(38, 9))").as(c.name())
                : c.type() instanceof org.apache.spark.sql.types.MapType
                ? org.apache.spark.sql.functions.expr("array_sort(map_entries(" + c.name() + "))").as(c.name())
                : org.apache.spark.sql.functions.col(c.name())).toList();
        return df.select(cols.toArray(org.apache.spark.sql.Column[]::new));
    }

    /** The Parquet files of a report (relative paths) and their modification times, through the report's link. */
    public static java.util.Map<String, java.nio.file.attribute.FileTime> partitionFiles(Path report) throws IOException {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(report, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            java.util.Map<String, java.nio.file.attribute.FileTime> m = new java.util.TreeMap<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".parquet")).toList()) {
                m.put(report.relativize(p).toString(), java.nio.file.Files.getLastModifiedTime(p));
            }
            return m;
        }
    }

    public static JsonNode manifest(Path output) throws IOException {
        return new ObjectMapper().readTree(output.resolve("_manifest.json").toFile());
    }
}
