package io.newslens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newslens.SparkTestSession;
import io.newslens.config.IngestOptions;
import io.newslens.config.InputSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Each ingest step on a tiny in-memory frame: RecordReaders.jsonLines, ArticleMapper.map, Duplicates.mark. */
class IngestStepsTest {
    private final SparkSession spark = SparkTestSession.get();

    @Test
    void jsonLinesKeepEveryNonBlankLineAsARecordWithItsVerdict() {
        StructType schema = new StructType().add(RecordReaders.INPUT_FILE, DataTypes.StringType).add("value", DataTypes.BinaryType);
        Dataset<Row> lines = spark.createDataFrame(List.of(
                RowFactory.create("f.jsonl", "{\"a\":\"1\",\"n\":{\"x\":2}}".getBytes(StandardCharsets.UTF_8)),
                RowFactory.create("f.jsonl", "   ".getBytes(StandardCharsets.UTF_8)),
                RowFactory.create("f.jsonl", "{\"a\": \"trunc".getBytes(StandardCharsets.UTF_8)),
                RowFactory.create("f.jsonl", "[1]".getBytes(StandardCharsets.UTF_8))), schema);
        List<String> got = new ArrayList<>();
        for (Row r : RecordReaders.jsonLines(lines, IngestOptions.defaults()).collectAsList()) {
            got.add(r.getString(1) + " -> " + (r.isNullAt(2) ? "null" : r.getJavaMap(2)) + " / " + r.getString(3) + " / " + r.getString(4));
        }
        got.sort(null);
        // The blank line is not a record; nested values stay as JSON text; a broken line keeps its text and a reason.
        assertEquals(List.of(
                "[1] -> null / malformed_json / the line is not a JSON object",
                "{\"a\": \"trunc -> null / malformed_json / the line is not a JSON object (broken or truncated JSON)",
                "{\"a\":\"1\",\"n\":{\"x\":2}} -> {a=1, n={\"x\":2}} / null / null"), got);
    }

    /** A map in the given key order (a record's fields keep their order; Map.of's is random per JVM). */
    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void mapperAppliesTheMappingDateFormatAndVerdicts() throws Exception {
        Dataset<Row> raw = spark.createDataFrame(List.of(
                RowFactory.create("f.jsonl", "r1", Map.of("headline", "H", "body", "B", "pubDate", "21/09/2016",
                        "site", "https://www.example.com/x", "desk", "world"), null, null, false),
                RowFactory.create("f.jsonl", "r2", null, "malformed_json", "the line is not a JSON object", false),
                RowFactory.create("f.jsonl", "r3", ordered("headline", " ", "desk", "x"), null, null, false)),
                RecordReaders.schema());
        InputSpec spec = new InputSpec("f.jsonl", null, null, Map.of("title", "headline", "text", "body", "published", "pubDate",
                "source", "site"), null, "Europe/Berlin", null, List.of("dd/MM/yyyy"), null, null, null);
        List<Row> rows = ArticleMapper.map(raw, spec, "UTC").orderBy(RecordReaders.RAW).collectAsList();
        Row r1 = rows.get(0);
        // No id, no url: the id is "c" and the first 20 hex digits of SHA-256("H\nB").
        assertEquals("c" + sha256("H\nB").substring(0, 20), r1.getAs("article_id"));
        assertEquals("H", r1.getAs("title"));
        assertEquals("B", r1.getAs("text"));
        // 21/09/2016 read by the input's pattern in the input's zone: midnight in Berlin is 22:00 UTC the day before.
        assertEquals(Timestamp.from(Instant.parse("2016-09-20T22:00:00Z")), r1.getAs("published_at"));
        assertEquals("2016-09-20", r1.getAs("published_date").toString());
        assertEquals("example.com", r1.getAs("source"));
        assertEquals(Map.of("desk", "world"), r1.getJavaMap(r1.fieldIndex("extra")));
        assertEquals(null, r1.<String>getAs("reason"));
        assertEquals("malformed_json", rows.get(1).getAs("reason"));
        assertEquals("empty_article", rows.get(2).getAs("reason"));
        assertEquals("no text and no title (fields present: headline, desk)", rows.get(2).getAs("detail"));
    }

    @Test
    void duplicatesPointToTheEarliestOriginal() {
        StructType schema = new StructType().add("article_id", DataTypes.StringType).add("title", DataTypes.StringType)
                .add("text", DataTypes.StringType).add("published_at", DataTypes.TimestampType)
                .add("published_raw", DataTypes.StringType).add("url", DataTypes.StringType)
                .add("input_file", DataTypes.StringType);
        Dataset<Row> articles = spark.createDataFrame(List.of(
                RowFactory.create("x", "T", "Body one", ts("2020-01-02"), null, null, "f"),
                RowFactory.create("x", "T2", "Body two", ts("2020-01-01"), null, null, "f"),
                RowFactory.create("y", "t", "body   ONE", ts("2020-01-03"), null, null, "f"),
                RowFactory.create("z", "T2", "body two", ts("2020-01-04"), null, null, "f"),
                RowFactory.create("h1", "Headline", "", ts("2020-01-05"), null, null, "f"),
                RowFactory.create("h2", "Headline", "", ts("2020-01-06"), null, null, "f")), schema);
        List<String> got = new ArrayList<>();
        for (Row r : Duplicates.mark(articles).collectAsList()) {
            got.add(r.getAs("article_id") + " " + r.getAs("duplicate_of") + " " + r.getAs("duplicate_reason"));
        }
        got.sort(null);
        // id x: the 1 January record is the original, the other becomes x#2. y's content equals x#2's, which is
        // already a duplicate, so y stays an original; z's content equals x's. Title-only records are not copies.
        assertEquals(List.of("h1 null null", "h2 null null", "x null null", "x#2 x same_id", "y null null",
                "z x same_content"), got);

        // As the ingest job does it: marks found on the narrow projection, broadcast back. A record read twice
        // (the same row twice) stays two rows, the second copy a same_id duplicate like the first.
        Dataset<Row> keyed = Duplicates.keyed(articles.union(articles.limit(1)));
        List<String> broadcast = new ArrayList<>();
        for (Row r : Duplicates.apply(keyed, Duplicates.marks(keyed), true).collectAsList()) {
            broadcast.add(r.getAs("article_id") + " " + r.getAs("duplicate_of") + " " + r.getAs("duplicate_reason"));
        }
        broadcast.sort(null);
        assertEquals(List.of("h1 null null", "h2 null null", "x null null", "x#2 x same_id", "x#3 x same_id",
                "y null null", "z x same_content"), broadcast);
    }

    private static Timestamp ts(String day) {
        return Timestamp.from(Instant.parse(day + "T12:00:00Z"));
    }
}
