package io.newslens.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newslens.SparkTestSession;
import io.newslens.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The topics command on the 200 Reuters articles of data/sample: model selection, saved model, scoring. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopicsRunTest {
    static final String INPUT = "data/sample/reuters-1987.jsonl.gz";
    Path fitted;
    JsonNode manifest;
    SparkSession spark = SparkTestSession.get();

    @BeforeAll
    void fit(@TempDir Path dir) throws Exception {
        fitted = dir.resolve("fitted");
        TestRuns.Result r = TestRuns.run("topics", "--input", INPUT, "--output", fitted.toString(), "--k", "4,6");
        assertEquals(0, r.exitCode(), r.stderr());
        manifest = TestRuns.manifest(fitted);
    }

    private Dataset<Row> report(Path out, String name) {
        return spark.read().parquet(out.resolve(name).toString());
    }

    @Test
    void severalKAreComparedAndTheMostCoherentIsReported() {
        List<Row> selection = report(fitted, "topic_model_selection").orderBy("k").collectAsList();
        assertEquals(2, selection.size());
        assertTrue(selection.stream().allMatch(r -> r.getString(0).equals("en") && r.getLong(1) > 150), "one English model: " + selection);
        Row chosen = selection.stream().filter(r -> r.getBoolean(r.fieldIndex("chosen"))).findFirst().orElseThrow();
        java.util.Set<Long> heldOutTokens = new java.util.HashSet<>();
        for (Row r : selection) {
            assertTrue(r.getDouble(r.fieldIndex("coherence_npmi")) <= chosen.getDouble(chosen.fieldIndex("coherence_npmi")));
            // MLlib: log perplexity = -log likelihood / held-out tokens. Both k are scored on the same held-out
            // articles, so the ratio is the same whole number of tokens for each: the figures belong together.
            double tokens = -r.getDouble(r.fieldIndex("log_likelihood")) / r.getDouble(r.fieldIndex("log_perplexity"));
            assertEquals(Math.round(tokens), tokens, 1e-6 * tokens, "a whole number of held-out tokens: " + tokens);
            assertTrue(tokens > 100, "held-out tokens: " + tokens);
            heldOutTokens.add(Math.round(tokens));
        }
        assertEquals(1, heldOutTokens.size(), "the same held-out articles for every k: " + heldOutTokens);
        int k = chosen.getInt(chosen.fieldIndex("k"));
        assertEquals(k, manifest.path("counts").path("topics").path("models").path("en").path("k").asInt());
        assertEquals(k, report(fitted, "topic_summary").count());
        assertEquals(k * 20L, report(fitted, "topics").count(), "top_terms = 20 per topic");
        // Prevalence is the mean weight: it sums to 1 over the topics, and each article has one dominant topic.
        Row sums = report(fitted, "topic_summary").selectExpr("sum(prevalence)", "sum(articles_dominant)").first();
        assertEquals(1.0, sums.getDouble(0), 1e-9);
        long articles = report(fitted, "article_topics").select("article_id").distinct().count();
        assertEquals(articles, sums.getLong(1));
        assertEquals(articles, report(fitted, "article_topics").filter("dominant").count());
        assertEquals(articles, manifest.path("counts").path("topics").path("models").path("en").path("articles_modelled").asLong(),
                "every modelled article has a vocabulary word here");
        assertTrue(Files.isRegularFile(fitted.resolve("topic_model/model.json")));
        assertTrue(Files.isDirectory(fitted.resolve("topic_model/en/lda")));
        assertTrue(report(fitted, "topic_summary").collectAsList().stream().allMatch(r -> r.getString(0).matches("en-\\d")),
                "ids say their language, k < 10: one digit");
    }

    @Test
    void theSavedModelScoresTheTrainingArticlesAsTheFittedRunDid(@TempDir Path dir) {
        Path scored = dir.resolve("scored");
        TestRuns.Result r = TestRuns.run("topics", "--input", INPUT, "--output", scored.toString(),
                "--model", fitted.resolve("topic_model").toString());
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(Files.notExists(scored.resolve("topics")), "scoring fits nothing");
        Map<String, Double> expected = new HashMap<>();
        for (Row row : report(fitted, "article_topics").collectAsList()) {
            expected.put(row.getString(0) + "/" + row.getString(1), row.getDouble(2));
        }
        List<Row> actual = report(scored, "article_topics").collectAsList();
        assertEquals(expected.size(), actual.size());
        for (Row row : actual) {
            Double w = expected.get(row.getString(0) + "/" + row.getString(1));
            assertEquals(w, row.getDouble(2), 1e-6, "weight of " + row.getString(0) + " topic " + row.getString(1));
        }
    }

    /**
     * The sample's English and Chinese articles get a model each (not one model whose topics tell the languages
     * apart), ids that say their language, labels free of stop words, words per period and stability.
     */
    @Test
    void englishAndChineseArticlesGetAModelEachWithStableCheckedLabels(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("mixed.yaml");
        Files.writeString(config, "inputs:\n  - path: " + SparkTestSession.repo().resolve(INPUT) + "\n  - path: "
                + SparkTestSession.repo().resolve("data/sample/sogou-zh-2012.jsonl") + "\n    timezone: Asia/Shanghai\n"
                + "topics:\n  k: [5]\n  min_articles_per_language: 20\n  stability_seeds: 2\n  max_fit_articles: 100\n");
        Path out = dir.resolve("mixed");
        TestRuns.Result r = TestRuns.run("topics", "--config", config.toString(), "--output", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        List<Row> selection = report(out, "topic_model_selection").orderBy("language").collectAsList();
        assertEquals(List.of("en", "zh"), selection.stream().map(x -> x.getString(0)).toList());
        long english = manifest.path("counts").path("topics").path("models").path("en").path("articles_modelled").asLong();
        assertEquals(List.of(english, 30L), selection.stream().map(x -> x.getLong(1)).toList(),
                "each model sees its language's articles: the English ones as in the English-only run, the 30 Chinese ones");
        List<Row> summary = report(out, "topic_summary").orderBy("topic_id").collectAsList();
        assertEquals(10, summary.size());
        for (Row t : summary) {
            String id = t.getString(0);
            String label = t.getString(2);
            boolean chinese = id.startsWith("zh-");
            assertTrue(id.matches("(en|zh)-\\d") && t.getString(1).equals(id.substring(0, 2)), id);
            assertEquals(chinese, label.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN),
                    "a Chinese topic is Chinese, an English one English: " + id + " " + label);
            for (String word : label.split(" / | ")) {
                assertTrue(!TopicStopWords.of(chinese ? "zh" : "en").contains(word), "stop word " + word + " in " + label);
            }
            assertEquals(0.0, t.getDouble(t.fieldIndex("stability")) * 2 % 1.0, 1e-9, "a share of 2 refits: 0, 0.5 or 1");
        }
        assertEquals(20, report(out, "topic_stability").count(), "10 topics x 2 refits");
        Dataset<Row> byPeriod = report(out, "topic_terms_by_period");
        assertTrue(byPeriod.filter("topic_id like 'zh-%' and period_start >= '2012-05-01'").count() > 0);
        assertTrue(byPeriod.filter("topic_id like 'en-%' and period_start < '1988-01-01'").count() > 0);
        assertTrue(Files.isDirectory(out.resolve("topic_model/zh/lda")) && Files.isDirectory(out.resolve("topic_model/en/lda")));
        // max_fit_articles 100: the English model is fitted on a sample of about 100, every English article is scored
        JsonNode models = TestRuns.manifest(out).path("counts").path("topics").path("models");
        long fitted = models.path("en").path("articles_fitted").asLong();
        assertTrue(fitted > 60 && fitted < 140, "a seeded sample of about 100 of " + english + ": " + fitted);
        assertEquals(30, models.path("zh").path("articles_fitted").asLong(), "30 Chinese articles: all fitted");
        assertEquals(english, report(out, "article_topics").filter("topic_id like 'en-%'").select("article_id").distinct().count());
    }

    @Test
    void aFolderThatIsNoModelIsRefusedByName(@TempDir Path dir) {
        TestRuns.Result r = TestRuns.run("topics", "--input", INPUT, "--output", dir.resolve("o").toString(),
                "--model", dir.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("--model") && r.stderr().contains("not a saved newslens topic model"), r.stderr());
    }

    @Test
    void aCorpusTooSmallToModelFailsTopicsButAllLeavesTopicsOut(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("tiny.jsonl");
        Files.writeString(input, "{\"id\": \"a\", \"title\": \"One\", \"text\": \"China and Japan talked about trade.\"}\n"
                + "{\"id\": \"b\", \"title\": \"Two\", \"text\": \"Markets rose in Tokyo.\"}\n");
        TestRuns.Result topics = TestRuns.run("topics", "--input", input.toString(), "--output", dir.resolve("t").toString());
        assertEquals(1, topics.exitCode());
        assertTrue(topics.stderr().contains("topics: no language has topics.min_articles_per_language = 50 articles with words {"),
                topics.stderr());
        Path out = dir.resolve("all");
        TestRuns.Result all = TestRuns.run("all", "--input", input.toString(), "--output", out.toString());
        assertEquals(0, all.exitCode(), all.stderr());
        assertTrue(Files.notExists(out.resolve("topics")) && Files.isDirectory(out.resolve("actor_mentions")));
        assertTrue(TestRuns.manifest(out).path("counts").path("topics").path("skipped").asText().startsWith("no language has"));
        // No dated article: term_frequencies is the undated bucket alone (period_start null, partition `undated`);
        // trending_terms is empty, but still a readable file with every column; a warning says why.
        Dataset<Row> tf = spark.read().parquet(out.resolve("term_frequencies").toString());
        assertEquals(tf.count(), tf.filter("period_start IS NULL AND period = 'undated'").count());
        assertTrue(tf.count() > 0);
        Dataset<Row> trending = spark.read().parquet(out.resolve("trending_terms").toString());
        assertEquals(0, trending.count());
        assertTrue(java.util.Arrays.asList(trending.columns()).contains("period_start"));
        assertTrue(TestRuns.manifest(out).path("warnings").toString()
                .contains("no analysed article has a date: empty reports: trending_terms"), all.stderr());
    }
}
