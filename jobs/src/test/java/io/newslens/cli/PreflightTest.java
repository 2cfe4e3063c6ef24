package io.newslens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.SparkTestSession;
import io.newslens.report.OutputGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What is refused before any work: each case exits 2 with a message naming the cause, in under two
 * seconds, without starting Spark, and leaves every file as it was.
 */
class PreflightTest {
    @TempDir
    Path dir;

    record Outcome(int exitCode, String stderr, int sessions, long millis) {
    }

    /** Runs the CLI with a session supplier that counts how often Spark would have been started. */
    static Outcome run(String... args) {
        int[] sessions = {0};
        long start = System.nanoTime();
        io.newslens.Stderr.Captured<Integer> run = io.newslens.Stderr.capture(() -> Main.run(args, () -> {
            sessions[0]++;
            return SparkTestSession.get();
        }));
        return new Outcome(run.value(), run.text(), sessions[0], (System.nanoTime() - start) / 1_000_000);
    }

    /** Refused before work: exit 2, the message, no Spark, under 2 s. */
    static void assertRefused(Outcome o, String expected) {
        assertEquals(2, o.exitCode(), o.stderr());
        assertTrue(o.stderr().contains(expected), "expected '" + expected + "' in: " + o.stderr());
        assertEquals(0, o.sessions(), "Spark is not started");
        assertTrue(o.millis() < 2000, "refused in " + o.millis() + " ms");
        assertFalse(o.stderr().contains("\tat "), "no stack trace: " + o.stderr());
    }

    /** Every file under a folder with its content, to show nothing was touched. */
    static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                files.put(root.relativize(p).toString(), Files.isDirectory(p) ? "/" : Files.readString(p));
            }
        }
        return files;
    }

    private Path articles(Path folder, int n) throws IOException {
        Files.createDirectories(folder);
        for (int i = 1; i <= n; i++) {
            Files.writeString(folder.resolve("story-" + i + ".txt"), "Headline " + i + "\nThe body of story " + i + ".\n");
        }
        return folder;
    }

    /**
     * Preflight makes the run's first file: file system, which Hadoop caches for the whole JVM (the session's included):
     * it must be the session's, without a chmod or ls process per file.
     */
    @Test
    void localPathsGetTheSessionsFileSystem() throws Exception {
        try (org.apache.hadoop.fs.FileSystem fs = org.apache.hadoop.fs.FileSystem.newInstance(java.net.URI.create("file:///"),
                Preflight.hadoopConfiguration())) {
            assertEquals(io.newslens.report.NioLocalFileSystem.class, fs.getClass());
        }
    }

    @Test
    void aUsersCorpusInAFolderNamedLikeAReportIsNeverReplaced() throws IOException {
        // The reported loss: P/articles/ held five articles; ingest --input P/articles --output P replaced them.
        Path p = dir.resolve("P");
        articles(p.resolve("articles"), 5);
        Map<String, String> before = snapshot(p);
        Outcome o = run("ingest", "--input", p.resolve("articles").toString(), "--output", p.toString());
        assertRefused(o, "inputs[0].path: the input " + p.resolve("articles") + " is inside the output folder");
        assertEquals(before, snapshot(p), "input untouched");
    }

    @Test
    void anOutputInsideItsInputIsRefused() throws IOException {
        Path d = articles(dir.resolve("D"), 3);
        Map<String, String> before = snapshot(d);
        Outcome o = run("ingest", "--input", d.toString(), "--output", d.resolve("out").toString());
        assertRefused(o, "is inside the input " + d + ": a run would read its own reports back as input");
        assertEquals(before, snapshot(d), "nothing created in the input");
        // Also through a glob that matches the folder holding the output.
        Outcome glob = run("ingest", "--input", dir + "/*", "--output", d.resolve("out").toString());
        assertRefused(glob, "is inside the input");
    }

    @Test
    void anOutputHoldingFilesNewslensDidNotWriteIsRefused() throws IOException {
        Path in = articles(dir.resolve("in"), 2);
        Path p = dir.resolve("P");
        articles(p.resolve("articles"), 2);
        Files.writeString(p.resolve("notes.md"), "mine");
        Map<String, String> before = snapshot(p);
        Outcome o = run("ingest", "--input", in.toString(), "--output", p.toString());
        assertRefused(o, "output: " + p + " already holds files newslens did not write (articles, notes.md)");
        assertEquals(before, snapshot(p));
    }

    @Test
    void aReportNamedEntryTheMarkerDoesNotListIsRefused() throws IOException {
        Path in = articles(dir.resolve("in"), 2);
        Path p = Files.createDirectories(dir.resolve("owned"));
        Files.writeString(p.resolve(OutputGuard.MARKER), "{\"written_by\":\"newslens\",\"reports\":[\"articles\"]}");
        articles(p.resolve("topics"), 1);
        Map<String, String> before = snapshot(p);
        Outcome o = run("ingest", "--input", in.toString(), "--output", p.toString());
        assertRefused(o, "output: " + p + "/topics was not written by newslens");
        assertEquals(before, snapshot(p));
    }

    @Test
    void aSecondRunIntoALockedOutputIsRefusedNamingTheRunningOne() throws IOException {
        Path in = articles(dir.resolve("in"), 2);
        Path p = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(p.resolve(OutputGuard.MARKER), "{\"reports\":[]}");
        // A live process on this host: this JVM.
        Files.writeString(p.resolve(OutputGuard.LOCK), "{\"run_id\":\"20261204T000000Z-running\",\"host\":\""
                + java.net.InetAddress.getLocalHost().getHostName() + "\",\"pid\":" + ProcessHandle.current().pid()
                + ",\"started_at\":\"2026-12-04T00:00:00Z\"}");
        Map<String, String> before = snapshot(p);
        Outcome o = run("ingest", "--input", in.toString(), "--output", p.toString());
        assertRefused(o, "is in use by run 20261204T000000Z-running (host ");
        assertEquals(before, snapshot(p), "the running run's lock is left alone");
    }

    @Test
    void aStaleLockOfARunThatDiedIsTakenOverWithAMessage() throws Exception {
        Path in = Files.writeString(dir.resolve("one.jsonl"), "{\"id\":\"a\",\"title\":\"A\",\"text\":\"Alpha.\"}\n");
        Path p = Files.createDirectories(dir.resolve("stale"));
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(p.resolve(OutputGuard.LOCK), "{\"run_id\":\"20261204T000000Z-killed\",\"host\":\""
                + java.net.InetAddress.getLocalHost().getHostName() + "\",\"pid\":" + gone.pid()
                + ",\"started_at\":\"2026-12-04T00:00:00Z\"}");
        io.newslens.TestRuns.Result r = io.newslens.TestRuns.run("ingest", "--input", in.toString(), "--output", p.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("output: took over the lock of run 20261204T000000Z-killed (host "), r.stderr());
        assertTrue(r.stderr().contains("its process is no longer running"), r.stderr());
        assertFalse(Files.exists(p.resolve(OutputGuard.LOCK)), "released at the end of the run");
        assertEquals("[\"_manifest.json\",\"articles\",\"quarantine\"]", new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(p.resolve(OutputGuard.MARKER).toFile()).path("reports").toString(), "the marker lists what was published");
    }

    @Test
    void aGlobThatMatchesNothingCreatesNoOutput() {
        Path out = dir.resolve("never");
        Outcome o = run("ingest", "--input", dir.resolve("crawl/2024-*/*.jsonl").toString(), "--output", out.toString());
        assertRefused(o, "inputs[0].path: the glob matches no file: " + dir.resolve("crawl/2024-*/*.jsonl"));
        assertFalse(Files.exists(out));
    }

    @Test
    void aMappedFieldTheRecordsDoNotHaveIsNamed() throws IOException {
        Path csv = Files.writeString(dir.resolve("news.csv"), "id,headline,body\n1,A title,A body\n2,B title,B body\n");
        Path config = Files.writeString(dir.resolve("m.yaml"), "inputs:\n  - path: " + csv + "\n    mapping: {title: headlin,"
                + " text: body}\noutput: " + dir.resolve("o") + "\n");
        assertRefused(run("ingest", "--config", config.toString()),
                "inputs[0].mapping.title: field 'headlin' is in none of the 2 records sampled from " + csv
                        + " (their fields: id, headline, body)");
        Path empty = Files.writeString(dir.resolve("empty-title.jsonl"),
                "{\"id\":\"1\",\"hl\":\"\",\"text\":\"x\"}\n{\"id\":\"2\",\"hl\":\" \",\"text\":\"y\"}\n");
        Path config2 = Files.writeString(dir.resolve("m2.yaml"), "inputs:\n  - path: " + empty + "\n    mapping: {title: hl}\n"
                + "output: " + dir.resolve("o") + "\n");
        assertRefused(run("ingest", "--config", config2.toString()),
                "inputs[0].mapping.title: field 'hl' is empty in all 2 records sampled");
        assertFalse(Files.exists(dir.resolve("o")));
    }

    @Test
    void jsonLinesThatAreCsvAreRefusedWithAHint() throws IOException {
        Path csv = Files.writeString(dir.resolve("export.csv"), "id,title,text\n1,A,Alpha\n2,B,Beta\n");
        assertRefused(run("ingest", "--input", csv.toString(), "--format", "jsonl", "--output", dir.resolve("o").toString()),
                "inputs[0].format: none of the first 3 lines of " + csv + " is a JSON object (the first starts:"
                        + " 'id,title,text'); it looks like CSV: set format to csv");
    }

    @Test
    void aBadDictionaryLineIsNamedBeforeAnyWork() throws IOException {
        Path in = articles(dir.resolve("in"), 1);
        Path dict = Files.writeString(dir.resolve("mine.jsonl"),
                "{\"actor_id\":\"X\",\"name\":\"X Corp\",\"type\":\"company\",\"aliases\":[\"X Corp\"]}\n{not json\n");
        assertRefused(run("actors", "--input", in.toString(), "--dictionary", dict.toString(), "--output",
                dir.resolve("o").toString()), "actors.dictionaries: " + dict + " line 2: not a JSON object");
    }

    @Test
    void anOutputThatCannotBeCreatedNamesTheRealCause() throws IOException {
        Path in = articles(dir.resolve("in"), 1);
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        assertRefused(run("ingest", "--input", in.toString(), "--output", file.resolve("out").toString()),
                "output: cannot create " + file.resolve("out") + ": " + file + " is a file, not a folder");
    }

    @Test
    void aReadOnlyParentIsNamedAsAPermissionProblem() throws Exception {
        Path in = articles(dir.resolve("in"), 1);
        Path ro = Files.createDirectories(dir.resolve("ro"));
        // root writes into a folder without write bits, but not into an immutable one (chattr +i, ext4 and others).
        boolean root = "root".equals(System.getProperty("user.name"));
        boolean locked = root ? chattr("+i", ro) : ro.toFile().setWritable(false);
        Assumptions.assumeTrue(locked, "cannot make a read-only folder here (chattr +i failed for root)");
        try {
            assertRefused(run("ingest", "--input", in.toString(), "--output", ro.resolve("out").toString()),
                    "output: cannot create " + ro.resolve("out") + ": permission denied (" + ro + " is not writable by ");
        } finally {
            if (root) {
                chattr("-i", ro);
            } else {
                ro.toFile().setWritable(true);
            }
        }
    }

    private static boolean chattr(String flag, Path p) throws Exception {
        try {
            Process c = new ProcessBuilder("chattr", flag, p.toString()).redirectErrorStream(true).start();
            c.getInputStream().readAllBytes();
            return c.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void anUnquotedGlobIsNamedAsSuch() {
        assertRefused(run("ingest", "--input", "bbc/a-1.txt", "bbc/a-2.txt", "bbc/a-3.txt", "--output", "o"),
                "bbc/a-2.txt: unexpected argument after --input bbc/a-1.txt: an unquoted glob is expanded by the shell");
        assertRefused(run("ingest", "stray", "--input", "x"), "stray: unexpected argument");
    }
}
