package io.newslens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newslens.SparkTestSession;
import io.newslens.TestRuns;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet, gzip-compressed CSV, text and JSON arrays, the news-please preset and an explicit mapping. */
class IngestFormatsTest {
    @TempDir
    Path dir;

    private static void gzip(Path file, String content) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyFormatAndPresetMapsToTheSameArticle() throws IOException {
        SparkSession spark = SparkTestSession.get();
        Path lake = dir.resolve("lake");
        // Parquet from a lake: a real timestamp column, a nested struct and an array.
        spark.sql("SELECT 'p1' AS id, 'Parquet title' AS headline, 'Parquet body.' AS body, "
                        + "TIMESTAMP'2021-03-04 05:06:07' AS pub_ts, named_struct('section', 'world', 'page', 3) AS meta, "
                        + "array('Ann', 'Bo') AS authors")
                .write().parquet(lake.toString());
        Path np = Files.createDirectories(dir.resolve("newsplease"));
        gzip(np.resolve("np.json.gz"), "[{\"title\": \"NP title\", \"maintext\": \"NP body.\", \"date_publish\": "
                + "\"2021-03-04 06:06:07\", \"source_domain\": \"www.example.com\", \"url\": \"https://www.example.com/a\", "
                + "\"authors\": [\"Cy\"], \"language\": \"en\", \"date_download\": \"2021-03-05 00:00:00\"}]");
        Path csv = Files.createDirectories(dir.resolve("csv"));
        gzip(csv.resolve("export.csv.gz"), "guid;Headline;Body;Date\ng1;\"CSV; title\";\"CSV\nbody\";2021-03-04\n");
        Path txt = Files.createDirectories(dir.resolve("txt"));
        gzip(txt.resolve("t1.txt.gz"), "Text title\nThe body of a plain text file.\n");
        Path config = Files.writeString(dir.resolve("c.yaml"), """
                inputs:
                  - path: %s
                    mapping: {title: headline, text: body, published: pub_ts}
                  - path: %s
                    preset: news-please
                  - path: %s
                    csv_delimiter: ";"
                    timezone: Europe/Berlin
                  - path: %s
                    source: Plain Texts
                output: %s
                """.formatted(lake, np, csv, txt, dir.resolve("out")));
        TestRuns.Result r = TestRuns.run("ingest", "--config", config.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode counts = TestRuns.manifest(dir.resolve("out")).path("counts").path("ingest");
        assertEquals(4, counts.path("records_read").asLong());
        assertEquals(4, counts.path("accepted").asLong());

        Map<String, Row> a = new HashMap<>();
        for (Row row : spark.read().parquet(dir.resolve("out/articles").toString()).collectAsList()) {
            a.put(row.getAs("title"), row);
        }
        Row p = a.get("Parquet title");
        assertEquals("p1", p.getAs("article_id"));
        assertEquals("Parquet body.", p.getAs("text"));
        assertEquals(Timestamp.from(Instant.parse("2021-03-04T05:06:07Z")), p.getAs("published_at"));
        assertEquals(List.of("Ann", "Bo"), p.getList(p.fieldIndex("authors")));
        assertEquals("{\"section\":\"world\",\"page\":3}", p.getJavaMap(p.fieldIndex("extra")).get("meta"));

        Row n = a.get("NP title");
        assertEquals("NP body.", n.getAs("text"));
        assertEquals("example.com", n.getAs("source"), "source_domain www.example.com: a host becomes its outlet's domain");
        assertEquals(Timestamp.from(Instant.parse("2021-03-04T06:06:07Z")), n.getAs("published_at"));
        assertEquals("en", n.getAs("language"));
        assertTrue(n.<String>getAs("article_id").startsWith("u"), "id from the URL's hash");
        assertEquals("2021-03-05 00:00:00", n.getJavaMap(n.fieldIndex("extra")).get("date_download"));

        Row c = a.get("CSV; title");
        assertEquals("g1", c.getAs("article_id"));
        assertEquals("CSV\nbody", c.getAs("text"));
        assertEquals(Timestamp.from(Instant.parse("2021-03-03T23:00:00Z")), c.getAs("published_at"), "midnight in Berlin");

        Row t = a.get("Text title");
        assertEquals("The body of a plain text file.\n", t.getAs("text"));
        assertEquals("Plain Texts", t.getAs("source"));
        assertEquals("en", t.getAs("language"), "detected");
        assertTrue(t.<Double>getAs("language_confidence") > 0.5);
        assertEquals(null, (Object) n.getAs("language_confidence"), "given, not detected");
    }
}
