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

/**
 * A run that fails after it started writing leaves the previous reports readable and unchanged; a run killed
 * after any step of its publication leaves the previous run or itself visible, whole, and the next run
 * repairs the rest (on a local disk with links, and with the pointer file used where there are none).
 */
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
        try (Stream<Path> left = Files.list(out.resolve(RunOutput.RUNS))) {
            assertEquals(List.of(Files.readSymbolicLink(out.resolve(RunOutput.CURRENT)).getFileName().toString()),
                    left.map(p -> p.getFileName().toString()).toList(), "the failed run's version folder is gone");
        }
    }

    private static final ReportSpec ARTICLES = ReportSpec.builder("articles", "test").string("id", "").string("v", "").build();
    private static final ReportSpec QUARANTINE = ReportSpec.builder("quarantine", "test").string("id", "").build();
    private static final ReportSpec DAYS = ReportSpec.builder("term_frequencies", "test").string("v", "")
            .string("period_start", "").partitionBy("period_start").build();
    private static final String A = "20260101T000000Z-aaaaaaaa";
    private static final String B = "20260102T000000Z-bbbbbbbb";
    private static final String C = "20260103T000000Z-cccccccc";

    /** What stops a publish in these tests: an Error, which no cleanup of RunOutput or Main catches, as a kill. */
    private static final class Killed extends Error {
        Killed(String step) {
            super("killed after " + step);
        }
    }

    private static org.apache.spark.sql.Dataset<Row> rows(ReportSpec spec, String... values) {
        List<Row> rows = new java.util.ArrayList<>();
        for (String v : values) {
            rows.add(org.apache.spark.sql.RowFactory.create((Object[]) v.split(",")));
        }
        return SparkTestSession.get().createDataFrame(rows, spec.schema()).coalesce(1);
    }

    /** Run A: two articles, one quarantined record, three days. */
    private static void runA(Path out, boolean links, java.util.function.Consumer<String> steps) {
        RunOutput run = new RunOutput(SparkTestSession.get(), out.toString(), A, links);
        run.onStep(steps);
        RunManifest m = new RunManifest(A, "test", "test", java.util.Map.of());
        run.write(ARTICLES, rows(ARTICLES, "a1,A", "a2,A"), m);
        run.write(QUARANTINE, rows(QUARANTINE, "q1"), m);
        run.write(DAYS, rows(DAYS, "A1,2020-01-01", "A2,2020-01-02", "A3,2020-01-03"), m);
        run.publish(m);
    }

    /** Run B (or its re-run): three articles and the days from 2020-01-02 on; quarantine is not rewritten. */
    private static void runB(Path out, String runId, boolean links, java.util.function.Consumer<String> steps) {
        RunOutput run = new RunOutput(SparkTestSession.get(), out.toString(), runId, links);
        run.onStep(steps);
        RunManifest m = new RunManifest(runId, "test", "test", java.util.Map.of());
        run.write(ARTICLES, rows(ARTICLES, "a1,B", "a2,B", "a3,B"), m);
        run.write(DAYS, rows(DAYS, "A1,2020-01-01", "B2,2020-01-02", "B3,2020-01-03", "B4,2020-01-04"), m, "2020-01-02");
        run.publish(m);
    }

    /**
     * What a reader sees: for each report, its Parquet files' contents by partition folder, read through the
     * stable paths (links) or through the pointer file; and which run the manifest is of.
     */
    private static java.util.Map<String, List<String>> view(Path out, boolean links, boolean withManifest) throws IOException {
        Path root = out;
        if (!links) {
            Path pointer = out.resolve(RunOutput.POINTER);
            if (!Files.exists(pointer)) {
                return java.util.Map.of();
            }
            String run = new com.fasterxml.jackson.databind.ObjectMapper().readTree(pointer.toFile()).get("run_id").asText();
            root = out.resolve(RunOutput.RUNS).resolve(run);
        }
        java.util.Map<String, List<String>> view = new java.util.TreeMap<>();
        for (String report : List.of("articles", "quarantine", "term_frequencies")) {
            Path dirOf = root.resolve(report);
            if (!Files.exists(dirOf)) {
                continue;
            }
            try (Stream<Path> all = Files.walk(dirOf, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                for (Path f : all.filter(x -> x.toString().endsWith(".parquet")).toList()) {
                    String where = report + "/" + dirOf.relativize(f.getParent());
                    view.computeIfAbsent(where, k -> new java.util.ArrayList<>()).add(
                            java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
                }
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        view.values().forEach(l -> l.sort(null));
        if (withManifest && Files.exists(root.resolve(RunOutput.MANIFEST))) {
            view.put(RunOutput.MANIFEST, List.of(new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(root.resolve(RunOutput.MANIFEST).toFile()).get("run_id").asText()));
        }
        return view;
    }

    private static List<String> versions(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out.resolve(RunOutput.RUNS))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aPublishKilledAfterAnyStepShowsOneRunWholeAndTheNextRunRepairsIt() throws IOException {
        killAtEachStep(true);
    }

    @Test
    void thePointerFileProtocolWithoutLinksDoesTheSame() throws IOException {
        killAtEachStep(false);
    }

    private void killAtEachStep(boolean links) throws IOException {
        String mode = links ? "links" : "pointer";
        // Clean runs: the steps each publish takes, and what a reader sees after A and after B.
        Path clean = dir.resolve(mode + "-clean");
        List<String> stepsA = new java.util.ArrayList<>();
        List<String> stepsB = new java.util.ArrayList<>();
        runA(clean, links, stepsA::add);
        java.util.Map<String, List<String>> viewA = view(clean, links, true);
        runB(clean, B, links, stepsB::add);
        java.util.Map<String, List<String>> viewB = view(clean, links, true);
        assertEquals(List.of(A, B), versions(clean), "the previous version stays for readers still on it");
        // B replaced the articles and the days from 2020-01-02; it carried quarantine and 2020-01-01 over.
        assertEquals(viewA.get("quarantine/"), viewB.get("quarantine/"));
        assertEquals(viewA.get("term_frequencies/period_start=2020-01-01"), viewB.get("term_frequencies/period_start=2020-01-01"));
        assertTrue(viewB.containsKey("term_frequencies/period_start=2020-01-04"), viewB.keySet().toString());
        assertFalse(viewA.get("articles/").equals(viewB.get("articles/")));
        assertEquals(List.of(B), viewB.get(RunOutput.MANIFEST));
        List<String> expectedB = new java.util.ArrayList<>(List.of("manifest-written", "carried quarantine",
                "carried term_frequencies/period_start=2020-01-01", "pointer-swapped", "collected"));
        List<String> expectedA = new java.util.ArrayList<>(List.of("manifest-written", "pointer-swapped", "collected"));
        if (links) {
            expectedA.addAll(1, List.of("linked articles", "linked quarantine", "linked term_frequencies", "linked _manifest.json"));
        }
        assertEquals(expectedA, stepsA);
        assertEquals(expectedB, stepsB);
        java.util.Map<String, List<String>> dataB = new java.util.TreeMap<>(viewB);
        dataB.remove(RunOutput.MANIFEST);

        int trial = 0;
        for (boolean killA : List.of(true, false)) {
            List<String> steps = killA ? stepsA : stepsB;
            for (int i = 0; i < steps.size(); i++) {
                String at = steps.get(i);
                String what = mode + ", run " + (killA ? "A" : "B") + " killed after '" + at + "'";
                Path out = dir.resolve(mode + "-" + trial++);
                java.util.function.Consumer<String> kill = s -> {
                    if (s.equals(at)) {
                        throw new Killed(s);
                    }
                };
                try {
                    if (killA) {
                        runA(out, links, kill);
                    } else {
                        runA(out, links, s -> { });
                        runB(out, B, links, kill);
                    }
                    throw new AssertionError("not killed: " + what);
                } catch (Killed expected) {
                    // as after kill -9: no cleanup ran
                }
                boolean swapped = i >= steps.indexOf("pointer-swapped");
                java.util.Map<String, List<String>> before = killA ? java.util.Map.of() : viewA;
                java.util.Map<String, List<String>> after = killA ? viewA : viewB;
                assertEquals(swapped ? after : before, view(out, links, true), what + ": a reader sees one run whole");

                // The next run starts: it repairs, and the reader's view does not change.
                new RunOutput(SparkTestSession.get(), out.toString(), C, links).abort();
                assertEquals(swapped ? after : before, view(out, links, true), what + ": after the next run's repair");
                String published = swapped ? (killA ? A : B) : (killA ? null : A);
                List<String> kept = new java.util.ArrayList<>();
                if (!killA && swapped) {
                    kept.add(A);
                }
                if (published != null) {
                    kept.add(published);
                }
                assertEquals(kept, versions(out), what + ": unpublished versions removed, the published one and the one before kept");

                // Re-running gives what a clean run gives.
                if (killA && !swapped) {
                    runA(out, links, s -> { });
                }
                runB(out, C, links, s -> { });
                assertEquals(dataB, view(out, links, false), what + ": the re-run equals the clean run");
            }
        }
    }

    @Test
    void anOutputOfAnEarlierReleaseIsAdoptedWithNothingLost() throws IOException {
        // An earlier release published reports in place. Its last publish (an incremental run, --since
        // 2020-01-02) had staged two new partitions and its manifest, moved the two old ones to its trash, and
        // was killed before moving the new ones in: the old partitions must come back, not be lost.
        Path out = dir.resolve("out3");
        Path report = out.resolve("term_frequencies");
        Files.createDirectories(report.resolve("period_start=2020-01-01"));
        Files.writeString(report.resolve("period_start=2020-01-01/old-1.parquet"), "old 1");
        Files.createDirectories(out.resolve("articles"));
        Files.writeString(out.resolve("articles/part-0.parquet"), "old articles");
        String run = "20250101T000000Z-killed00";
        Path staging = out.resolve(".staging-" + run);
        Path trash = out.resolve(".trash-" + run);
        for (String day : List.of("02", "03")) {
            Files.createDirectories(staging.resolve("term_frequencies/period_start=2020-01-" + day));
            Files.writeString(staging.resolve("term_frequencies/period_start=2020-01-" + day + "/new-" + day + ".parquet"), "new " + day);
            Files.createDirectories(trash.resolve("term_frequencies/period_start=2020-01-" + day));
            Files.writeString(trash.resolve("term_frequencies/period_start=2020-01-" + day + "/old-" + day + ".parquet"), "old " + day);
        }
        Files.writeString(staging.resolve("_manifest.json"), "{\"run_id\":\"" + run + "\"}");
        String published = "{\"run_id\":\"20241231T000000Z-before00\",\"reports\":{}}";
        Files.writeString(out.resolve("_manifest.json"), published);

        new RunOutput(SparkTestSession.get(), out.toString(), "20260101T000000Z-next0000").abort();

        // The killed run never published: the output is the run before it, whole, now in its version folder.
        assertEquals(java.util.Set.of("period_start=2020-01-01/old-1.parquet", "period_start=2020-01-02/old-02.parquet",
                "period_start=2020-01-03/old-03.parquet"), files(report));
        assertEquals(java.util.Set.of("part-0.parquet"), files(out.resolve("articles")));
        assertEquals(published, Files.readString(out.resolve("_manifest.json")));
        assertTrue(Files.isSymbolicLink(out.resolve("articles")) && Files.isSymbolicLink(out.resolve("_manifest.json")));
        assertEquals(Path.of(RunOutput.RUNS, "20241231T000000Z-before00"), Files.readSymbolicLink(out.resolve(RunOutput.CURRENT)));
        assertFalse(Files.exists(staging));
        assertFalse(Files.exists(trash));
    }

    private static java.util.Set<String> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return all.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }
}
