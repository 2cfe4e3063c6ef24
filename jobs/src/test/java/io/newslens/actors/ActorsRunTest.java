package io.newslens.actors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.SparkTestSession;
import io.newslens.TestRuns;
import io.newslens.config.ActorsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Co-mention statistics against hand-computed values, and a user dictionary through the whole command. */
class ActorsRunTest {
    private static final double EPS = 1e-9;
    private final SparkSession spark = SparkTestSession.get();
    /** One broadcast of the test dictionary for the class (the job destroys its own after each run). */
    private static org.apache.spark.broadcast.Broadcast<Dictionary> shared;

    private static synchronized org.apache.spark.broadcast.Broadcast<Dictionary> shared() {
        if (shared == null) {
            SparkTestSession.get();
            shared = Actors.share(MatcherTest.DICTIONARY);
        }
        return shared;
    }

    private Dataset<Row> analysed(List<Row> articles) {
        StructType schema = new StructType().add("article_id", DataTypes.StringType).add("source", DataTypes.StringType)
                .add("period_start", DataTypes.DateType).add("text", DataTypes.StringType);
        return spark.createDataFrame(articles, schema).select(col("article_id"), col("source"), col("period_start"),
                Actors.analyse(lit(""), lit(null).cast("string"), col("text"), lit("en"), col("period_start"),
                        shared(), ActorsOptions.defaults()).as(Actors.A));
    }

    /**
     * Articles: {China, Japan}, {China, Japan}, {China}, {India}. Pair (CHN, JPN): count 2, count_a 3, count_b 2, n 4.
     * PMI = log2(2·4 / (3·2)) = log2(4/3); NPMI = PMI / −log2(2/4) = PMI; Jaccard = 2 / (3 + 2 − 2) = 2/3;
     * G²: O = (2, 1, 0, 1), E = (1.5, 1.5, 0.5, 0.5): 2 (2 ln(2/1.5) + ln(1/1.5) + ln(1/0.5)) = 1.726092.
     */
    @Test
    void coMentionMeasuresMatchHandComputedValues() {
        Date jan = Date.valueOf("2024-01-01");
        Dataset<Row> a = analysed(List.of(RowFactory.create("a1", "S", jan, "China and Japan talked."),
                RowFactory.create("a2", "S", jan, "Japan met China."), RowFactory.create("a3", "S", jan, "China grew."),
                RowFactory.create("a4", "S", jan, "India voted.")));
        Map<String, Row> rows = new HashMap<>();
        for (Row r : Actors.coMentions(a, "article", 1).collectAsList()) {
            rows.put(r.<String>getAs("period") + "/" + r.<String>getAs("outlet") + "/" + r.<String>getAs("actor_a") + "/"
                    + r.<String>getAs("actor_b"), r);
        }
        assertEquals(new java.util.TreeSet<>(List.of("all/all/CHN/JPN", "all/S/CHN/JPN", "2024-01-01/all/CHN/JPN", "2024-01-01/S/CHN/JPN")),
                new java.util.TreeSet<>(rows.keySet()), "the pair under 'all' and its month, for every outlet and its one outlet");
        Row r = rows.get("all/all/CHN/JPN");
        assertEquals(List.of(2L, 3L, 2L, 4L), List.of(r.<Long>getAs("count"), r.<Long>getAs("count_a"), r.<Long>getAs("count_b"),
                r.<Long>getAs("n")));
        double pmi = Math.log(4.0 / 3) / Math.log(2);
        assertEquals(pmi, r.<Double>getAs("pmi"), EPS);
        assertEquals(pmi, r.<Double>getAs("npmi"), EPS);
        assertEquals(2.0 / 3, r.<Double>getAs("jaccard"), EPS);
        double g2 = 2 * (2 * Math.log(2 / 1.5) + Math.log(1 / 1.5) + Math.log(1 / 0.5));
        assertEquals(1.7260924, g2, 1e-6, "the hand computation itself");
        assertEquals(g2, r.<Double>getAs("g2"), EPS);
        assertEquals(r.<Long>getAs("count"), rows.get("2024-01-01/all/CHN/JPN").<Long>getAs("count"));
        assertEquals(r.<Double>getAs("g2"), rows.get("2024-01-01/S/CHN/JPN").<Double>getAs("g2"), EPS, "one outlet: the same table");
    }

    /** actor_mentions says where each mention came from and its entity type (PER, ORG, LOC; null when ambiguous). */
    @Test
    void mentionsSayTheirOriginAndEntityType() {
        Dataset<Row> a = analysed(List.of(RowFactory.create("m1", "S", null,
                "Hillary Clinton visited the White House and China. Later, Clinton spoke.")));
        List<String> got = Actors.mentions(a).orderBy("char_start").collectAsList().stream()
                .map(r -> r.<String>getAs("matched_text") + " " + r.<String>getAs("actor_id") + " " + r.<String>getAs("origin") + " "
                        + r.<String>getAs("entity_type")).toList();
        assertEquals(List.of("Hillary Clinton PHX_HILLARY_CLINTON dictionary PER", "White House USA_WHITE_HOUSE dictionary ORG",
                "China CHN dictionary LOC", "Clinton PHX_HILLARY_CLINTON resolved PER"), got);
    }

    /**
     * Outlets and tone. Wire: a1 "China and Japan had good talks." (good +1.9), a2 "Japan met China. It was bad." (the pair's
     * sentence holds no lexicon word); Post: a3 "China and Japan had bad talks." (bad −2.5), a4 "India voted.".
     * Articles, every outlet: count 3, count_a 3, count_b 3, n 4; Wire: 2, 2, 2, n 2 (PMI log2(2·2/(2·2)) = 0); Post: 1, 1,
     * 1, n 2 (PMI log2(1·2/(1·1)) = 1). Tone of the sentences naming both: every outlet (1.9 − 2.5) / 2 = −0.3 over 2
     * toned sentences, Wire 1.9 over 1, Post −2.5 over 1; the same in both scopes. Sentences: n = 1 + 2 + 1 + 1 = 5, Wire 3, Post 2.
     */
    @Test
    void coMentionsPerOutletWithTheToneOfTheSentencesNamingBoth() {
        Date jan = Date.valueOf("2024-01-01");
        Dataset<Row> a = analysed(List.of(RowFactory.create("a1", "Wire", jan, "China and Japan had good talks."),
                RowFactory.create("a2", "Wire", jan, "Japan met China. It was bad."),
                RowFactory.create("a3", "Post", jan, "China and Japan had bad talks."), RowFactory.create("a4", "Post", jan, "India voted.")));
        Dataset<Row> co = Actors.coMentions(a, "article", 1).unionByName(Actors.coMentions(a, "sentence", 1))
                .filter("period = 'all'").orderBy("scope", "outlet");
        List<String> got = co.collectAsList().stream().map(r -> String.format(java.util.Locale.ROOT, "%s %s %s-%s %d %d %d %d pmi=%.6f tone=%.6f/%d",
                r.<String>getAs("scope"), r.<String>getAs("outlet"), r.<String>getAs("actor_a"), r.<String>getAs("actor_b"),
                r.<Long>getAs("count"), r.<Long>getAs("count_a"), r.<Long>getAs("count_b"), r.<Long>getAs("n"), r.<Double>getAs("pmi"),
                r.<Double>getAs("tone"), r.<Long>getAs("tone_sentences"))).toList();
        double pmiAll = Math.log(3.0 * 4 / (3 * 3)) / Math.log(2);
        double pmiAllSentences = Math.log(3.0 * 5 / (3 * 3)) / Math.log(2);
        double pmiWireSentences = Math.log(2.0 * 3 / (2 * 2)) / Math.log(2);
        assertEquals(List.of(
                String.format(java.util.Locale.ROOT, "article Post CHN-JPN 1 1 1 2 pmi=%.6f tone=%.6f/1", 1.0, -2.5),
                String.format(java.util.Locale.ROOT, "article Wire CHN-JPN 2 2 2 2 pmi=%.6f tone=%.6f/1", 0.0, 1.9),
                String.format(java.util.Locale.ROOT, "article all CHN-JPN 3 3 3 4 pmi=%.6f tone=%.6f/2", pmiAll, -0.3),
                String.format(java.util.Locale.ROOT, "sentence Post CHN-JPN 1 1 1 2 pmi=%.6f tone=%.6f/1", 1.0, -2.5),
                String.format(java.util.Locale.ROOT, "sentence Wire CHN-JPN 2 2 2 3 pmi=%.6f tone=%.6f/1", pmiWireSentences, 1.9),
                String.format(java.util.Locale.ROOT, "sentence all CHN-JPN 3 3 3 5 pmi=%.6f tone=%.6f/2", pmiAllSentences, -0.3)), got);
    }

    /**
     * One article naming China and Japan in two sentences: "China and Japan had good talks." (good +1.9), "Japan and China
     * had bad talks." (bad −2.5), "India voted.". Sentences: CHN-JPN 2 of n 3, tone (1.9 − 2.5) / 2 = −0.3 over 2; the
     * article: CHN-JPN once of n 1 with the same tone over the same 2 sentences, and India's two pairs, which no sentence
     * holds, without tone. Under its day and its outlet the same counts.
     */
    @Test
    void aPairInTwoSentencesOfOneArticle() {
        Dataset<Row> a = analysed(List.of(RowFactory.create("t1", "S", Date.valueOf("2024-02-01"),
                "China and Japan had good talks. Japan and China had bad talks. India voted.")));
        Dataset<Row> co = Actors.coMentions(a, 1);
        List<String> got = co.filter("period = 'all' AND outlet = 'all'").orderBy("scope", "actor_a", "actor_b").collectAsList().stream()
                .map(r -> String.format(java.util.Locale.ROOT, "%s %s-%s %d %d %d %d %s/%d", r.<String>getAs("scope"),
                        r.<String>getAs("actor_a"), r.<String>getAs("actor_b"), r.<Long>getAs("count"), r.<Long>getAs("count_a"),
                        r.<Long>getAs("count_b"), r.<Long>getAs("n"),
                        r.isNullAt(r.fieldIndex("tone")) ? "null" : String.format(java.util.Locale.ROOT, "%.6f", r.<Double>getAs("tone")),
                        r.<Long>getAs("tone_sentences"))).toList();
        assertEquals(List.of("article CHN-IND 1 1 1 1 null/0", "article CHN-JPN 1 1 1 1 -0.300000/2", "article IND-JPN 1 1 1 1 null/0",
                "sentence CHN-JPN 2 2 2 3 -0.300000/2"), got);
        assertEquals(16, co.count(), "four pairs, each under all/its day and all/its outlet");
        assertEquals(0, co.filter("period = '2024-02-01' AND outlet = 'S'").join(co.filter("period = 'all' AND outlet = 'all'")
                .select("scope", "actor_a", "actor_b", "count", "count_a", "count_b", "n", "tone_sentences"),
                new String[] {"scope", "actor_a", "actor_b", "count", "count_a", "count_b", "n", "tone_sentences"}, "left_anti").count());
        assertEquals(List.of("sentence CHN-JPN"), Actors.coMentions(a, "sentence", 2).collectAsList().stream()
                .filter(r -> r.<String>getAs("period").equals("all") && r.<String>getAs("outlet").equals("all"))
                .map(r -> r.<String>getAs("scope") + " " + r.<String>getAs("actor_a") + "-" + r.<String>getAs("actor_b")).toList(),
                "min_count 2: only the pair named in two sentences");
    }

    /** The hand-written article: sentence scope counts every sentence in n (title + 3), pairs only within sentences. */
    @Test
    void sentenceScopeOfTheHandWrittenArticle() {
        Dataset<Row> a = analysed(List.<Row>of(RowFactory.create("w", "S", null, "Washington and Beijing agreed on Monday "
                + "to resume trade talks. The White House said the talks would start in May. Chinese officials welcomed "
                + "the move, and us analysts expect growth in the U.S. economy.")));
        List<String> sentence = Actors.coMentions(a, "sentence", 1).orderBy("actor_a").collectAsList().stream()
                .filter(r -> r.<String>getAs("outlet").equals("all"))
                .map(r -> r.<String>getAs("period") + " " + r.<String>getAs("actor_a") + "-" + r.<String>getAs("actor_b") + " "
                        + r.<Long>getAs("count") + "/" + r.<Long>getAs("n")
                        + String.format(java.util.Locale.ROOT, " pmi=%.9f npmi=%.9f", r.<Double>getAs("pmi"), r.<Double>getAs("npmi"))).toList();
        // log2(1 · 3 / (1 · 1)) = log2 3 = 1.584962501; NPMI = log2 3 / −log2(1/3) = 1.
        assertEquals(List.of("all CHN-USA 1/3 pmi=1.584962501 npmi=1.000000000", "all CHN_GOV-USA_GOV 1/3 pmi=1.584962501 npmi=1.000000000"),
                sentence, "no title here, so three sentences; undated, so only 'all'");
        assertEquals(20, Actors.coMentions(a, "article", 1).count(), "five actors in one article: ten pairs, for every outlet and its one");
    }

    /** A dictionary written relative to the working folder is the same dictionary as its absolute path; another file is not. */
    @Test
    void theActorsStoreKeyNamesADictionaryByItsQualifiedPath(@TempDir Path dir) throws Exception {
        Path mine = Files.writeString(dir.resolve("mine.jsonl"), "{\"actor_id\": \"ACME_AI\", \"name\": \"Acme AI\", \"type\": \"company\"}\n");
        Path other = Files.writeString(dir.resolve("other.jsonl"), "{\"actor_id\": \"ACME_AI\", \"name\": \"Acme AI\", \"type\": \"company\"}\n");
        String relative = Path.of("").toAbsolutePath().relativize(mine).toString();
        assertTrue(!relative.startsWith("/"), relative);
        ActorsOptions o = ActorsOptions.defaults();
        String key = ActorsJob.storeKey(o.withDictionaries(List.of(mine.toString())), SparkTestSession.get());
        assertEquals(key, ActorsJob.storeKey(o.withDictionaries(List.of(relative)), SparkTestSession.get()));
        assertTrue(!key.equals(ActorsJob.storeKey(o.withDictionaries(List.of(other.toString())), SparkTestSession.get())),
                "another file, the same contents: another dictionary");
    }

    @Test
    void aUserDictionaryAddsAnActorToEveryActorReport(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("news.jsonl");
        Files.writeString(input, String.join("\n",
                "{\"id\": \"n1\", \"title\": \"Acme AI expands\", \"text\": \"Acme AI opened a lab in China. The United States welcomed it.\", \"published\": \"2024-03-01\", \"source\": \"Wire\"}",
                "{\"id\": \"n2\", \"title\": \"Chips\", \"text\": \"China and Acme AI signed a deal. Acme AI is good at chips.\", \"published\": \"2024-03-09\", \"source\": \"Wire\"}",
                "{\"id\": \"n3\", \"title\": \"Markets\", \"text\": \"Shares of Acme AI rose in the United States.\", \"published\": \"2024-04-02\", \"source\": \"Daily\"}") + "\n");
        Path dictionary = dir.resolve("mine.jsonl");
        Files.writeString(dictionary, "{\"actor_id\": \"ACME_AI\", \"name\": \"Acme AI\", \"type\": \"company\", "
                + "\"country_code\": \"USA\", \"aliases\": [\"Acme AI\"]}\n");
        Path out = dir.resolve("out");
        TestRuns.Result r = TestRuns.run("actors", "--input", input.toString(), "--output", out.toString(),
                "--dictionary", dictionary.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        for (String report : List.of("actors", "actor_mentions", "actor_attention", "actor_network_nodes", "actor_tone")) {
            assertTrue(spark.read().parquet(out.resolve(report).toString()).filter(col("actor_id").equalTo("ACME_AI")).count() > 0,
                    report + " has the user's actor");
        }
        Dataset<Row> co = spark.read().parquet(out.resolve("co_mentions").toString());
        Row acmeChina = co.filter("scope = 'article' AND period = 'all' AND outlet = 'all' AND actor_a = 'ACME_AI' AND actor_b = 'CHN'").first();
        assertEquals(2L, acmeChina.<Long>getAs("count"));
        assertEquals("Acme AI", acmeChina.getAs("name_a"), "the user's actor's name next to its id");
        assertEquals("China", acmeChina.getAs("name_b"));
        // The edges: co_mentions' rows over all periods, every column but the period (a copy of its files).
        Dataset<Row> edgeRows = spark.read().parquet(out.resolve("actor_network_edges").toString());
        assertEquals(co.drop("period").columns().length, edgeRows.columns().length);
        assertEquals(co.filter("period = 'all'").drop("period").orderBy("scope", "outlet", "actor_a", "actor_b").collectAsList(),
                edgeRows.orderBy("scope", "outlet", "actor_a", "actor_b").collectAsList());
        assertTrue(edgeRows.filter("actor_a = 'ACME_AI' OR actor_b = 'ACME_AI'").count() > 0);
        assertEquals(mine(dictionary), spark.read().parquet(out.resolve("actors").toString())
                .filter("actor_id = 'ACME_AI'").first().getString(9));
        String gexf = Files.readString(out.resolve("actor_network.gexf"));
        assertTrue(gexf.contains("<node id=\"ACME_AI\" label=\"Acme AI\">") && gexf.contains("source=\"ACME_AI\" target=\"CHN\" weight=\"2\""), gexf);
        // Well-formed, with one edge per pair of co_mentions' article rows over every period and outlet, numbered in
        // the file's order (the executors format the edges a hash bucket of pairs each; the driver numbers them), each
        // with its periods as spells.
        org.w3c.dom.NodeList edges = javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(out.resolve("actor_network.gexf").toFile()).getElementsByTagName("edge");
        Dataset<Row> article = co.filter("scope = 'article' AND outlet = 'all'");
        List<Row> pairs = article.filter("period = 'all'").orderBy("actor_a", "actor_b").collectAsList();
        assertEquals(2, pairs.size(), "min_count 2: Acme AI with China and with the United States");
        assertEquals(pairs.size(), edges.getLength());
        Map<String, Integer> periods = new HashMap<>();
        article.filter("period <> 'all'").collectAsList().forEach(p -> periods.merge(p.getAs("actor_a") + " " + p.getAs("actor_b"), 1, Integer::sum));
        List<String> expectedEdges = new java.util.ArrayList<>();
        List<String> writtenEdges = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) edges.item(i);
            assertEquals(String.valueOf(i), e.getAttribute("id"));
            Row p = pairs.get(i);
            expectedEdges.add(p.getAs("actor_a") + " " + p.getAs("actor_b") + " " + p.getAs("count") + " "
                    + periods.getOrDefault(p.getAs("actor_a") + " " + p.getAs("actor_b"), 0));
            writtenEdges.add(e.getAttribute("source") + " " + e.getAttribute("target") + " " + e.getAttribute("weight") + " "
                    + e.getElementsByTagName("spell").getLength());
        }
        expectedEdges.sort(null);
        writtenEdges.sort(null);
        assertEquals(expectedEdges, writtenEdges);
        // Every node, in actor_id order (the executors format them in ranges of actors), with its articles; and no
        // scratch folder left behind in the run's version.
        org.w3c.dom.NodeList nodes = edges.item(0).getOwnerDocument().getElementsByTagName("node");
        List<String> written = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            org.w3c.dom.Element n = (org.w3c.dom.Element) nodes.item(i);
            org.w3c.dom.NodeList values = n.getElementsByTagName("attvalue");
            written.add(n.getAttribute("id") + " " + n.getAttribute("label") + " " + ((org.w3c.dom.Element) values.item(2)).getAttribute("value"));
        }
        assertEquals(spark.read().parquet(out.resolve("actor_network_nodes").toString()).orderBy("actor_id")
                .selectExpr("concat_ws(' ', actor_id, name, articles)").collectAsList().stream().map(row -> row.getString(0)).toList(), written);
        assertTrue(written.size() >= 3, written.toString());
        assertTrue(written.contains("ACME_AI Acme AI 3"), written.toString());
        assertTrue(Files.notExists(out.resolve(".current/_scratch")));
        // Acme AI and China: n1 and n2, both in March 2024 (monthly periods): one spell. Acme AI and the United States:
        // once in March, once in April, below min_count in each month: no spell.
        assertTrue(gexf.contains("source=\"ACME_AI\" target=\"CHN\" weight=\"2\"><attvalues><attvalue for=\"npmi\" value=\"")
                && gexf.contains("<spells><spell start=\"2024-03-01\" end=\"2024-03-31\"/></spells></edge>"), gexf);
        // Acme AI: n1 title and body (2), n2 twice in the body (2), n3 once (1).
        assertEquals(5L, spark.read().parquet(out.resolve("actor_mentions").toString()).filter("actor_id = 'ACME_AI'").count());
    }

    @Test
    void onlyTheAskedReportsAndWhatTheyNeedAreWritten(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("news.jsonl");
        Files.writeString(input, String.join("\n",
                "{\"id\": \"n1\", \"title\": \"Trade\", \"text\": \"China and the United States talked trade.\", \"published\": \"2024-03-01\", \"source\": \"Wire\"}",
                "{\"id\": \"n2\", \"title\": \"Chips\", \"text\": \"China makes chips.\", \"published\": \"2024-04-09\", \"source\": \"Wire\"}") + "\n");
        Path out = dir.resolve("out");
        TestRuns.Result r = TestRuns.run("all", "--input", input.toString(), "--output", out.toString(),
                "--reports", "term_frequencies,article_terms,actor_mentions");
        assertEquals(0, r.exitCode(), r.stderr());
        // article_terms needs vocabulary; the actor stage always writes its dictionary and mentions; topics did not run.
        java.util.Set<String> written = new java.util.TreeSet<>();
        TestRuns.manifest(out).get("reports").fieldNames().forEachRemaining(written::add);
        assertEquals(new java.util.TreeSet<>(List.of("articles", "quarantine", "duplicates", "boilerplate", "term_frequencies",
                "vocabulary", "article_terms", "actors", "actor_mentions")), written);
        try (var listing = Files.list(out)) {
            assertEquals(written, listing.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("_") && !n.startsWith("."))
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
        }
        assertEquals(List.of("stage ingest", "stage corpus", "stage terms", "stage actors"),
                java.util.stream.StreamSupport.stream(TestRuns.manifest(out).get("stages").spliterator(), false)
                        .map(st -> "stage " + st.get("name").asText()).toList());
        // China: n1 body, n2 body.
        assertEquals(2L, spark.read().parquet(out.resolve("actor_mentions").toString()).filter("actor_id = 'CHN'").count());
        assertEquals(2L, spark.read().parquet(out.resolve("term_frequencies").toString()).filter("term = 'china'").count());

        TestRuns.Result bad = TestRuns.run("terms", "--input", input.toString(), "--output", out.toString(),
                "--reports", "term_frequencies,actor_mentions");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.stderr().contains("--reports: 'actor_mentions' is not a report the terms command writes"), bad.stderr());
    }

    private static String mine(Path dictionary) {
        return dictionary.toString();
    }

    @Test
    void aBadDictionaryLineIsRefusedWithItsFileAndLine(@TempDir Path dir) throws Exception {
        Path dictionary = dir.resolve("bad.jsonl");
        Files.writeString(dictionary, "{\"actor_id\": \"X\", \"name\": \"X\", \"type\": \"company\"}\n{\"actor_id\": \"Y\", \"name\": \"Y\", \"type\": \"planet\"}\n");
        TestRuns.Result r = TestRuns.run("actors", "--input", "data/sample/bbc-text", "--output", dir.resolve("o").toString(),
                "--dictionary", dictionary.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains(dictionary + " line 2: unknown type 'planet'"), r.stderr());
    }
}
