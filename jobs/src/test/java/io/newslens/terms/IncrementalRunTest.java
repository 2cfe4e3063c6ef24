package io.newslens.terms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newslens.SparkTestSession;
import io.newslens.TestRuns;
import io.newslens.cli.ReportCatalog;
import io.newslens.report.ReportSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One more day of articles with {@code --since}: only that day's partitions of the period reports change
 * (the files of the other days keep their names and modification times), and every report equals a full
 * recomputation over all days.
 */
class IncrementalRunTest {
    @TempDir
    Path dir;

    private static final String[] TOPICS = {
            "The central bank raised interest rates again as inflation worries grew among investors",
            "Grain exports from the port fell sharply after the drought hit wheat farmers",
            "The oil ministers met to discuss crude production quotas and pricing policy",
            "Shares of the software company jumped after strong quarterly earnings results"};

    private static void day(Path file, int day) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            String text = TOPICS[(day + i) % TOPICS.length] + ". Analysts said day " + day + " brought news number " + i
                    + " about " + TOPICS[(day * 3 + i) % TOPICS.length].toLowerCase() + ".";
            sb.append("{\"id\":\"d").append(day).append('-').append(i).append("\",\"title\":\"Story ").append(day)
                    .append(' ').append(i).append("\",\"text\":\"").append(text).append("\",\"source\":\"")
                    .append(i % 2 == 0 ? "Wire" : "Daily").append("\",\"published\":\"2020-01-0").append(day)
                    .append("T12:00:00Z\"}\n");
        }
        Files.writeString(file, sb.toString());
    }

    /** Days 1..n, one file each, and a config reading them with daily periods and no frequency cut-offs. */
    private Path days(Path in, int n) throws IOException {
        Files.createDirectories(in);
        for (int d = 1; d <= n; d++) {
            day(in.resolve("day" + d + ".jsonl"), d);
        }
        return Files.writeString(dir.resolve("c.yaml"), """
                inputs:
                  - path: %s
                terms: {period: day, min_df: 1, max_df: 1.0, min_count: 1, keyness_min_count: 1, trending_window: 2}
                """.formatted(in));
    }

    /**
     * {@code --reports term_frequencies} skips the shuffle by term the other term reports need: the report still
     * equals a whole terms run's, and it is the only term report written.
     */
    @Test
    void termFrequenciesAloneEqualAWholeRunsTermFrequencies() throws Exception {
        Path config = days(dir.resolve("in"), 3);
        Path whole = dir.resolve("whole");
        Path alone = dir.resolve("alone");
        assertEquals(0, TestRuns.run("terms", "--config", config.toString(), "--output", whole.toString()).exitCode());
        TestRuns.Result r = TestRuns.run("terms", "--config", config.toString(), "--output", alone.toString(),
                "--reports", "term_frequencies");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(Files.isDirectory(alone.resolve("term_frequencies")) && !Files.exists(alone.resolve("keyness")), r.stderr());
        // Every report of the lone run (term_frequencies, and articles, quarantine, duplicates, boilerplate) equals the whole run's.
        assertEquals(5, TestRuns.assertSameReports(whole, alone));
    }

    @Test
    void oneNewDayReplacesOnlyItsPartitions() throws Exception {
        Path in = dir.resolve("in");
        Path config = days(in, 4);
        Path out = dir.resolve("out");
        assertEquals(0, TestRuns.run("terms", "--config", config.toString(), "--output", out.toString()).exitCode());
        String firstRun = TestRuns.manifest(out).path("run_id").asText();
        assertEquals("{\"reused_from_run\":null,\"files_read\":4,\"files_reused\":0,\"records_reused\":0,"
                + "\"not_reused_because\":\"no published run\"}", TestRuns.manifest(out).path("counts").path("ingest").path("store").toString());
        Map<String, FileTime> before = TestRuns.partitionFiles(out.resolve("term_frequencies"));
        Map<String, FileTime> trendingBefore = TestRuns.partitionFiles(out.resolve("trending_terms"));
        Thread.sleep(1100);

        day(in.resolve("day5.jsonl"), 5);
        // Day 5 also reprints day 1's first story under a new id: a copy of a stored record, found by the hashes the
        // ingest store kept for it.
        String reprint = Files.readAllLines(in.resolve("day1.jsonl")).get(0).replace("\"d1-0\"", "\"d5-reprint\"")
                .replace("2020-01-01T", "2020-01-05T");
        Files.writeString(in.resolve("day5.jsonl"), reprint + "\n", java.nio.file.StandardOpenOption.APPEND);
        TestRuns.Result inc = TestRuns.run("terms", "--config", config.toString(), "--output", out.toString(),
                "--since", "2020-01-05");
        assertEquals(0, inc.exitCode(), inc.stderr());
        Map<String, FileTime> after = TestRuns.partitionFiles(out.resolve("term_frequencies"));
        for (String old : before.keySet()) {
            assertEquals(before.get(old), after.get(old), old + " untouched");
        }
        List<String> added = after.keySet().stream().filter(k -> !before.containsKey(k)).toList();
        assertTrue(!added.isEmpty() && added.stream().allMatch(k -> k.startsWith("period=2020-01-05/")), added.toString());
        Map<String, FileTime> trendingAfter = TestRuns.partitionFiles(out.resolve("trending_terms"));
        for (String old : trendingBefore.keySet()) {
            assertEquals(trendingBefore.get(old), trendingAfter.get(old), old + " untouched");
        }
        JsonNode m = TestRuns.manifest(out);
        assertEquals("[\"period=2020-01-05\"]", m.path("reports").path("term_frequencies").path("replaced_partitions").toString());
        assertEquals("2020-01-05", m.path("since").asText(), m.toString().substring(0, 200));
        // Only day 5's file was read: the 24 records of days 1-4 came from the first run's store.
        assertEquals("{\"reused_from_run\":\"" + firstRun + "\",\"files_read\":1,\"files_reused\":4,\"records_reused\":24,"
                + "\"not_reused_because\":null}", m.path("counts").path("ingest").path("store").toString());
        assertEquals(31, m.path("counts").path("ingest").path("records_read").asLong(), "counts over every input, as a full run's");
        assertEquals(List.of("d1-0 same_content"), SparkTestSession.get().read().parquet(out.resolve("articles").toString())
                .filter("duplicate_of IS NOT NULL").collectAsList().stream()
                .map(r -> r.<String>getAs("duplicate_of") + " " + r.<String>getAs("duplicate_reason")).toList(), "the reprint");
        assertTrue(List.of(SparkTestSession.get().read().parquet(out.resolve(".store/ingest").toString()).columns())
                .containsAll(io.newslens.ingest.Duplicates.KEY_COLUMNS), "the store keeps each record's duplicate hashes");
        // Only day 5's six articles were tokenised; the n-gram counts of the 24 others came from the terms store.
        JsonNode terms = m.path("counts").path("terms").path("store");
        assertEquals(List.of(6, 24), List.of(terms.path("articles_worked_on").asInt(), terms.path("articles_reused").asInt()), terms.toString());
        // The term cells of the 24 stored articles came from the store too: day 5's were the only ones counted.
        assertEquals(List.of(1, 1), List.of(terms.path("terms_cells_reused").asInt(), terms.path("terms_cells_summed").asInt()), terms.toString());
        assertEquals("[\"" + firstRun + "\",\"" + m.path("run_id").asText() + "\"]", new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve(".current/_store/ingest.json").toFile()).path("batches").toString(), "the first run's batch and day 5's");

        Path full = dir.resolve("full");
        assertEquals(0, TestRuns.run("terms", "--config", config.toString(), "--output", full.toString()).exitCode());
        int compared = TestRuns.assertSameReports(out, full);
        assertEquals(11, compared, "ingest (2), duplicates, boilerplate and the seven term reports");
        assertNotEquals(0, SparkTestSession.get().read().parquet(out.resolve("term_frequencies").toString())
                .filter("period_start = DATE'2020-01-05'").count());
    }

    @Test
    void aSinceRunOverAChangedOldFileRecomputesEveryPartitionAndSaysSo() throws Exception {
        Path in = dir.resolve("in");
        Path config = days(in, 3);
        Path out = dir.resolve("out");
        String[] terms = {"terms", "--config", config.toString(), "--output", out.toString()};
        assertEquals(0, TestRuns.run(terms).exitCode());
        String firstRun = TestRuns.manifest(out).path("run_id").asText();
        Map<String, FileTime> before = TestRuns.partitionFiles(out.resolve("term_frequencies"));
        Thread.sleep(1100);

        // Day 1 corrected (dated before --since), day 4 added: keeping day 1's old partition would mix contents. The
        // corrected article keeps its id and title: only its text tells the terms store it changed. Of day 1's other
        // stories only d1-2 (Wire, about software shares) stays: day 1 then holds articles of both store groups, whose
        // cells the run adds up ("software" is in both).
        String kept = Files.readAllLines(in.resolve("day1.jsonl")).get(2);
        assertTrue(kept.contains("\"d1-2\"") && kept.contains("software") && kept.contains("Wire"), kept);
        Files.writeString(in.resolve("day1.jsonl"), "{\"id\":\"d1-0\",\"title\":\"Story 1 0\",\"text\":\"Zebras escaped"
                + " from the city zoo overnight, and the software company said so.\",\"source\":\"Wire\",\"published\":\"2020-01-01T12:00:00Z\"}\n"
                + kept + "\n");
        day(in.resolve("day4.jsonl"), 4);
        String[] since = java.util.stream.Stream.concat(java.util.Arrays.stream(terms), java.util.stream.Stream.of("--since", "2020-01-04"))
                .toArray(String[]::new);
        TestRuns.Result r = TestRuns.run(since);
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode m = TestRuns.manifest(out);
        assertTrue(m.path("since").isNull(), m.path("since").toString());
        assertEquals("2020-01-04", m.path("since_ignored").asText());
        assertTrue(m.path("counts").path("ingest").path("store").path("not_reused_because").asText()
                .startsWith("since run " + firstRun + ", input files were 1 changed (e.g. "), m.path("counts").path("ingest").toString());
        assertEquals(4, m.path("counts").path("ingest").path("store").path("files_read").asInt(), "every file read again");
        JsonNode termsStore = m.path("counts").path("terms").path("store");
        assertEquals(List.of(0, 2), List.of(termsStore.path("terms_cells_reused").asInt(), termsStore.path("terms_cells_summed").asInt()),
                "the first run's group lost the corrected article: its cells are counted again, with day 4's: " + termsStore);
        JsonNode changes = m.path("input_changes");
        assertEquals(firstRun, changes.path("since_run").asText());
        assertEquals(List.of(1, 1, 0), List.of(changes.path("added").asInt(), changes.path("changed").asInt(), changes.path("removed").asInt()));
        assertTrue(changes.path("examples").path("changed").get(0).asText().endsWith("day1.jsonl"), changes.toString());
        assertTrue(r.stderr().contains("--since 2020-01-04 ignored: since run " + firstRun + ", input files were 1 changed (e.g. "),
                r.stderr());
        Map<String, FileTime> after = TestRuns.partitionFiles(out.resolve("term_frequencies"));
        for (String old : before.keySet()) {
            assertNotEquals(before.get(old), after.get(old), old + " rewritten");
        }
        Dataset<Row> tf = SparkTestSession.get().read().parquet(out.resolve("term_frequencies").toString());
        assertTrue(tf.filter("period_start = DATE'2020-01-01' AND term = 'zoo'").count() > 0, "day 1's new content counted");
        assertEquals(0, tf.filter("period_start = DATE'2020-01-01' AND term = 'interest'").count(), "day 1's old content gone");
        // Day 1's period now holds articles of both groups: their cells are added up there, as a full run counts them.
        Path full = dir.resolve("full");
        assertEquals(0, TestRuns.run("terms", "--config", config.toString(), "--output", full.toString()).exitCode());
        assertEquals(11, TestRuns.assertSameReports(out, full), "ingest (2), duplicates, boilerplate and the seven term reports");
    }

    /** A new day whose one article has no term at all (only stop words): its group has no cells, and the run goes on. */
    @Test
    void aNewDayWithoutTermsHasNoCellsToKeep() throws Exception {
        Path in = dir.resolve("in");
        Path config = days(in, 2);
        Path out = dir.resolve("out");
        String[] terms = {"terms", "--config", config.toString(), "--output", out.toString()};
        assertEquals(0, TestRuns.run(terms).exitCode());
        Thread.sleep(1100);
        Files.writeString(in.resolve("day3.jsonl"), "{\"id\":\"d3-0\",\"title\":\"The\",\"text\":\"It is as it was, and "
                + "so it is.\",\"source\":\"Wire\",\"published\":\"2020-01-03T12:00:00Z\"}\n");
        TestRuns.Result r = TestRuns.run(terms);
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode store = TestRuns.manifest(out).path("counts").path("terms").path("store");
        assertEquals(List.of(1, 1, 1), List.of(store.path("articles_worked_on").asInt(), store.path("terms_cells_reused").asInt(),
                store.path("terms_cells_summed").asInt()), store.toString());
        assertEquals(1, new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve(".current/_store/terms_cells.json").toFile())
                .path("batches").size(), "only the first day's group has cells");
        Thread.sleep(1100);

        // Day 4's six articles: the batches of day 3 (1 row, at most twice 6) and of the first run (12 rows, at most
        // twice the 7 gathered) join this run's (ArticleStore.toMerge): one batch, one group of cells, counted again.
        day(in.resolve("day4.jsonl"), 4);
        r = TestRuns.run(terms);
        assertEquals(0, r.exitCode(), r.stderr());
        store = TestRuns.manifest(out).path("counts").path("terms").path("store");
        assertEquals(List.of(6, 13, 2, 0, 1), List.of(store.path("articles_worked_on").asInt(), store.path("articles_reused").asInt(),
                store.path("batches_merged").asInt(), store.path("terms_cells_reused").asInt(), store.path("terms_cells_summed").asInt()),
                store.toString());
        assertEquals("[\"" + TestRuns.manifest(out).path("run_id").asText() + "\"]", new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(out.resolve(".current/_store/terms.json").toFile()).path("batches").toString());
        Path full = dir.resolve("full");
        assertEquals(0, TestRuns.run("terms", "--config", config.toString(), "--output", full.toString()).exitCode());
        assertEquals(11, TestRuns.assertSameReports(out, full), "ingest (2), duplicates, boilerplate and the seven term reports");
    }
}
