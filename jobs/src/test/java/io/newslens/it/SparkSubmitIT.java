package io.newslens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shaded jar runs the sample through SparkSubmit with --master local[2], as spark-submit would; then every
 * notebook is executed against those reports (one failing cell fails the build).
 */
class SparkSubmitIT {

    @Test
    void shadedJarRunsTheSampleThroughSparkSubmit() throws Exception {
        SampleRun.Result run = SampleRun.local();
        Path out = run.output();
        Path log = run.log();
        JsonNode m = new ObjectMapper().readTree(out.resolve("_manifest.json").toFile());
        assertEquals("succeeded", m.path("status").asText());
        assertEquals(380, m.path("counts").path("ingest").path("records_read").asLong());
        assertEquals(m.path("counts").path("ingest").path("accepted").asLong(),
                m.path("reports").path("articles").path("rows").asLong());
        assertTrue(Files.isDirectory(out.resolve("articles")));
        assertTrue(Files.readString(log).contains("succeeded; reports in"), SparkSubmitProcess.tail(log));
        // The console holds newslens's lines; Spark's own log lines (start-up warnings and the like) are in its log file.
        java.util.List<String> sparkLines = Files.readAllLines(log).stream()
                .filter(l -> l.matches("^\\d\\d:\\d\\d:\\d\\d (WARN|INFO|ERROR) .*") || l.startsWith("\tat ")).toList();
        assertEquals(java.util.List.of(), sparkLines, "no Spark log lines on the console");
        assertTrue(Files.exists(SparkSubmitProcess.sparkLog(log)), "Spark's log file written");
        // The sample's English and Chinese articles get a topic model each, and no label word is on the stop list.
        java.util.TreeSet<String> models = new java.util.TreeSet<>();
        m.path("counts").path("topics").path("models").fieldNames().forEachRemaining(models::add);
        assertEquals(java.util.List.of("en", "zh"), java.util.List.copyOf(models));
        org.apache.spark.sql.SparkSession spark = io.newslens.SparkTestSession.get();
        for (org.apache.spark.sql.Row t : spark.read().parquet(out.resolve("topic_summary").toString()).collectAsList()) {
            String language = t.getString(t.fieldIndex("language"));
            String label = t.getString(t.fieldIndex("label"));
            for (String word : label.split(" / | ")) {
                assertTrue(!io.newslens.topics.TopicStopWords.of(language).contains(word), "stop word '" + word + "' in " + label);
            }
        }

        String why = NotebookRunner.unavailable();
        org.junit.jupiter.api.Assumptions.assumeTrue(why == null, "notebooks skipped: " + why);
        Path repo = Path.of(System.getProperty("newslens.repo", "."));
        NotebookRunner.Running notebooks = NotebookRunner.start(repo, out, repo.resolve("jobs/target/notebooks"), "");
        assertEquals(4, notebooks.await().size(), "notebooks 00 to 03");
        for (String png : java.util.List.of("terms_trend", "topics_heatmap_time", "actors_network")) {
            assertTrue(Files.size(repo.resolve("jobs/target/notebooks/figures/" + png + ".png")) > 10_000, png + ".png drawn");
        }
    }
}
