package io.newslens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newslens.SparkTestSession;
import io.newslens.cli.ReportCatalog;
import io.newslens.report.ReportSpec;
import io.newslens.report.Reports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.newslens.text.Analyzers;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract with BI users, checked on the shaded jar's run of {@code all} over data/sample ({@link SampleRun}, shared
 * with the other integration tests): every report written matches its declaration, DuckDB reads every report with
 * the documented column types, and docs/reports.md documents exactly what the code declares.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportContractIT {
    Path output;
    JsonNode manifest;

    @BeforeAll
    void runTheSample() throws Exception {
        output = SampleRun.local().output();
        manifest = new com.fasterxml.jackson.databind.ObjectMapper().readTree(output.resolve("_manifest.json").toFile());
    }

    @Test
    void sampleRunReconcilesAndCoversSeveralOutletsAndMonths() {
        JsonNode c = manifest.path("counts").path("ingest");
        assertEquals(380, c.path("records_read").asLong(), "data/sample holds 380 records (data/README.md)");
        // Reconciled on the written reports themselves, not on the manifest's own arithmetic.
        Dataset<Row> articles = SparkTestSession.get().read().parquet(output.resolve("articles").toString());
        long quarantined = SparkTestSession.get().read().parquet(output.resolve("quarantine").toString()).count();
        assertEquals(380, articles.count() + quarantined, "every record is an article or quarantined");
        assertEquals(c.path("accepted").asLong(), articles.count());
        assertEquals(c.path("quarantined").asLong(), quarantined);
        assertTrue(articles.select("source").distinct().count() >= 9);
        assertTrue(articles.selectExpr("date_format(published_date, 'yyyy-MM')").distinct().count() >= 6);
        assertEquals(articles.count(), articles.select("article_id").distinct().count(), "article_id is a key");
        // Sogou records declare their language (kept, no confidence); all others are detected.
        assertEquals(30, articles.filter("language = 'zh' AND language_confidence IS NULL").count());
        assertEquals(articles.count() - 30, articles.filter("language_confidence > 0").count());
        // Reuters is English; a few earnings tables and one-line briefs are not prose enough to tell.
        long reutersEnglish = articles.filter("source = 'Reuters' AND language = 'en'").count();
        assertTrue(reutersEnglish >= 190, "Reuters articles detected as English: " + reutersEnglish + " of 200");
    }

    @Test
    void englishStopWordsNeverAppearInTermReports() {
        List<String> words = SparkTestSession.get().read().parquet(output.resolve("term_frequencies").toString())
                .selectExpr("explode(split(term, ' ')) AS w").distinct().as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();
        assertTrue(words.size() > 1000, "a real vocabulary: " + words.size());
        List<String> stop = words.stream().filter(w -> Analyzers.ENGLISH_STOP_WORDS.contains(w)).toList();
        assertEquals(List.of(), stop);
        assertTrue(words.contains("clinton") && words.contains("reuter"), "content words are there");
        assertTrue(words.contains("枪支"), "Chinese words are there");
        assertTrue(!words.contains("的") && !words.contains("了"), "Chinese function words are not");
    }

    @Test
    void nearDuplicatesAreLeftOutOfTheAnalysis() {
        JsonNode corpus = manifest.path("counts").path("corpus");
        assertEquals(378, corpus.path("articles").asLong());
        assertEquals(2, corpus.path("exact_duplicates").asLong());
        assertEquals(2, corpus.path("near_duplicates").asLong(), "reuters21578-16 and -240 are re-filed stories");
        assertEquals(374, corpus.path("analysed").asLong());
        assertEquals(374, manifest.path("counts").path("terms").path("articles_with_tokens").asLong());
    }

    @Test
    void everyCatalogReportIsWrittenWithItsDeclaredSchema() {
        for (ReportSpec spec : ReportCatalog.ALL) {
            assertTrue(manifest.path("reports").has(spec.name()), spec.name() + " in the manifest");
            Dataset<Row> written = SparkTestSession.get().read().parquet(output.resolve(spec.name()).toString());
            assertEquals(java.util.List.of(), spec.mismatches(written.schema()), spec.name());
            assertEquals(manifest.path("reports").path(spec.name()).path("rows").asLong(), written.count());
        }
    }

    @Test
    void duckdbReadsEveryReportWithTheDocumentedTypes() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            for (ReportSpec spec : ReportCatalog.ALL) {
                String glob = output.resolve(spec.name()).toString() + "/**/*.parquet";
                Map<String, String> got = new LinkedHashMap<>();
                try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + glob
                        + "', hive_partitioning = true)")) {
                    while (rs.next()) {
                        got.put(rs.getString("column_name"), rs.getString("column_type"));
                    }
                }
                Map<String, String> expected = new LinkedHashMap<>();
                for (ReportSpec.Column c : spec.columns()) {
                    expected.put(c.name(), Reports.duckdbType(c.type()));
                }
                assertEquals(expected, got, spec.name());
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + glob + "', hive_partitioning = true)")) {
                    rs.next();
                    assertEquals(manifest.path("reports").path(spec.name()).path("rows").asLong(), rs.getLong(1), spec.name());
                }
            }
            // Timestamps keep their zone: the instant DuckDB sees is the one Spark wrote.
            try (ResultSet rs = st.executeQuery("SELECT epoch(published_at)::BIGINT FROM read_parquet('"
                    + output.resolve("articles") + "/*.parquet') WHERE article_id = 'reuters21578-1'")) {
                assertTrue(rs.next());
                assertEquals(java.time.Instant.parse("1987-02-26T15:01:01Z").getEpochSecond(), rs.getLong(1));
            }
        }
    }

    @Test
    void docsDescribeExactlyTheDeclaredReports() throws Exception {
        String docs = Files.readString(SparkTestSession.repo().resolve("docs/reports.md"));
        // The reference part (from the first report's section to the end) equals the declarations: a report, column
        // or sentence in the docs that the code does not declare fails here as well as one missing.
        String reference = docs.substring(docs.indexOf("\n## `" + ReportCatalog.ALL.get(0).name() + "`") + 1);
        assertEquals(ReportCatalog.markdown().strip(), reference.strip(), "docs/reports.md is out of date;"
                + " regenerate the reference part with: java -cp ... io.newslens.cli.ReportCatalog");
    }
}
