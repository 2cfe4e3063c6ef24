package io.newslens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newslens.SparkTestSession;
import io.newslens.TestRuns;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole real corpora from ../shared/corpora ingest with counts that reconcile exactly. Expected figures
 * were counted independently (a Python pass over the same files: records, and records with neither
 * title nor text). Skipped, with a message, where ../shared is absent (a user's clone).
 */
class SharedCorporaIngestTest {
    @TempDir
    Path dir;

    private static Path shared() {
        Path shared = SparkTestSession.shared();
        assumeTrue(shared != null, "../shared/corpora not found next to the repo: skipping the whole-corpus ingest checks");
        return shared;
    }

    @Test
    void reuters21578Reconciles() throws Exception {
        Path in = shared().resolve("corpora/reuters21578/articles.jsonl.gz");
        Path out = dir.resolve("reuters");
        TestRuns.Result r = TestRuns.run("ingest", "--input", in.toString(), "--output", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode c = TestRuns.manifest(out).path("counts").path("ingest");
        assertEquals(21_578, c.path("records_read").asLong());
        assertEquals(21_578 - 737, c.path("accepted").asLong());
        assertEquals(737, c.path("quarantined").asLong());
        assertEquals(737, c.path("quarantined_by_reason").path("empty_article").asLong());
        // reuters21578-17192 carries "1987-03-31T605:12:19Z" upstream: kept, date counted as unparseable.
        assertEquals(21_578 - 737 - 1, c.path("dates").path("parsed").asLong());
        assertEquals(1, c.path("dates").path("unparseable").asLong());
        Dataset<Row> articles = SparkTestSession.get().read().parquet(out.resolve("articles").toString());
        assertEquals(21_578 - 737, articles.count());
        // Gold tags survive in `extra` for the accuracy checks of later stages.
        assertEquals("[\"el-salvador\",\"usa\",\"uruguay\"]", articles.filter("article_id = 'reuters21578-1'")
                .selectExpr("extra['gold_places']").first().getString(0));
    }

    @Test
    void fakeNewsNetRawNewspaper3kFilesReconcile() throws Exception {
        Path in = shared().resolve("corpora/fakenewsnet_v1/Data/*/*Content/*.json");
        Path out = dir.resolve("fnn");
        TestRuns.Result r = TestRuns.run("ingest", "--input", in.toString(), "--preset", "newspaper3k",
                "--output", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode m = TestRuns.manifest(out);
        JsonNode c = m.path("counts").path("ingest");
        assertEquals(422, m.path("input_files").path("count").asLong());
        assertEquals(422, c.path("records_read").asLong());
        assertEquals(422, c.path("accepted").asLong());
        assertEquals(0, c.path("quarantined").asLong());
        // 297 files carry {"$date": millis}, 125 have no date at all (null or no key).
        assertEquals(297, c.path("dates").path("parsed").asLong());
        assertEquals(125, c.path("dates").path("missing").asLong());
    }
}
