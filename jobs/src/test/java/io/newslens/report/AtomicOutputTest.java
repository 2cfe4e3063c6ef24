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
}
