package io.newslens.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newslens.TestRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The actors' part of the article store: a later run analyses only the articles it has not analysed before (by id
 * and content, whatever file they come from), and its reports equal a clean run's.
 */
class ActorsStoreTest {
    @TempDir
    Path dir;

    private static final String REPORTS = "actor_mentions,co_mentions,actor_tone,actor_candidates";

    private static final String[] SENTENCES = {
            "China and the United States held talks on trade in Geneva on Monday.",
            "Germany said it would support France in the dispute with Russia.",
            "Officials from Japan met counterparts from India to discuss security.",
            "Brazil and Argentina signed an agreement on energy exports."};

    private static String day(int day, int articles) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < articles; i++) {
            sb.append("{\"id\":\"d").append(day).append('-').append(i).append("\",\"title\":\"Report ").append(day).append(' ').append(i)
                    .append("\",\"text\":\"").append(SENTENCES[(day + i) % SENTENCES.length]).append(' ')
                    .append(SENTENCES[(day * 3 + i + 1) % SENTENCES.length]).append(' ').append(tail(day * 4 + i)).append("\",\"source\":\"")
                    .append(i % 2 == 0 ? "Wire" : "Daily").append("\",\"published\":\"2020-01-0").append(day).append("T12:00:00Z\"}\n");
        }
        return sb.toString();
    }

    private static final String[] WORDS = ("harbour wheat copper bonds tariffs rainfall vaccines railways satellites "
            + "elections pensions fisheries tourism semiconductors shipping lithium coffee textiles drought budget").split(" ");

    /** Words no other article has in this order: the articles are not near-duplicates of each other. */
    private static String tail(int n) {
        StringBuilder sb = new StringBuilder("Analysts also discussed");
        for (int k = 0; k < 12; k++) {
            sb.append(' ').append(WORDS[(n * 7 + k * (n % 5 + 2)) % WORDS.length]);
        }
        return sb.append(" in note ").append(n).append('.').toString();
    }

    @Test
    void aLaterRunAnalysesOnlyNewOrChangedArticlesAndGivesAFullRunsReports() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int d = 1; d <= 6; d++) {
            Files.writeString(in.resolve("day" + d + ".jsonl"), day(d, 4));
        }
        Path out = dir.resolve("out");
        // The reports that read every part of the analysis (mentions, pairs in sentences, tone, candidates): fewer writes.
        String[] actors = {"actors", "--input", in.toString(), "--output", out.toString(), "--reports", REPORTS};
        TestRuns.Result first = TestRuns.run(actors);
        assertEquals(0, first.exitCode(), first.stderr());
        JsonNode m1 = TestRuns.manifest(out);
        assertEquals(24, m1.path("counts").path("actors").path("store").path("articles_worked_on").asInt(), m1.path("counts").toString());
        assertEquals("no published run", m1.path("counts").path("actors").path("store").path("not_reused_because").asText());
        assertTrue(m1.path("counts").path("actors").path("mentions").asInt() > 20, m1.path("counts").path("actors").toString());
        Thread.sleep(1100);

        // A new day of 4 articles, and one old article corrected in its file (so ingest reads every file again): the
        // actors stage still finds the 23 unchanged articles in the store, whatever file they were read from, and
        // analyses the corrected one again (a stale analysis would keep Germany, and the reports would differ).
        Files.writeString(in.resolve("day7.jsonl"), day(7, 4));
        String[] lines = day(1, 4).split("\n", -1);
        assertTrue(lines[0].contains("Germany"), lines[0]);
        lines[0] = lines[0].replace("Germany", "Canada");
        Files.writeString(in.resolve("day1.jsonl"), String.join("\n", lines));
        TestRuns.Result second = TestRuns.run(actors);
        assertEquals(0, second.exitCode(), second.stderr());
        JsonNode store = TestRuns.manifest(out).path("counts").path("actors").path("store");
        assertEquals(m1.path("run_id").asText(), store.path("reused_from_run").asText(), store.toString());
        assertEquals(23, store.path("articles_reused").asInt(), store.toString());
        assertEquals(5, store.path("articles_worked_on").asInt(), store.toString());
        assertEquals(0, store.path("batches_merged").asInt(), "24 stored rows > 2 x 5 new: " + store);
        assertTrue(store.path("not_reused_because").isNull(), store.toString());
        // The co-mention counts are kept per group of stored articles: the first run's group lost the corrected
        // article, so both groups are counted again.
        assertEquals(0, store.path("actors_cells_reused").asInt(), store.toString());
        assertEquals(2, store.path("actors_cells_summed").asInt(), store.toString());
        String second2 = TestRuns.manifest(out).path("run_id").asText();
        Thread.sleep(1100);

        // One more day of 4: the second run's batch (5 rows, at most twice 4) joins this run's, so the store keeps two
        // batches, not three (ArticleStore.toMerge); the first run's (24 rows) stays. Its group is unchanged, so its
        // counts are read from the store; the merged group's are counted again.
        Files.writeString(in.resolve("day8.jsonl"), day(8, 4));
        TestRuns.Result third = TestRuns.run(actors);
        assertEquals(0, third.exitCode(), third.stderr());
        store = TestRuns.manifest(out).path("counts").path("actors").path("store");
        assertEquals(28, store.path("articles_reused").asInt(), store.toString());
        assertEquals(4, store.path("articles_worked_on").asInt(), store.toString());
        assertEquals(1, store.path("batches_merged").asInt(), store.toString());
        assertEquals(1, store.path("actors_cells_reused").asInt(), store.toString());
        assertEquals(1, store.path("actors_cells_summed").asInt(), store.toString());
        // actor_candidates' sums likewise.
        assertEquals(List.of(1, 1), List.of(store.path("candidates_cells_reused").asInt(), store.path("candidates_cells_summed").asInt()),
                store.toString());

        Path full = dir.resolve("full");
        assertEquals(0, TestRuns.run("actors", "--input", in.toString(), "--output", full.toString(), "--reports", REPORTS).exitCode());
        assertEquals(32, TestRuns.manifest(full).path("counts").path("actors").path("store").path("articles_worked_on").asInt());
        assertEquals(9, TestRuns.assertSameReports(out, full), "ingest (2), duplicates, boilerplate, actors and the four asked for");

        // The published version lists the first and the third run's batches; the second's is kept while the version
        // before (which readers may still be on) lists it, and nothing else is left in the store.
        JsonNode listing = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve(".current/_store/actors.json").toFile());
        String third3 = TestRuns.manifest(out).path("run_id").asText();
        assertEquals("[\"" + m1.path("run_id").asText() + "\",\"" + third3 + "\"]", listing.path("batches").toString());
        try (java.util.stream.Stream<Path> batches = Files.list(out.resolve(".store/actors"))) {
            assertEquals(java.util.List.of("batch=" + m1.path("run_id").asText(), "batch=" + second2, "batch=" + third3),
                    batches.map(p -> p.getFileName().toString()).sorted().toList());
        }
        // And one folder of counts per group the published version or the one before lists: the first group's (counted
        // again by the second run, which lost an article), the second's and the merged one's; the first run's are gone.
        JsonNode cells = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve(".current/_store/actors_cells.json").toFile());
        assertEquals(2, cells.path("batches").size(), cells.toString());
        try (java.util.stream.Stream<Path> batches = Files.list(out.resolve(".store/actors_cells"))) {
            assertEquals(3, batches.filter(Files::isDirectory).count());
        }
    }
    private static String article(String id, String day, String text) {
        return "{\"id\":\"" + id + "\",\"title\":\"Markets " + id + "\",\"text\":\"" + text + ' ' + tail(id.hashCode() & 0xffff)
                + "\",\"source\":\"Wire\",\"published\":\"2020-01-0" + day + "T12:00:00Z\"}\n";
    }

    /**
     * A day that only adds articles: actor_candidates keeps the published rows of the candidates the day does not name
     * and counts the others again from every group's cells; the report equals a full run's.
     */
    @Test
    void aDayThatOnlyAddsArticlesCountsAgainTheCandidatesItNames() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        String vantor = "Executives of Vantor Industries said exports to China would grow.";
        String lopez = "Maria Lopez, the minister, met officials from Japan on Monday.";
        Files.writeString(in.resolve("day1.jsonl"), article("a1", "1", vantor + ' ' + lopez) + article("a2", "1", vantor)
                + article("a3", "1", vantor + ' ' + lopez) + article("a4", "1", lopez) + article("a5", "1", SENTENCES[2])
                + article("a6", "1", SENTENCES[3]) + article("a7", "1", SENTENCES[1]));
        Path out = dir.resolve("out");
        String[] run = {"actors", "--input", in.toString(), "--output", out.toString(), "--reports", "actor_candidates"};
        assertEquals(0, TestRuns.run(run).exitCode());
        org.apache.spark.sql.SparkSession spark = io.newslens.SparkTestSession.get();
        // By hand: Maria Lopez is in a1, a3 and a4, with Japan in all three, China and Vantor in two.
        String columns = "phrase, articles, mentions, co_actors";
        assertEquals(List.of("Maria Lopez 3 3 [JPN, CHN, ner:org:vantor-industries]", "Vantor Industries 3 3 [CHN, JPN, ner:per:maria-lopez]"),
                candidates(spark, out, columns));
        List<String> vantorBefore = candidates(spark, out, "*").stream().filter(r -> r.startsWith("Vantor")).toList();
        Thread.sleep(1100);

        // Three new articles: the first run's seven stay a batch (more than twice three, ArticleStore.toMerge).
        String kestrel = "Kestrel Mining said Maria Lopez visited its mine in Brazil.";
        Files.writeString(in.resolve("day2.jsonl"), article("b1", "2", kestrel) + article("b2", "2", kestrel + ' ' + lopez)
                + article("b3", "2", kestrel));
        assertEquals(0, TestRuns.run(run).exitCode());
        JsonNode store = TestRuns.manifest(out).path("counts").path("actors").path("store");
        assertEquals(List.of(1, 1), List.of(store.path("candidates_cells_reused").asInt(), store.path("candidates_cells_summed").asInt()),
                store.toString());
        // Maria Lopez now also in b1-b3 (twice in b2): 6 articles, 7 mentions; Japan 4, Brazil and Kestrel 3 (ties
        // alphabetical), China and Vantor 2. Vantor's row is the published one.
        // Counted again: the two the new day names, Maria Lopez and Kestrel Mining; not Vantor Industries.
        assertEquals(2, store.path("candidates_recounted").asInt(), store.toString());
        assertEquals(List.of("Kestrel Mining 3 3 [BRA, ner:per:maria-lopez, JPN]", "Maria Lopez 6 7 [JPN, BRA, ner:org:kestrel-mining, CHN, "
                + "ner:org:vantor-industries]", "Vantor Industries 3 3 [CHN, JPN, ner:per:maria-lopez]"), candidates(spark, out, columns));
        assertEquals(vantorBefore, candidates(spark, out, "*").stream().filter(r -> r.startsWith("Vantor")).toList());
        Path full = dir.resolve("full");
        assertEquals(0, TestRuns.run("actors", "--input", in.toString(), "--output", full.toString(), "--reports", "actor_candidates").exitCode());
        assertTrue(TestRuns.manifest(full).path("counts").path("actors").path("store").path("candidates_recounted").isNull());
        TestRuns.assertSameReports(out, full);
    }

    /**
     * A day that only adds articles, with co_mentions' default min_count of 2: `all` keeps the published count and
     * tone of the pairs the day does not name (their actors' counts, n and measures computed again), counts again the
     * pairs it names (one of them reaches min_count only now, so it was not in the published report), and equals a
     * full run's; also on a day whose batch takes in the day before's (ArticleStore.toMerge).
     */
    @Test
    void aDayThatOnlyAddsArticlesCountsAgainTheCoMentionsItNames() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        String talks = "China and the United States held talks on trade.";
        String energy = "Brazil and Argentina signed an agreement on energy exports.";
        String security = "Officials from Japan met counterparts from India to discuss security.";
        Files.writeString(in.resolve("day1.jsonl"), article("a1", "1", talks) + article("a2", "1", talks) + article("a3", "1", energy)
                + article("a4", "1", security) + article("a5", "1", security) + article("a6", "1", SENTENCES[1])
                + article("a7", "1", "Nothing else happened.") + article("a8", "1", "Nothing more happened.")
                + article("a9", "1", "Little happened.") + article("a10", "1", "Less happened.") + article("a11", "1", "Nothing was said."));
        Path config = Files.writeString(dir.resolve("c.yaml"), """
                inputs:
                  - path: %s
                actors: {period: day}
                """.formatted(in));
        Path out = dir.resolve("out");
        String[] run = {"actors", "--config", config.toString(), "--output", out.toString(), "--reports", "co_mentions"};
        assertEquals(0, TestRuns.run(run).exitCode());
        org.apache.spark.sql.SparkSession spark = io.newslens.SparkTestSession.get();
        // By hand, articles of all outlets over every day: 11 articles; China and the US together in 2, Japan and
        // India in 2: pmi log2(2 · 11 / (2 · 2)); Brazil and Argentina in 1 (under min_count 2: no row).
        assertEquals(List.of("CHN USA 2 2 2 11 2.4594", "IND JPN 2 2 2 11 2.4594"), allPairs(spark, out));
        Thread.sleep(1100);

        // Three new articles (the first run's 11 stay a batch: more than twice 3): Brazil and Argentina again (now
        // 2), Japan alone, one without actors.
        Files.writeString(in.resolve("day2.jsonl"), article("b1", "2", energy)
                + article("b2", "2", "Officials from Japan met executives to discuss security.") + article("b3", "2", "Nothing happened."));
        String[] since = java.util.stream.Stream.concat(java.util.Arrays.stream(run), java.util.stream.Stream.of("--since", "2020-01-02"))
                .toArray(String[]::new);
        assertEquals(0, TestRuns.run(since).exitCode());
        JsonNode store = TestRuns.manifest(out).path("counts").path("actors").path("store");
        // Counted again: the day's one pair, in both scopes, under its outlet and `all`.
        assertEquals(4, store.path("co_mention_pairs_recounted").asInt(), store.toString());
        // 14 articles; Japan in 3 now: pmi log2(2 · 14 / (2 · 3)). The last two are the published rows with new actor
        // counts, n and measures.
        assertEquals(List.of("ARG BRA 2 2 2 14 2.8074", "CHN USA 2 2 2 14 2.8074", "IND JPN 2 2 3 14 2.2224"), allPairs(spark, out));
        Thread.sleep(1100);

        // Two more: this run's batch takes in the second run's (3 rows, at most twice 2), not the first's (11, more
        // than twice 5). The groups the published report was counted from are still all there, one of them inside
        // the new group: only the pairs the new group names (the second and third days') are counted again.
        Files.writeString(in.resolve("day3.jsonl"), article("c1", "3", "Argentina and Brazil discussed beef prices.") + article("c2", "3", "Nobody spoke."));
        String[] since3 = java.util.stream.Stream.concat(java.util.Arrays.stream(run), java.util.stream.Stream.of("--since", "2020-01-03"))
                .toArray(String[]::new);
        TestRuns.Result third = TestRuns.run(since3);
        assertEquals(0, third.exitCode(), third.stderr());
        store = TestRuns.manifest(out).path("counts").path("actors").path("store");
        assertEquals(1, store.path("batches_merged").asInt(), store.toString());
        assertEquals(4, store.path("co_mention_pairs_recounted").asInt(), store.toString());
        // 16 articles: Brazil and Argentina together in 3 (pmi log2(3 · 16 / (3 · 3))), the others' n 16.
        assertEquals(List.of("ARG BRA 3 3 3 16 2.4150", "CHN USA 2 2 2 16 3.0000", "IND JPN 2 2 3 16 2.4150"), allPairs(spark, out));
        Thread.sleep(1100);

        // A day naming no pair at all (its batch of 1 takes in nothing): every published pair is kept, n is 17.
        Files.writeString(in.resolve("day4.jsonl"), article("e1", "4", "Nobody came."));
        String[] since4 = java.util.stream.Stream.concat(java.util.Arrays.stream(run), java.util.stream.Stream.of("--since", "2020-01-04"))
                .toArray(String[]::new);
        TestRuns.Result fourth = TestRuns.run(since4);
        assertEquals(0, fourth.exitCode(), fourth.stderr());
        store = TestRuns.manifest(out).path("counts").path("actors").path("store");
        assertEquals(List.of(0, 0), List.of(store.path("batches_merged").asInt(), store.path("co_mention_pairs_recounted").asInt()),
                store.toString());
        assertEquals(List.of("ARG BRA 3 3 3 17 2.5025", "CHN USA 2 2 2 17 3.0875", "IND JPN 2 2 3 17 2.5025"), allPairs(spark, out));
        Path full = dir.resolve("full");
        assertEquals(0, TestRuns.run("actors", "--config", config.toString(), "--output", full.toString(), "--reports", "co_mentions")
                .exitCode());
        assertTrue(TestRuns.manifest(full).path("counts").path("actors").path("store").path("co_mention_pairs_recounted").isNull());
        TestRuns.assertSameReports(out, full);
    }

    /** co_mentions' rows of articles over every day and outlet: the pair, count, count_a, count_b, n and pmi, sorted. */
    private static List<String> allPairs(org.apache.spark.sql.SparkSession spark, Path out) {
        return spark.read().parquet(out.resolve("co_mentions").toString())
                .filter("period = 'all' AND outlet = 'all' AND scope = 'article'")
                .selectExpr("concat_ws(' ', actor_a, actor_b, count, count_a, count_b, n, format_number(pmi, 4)) AS row").orderBy("row").collectAsList()
                .stream().map(r -> r.getString(0)).toList();
    }

    /** actor_candidates' rows as text ({@code columns} joined by spaces, co_actors in brackets), sorted. */
    private static List<String> candidates(org.apache.spark.sql.SparkSession spark, Path out, String columns) {
        String all = "phrase, actor_id, articles, mentions, suggested_type, concat_ws(',', aliases), concat_ws(',', co_actors)";
        return spark.read().parquet(out.resolve("actor_candidates").toString())
                .selectExpr("concat_ws(' ', " + (columns.equals("*") ? all : columns.replace("co_actors", "concat('[', concat_ws(', ', co_actors), ']')"))
                        + ") AS row").orderBy("row").collectAsList().stream().map(r -> r.getString(0)).toList();
    }

    /**
     * {@code --since} one new day (daily periods): co_mentions rewrites that day's partition and `all`, computed from
     * the new day's cells and the groups' totals; the older days' files stay as they were, and every report, the
     * network file included, equals a full run's.
     */
    @Test
    void aSinceRunReplacesTheNewPeriodsAndAllOfCoMentions() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (int d = 1; d <= 3; d++) {
            Files.writeString(in.resolve("day" + d + ".jsonl"), day(d, 4));
        }
        Path config = Files.writeString(dir.resolve("c.yaml"), """
                inputs:
                  - path: %s
                actors: {period: day, min_count: 1}
                """.formatted(in));
        Path out = dir.resolve("out");
        String reports = "co_mentions,co_mention_kwic,actor_network_nodes,actor_network_edges,actor_attention,actor_tone,article_tone";
        List<String> perArticle = List.of("actor_mentions", "actor_attention", "actor_tone", "article_tone");
        TestRuns.Result first = TestRuns.run("actors", "--config", config.toString(), "--output", out.toString(), "--reports", reports);
        assertEquals(0, first.exitCode(), first.stderr());
        java.util.Map<String, java.nio.file.attribute.FileTime> before = TestRuns.partitionFiles(out.resolve("co_mentions"));
        java.util.Map<String, java.util.Map<String, java.nio.file.attribute.FileTime>> perArticleBefore = new java.util.HashMap<>();
        for (String r : perArticle) {
            perArticleBefore.put(r, TestRuns.partitionFiles(out.resolve(r)));
            assertEquals(java.util.Set.of("period=2020-01-01", "period=2020-01-02", "period=2020-01-03"), perArticleBefore.get(r).keySet()
                    .stream().map(k -> k.substring(0, k.indexOf('/'))).collect(java.util.stream.Collectors.toSet()), r);
        }
        assertEquals(java.util.Set.of("period=2020-01-01", "period=2020-01-02", "period=2020-01-03", "period=all"),
                before.keySet().stream().map(k -> k.substring(0, k.indexOf('/'))).collect(java.util.stream.Collectors.toSet()));
        Thread.sleep(1100);

        Files.writeString(in.resolve("day4.jsonl"), day(4, 4));
        TestRuns.Result inc = TestRuns.run("actors", "--config", config.toString(), "--output", out.toString(), "--reports", reports,
                "--since", "2020-01-04");
        assertEquals(0, inc.exitCode(), inc.stderr());
        JsonNode m = TestRuns.manifest(out);
        assertEquals("[\"period=2020-01-04\",\"period=all\"]", m.path("reports").path("co_mentions").path("replaced_partitions").toString());
        java.util.Map<String, java.nio.file.attribute.FileTime> after = TestRuns.partitionFiles(out.resolve("co_mentions"));
        for (String old : before.keySet()) {
            if (!old.startsWith("period=all/")) {
                assertEquals(before.get(old), after.get(old), old + " untouched");
            }
        }
        // The per-article reports: the new day's partition alone is written; the older days' files are not touched.
        for (String r : perArticle) {
            assertEquals("[\"period=2020-01-04\"]", m.path("reports").path(r).path("replaced_partitions").toString(), r);
            java.util.Map<String, java.nio.file.attribute.FileTime> now = TestRuns.partitionFiles(out.resolve(r));
            perArticleBefore.get(r).forEach((old, time) -> assertEquals(time, now.get(old), r + " " + old + " untouched"));
        }
        JsonNode store = m.path("counts").path("actors").path("store");
        assertEquals(List.of(1, 1), List.of(store.path("actors_cells_reused").asInt(), store.path("actors_cells_summed").asInt()), store.toString());

        Path full = dir.resolve("full");
        assertEquals(0, TestRuns.run("actors", "--config", config.toString(), "--output", full.toString(), "--reports", reports).exitCode());
        assertEquals(13, TestRuns.assertSameReports(out, full), "ingest (2), duplicates, boilerplate, actors, actor_mentions and the seven asked for");
        assertEquals(Files.readString(full.resolve("actor_network.gexf")), Files.readString(out.resolve("actor_network.gexf")),
                "the network file's edges and their spells over every day");
        assertTrue(Files.readString(out.resolve("actor_network.gexf")).contains("2020-01-01"), "the older days' spells");
    }
}
