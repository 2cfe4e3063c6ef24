package io.newslens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kill -9 of the driver while it writes reports: the previous output stays complete and readable
 * (checked with DuckDB, as a BI user would read it), and the next run cleans up and succeeds.
 */
class KilledDriverIT {
    @TempDir
    Path dir;

    private static long rows(Path report) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             ResultSet rs = db.createStatement().executeQuery(
                     "SELECT count(*) FROM read_parquet('" + report + "/**/*.parquet')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean writing(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out)) {
            return s.anyMatch(p -> p.getFileName().toString().startsWith(".staging-") && Files.isDirectory(p.resolve("articles")));
        }
    }

    @Test
    void killedWhileWritingLeavesThePreviousOutputReadable() throws Exception {
        Path out = dir.resolve("out");
        Path log1 = dir.resolve("first.log");
        SparkSubmitProcess.runToSuccess(log1, "local[2]", "ingest", "--config", "data/sample/newslens.yaml",
                "--output", out.toString());
        String manifest = Files.readString(out.resolve("_manifest.json"));
        long before = rows(out.resolve("articles"));
        Path firstCopy = dir.resolve("first-copy");
        copy(out, firstCopy);

        // Enough input that writing the reports takes several seconds.
        Path big = dir.resolve("big.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(big)) {
            for (int i = 0; i < 200_000; i++) {
                w.write("{\"id\":\"k" + i + "\",\"title\":\"Title " + i + "\",\"text\":\"" + ("body " + i + " ").repeat(40)
                        + "\",\"published\":\"2020-01-" + (1 + i % 28) + "\"}\n");
            }
        }
        Path log2 = dir.resolve("killed.log");
        Process victim = SparkSubmitProcess.builder(log2, "local[2]", "ingest", "--input", big.toString(),
                "--output", out.toString()).start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (!writing(out) && victim.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(writing(out), "the run was seen writing its reports before the kill: " + SparkSubmitProcess.tail(log2));
        assertTrue(victim.isAlive(), "the run was still writing when killed: " + SparkSubmitProcess.tail(log2));
        victim.destroyForcibly();
        assertTrue(victim.waitFor(1, TimeUnit.MINUTES));

        assertEquals(manifest, Files.readString(out.resolve("_manifest.json")), "manifest untouched");
        assertEquals(before, rows(out.resolve("articles")), "previous articles complete and readable");

        Path log3 = dir.resolve("rerun.log");
        SparkSubmitProcess.runToSuccess(log3, "local[2]", "ingest", "--config", "data/sample/newslens.yaml",
                "--output", out.toString());
        assertEquals(before, rows(out.resolve("articles")));
        assertTrue(Files.readString(log3).contains("took over the lock of run "), "the killed run's lock: " + SparkSubmitProcess.tail(log3));
        try (Stream<Path> s = Files.list(out)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".staging-")), "killed run's staging removed");
        }
        // Run twice, same reports.
        ReportComparison.assertSame(out, firstCopy, "re-run after the kill");
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }
}
