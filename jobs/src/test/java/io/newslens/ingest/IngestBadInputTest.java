package io.newslens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newslens.SparkTestSession;
import io.newslens.TestRuns;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every bad input the spine issue lists, mixed with good records in one folder of several formats. The
 * expected counts are worked out by hand in the comments next to each record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestBadInputTest {
    Path dir;
    Path input;
    Path output;
    TestRuns.Result result;
    Map<String, Row> articles;
    List<Row> quarantine;
    JsonNode manifest;

    static final String TEN_MB = "word ".repeat(2 * 1024 * 1024);

    @BeforeAll
    void ingestTheMess(@TempDir Path tmp) throws IOException {
        dir = tmp;
        input = dir.resolve("in");
        output = dir.resolve("out");
        Files.createDirectories(input.resolve("texts"));
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        String longText = "A long body with one stray Latin-1 byte here: caf".repeat(1) + "x".repeat(500);
        write(lines, "{\"id\":\"a1\",\"title\":\"Alpha\",\"text\":\"Alpha text.\",\"published\":\"2016-09-19T10:00:00Z\","
                + "\"source\":\"Example Times\",\"author\":\"Ann; Bob\",\"section\":\"world\",\"tags\":[\"x\",\"y\"]}\n"); // accepted
        write(lines, "{\"id\":\"a2\",\"title\":\"Beta\",\"text\":\"Beta text.\",\"published\":\"around teatime\","
                + "\"source\":\"http://www.example.org/news\"}\n"); // accepted, date unparseable, source = host
        write(lines, "{\"id\":\"a3\",\"title\":\"Gamma: a title and no text\"}\n"); // accepted (missing text), date missing
        write(lines, "{broken json, \"id\": \"a9\"\n"); // quarantined: malformed_json
        write(lines, "   \n"); // blank: not a record
        write(lines, "{\"id\":\"a4\",\"title\":\"\",\"text\":\"   \"}\n"); // quarantined: empty_article
        write(lines, "{\"id\":\"a1\",\"title\":\"Alpha again\",\"text\":\"Different text.\"}\n"); // accepted, a1#2 same_id
        write(lines, "{\"id\":\"a5\",\"title\":\"ALPHA\",\"text\":\"alpha   TEXT.\"}\n"); // accepted, same_content as a1
        lines.write(new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xfd});
        write(lines, "{\"id\":\"a6\",\"title\":\"\u00ff\"}\n"); // quarantined: invalid_utf8 (3 bad bytes in ~25 chars)
        write(lines, "{\"id\":\"a7\",\"title\":\"Repaired\",\"text\":\"" + longText.substring(0, 49));
        lines.write(0xe9); // one ISO-8859-1 byte in ~550 characters: repaired, not quarantined
        write(lines, longText.substring(49) + "\"}\n");
        write(lines, "{\"id\":\"a8\",\"title\":\"Dup key\",\"title\":\"Dup key wins\",\"text\":\"t\"}\n"); // accepted, last key wins
        write(lines, "[1, 2]\n"); // quarantined: malformed_json (not an object)
        Files.write(input.resolve("mixed.jsonl"), lines.toByteArray());
        // 11 records, 7 accepted (a1 a2 a3 a1#2 a5 a7 a8), 4 quarantined

        Files.write(input.resolve("empty.jsonl"), new byte[0]); // no records
        Files.writeString(input.resolve("big.jsonl"),
                "{\"id\":\"big\",\"title\":\"Ten megabytes\",\"text\":\"" + TEN_MB + "\",\"published\":\"1987-02-26\"}\n"); // 1 accepted
        Files.writeString(input.resolve("docs.json"), "[{\"id\":\"d1\",\"title\":\"Doc one\",\"text\":\"One.\","
                + "\"publish_date\":{\"$date\":1474272304000}},\n {\"id\":\"d2\",\"title\":\"Doc two\",\"text\":\"Two.\"}]"); // 2 accepted
        Files.writeString(input.resolve("broken.json"), "{\"id\": \"x\", \"title\": \"trunc"); // 1 quarantined
        Files.writeString(input.resolve("quoted.csv"), """
                id,title,text,date
                c1,"Quoted, title","Line one
                line two",2016-09-20
                c2,Plain,Plain text,"Tue, 20 Sep 2016 06:15:30 EDT"
                c3,Too,many,fields,here,really
                """); // 3 records: c1, c2 accepted; c3 malformed_csv
        Files.writeString(input.resolve("texts/one.txt"), "\n  First line is the title\n\nThe body.\nMore body.\n"); // 1 accepted
        Files.writeString(input.resolve("texts/.hidden.txt"), "not data"); // hidden: not read

        // stderr is not a terminal here: a progress line every second of a long stage (default 60 s).
        System.setProperty("newslens.progress.seconds", "1");
        try {
            result = TestRuns.run("ingest", "--input", input.toString(), "--output", output.toString(),
                    "--timezone", "UTC");
        } finally {
            System.clearProperty("newslens.progress.seconds");
        }
        SparkSession spark = SparkTestSession.get();
        articles = new HashMap<>();
        for (Row r : spark.read().parquet(output.resolve("articles").toString()).collectAsList()) {
            articles.put(r.getAs("article_id"), r);
        }
        quarantine = spark.read().parquet(output.resolve("quarantine").toString()).collectAsList();
        manifest = TestRuns.manifest(output);
    }

    private static void write(ByteArrayOutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void runSucceedsAndEveryRecordIsAccountedFor() {
        assertEquals(0, result.exitCode(), result.stderr());
        JsonNode counts = manifest.path("counts").path("ingest");
        assertEquals(19, counts.path("records_read").asLong());
        assertEquals(13, counts.path("accepted").asLong());
        assertEquals(6, counts.path("quarantined").asLong());
        assertEquals(13, articles.size());
        assertEquals(6, quarantine.size());
        assertEquals(13, manifest.path("reports").path("articles").path("rows").asLong());
        assertEquals(6, manifest.path("reports").path("quarantine").path("rows").asLong());
        assertEquals("succeeded", manifest.path("status").asText());
    }

    @Test
    void aLongStageReportsProgressWhenStderrIsNotATerminal() {
        double seconds = manifest.path("stages").get(0).path("seconds").asDouble();
        org.junit.jupiter.api.Assumptions.assumeTrue(seconds >= 2.5, "ingest took only " + seconds + " s here");
        assertTrue(result.stderr().contains("  ingest still running: "), result.stderr());
        assertTrue(result.stderr().matches("(?s).*ingest still running: \\d+ of \\d+ tasks of the current Spark step done.*"),
                result.stderr());
    }

    @Test
    void quarantineSaysWhy() {
        Map<String, Long> byReason = quarantine.stream()
                .collect(Collectors.groupingBy(r -> r.<String>getAs("reason"), Collectors.counting()));
        assertEquals(Map.of("malformed_json", 3L, "empty_article", 1L, "invalid_utf8", 1L, "malformed_csv", 1L), byReason);
        JsonNode reasons = manifest.path("counts").path("ingest").path("quarantined_by_reason");
        assertEquals(3, reasons.path("malformed_json").asLong());
        Row broken = quarantine.stream().filter(r -> r.<String>getAs("record").startsWith("{broken")).findFirst().orElseThrow();
        assertTrue(broken.<String>getAs("input_file").endsWith("mixed.jsonl"));
        assertTrue(broken.<String>getAs("detail").contains("not a JSON object"), broken.<String>getAs("detail"));
        Row csv = quarantine.stream().filter(r -> "malformed_csv".equals(r.getAs("reason"))).findFirst().orElseThrow();
        assertTrue(csv.<String>getAs("record").contains("c3,Too,many"), csv.<String>getAs("record"));
        Row empty = quarantine.stream().filter(r -> "empty_article".equals(r.getAs("reason"))).findFirst().orElseThrow();
        assertTrue(empty.<String>getAs("detail").contains("id"), empty.<String>getAs("detail"));
    }

    @Test
    void recordsMapToCanonicalColumns() {
        Row a1 = articles.get("a1");
        assertEquals("Alpha", a1.getAs("title"));
        assertEquals(Timestamp.from(Instant.parse("2016-09-19T10:00:00Z")), a1.getAs("published_at"));
        assertEquals("2016-09-19", a1.getAs("published_date").toString());
        assertEquals("Example Times", a1.getAs("source"));
        assertEquals(List.of("Ann", "Bob"), a1.getList(a1.fieldIndex("authors")));
        Map<String, String> extra = a1.getJavaMap(a1.fieldIndex("extra"));
        assertEquals(Map.of("section", "world", "tags", "[\"x\",\"y\"]"), extra);
        assertEquals("example.org", articles.get("a2").getAs("source"));
        assertEquals("Dup key wins", articles.get("a8").getAs("title"));
        assertEquals("", articles.get("a3").getAs("text"));
        assertEquals(Timestamp.from(Instant.parse("2016-09-19T08:05:04Z")), articles.get("d1").getAs("published_at"));
        assertEquals("Line one\nline two", articles.get("c1").getAs("text"));
        assertEquals("Quoted, title", articles.get("c1").getAs("title"));
        assertEquals(Timestamp.from(Instant.parse("2016-09-20T10:15:30Z")), articles.get("c2").getAs("published_at"));
        Row txt = articles.values().stream().filter(r -> r.<String>getAs("input_file").endsWith("one.txt")).findFirst().orElseThrow();
        assertEquals("First line is the title", txt.getAs("title"));
        assertEquals("The body.\nMore body.\n", txt.<String>getAs("text").stripLeading());
        assertEquals("one.txt", txt.getJavaMap(txt.fieldIndex("extra")).get("file_name"));
    }

    @Test
    void tenMegabyteArticleIsKeptWhole() {
        assertEquals(TEN_MB.length(), articles.get("big").<String>getAs("text").length());
    }

    @Test
    void datesMissingOrUnparseableKeepTheArticle() {
        assertNull(articles.get("a2").getAs("published_at"));
        assertEquals("around teatime", articles.get("a2").getAs("published_raw"));
        assertNull(articles.get("a3").getAs("published_at"));
        assertNull(articles.get("a3").getAs("published_raw"));
        JsonNode dates = manifest.path("counts").path("ingest").path("dates");
        // parsed: a1 big d1 c1 c2; unparseable: a2; missing: a3 a1#2 a5 a7 a8 d2 one.txt
        assertEquals(5, dates.path("parsed").asLong());
        assertEquals(1, dates.path("unparseable").asLong());
        assertEquals(7, dates.path("missing").asLong());
    }

    @Test
    void invalidUtf8IsRepairedWhenFewBytesAreBad() {
        Row a7 = articles.get("a7");
        assertTrue(a7.<Boolean>getAs("encoding_repaired"));
        assertTrue(a7.<String>getAs("text").contains("caf\uFFFD"), a7.<String>getAs("text"));
        assertFalse(articles.get("a1").<Boolean>getAs("encoding_repaired"));
        assertEquals(1, manifest.path("counts").path("ingest").path("encoding_repaired").asLong());
    }

    @Test
    void duplicatesAreMarkedNotDropped() {
        Row again = articles.get("a1#2");
        assertEquals("a1", again.getAs("duplicate_of"));
        assertEquals("same_id", again.getAs("duplicate_reason"));
        assertEquals("Alpha again", again.getAs("title"));
        Row a5 = articles.get("a5");
        assertEquals("a1", a5.getAs("duplicate_of"));
        assertEquals("same_content", a5.getAs("duplicate_reason"));
        assertNull(articles.get("a1").getAs("duplicate_of"));
        JsonNode dup = manifest.path("counts").path("ingest").path("duplicates");
        assertEquals(1, dup.path("same_id").asLong());
        assertEquals(1, dup.path("same_content").asLong());
        assertEquals(2, dup.path("total").asLong());
    }

    @Test
    void manifestListsInputFilesAndStages() {
        assertEquals(7, manifest.path("input_files").path("count").asLong(), "hidden file skipped");
        assertEquals("ingest", manifest.path("stages").get(0).path("name").asText());
        assertTrue(manifest.path("stages").get(0).path("seconds").asDouble() > 0);
        assertEquals("UTC", manifest.path("config").path("timezone").asText());
        assertFalse(manifest.path("spark_version").asText().isEmpty());
    }

    @Test
    void missingInputPathIsAClearErrorWithExitCode2() {
        TestRuns.Result r = TestRuns.run("ingest", "--input", dir.resolve("nope").toString(), "--output",
                dir.resolve("o2").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("inputs[0].path: no such file or folder"), r.stderr());
    }

    @Test
    void outputThatIsAFileIsAClearError() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        TestRuns.Result r = TestRuns.run("ingest", "--input", input.resolve("docs.json").toString(), "--output", file.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("is a file, not a folder"), r.stderr());
    }

    @Test
    void unknownConfigKeyIsAClearErrorBeforeSparkStarts() throws IOException {
        Path config = Files.writeString(dir.resolve("bad.yaml"), "inputs:\n  - path: x.jsonl\noutput: o\ntimezon: UTC\n");
        int[] sessions = {0};
        io.newslens.Stderr.Captured<Integer> run = io.newslens.Stderr.capture(() -> io.newslens.cli.Main.run(
                new String[] {"ingest", "--config", config.toString()}, () -> {
                    sessions[0]++;
                    return SparkTestSession.get();
                }));
        int code = run.value();
        String err = run.text();
        assertEquals(2, code);
        assertEquals(0, sessions[0], "Spark is not started for an invalid config");
        assertTrue(err.contains("timezon: unknown key"), err);
    }

    @Test
    void unknownLanguageCodeIsAClearErrorNamingTheField() throws IOException {
        Path config = Files.writeString(dir.resolve("lang.yaml"), "inputs:\n  - path: " + input.resolve("docs.json")
                + "\noutput: " + dir.resolve("o3") + "\ntext:\n  languages: [en, xx]\n");
        TestRuns.Result r = TestRuns.run("ingest", "--config", config.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains("text.languages: 'xx' is not a language"), r.stderr());
    }

    @Test
    void unknownOptionAndCommandAreClearErrors() {
        assertEquals(2, TestRuns.run("ingest", "--inptu", "x").exitCode());
        assertEquals(2, TestRuns.run("digest").exitCode());
        assertEquals(0, TestRuns.run("ingest", "--help").exitCode());
        TestRuns.Result skip = TestRuns.run("terms", "--input", "x", "--skip", "topics");
        assertEquals(2, skip.exitCode());
        assertTrue(skip.stderr().contains("--skip: only the all command skips stages"), skip.stderr());
        TestRuns.Result stage = TestRuns.run("all", "--input", "x", "--skip", "topic");
        assertEquals(2, stage.exitCode());
        assertTrue(stage.stderr().contains("--skip: unknown stage 'topic'"), stage.stderr());
        TestRuns.Result k = TestRuns.run("topics", "--input", "x", "--k", "ten");
        assertTrue(k.exitCode() == 2 && k.stderr().contains("--k: 'ten' is not a list of whole numbers"), k.stderr());
    }

    private List<Row> articlesOf(Path out) {
        return SparkTestSession.get().read().parquet(out.resolve("articles").toString()).orderBy("article_id").collectAsList();
    }

    /** One good article ingested into {@code out}: the reports a failing run must leave as they are. */
    private Path publishOneGoodArticle(Path out) throws IOException {
        Path good = Files.writeString(dir.resolve(out.getFileName() + "-good.jsonl"),
                "{\"id\":\"g1\",\"title\":\"Good\",\"text\":\"One.\"}\n");
        assertEquals(0, TestRuns.run("ingest", "--input", good.toString(), "--output", out.toString()).exitCode());
        return good;
    }

    @Test
    void anInputWhoseRecordsAreAllQuarantinedFailsAndKeepsThePreviousReports() throws IOException {
        Path out = dir.resolve("gate-quarantined");
        Path good = publishOneGoodArticle(out);
        List<Row> before = articlesOf(out);
        String manifestBefore = Files.readString(out.resolve("_manifest.json"));
        // Three records, each with neither title nor text: all empty_article. The sample check passes (they are
        // JSON objects with the fields), so it is the run's gate that stops it.
        Path bad = Files.writeString(dir.resolve("gate-empty-articles.jsonl"),
                "{\"id\":\"e1\",\"title\":\"\",\"text\":\"\"}\n{\"id\":\"e2\",\"title\":\" \"}\n{\"id\":\"e3\",\"text\":\"\"}\n");
        TestRuns.Result r = TestRuns.run("ingest", "--input", good.toString(), "--input", bad.toString(), "--output", out.toString());
        assertEquals(1, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("previous reports left as they were: inputs[1] (" + bad + "): all 3 records were"
                + " quarantined (empty_article 3), e.g. empty_article (no text and no title"), r.stderr());
        assertFalse(r.stderr().contains("\tat "), "no stack trace without --verbose");
        assertEquals(before, articlesOf(out));
        assertEquals(manifestBefore, Files.readString(out.resolve("_manifest.json")));
    }

    @Test
    void anEmptyInputFailsUnlessEmptyReportsAreAskedFor() throws IOException {
        Path out = dir.resolve("gate-empty");
        publishOneGoodArticle(out);
        List<Row> before = articlesOf(out);
        Path empty = Files.write(dir.resolve("gate-nothing.jsonl"), new byte[0]);
        TestRuns.Result all = TestRuns.run("all", "--input", empty.toString(), "--output", out.toString());
        assertEquals(1, all.exitCode(), all.stderr());
        assertTrue(all.stderr().contains("inputs[0] (" + empty + "): no records (empty files); nothing published."
                + " Use --allow-empty"), all.stderr());
        assertEquals(before, articlesOf(out), "the previous good reports stay");

        TestRuns.Result allowed = TestRuns.run("ingest", "--input", empty.toString(), "--output", out.toString(), "--allow-empty");
        assertEquals(0, allowed.exitCode(), allowed.stderr());
        assertEquals(List.of(), articlesOf(out));
        assertTrue(allowed.stderr().contains("succeeded; reports in " + out + "; 1 warning: (1) inputs[0] (" + empty
                + "): no records (empty files); published anyway (allow_empty)"), allowed.stderr());
    }

    @Test
    void unreadableDatesAreNamedByFormAndReadWithTheInputsDateFormat() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 33; i++) {
            lines.append("{\"id\":\"d").append(i).append("\",\"title\":\"T\",\"text\":\"x\",\"date\":\"")
                    .append(String.format("%02d", 1 + i % 28)).append("/09/2016\"}\n");
        }
        lines.append("{\"id\":\"iso\",\"title\":\"T\",\"text\":\"x\",\"date\":\"2016-09-21\"}\n");
        Path in = Files.writeString(dir.resolve("dates-dmy.jsonl"), lines.toString());
        Path out = dir.resolve("dates-out");
        TestRuns.Result r = TestRuns.run("ingest", "--input", in.toString(), "--output", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        // 33 of 34 dates unreadable: 97.1%. The form of every one of them is 99/99/9999.
        String warning = "inputs[0] (" + in + "): 33 of 34 dates could not be read (97.1%, more than"
                + " ingest.warn_undated_share 5.0%); commonest forms: 99/99/9999 x33 (e.g. '";
        assertTrue(r.stderr().contains("; 1 warning: (1) " + warning), r.stderr());
        assertTrue(TestRuns.manifest(out).path("warnings").get(0).asText().startsWith(warning));

        Path config = Files.writeString(dir.resolve("dates.yaml"), "inputs:\n  - path: " + in + "\n    date_format: dd/MM/yyyy\n"
                + "output: " + out + "\n");
        TestRuns.Result fixed = TestRuns.run("ingest", "--config", config.toString());
        assertEquals(0, fixed.exitCode(), fixed.stderr());
        assertEquals(0, TestRuns.manifest(out).path("warnings").size());
        assertEquals(34, TestRuns.manifest(out).path("counts").path("ingest").path("dates").path("parsed").asLong());
        Row d2 = articlesOf(out).stream().filter(a -> a.getAs("article_id").equals("d2")).findFirst().orElseThrow();
        assertEquals("2016-09-03", d2.getAs("published_date").toString());
    }

    @Test
    void aTitleOrTextThatIsNotAStringIsQuarantinedAsWrongType() throws IOException {
        Path in = Files.writeString(dir.resolve("types.jsonl"), String.join("\n",
                "{\"id\":\"obj\",\"title\":\"Nested\",\"text\":{\"p\":[\"a\",\"b\"]}}", // wrong_type: an object
                "{\"id\":\"arr\",\"title\":[\"x\"],\"text\":\"fine\"}", // wrong_type: an array as title
                "{\"id\":\"num\",\"title\":\"A number\",\"text\":42}", // wrong_type: a number
                "{\"id\":\"str\",\"title\":\"2016\",\"text\":\"{not an object, a string}\"}", // accepted: strings
                "{\"id\":\"ok\",\"title\":\"Plain\",\"text\":\"Plain text.\",\"meta\":{\"text\":1}}") + "\n"); // accepted
        Path out = dir.resolve("types-out");
        TestRuns.Result r = TestRuns.run("ingest", "--input", in.toString(), "--output", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        SparkSession spark = SparkTestSession.get();
        Map<String, String> reasons = new java.util.TreeMap<>();
        for (Row q : spark.read().parquet(out.resolve("quarantine").toString()).collectAsList()) {
            reasons.put(q.<String>getAs("record").substring(7, 10), q.getAs("reason") + ": " + q.getAs("detail"));
        }
        assertEquals(Map.of(
                "obj", "wrong_type: field 'text' (the text) is not a string but {\"p\":[\"a\",\"b\"]}",
                "arr", "wrong_type: field 'title' (the title) is not a string but [\"x\"]",
                "num", "wrong_type: field 'text' (the text) is not a string but 42"), reasons);
        List<String> accepted = spark.read().parquet(out.resolve("articles").toString()).orderBy("article_id")
                .collectAsList().stream().map(a -> a.<String>getAs("article_id")).toList();
        assertEquals(List.of("ok", "str"), accepted);
    }

    /**
     * Issue #16's second case: a short HTML fragment is kept as the input said (tags and all) in articles.text, and its
     * language is `und` (its text, "Hola mundo", is too short to tell), as is a short plain text's; a text long enough
     * is detected; an empty text is `und` too. Detection looks at the HTML's text, not its tags.
     */
    @Test
    void aShortHtmlFragmentOrTextIsUndeterminedAndKeptAsGiven() throws IOException {
        Path in = Files.writeString(dir.resolve("short.jsonl"), String.join("\n",
                "{\"id\":\"html\",\"text\":\"<div class=\\\"post\\\"><p>Hola <b>mundo</b></p></div>\"}",
                "{\"id\":\"short\",\"title\":\"\",\"text\":\"Markets rose.\"}",
                "{\"id\":\"empty\",\"title\":\"Untitled\",\"text\":\"\"}",
                "{\"id\":\"long\",\"text\":\"<p>Los mercados europeos subieron el lunes después de que el banco central anunciara nuevas medidas.</p>\"}") + "\n");
        Path out = dir.resolve("short-out");
        TestRuns.Result r = TestRuns.run("ingest", "--input", in.toString(), "--output", out.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        Map<String, String> got = new java.util.TreeMap<>();
        String html = null;
        for (Row a : SparkTestSession.get().read().parquet(out.resolve("articles").toString()).collectAsList()) {
            got.put(a.getAs("article_id"), a.getAs("language") + " " + a.getAs("language_confidence"));
            if (a.getAs("article_id").equals("html")) {
                html = a.getAs("text");
            }
        }
        assertEquals("<div class=\"post\"><p>Hola <b>mundo</b></p></div>", html, "articles.text keeps what the input said");
        assertEquals("und 0.0", got.get("html"));
        assertEquals("und 0.0", got.get("short"));
        assertEquals("und 0.0", got.get("empty"), "a title of 8 letters alone is too short too");
        assertTrue(got.get("long").startsWith("es "), got.toString());
    }
}
