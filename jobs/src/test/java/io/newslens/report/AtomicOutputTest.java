package io.newslens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.SparkTestSession;
import io.newslens.TestRuns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that fails after it started writing leaves the previous reports readable and unchanged. */
class AtomicOutputTest {
    @TempDir
    Path dir;

    private List<Row> articles(Path out) {
        return SparkTestSession.get().read().parquet(out.resolve("articles").toString())
                .orderBy("article_id").collectAsList();
    }

    @Test
    void failedRunLeavesThePreviousOutputIntact() throws IOException {
        Path out = dir.resolve("out");
        Path good = Files.writeString(dir.resolve("good.jsonl"),
                "{\"id\":\"g1\",\"title\":\"Good\",\"text\":\"One.\"}\n{\"id\":\"g2\",\"title\":\"Good\",\"text\":\"Two.\"}\n");
        assertEquals(0, TestRuns.run("ingest", "--input", good.toString(), "--output", out.toString()).exitCode());
        List<Row> before = articles(out);
        String manifestBefore = Files.readString(out.resolve("_manifest.json"));

        // A gzip file cut in half: Spark fails while reading it, after the run has started writing.
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            for (int i = 0; i < 20_000; i++) {
                z.write(("{\"id\":\"t" + i + "\",\"title\":\"T\",\"text\":\"" + "x".repeat(i % 97) + i + "\"}\n").getBytes());
            }
        }
        byte[] whole = gz.toByteArray();
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(good, in.resolve("good.jsonl"));
        Files.write(in.resolve("truncated.jsonl.gz"), java.util.Arrays.copyOf(whole, whole.length / 2));

        TestRuns.Result failed = TestRuns.run("ingest", "--input", in.toString(), "--output", out.toString());
        assertEquals(1, failed.exitCode(), failed.stderr());
        assertTrue(failed.stderr().contains("previous reports left as they were"), failed.stderr());
        // One line naming the file and where it breaks, not Spark's stack trace.
        assertTrue(failed.stderr().contains(in.resolve("truncated.jsonl.gz") + " is truncated: its compressed stream ends at byte "
                + Files.size(in.resolve("truncated.jsonl.gz")) + " before the end marker"), failed.stderr());
        assertFalse(failed.stderr().contains("\tat "), failed.stderr());
        assertEquals(before, articles(out));
        assertEquals(manifestBefore, Files.readString(out.resolve("_manifest.json")));
        try (Stream<Path> left = Files.list(out)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".staging") || n.startsWith(".trash")).toList(),
                    "no staging left behind");
        }
    }

    @Test
    void publishInterruptedBetweenRenamesIsRepairedByTheNextRun() throws IOException {
        Path out = dir.resolve("out2");
        Path good = Files.writeString(dir.resolve("g.jsonl"), "{\"id\":\"k1\",\"title\":\"Kept\",\"text\":\"x\"}\n");
        assertEquals(0, TestRuns.run("ingest", "--input", good.toString(), "--output", out.toString()).exitCode());
        List<Row> before = articles(out);
        // As if killed after moving the old articles aside but before moving the new ones in.
        Path trash = Files.createDirectories(out.resolve(".trash-20260101T000000Z-deadbeef"));
        Files.move(out.resolve("articles"), trash.resolve("articles"));
        Files.createDirectories(out.resolve(".staging-20260101T000000Z-deadbeef/articles"));

        new RunOutput(SparkTestSession.get(), out.toString(), "next").abort();
        assertEquals(before, articles(out));
        assertFalse(Files.exists(trash));
        assertFalse(Files.exists(out.resolve(".staging-20260101T000000Z-deadbeef")));
    }

    private static java.util.Set<String> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    @Test
    void aPartitionSwapKilledBetweenItsTwoLoopsLosesNothing() throws IOException {
        // Published: three day partitions. An incremental run (--since 2020-01-02) had staged its two new
        // partitions and the manifest, moved the two old ones to the trash, and was killed before moving the
        // new ones in. The next run must not lose those days.
        Path out = dir.resolve("out3");
        Path report = out.resolve("term_frequencies");
        Files.createDirectories(report.resolve("period_start=2020-01-01"));
        Files.writeString(report.resolve("period_start=2020-01-01/old-1.parquet"), "old 1");
        String run = "20260101T000000Z-killed00";
        Path staging = out.resolve(".staging-" + run);
        Path trash = out.resolve(".trash-" + run);
        for (String day : List.of("02", "03")) {
            Files.createDirectories(staging.resolve("term_frequencies/period_start=2020-01-" + day));
            Files.writeString(staging.resolve("term_frequencies/period_start=2020-01-" + day + "/new-" + day + ".parquet"), "new " + day);
            Files.createDirectories(trash.resolve("term_frequencies/period_start=2020-01-" + day));
            Files.writeString(trash.resolve("term_frequencies/period_start=2020-01-" + day + "/old-" + day + ".parquet"), "old " + day);
        }
        String manifest = "{\"run_id\":\"" + run + "\",\"reports\":{\"term_frequencies\":{\"rows\":2,"
                + "\"incremental_from\":\"2020-01-02\",\"replaced_partitions\":[\"period_start=2020-01-02\",\"period_start=2020-01-03\"]}}}";
        Files.writeString(staging.resolve("_manifest.json"), manifest);

        new RunOutput(SparkTestSession.get(), out.toString(), "next").abort();

        // The interrupted publish is finished: its manifest was complete, so its new partitions go in.
        assertEquals(java.util.Set.of("period_start=2020-01-01/old-1.parquet", "period_start=2020-01-02/new-02.parquet",
                "period_start=2020-01-03/new-03.parquet"), files(report));
        assertEquals(manifest, Files.readString(out.resolve("_manifest.json")));
        assertFalse(Files.exists(staging));
        assertFalse(Files.exists(trash));
    }

    @Test
    void aPublishKilledBetweenTwoReportsIsFinishedByTheNextRun() throws IOException {
        // Killed after articles of the new run were moved in and before quarantine was: finishing the publish
        // gives the new run whole, rather than new articles beside old quarantine.
        Path out = dir.resolve("out4");
        String run = "20260101T000000Z-killed01";
        Path staging = out.resolve(".staging-" + run);
        Path trash = out.resolve(".trash-" + run);
        Files.createDirectories(out.resolve("articles"));
        Files.writeString(out.resolve("articles/new.parquet"), "new articles");
        Files.createDirectories(trash.resolve("articles"));
        Files.writeString(trash.resolve("articles/old.parquet"), "old articles");
        Files.createDirectories(out.resolve("quarantine"));
        Files.writeString(out.resolve("quarantine/old.parquet"), "old quarantine");
        Files.writeString(out.resolve("_manifest.json"), "old manifest");
        Files.createDirectories(staging.resolve("quarantine"));
        Files.writeString(staging.resolve("quarantine/new.parquet"), "new quarantine");
        Files.writeString(staging.resolve("_manifest.json"), "{\"run_id\":\"" + run + "\",\"reports\":{}}");

        new RunOutput(SparkTestSession.get(), out.toString(), "next").abort();

        assertEquals(java.util.Set.of("new.parquet"), files(out.resolve("articles")));
        assertEquals(java.util.Set.of("new.parquet"), files(out.resolve("quarantine")));
        assertEquals("{\"run_id\":\"" + run + "\",\"reports\":{}}", Files.readString(out.resolve("_manifest.json")));
        assertFalse(Files.exists(staging));
        assertFalse(Files.exists(trash));
    }
}
