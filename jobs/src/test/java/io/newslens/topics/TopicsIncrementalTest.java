package io.newslens.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.SparkTestSession;
import io.newslens.TestRuns;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A --since run keeps the published topic model: the new articles are scored with it and the old articles'
 * article_topics rows stay as they were, unless the new articles' vocabulary has drifted from the model's
 * (topics.refit_drift) or --refit asks for a new fit. Reuters articles of February-June 1987 are the first
 * run, those of October 1987 the increment.
 */
class TopicsIncrementalTest {
    @TempDir
    Path dir;

    private final SparkSession spark = SparkTestSession.get();

    private static JsonNode incremental(Path out) throws Exception {
        return TestRuns.manifest(out).path("counts").path("topics").path("incremental");
    }

    private Dataset<Row> report(Path out, String name) {
        return spark.read().parquet(out.resolve(name).toString());
    }

    @Test
    void newArticlesAreScoredWithThePublishedModelUntilTheirVocabularyDrifts() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        List<String> before = new ArrayList<>();
        List<String> october = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(
                Files.newInputStream(Path.of(TopicsRunTest.INPUT))), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                (json.readTree(line).get("published").asText().startsWith("1987-10") ? october : before).add(line);
            }
        }
        assertEquals(List.of(160, 40), List.of(before.size(), october.size()));
        Files.write(in.resolve("1987-early.jsonl"), before);
        Path config = Files.writeString(dir.resolve("c.yaml"), """
                inputs:
                  - path: %s
                topics: {k: [4], iterations: 30, starts: 1, refit_drift: 1.0}
                """.formatted(in));
        Path out = dir.resolve("out");
        String[] topics = {"topics", "--config", config.toString(), "--output", out.toString()};
        assertEquals(0, TestRuns.run(topics).exitCode());
        double fitShare = TestRuns.manifest(out).path("counts").path("topics").path("models").path("en").path("out_of_vocabulary").asDouble();
        assertTrue(fitShare > 0 && fitShare < 1, "the fit's out-of-vocabulary share: " + fitShare);
        List<Row> oldRows = report(out, "article_topics").orderBy("article_id", "rank").collectAsList();
        List<Row> oldTopics = report(out, "topics").orderBy("topic_id", "rank").collectAsList();

        // October added; a threshold no drift can pass: scored with the published model.
        Files.write(in.resolve("1987-10.jsonl"), october);
        String[] since = {"topics", "--config", config.toString(), "--output", out.toString(), "--since", "1987-10-01"};
        TestRuns.Result scored = TestRuns.run(since);
        assertEquals(0, scored.exitCode(), scored.stderr());
        JsonNode inc = incremental(out);
        assertEquals("scored", inc.path("mode").asText(), inc.toString());
        JsonNode drift = inc.path("drift").path("en");
        assertEquals(fitShare, drift.path("out_of_vocabulary_at_fit").asDouble(), 1e-12);
        assertEquals(drift.path("out_of_vocabulary_new").asDouble() - fitShare, drift.path("drift").asDouble(), 1e-12);
        Dataset<Row> now = report(out, "article_topics");
        java.util.Set<String> oldIds = new java.util.HashSet<>();
        oldRows.forEach(r -> oldIds.add(r.getString(r.fieldIndex("article_id"))));
        List<Row> keptRows = new ArrayList<>();
        for (Row r : now.orderBy("article_id", "rank").collectAsList()) {
            if (oldIds.contains(r.getString(r.fieldIndex("article_id")))) {
                keptRows.add(r);
            }
        }
        assertEquals(oldRows, keptRows, "the old articles' article_topics rows are unchanged");
        java.util.Set<String> newIds = new java.util.HashSet<>(now.select("article_id").distinct().as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList());
        long scoredArticles = newIds.size();
        newIds.removeAll(oldIds);
        java.util.Set<String> octoberIds = new java.util.HashSet<>();
        for (String line : october) {
            octoberIds.add(json.readTree(line).get("id").asText());
        }
        assertTrue(octoberIds.containsAll(newIds) && newIds.size() >= 35, "October's articles scored too: " + newIds.size());
        assertEquals(oldTopics, report(out, "topics").orderBy("topic_id", "rank").collectAsList(), "the model's topics are kept");
        assertEquals(scoredArticles, report(out, "topic_prevalence").groupBy("period", "source").agg(org.apache.spark.sql.functions.max("articles"))
                .agg(org.apache.spark.sql.functions.sum("max(articles)")).first().getLong(0), "prevalence over every article");

        // Articles whose words the model has never seen: drift past the default threshold, refitted.
        StringBuilder gibberish = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            StringBuilder text = new StringBuilder("It was not in the report, but they said that it is one of the things that we"
                    + " have to do with the news for all of them, and so it was. ");
            for (int w = 0; w < 40; w++) {
                text.append("zorbq").append((char) ('a' + (i * 7 + w) % 26)).append((char) ('a' + w % 26)).append(' ');
            }
            gibberish.append("{\"id\":\"g").append(i).append("\",\"title\":\"Zorb ").append(i).append("\",\"text\":\"").append(text)
                    .append("and it was in the news for all of us.\",\"published\":\"1987-11-0").append(1 + i % 9).append("\"}\n");
        }
        Files.writeString(in.resolve("1987-11.jsonl"), gibberish.toString());
        Path config2 = Files.writeString(dir.resolve("c2.yaml"), """
                inputs:
                  - path: %s
                topics: {k: [4], iterations: 30, starts: 1}
                """.formatted(in));
        TestRuns.Result drifted = TestRuns.run("topics", "--config", config2.toString(), "--output", out.toString(), "--since", "1987-11-01");
        assertEquals(0, drifted.exitCode(), drifted.stderr());
        inc = incremental(out);
        assertEquals("refit", inc.path("mode").asText(), inc.toString());
        assertTrue(inc.path("reason").asText().startsWith("vocabulary drift of model en: "), inc.toString());
        assertTrue(inc.path("drift").path("en").path("drift").asDouble() > 0.05, inc.toString());

        // --refit: a new fit whatever the drift.
        TestRuns.Result refit = TestRuns.run("topics", "--config", config.toString(), "--output", out.toString(), "--since", "1987-11-01",
                "--refit");
        assertEquals(0, refit.exitCode(), refit.stderr());
        assertEquals("--refit", incremental(out).path("reason").asText());
    }
}
