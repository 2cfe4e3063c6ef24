package io.newslens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newslens.SparkTestSession;
import io.newslens.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run whose inputs, settings and newslens are those of the published run does no per-article work: it
 * publishes that run's reports again (the same files) under a manifest saying so, without starting Spark.
 * A changed input file, a changed setting or --force recomputes.
 */
class UnchangedInputsTest {
    @TempDir
    Path dir;

    private static int sessionsStarted;

    private static int run(String... args) {
        return Main.run(args, () -> {
            sessionsStarted++;
            return SparkTestSession.get();
        });
    }

    /** The real file behind the stable path of the articles report's first Parquet file. */
    private static Path articlesFile(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out.resolve("articles"))) {
            return s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow().toRealPath();
        }
    }

    @Test
    void unchangedInputsRepublishAtOnceAndAnyChangeRecomputes() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.jsonl"), "{\"id\":\"a1\",\"title\":\"A\",\"text\":\"First story.\"}\n"
                + "{\"id\":\"a2\",\"title\":\"B\",\"text\":\"Second story.\"}\n");
        Path b = Files.writeString(in.resolve("b.jsonl"), "{\"id\":\"b1\",\"title\":\"C\",\"text\":\"Third story.\"}\n");
        Path out = dir.resolve("out");
        String[] args = {"ingest", "--input", in.toString(), "--output", out.toString()};

        sessionsStarted = 0;
        assertEquals(0, run(args));
        assertEquals(1, sessionsStarted);
        JsonNode first = TestRuns.manifest(out);
        assertEquals(3, first.path("counts").path("ingest").path("records_read").asInt());
        assertEquals(2, first.path("input_state").path("files").asInt());
        String fingerprint = first.path("input_state").path("fingerprint").asText();
        assertEquals(64, fingerprint.length());
        Path firstFile = articlesFile(out);

        // Same inputs, same settings: no Spark, the same files, a manifest saying whose reports they are.
        TestRuns.Result again = TestRuns.run(args);
        assertEquals(0, again.exitCode(), again.stderr());
        assertTrue(again.stderr().contains("unchanged since run " + first.path("run_id").asText()), again.stderr());
        JsonNode second = TestRuns.manifest(out);
        assertNotEquals(first.path("run_id"), second.path("run_id"));
        assertEquals(first.path("run_id").asText(), second.path("unchanged_since").asText());
        assertEquals(fingerprint, second.path("input_state").path("fingerprint").asText());
        assertEquals(first.path("counts"), second.path("counts"));
        assertEquals(first.path("reports").fieldNames().next(), second.path("reports").fieldNames().next());
        assertEquals(0, second.path("stages").size(), "no stage ran");
        assertTrue(Files.isSameFile(firstFile, articlesFile(out)), "the same file, linked into the new version");
        assertEquals(3L, SparkTestSession.get().read().parquet(out.resolve("articles").toString()).count());
        sessionsStarted = 0;
        assertEquals(0, run(args));
        assertEquals(0, sessionsStarted, "Spark is not started for an unchanged run");

        // A new file: only it is read; the others' records come from the store, kept through the republished versions.
        // The input written relative to the working folder is the same input as its absolute path.
        String republished = TestRuns.manifest(out).path("run_id").asText();
        Files.writeString(in.resolve("c.jsonl"), "{\"id\":\"c1\",\"title\":\"E\",\"text\":\"Fifth story.\"}\n");
        String relative = Path.of("").toAbsolutePath().relativize(in).toString();
        assertFalse(relative.startsWith("/"), relative);
        assertEquals(0, run("ingest", "--input", relative, "--output", out.toString()));
        assertEquals("{\"reused_from_run\":\"" + republished + "\",\"files_read\":1,\"files_reused\":2,\"records_reused\":3,"
                + "\"not_reused_because\":null}", store(out));
        assertEquals(4, TestRuns.manifest(out).path("counts").path("ingest").path("records_read").asInt());

        // One record more in one file: recomputed, every file read again.
        Files.writeString(b, "{\"id\":\"b2\",\"title\":\"D\",\"text\":\"Fourth story.\"}\n", StandardOpenOption.APPEND);
        assertEquals(0, run(args));
        JsonNode third = TestRuns.manifest(out);
        assertFalse(third.has("unchanged_since"), third.toString());
        assertEquals(5, third.path("counts").path("ingest").path("records_read").asInt());
        assertNotEquals(fingerprint, third.path("input_state").path("fingerprint").asText());
        assertEquals(3, third.path("counts").path("ingest").path("store").path("files_read").asInt());
        assertTrue(store(out).contains("input files were 1 changed (e.g. "), store(out));

        // A different setting, or --force: recomputed, every file read again.
        assertEquals(0, run("ingest", "--input", in.toString(), "--output", out.toString(), "--timezone", "Europe/Paris"));
        assertFalse(TestRuns.manifest(out).has("unchanged_since"));
        assertTrue(store(out).contains("\"files_read\":3,") && store(out).contains("the settings records are read with changed"), store(out));
        sessionsStarted = 0;
        assertEquals(0, run("ingest", "--input", in.toString(), "--output", out.toString(), "--timezone", "Europe/Paris", "--force"));
        assertEquals(1, sessionsStarted);
        assertFalse(TestRuns.manifest(out).has("unchanged_since"));
        assertEquals(5, TestRuns.manifest(out).path("counts").path("ingest").path("records_read").asInt());
        assertTrue(store(out).contains("\"files_read\":3,") && store(out).contains("\"not_reused_because\":\"--force\""), store(out));

        // A damaged store: the run says so and what to do, the published run stays; --force reads everything again.
        String published = TestRuns.manifest(out).path("run_id").asText();
        Path part;
        String batch = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve(".current/_store/ingest.json").toFile())
                .path("batches").get(0).asText();
        try (java.util.stream.Stream<Path> files = Files.walk(out.resolve(".store/ingest/batch=" + batch))) {
            part = files.filter(f -> f.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
        Files.write(part, java.util.Arrays.copyOf(Files.readAllBytes(part), 20));
        Files.writeString(in.resolve("d.jsonl"), "{\"id\":\"d1\",\"title\":\"F\",\"text\":\"Sixth story.\"}\n");
        String[] paris = {"ingest", "--input", in.toString(), "--output", out.toString(), "--timezone", "Europe/Paris"};
        TestRuns.Result broken = TestRuns.run(paris);
        assertEquals(1, broken.exitCode(), broken.stderr());
        assertTrue(broken.stderr().contains("the article store cannot be read (") && broken.stderr().contains("run again with --force"),
                broken.stderr());
        assertEquals(published, TestRuns.manifest(out).path("run_id").asText());
        TestRuns.Result forced = TestRuns.run(java.util.stream.Stream.concat(java.util.Arrays.stream(paris), java.util.stream.Stream.of("--force"))
                .toArray(String[]::new));
        assertEquals(0, forced.exitCode(), forced.stderr());
        assertEquals(6, TestRuns.manifest(out).path("counts").path("ingest").path("records_read").asInt());
    }

    private static String store(Path out) throws Exception {
        return TestRuns.manifest(out).path("counts").path("ingest").path("store").toString();
    }
}
