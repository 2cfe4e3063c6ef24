package io.newslens.it;

import static io.newslens.it.SparkSubmitProcess.INTERPRETED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * A driver halted (as by kill -9) while it writes reports: the previous output stays complete and readable
 * (checked with DuckDB, as a BI user would read it), and the next run cleans up and succeeds. The halted runs are the
 * shaded jar's, through SparkSubmit; the runs around them run in this JVM ({@link #runHere}). All interpret expressions
 * ({@link SparkSubmitProcess#INTERPRETED}, as the test session does): what is checked here is publication, not code generation.
 */
class KilledDriverIT {
    @TempDir
    Path dir;

    /** The published run's input: the sample's 200 Reuters articles, one file (the publication checks need no more). */
    private static final String FIRST_INPUT = SparkSubmitProcess.REPO.resolve("data/sample/reuters-1987.jsonl.gz").toString();
    /** The later runs' input (absolute, as FIRST_INPUT: the runs in this JVM do not start in the repo's folder). */
    private static final String SOGOU = SparkSubmitProcess.REPO.resolve("data/sample/sogou-zh-2012.jsonl").toString();

    private static long rows(Path report) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             ResultSet rs = db.createStatement().executeQuery(
                     "SELECT count(*) FROM read_parquet('" + report + "/**/*.parquet')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Run ids of the version folders in the output, oldest first. */
    private static java.util.List<String> versions(Path out) throws Exception {
        try (Stream<Path> s = Files.list(out.resolve(".runs"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String published(Path out) throws Exception {
        return Files.readSymbolicLink(out.resolve(".current")).getFileName().toString();
    }

    /** A run other than the published one has started writing its articles into its version folder. */
    private static boolean writing(Path out) throws Exception {
        String current = published(out);
        try (Stream<Path> s = Files.list(out.resolve(".runs"))) {
            return s.anyMatch(p -> !p.getFileName().toString().equals(current) && Files.isDirectory(p.resolve("articles")));
        }
    }

    /** Whether no unpublished version folder holds a quarantine or a manifest: a run there stopped while writing. */
    private static boolean unfinished(Path out) throws Exception {
        String current = published(out);
        try (Stream<Path> s = Files.list(out.resolve(".runs"))) {
            return s.filter(p -> !p.getFileName().toString().equals(current))
                    .noneMatch(p -> Files.exists(p.resolve("quarantine")) || Files.exists(p.resolve("_manifest.json")));
        }
    }

    /**
     * A run that is not halted, in this JVM on the shared test session, its output kept in {@code log} like the
     * others': a JVM of its own costs some 50 s of CPU time (start-up, class loading, the JIT) for a run of seconds,
     * on two cores the other integration tests need. The halted runs are the shaded jar's, through SparkSubmit.
     */
    private static void runHere(Path log, String... args) throws java.io.IOException {
        io.newslens.TestRuns.Result r = io.newslens.TestRuns.run(args);
        Files.writeString(log, r.stderr());
        assertEquals(0, r.exitCode(), r.stderr());
    }

    private final long start = System.nanoTime();

    /** Progress on the build's output, with the seconds since the test began: where the time goes. */
    private void log(String message) {
        System.err.printf("[killed-driver-it %.0f s] %s%n", (System.nanoTime() - start) / 1e9, message);
    }

    @Test
    void killedWhileWritingLeavesThePreviousOutputReadable() throws Exception {
        Path out = dir.resolve("out");
        Path log1 = dir.resolve("first.log");
        runHere(log1, "ingest", "--input", FIRST_INPUT, "--output", out.toString());
        String manifest = Files.readString(out.resolve("_manifest.json"));
        long before = rows(out.resolve("articles"));
        Path firstCopy = dir.resolve("first-copy");
        copy(out, firstCopy);

        // Halted (as kill -9 would: no shutdown hook, no cleanup, the lock left behind) between two reports: the
        // articles are in its version folder, the quarantine is not yet. A halt at a named point instead of a kill
        // timed from outside: the test once waited for a 60,000-record input to reach its writes, and on a busy
        // machine the four minutes it allowed ran out before they began.
        log("first run published; the next one halts while it writes");
        Path log2 = dir.resolve("killed.log");
        Process victim = SparkSubmitProcess.builder(log2, "local[2]", java.util.List.of("-Dnewslens.halt_at=wrote articles"),
                INTERPRETED, "ingest", "--input", SOGOU, "--output", out.toString()).start();
        assertTrue(victim.waitFor(5, TimeUnit.MINUTES));
        assertEquals(137, victim.exitValue(), SparkSubmitProcess.tail(log2));
        assertTrue(writing(out), "the run had written its articles when halted: " + SparkSubmitProcess.tail(log2));
        assertTrue(unfinished(out), "and not yet its quarantine nor its manifest");

        assertEquals(manifest, Files.readString(out.resolve("_manifest.json")), "manifest untouched");
        assertEquals(before, rows(out.resolve("articles")), "previous articles complete and readable");

        // --force: the inputs are those of the published run, which would otherwise be republished as it is.
        log("killed the run while it wrote");
        Path log3 = dir.resolve("rerun.log");
        runHere(log3, "ingest", "--input", FIRST_INPUT, "--output", out.toString(), "--force");
        assertEquals(before, rows(out.resolve("articles")));
        assertTrue(Files.readString(log3).contains("took over the lock of run "), "the killed run's lock: " + SparkSubmitProcess.tail(log3));
        assertEquals(2, versions(out).size(), "the killed run's version folder removed; the published one and the one before kept: "
                + versions(out));
        // Run twice, same reports.
        ReportComparison.assertSame(out, firstCopy, "re-run after the kill");

        // Halted right after its version folder is complete, manifest included, but before the pointer swap: it
        // was never published. Then halted right after the swap: it is published whole.
        String before2 = Files.readString(out.resolve("_manifest.json"));
        log("re-run after the kill published");
        Path log4 = dir.resolve("halted-before-swap.log");
        Process halted = SparkSubmitProcess.builder(log4, "local[2]", java.util.List.of("-Dnewslens.halt_at=manifest-written"),
                INTERPRETED, "ingest", "--input", SOGOU, "--output", out.toString()).start();
        assertTrue(halted.waitFor(5, TimeUnit.MINUTES));
        assertEquals(137, halted.exitValue(), SparkSubmitProcess.tail(log4));
        assertEquals(before2, Files.readString(out.resolve("_manifest.json")), "the halted run is not visible");
        assertEquals(before, rows(out.resolve("articles")));
        assertEquals(3, versions(out).size(), "its complete version folder is on disk: " + versions(out));

        log("halted before the pointer swap");
        Path log5 = dir.resolve("halted-after-swap.log");
        halted = SparkSubmitProcess.builder(log5, "local[2]", java.util.List.of("-Dnewslens.halt_at=pointer-swapped"),
                INTERPRETED, "ingest", "--input", SOGOU, "--output", out.toString()).start();
        assertTrue(halted.waitFor(5, TimeUnit.MINUTES));
        assertEquals(137, halted.exitValue(), SparkSubmitProcess.tail(log5));
        String haltedRun = published(out);
        assertEquals(haltedRun, new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("_manifest.json").toFile())
                .get("run_id").asText(), "the manifest read through the stable path is the halted run's");
        long halted2 = rows(out.resolve("articles"));
        assertTrue(halted2 > 0 && halted2 < before, "the Sogou slice alone: " + halted2 + " of " + before);
        assertEquals(before, rows(out.resolve(".runs").resolve(versions(out).get(1)).resolve("articles")),
                "the run before stays readable for readers still on it");

        // The next run, over the same input, finds it unchanged since the halted run (published whole): it
        // republishes that run without Spark and collects the version before it.
        log("halted after the pointer swap");
        Path log6 = dir.resolve("after-halt.log");
        runHere(log6, "ingest", "--input", SOGOU,
                "--output", out.toString());
        assertTrue(Files.readString(log6).contains("unchanged since run " + haltedRun), SparkSubmitProcess.tail(log6));
        assertEquals(halted2, rows(out.resolve("articles")));
        log("unchanged input republished");
        assertEquals(java.util.List.of(haltedRun, published(out)), versions(out));
    }

    /** A plain copy of what a reader sees: the stable paths, followed through their links. */
    private static void copy(Path from, Path to) throws java.io.IOException {
        try (Stream<Path> all = Files.walk(from, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : all.filter(p -> !from.relativize(p).toString().startsWith(".")).toList()) {
                Files.copy(p, to.resolve(from.relativize(p).toString()));
            }
        }
    }
}
