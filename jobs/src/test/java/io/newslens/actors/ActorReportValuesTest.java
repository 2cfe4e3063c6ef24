package io.newslens.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newslens.SparkTestSession;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * attention, article tone, actor tone and candidates on a hand-made analysis (the matcher's output is fixed
 * here, so each expected value is worked out from the four articles below and nothing else).
 *
 * <pre>
 * a1  Wire   2024-03  CHN s0 (tone 0.5), USA s0 (0.5), CHN s1 (-1.0); 2 sentences; tone sum 1.0 over 4 words; "Acme Corp"
 * a2  Wire   2024-03  CHN s0 (no lexicon word: null);                 1 sentence;  no tone words;             "Acme Corp", "Zed"
 * a3  Daily  2024-03  USA s0 (2.0), an ambiguous mention (no actor);  1 sentence;  tone sum 3.0 over 2 words; "Acme Corp"
 * a4  Wire   undated  CHN s0 (1.0);                                   1 sentence;  tone sum 1.0 over 1 word
 * </pre>
 */
class ActorReportValuesTest {
    private static final Date MARCH = Date.valueOf("2024-03-01");

    private static Row mention(String actor, int sentence, Double tone) {
        return RowFactory.create(actor, actor, actor, actor, null, "dictionary", actor == null ? null : "LOC", "body", sentence, 0, 1, List.of(), tone);
    }

    private static Row article(String id, String source, Date period, List<Row> mentions, int sentences, double toneSum,
                               int toneWords, List<Row> candidates) {
        return RowFactory.create(id, source, period, RowFactory.create(mentions, sentences, toneSum, toneWords, candidates));
    }

    /** A candidate occurrence: phrase, type, alias (the resolved form) and the recognised actor's id. */
    private static Row candidate(String phrase, String type, String alias, String actorId) {
        return RowFactory.create(phrase, type, alias, actorId);
    }

    private static final Row ACME = candidate("Acme Corp", "company", null, null);
    private static final String JANE = "ner:per:jane-doe";

    private static Dataset<Row> analysed() {
        StructType schema = new StructType().add(Actors.ARTICLE_ID, DataTypes.StringType).add(Actors.SOURCE, DataTypes.StringType)
                .add(Actors.PERIOD_START, DataTypes.DateType).add(Actors.A, Actors.ANALYSIS);
        return SparkTestSession.get().createDataFrame(List.of(
                article("a1", "Wire", MARCH, List.of(mention("CHN", 0, 0.5), mention("USA", 0, 0.5), mention("CHN", 1, -1.0)),
                        2, 1.0, 4, List.of(ACME, candidate("Jane Doe", "person", null, JANE), candidate("Jane Doe", "person", "Doe", JANE))),
                article("a2", "Wire", MARCH, List.of(mention("CHN", 0, null)), 1, 0.0, 0,
                        List.of(ACME, candidate("Zed", "unknown", null, null), candidate("Jane Doe", "organization", null, JANE))),
                article("a3", "Daily", MARCH, List.of(mention("USA", 0, 2.0), mention(null, 0, 2.0)), 1, 3.0, 2,
                        List.of(ACME, candidate("JANE DOE", "person", null, JANE))),
                article("a4", "Wire", null, List.of(mention("CHN", 0, 1.0)), 1, 1.0, 1, List.of())), schema);
    }

    /** The rows of Actors.candidateCells, without the group. */
    private static final StructType CANDIDATE_CELL = new StructType().add("kind", DataTypes.StringType).add("key", DataTypes.StringType)
            .add("phrase", DataTypes.StringType).add("type", DataTypes.StringType).add("actor", DataTypes.StringType)
            .add("n", DataTypes.LongType).add("articles", DataTypes.LongType).add("mentions", DataTypes.LongType)
            .add("actor_id", DataTypes.StringType).add("aliases", DataTypes.createArrayType(DataTypes.StringType));

    private static List<String> rows(Dataset<Row> report) {
        List<String> out = new ArrayList<>();
        for (Row r : report.collectAsList()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < r.size(); i++) {
                Object v = r.get(i);
                cells.add(v instanceof scala.collection.Seq<?> s ? scala.jdk.javaapi.CollectionConverters.asJava(s).toString()
                        : String.valueOf(v));
            }
            out.add(String.join(" | ", cells));
        }
        out.sort(null);
        return out;
    }

    @Test
    void attentionCountsArticlesAndMentionsPerOutletAndPeriod() {
        Dataset<Row> a = analysed();
        // Wire, March: a1 and a2 (2 articles); CHN in both (3 mentions), USA in a1. Daily, March: a3 only. a4 is
        // undated: the undated bucket of Wire (1 article, CHN once). The ambiguous mention has no actor: not counted.
        assertEquals(List.of(
                        "CHN | Wire | 1 | 1 | 1.0 | null",
                        "CHN | Wire | 2 | 3 | 1.0 | 2024-03-01",
                        "USA | Daily | 1 | 1 | 1.0 | 2024-03-01",
                        "USA | Wire | 1 | 1 | 0.5 | 2024-03-01"),
                rows(Actors.attention(a)));
    }

    @Test
    void reportsCarryNamesTitlesAndUrls() {
        org.apache.spark.sql.SparkSession spark = io.newslens.SparkTestSession.get();
        Dataset<Row> dict = spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create("CHN", "China"),
                        org.apache.spark.sql.RowFactory.create("USA", "United States")),
                new org.apache.spark.sql.types.StructType().add("actor_id", "string").add("name", "string"));
        Dataset<Row> articles = spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create("a1", "Trade talks", "https://x.com/1"),
                        org.apache.spark.sql.RowFactory.create("a2", "Chips", null)),
                new org.apache.spark.sql.types.StructType().add("article_id", "string").add("title", "string").add("url", "string"));
        Dataset<Row> tone = spark.createDataFrame(List.of(org.apache.spark.sql.RowFactory.create("a1", "CHN"),
                        org.apache.spark.sql.RowFactory.create("a2", "USA"), org.apache.spark.sql.RowFactory.create("a2", (Object) null)),
                new org.apache.spark.sql.types.StructType().add("article_id", "string").add("actor_id", "string"));
        assertEquals(List.of("a1 | CHN | China | Trade talks | https://x.com/1", "a2 | USA | United States | Chips | null",
                        "a2 | null | null | Chips | null"),
                rows(Actors.titled(Actors.named(tone, dict, "actor_id", "name"), articles)
                        .select("article_id", "actor_id", "name", "title", "url").orderBy("article_id", "name")));
    }

    @Test
    void articleToneIsTheMeanValenceOfItsLexiconWords() {
        // a1 1.0 / 4 = 0.25; a2 has no lexicon word: null; a3 3.0 / 2 = 1.5; a4 1.0 / 1.
        assertEquals(List.of(
                        "a1 | 0.25 | 4 | 2 | Wire | 2024-03-01",
                        "a2 | null | 0 | 1 | Wire | 2024-03-01",
                        "a3 | 1.5 | 2 | 1 | Daily | 2024-03-01",
                        "a4 | 1.0 | 1 | 1 | Wire | null"),
                rows(Actors.articleTone(analysed())));
    }

    @Test
    void actorToneCountsEachSentenceOncePerActor() {
        // a1 CHN: sentences 0 and 1, (0.5 + -1.0) / 2 = -0.25; a1 USA: 0.5; a2 CHN: one sentence without tone: null.
        assertEquals(List.of(
                        "a1 | CHN | 2 | -0.25 | Wire | 2024-03-01",
                        "a1 | USA | 1 | 0.5 | Wire | 2024-03-01",
                        "a2 | CHN | 1 | null | Wire | 2024-03-01",
                        "a3 | USA | 1 | 2.0 | Daily | 2024-03-01",
                        "a4 | CHN | 1 | 1.0 | Wire | null"),
                rows(Actors.actorTone(analysed())));
    }

    @Test
    void candidatesNeedEnoughArticlesAndListTheirCompany() {
        // "Acme Corp": 3 articles, 3 occurrences; with CHN in a1, a2 and USA in a1, a3: 2 each, ties by id.
        // "Zed": 1 article (a2, with CHN), under the minimum of 2.
        // Jane Doe (one recognised actor, however written): a1 twice (once resolved from "Doe"), a2, a3 = 3 articles,
        // 4 occurrences; "Jane Doe" 3 times against "JANE DOE" once, person 3 times against organization once.
        String acme = "Acme Corp | null | 3 | 3 | company | [] | [CHN, USA]";
        String jane = "Jane Doe | " + JANE + " | 3 | 4 | person | [Doe] | [CHN, USA]";
        assertEquals(List.of(acme, jane), rows(Actors.candidates(analysed(), 2)));
        assertEquals(Arrays.asList(acme, jane, "Zed | null | 1 | 1 | unknown | [] | [CHN]"), rows(Actors.candidates(analysed(), 1)));
    }

    /**
     * What a run keeps per group of articles adds up to the whole: the same articles as two groups (a1, a2 | a3, a4) give
     * the report of one group. Acme Corp (a1, a2 in the first group, a3 in the second) and Jane Doe (a1, a2 | a3) only
     * reach 2 articles when both groups count; their aliases and company are the union of both.
     */
    @Test
    void candidatesFromTheCellsOfTwoGroupsEqualThoseOfOne() {
        Dataset<Row> grouped = analysed().withColumn("g", org.apache.spark.sql.functions.when(
                org.apache.spark.sql.functions.col("article_id").isin("a1", "a2"), "first").otherwise("second"));
        Dataset<Row> cells = Actors.candidateCells(grouped, "g");
        assertEquals(2L, cells.select("g").distinct().count());
        assertEquals(rows(Actors.candidates(analysed(), 2)), rows(Actors.candidatesFromCells(cells.drop("g"), 2)));
        assertEquals(rows(Actors.candidates(analysed(), 1)), rows(Actors.candidatesFromCells(cells.drop("g"), 1)));
        // Acme Corp's first group alone: 2 articles (a1, a2), so the sums really are split.
        assertEquals(List.of("Acme Corp | null | 2 | 2 | company | [] | [CHN, USA]"),
                rows(Actors.candidatesFromCells(cells.filter("g = 'first'").drop("g"), 2).filter("phrase = 'Acme Corp'")));
    }

    /**
     * A candidate's co-named actors: the five named with it in most articles, added up over the groups' cells, ties
     * alphabetical. G 3; A, B and F 2 (F's from two groups); C, D and E 1 each: C is fifth.
     */
    @Test
    void aCandidatesFirstFiveCoNamedActorsFromTheCellsOfSeveralGroups() {
        StructType cell = CANDIDATE_CELL;
        List<Row> cells = new ArrayList<>(List.of(
                RowFactory.create("key", "phrase:Acme", null, null, null, null, 2L, 2L, null, null),
                RowFactory.create("key", "phrase:Acme", null, null, null, null, 1L, 1L, null, null),
                RowFactory.create("form", "phrase:Acme", "Acme", "company", null, 3L, null, null, null, null)));
        for (Object[] co : new Object[][] {{"E", 1L}, {"F", 1L}, {"A", 2L}, {"C", 1L}, {"G", 3L}, {"F", 1L}, {"B", 2L}, {"D", 1L}}) {
            cells.add(RowFactory.create("co", "phrase:Acme", null, null, co[0], co[1], null, null, null, null));
        }
        assertEquals(List.of("Acme | null | 3 | 3 | company | [] | [G, A, B, F, C]"),
                rows(Actors.candidatesFromCells(SparkTestSession.get().createDataFrame(cells, cell), 3)));
    }

    /**
     * A day's cells added to a published report: a published candidate's new first five come from its five before and
     * the actors the day names with it. Acme before (4 articles): A 5, B 4, C 3, D 2, E 2, F 1 = [A, B, C, D, E]. The
     * day (3 articles) names G in all three (G 3 after it), and F in one (2): A 5, B 4, C 3, G 3, D 2, E 2, F 2 =
     * [A, B, C, G, D]; E drops out. Zed (2 articles before, under the minimum of 3, so not published) reaches 3: all its
     * co-named actors count (H 2 before, I 1 with the day). Old (not named by the day) keeps its published row, even
     * one that its cells would no longer give (the published row stands for them).
     */
    @Test
    void candidatesUpdatedFromTheFirstFiveBeforeAndTheDaysActorsEqualACount() {
        StructType cell = CANDIDATE_CELL;
        List<Row> before = new ArrayList<>(List.of(
                RowFactory.create("key", "phrase:Acme", null, null, null, null, 4L, 5L, null, List.of()),
                RowFactory.create("form", "phrase:Acme", "Acme", "company", null, 5L, null, null, null, null),
                RowFactory.create("key", "phrase:Zed", null, null, null, null, 2L, 2L, null, List.of()),
                RowFactory.create("form", "phrase:Zed", "Zed", "unknown", null, 2L, null, null, null, null),
                RowFactory.create("co", "phrase:Zed", null, null, "H", 2L, null, null, null, null),
                RowFactory.create("key", "phrase:Old", null, null, null, null, 3L, 3L, null, List.of()),
                RowFactory.create("form", "phrase:Old", "Old", "unknown", null, 3L, null, null, null, null)));
        for (Object[] co : new Object[][] {{"A", 5L}, {"B", 4L}, {"C", 3L}, {"D", 2L}, {"E", 2L}, {"F", 1L}}) {
            before.add(RowFactory.create("co", "phrase:Acme", null, null, co[0], co[1], null, null, null, null));
        }
        List<Row> day = List.of(
                RowFactory.create("key", "phrase:Acme", null, null, null, null, 3L, 3L, null, List.of()),
                RowFactory.create("form", "phrase:Acme", "Acme", "company", null, 3L, null, null, null, null),
                RowFactory.create("co", "phrase:Acme", null, null, "G", 3L, null, null, null, null),
                RowFactory.create("co", "phrase:Acme", null, null, "F", 1L, null, null, null, null),
                RowFactory.create("key", "phrase:Zed", null, null, null, null, 1L, 1L, null, List.of()),
                RowFactory.create("form", "phrase:Zed", "Zed", "unknown", null, 1L, null, null, null, null),
                RowFactory.create("co", "phrase:Zed", null, null, "I", 1L, null, null, null, null));
        org.apache.spark.sql.SparkSession spark = SparkTestSession.get();
        Dataset<Row> old = spark.createDataFrame(before, cell);
        Dataset<Row> added = spark.createDataFrame(day, cell);
        Dataset<Row> published = Actors.candidatesFromCells(old, 3);
        assertEquals(List.of("Acme | null | 4 | 5 | company | [] | [A, B, C, D, E]", "Old | null | 3 | 3 | unknown | [] | []"),
                rows(published));
        Dataset<Row> all = old.unionByName(added);
        List<String> expected = List.of("Acme | null | 7 | 8 | company | [] | [A, B, C, G, D]", "Old | null | 3 | 3 | unknown | [] | []",
                "Zed | null | 3 | 3 | unknown | [] | [H, I]");
        assertEquals(expected, rows(Actors.candidatesFromCells(all, 3)));
        assertEquals(expected, rows(Actors.candidatesUpdated(published, all, added, 3, 0)));
        // Only the touched candidates are counted again: a published row of Old unlike its cells stays as published.
        Dataset<Row> edited = published.withColumn("mentions", org.apache.spark.sql.functions.when(
                org.apache.spark.sql.functions.col("phrase").equalTo("Old"), 9L).otherwise(org.apache.spark.sql.functions.col("mentions")));
        assertEquals(List.of(expected.get(0), "Old | null | 3 | 9 | unknown | [] | []", expected.get(2)),
                rows(Actors.candidatesUpdated(edited, all, added, 3, 0)));
    }

    @Test
    void networkNodesCountArticlesAndMentions() {
        Dataset<Row> dictionary = SparkTestSession.get().createDataFrame(List.of(
                RowFactory.create("CHN", "China", "country", "CHN"), RowFactory.create("USA", "United States", "country", "USA")),
                new StructType().add("actor_id", DataTypes.StringType).add("name", DataTypes.StringType)
                        .add("type", DataTypes.StringType).add("country_code", DataTypes.StringType));
        // CHN: a1 (twice), a2, a4 = 3 articles, 4 mentions (undated articles count here); USA: a1, a3 = 2 and 2.
        assertEquals(List.of("CHN | China | country | CHN | 3 | 4", "USA | United States | country | USA | 2 | 2"),
                rows(Actors.nodes(analysed(), dictionary)));
    }

    @Test
    void toneOnlyWhereTheLexiconsLanguageIs() {
        // "good" (VADER 1.9) and "bad" (-2.5): an English article gets their mean; the same words in an article
        // detected as Chinese get no tone at all (the lexicon is English), not a tone from stray English words.
        ActorText en = new ActorText("", null, "China had a good year. A bad one followed.", "en", null, MatcherTest.MATCHER);
        assertEquals(2, en.toneWords);
        assertEquals(1.9 - 2.5, en.toneSum, 1e-9);
        assertEquals(Arrays.asList(1.9, -2.5), en.sentenceTone);
        ActorText zh = new ActorText("", null, "中国经济 good。美国 bad。", "zh", null, MatcherTest.MATCHER);
        assertEquals(0, zh.toneWords);
        assertEquals(0.0, zh.toneSum);
        assertEquals(true, zh.sentenceTone.stream().allMatch(java.util.Objects::isNull), zh.sentenceTone.toString());
    }

    @Test
    void rollUpIsSplitByTheSizeOfTheCellsFilesAndSumsTheSame(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String path = dir.resolve("cells").toString();
        Actors.unitCells(analysed(), List.of()).write().parquet(path);
        Dataset<Row> cells = SparkTestSession.get().read().parquet(path);
        long bytes;
        try (var files = java.nio.file.Files.list(dir.resolve("cells"))) {
            bytes = files.filter(f -> !f.getFileName().toString().startsWith(".") && !f.getFileName().toString().startsWith("_"))
                    .mapToLong(f -> f.toFile().length()).sum();
        }
        int configured = Integer.parseInt(SparkTestSession.get().conf().get("spark.sql.shuffle.partitions"));
        // Small cells: the session's partitions; one part per bytesPerPart of files otherwise, at most 200.
        assertEquals(configured, ActorsJob.rollUpPartitions(cells, bytes + 1));
        assertEquals(11, ActorsJob.rollUpPartitions(cells, bytes / 10));  // bytes = 10 · (bytes / 10) + less than that
        assertEquals(200, ActorsJob.rollUpPartitions(cells, 1));
        // However many parts, the sums are the same.
        assertEquals(rows(Actors.coMentionsFromCells(Actors.rollUp(cells), 1)), rows(Actors.coMentionsFromCells(Actors.rollUp(cells, 7), 1)));
    }

    @Test
    void theAllPeriodOfTwoGroupsPassesTheLargestsOwnKeysThroughAndAddsTheShared() {
        // The stored group {a1, a4} (Wire) and the new group {a2 Wire, a3 Daily}. Only the stored group has the pair
        // CHN-USA and Wire's USA: they pass through; CHN, USA and n under `all`, CHN and n under Wire are in both and are
        // added up; Daily's are the new group's alone.
        Dataset<Row> cells = Actors.unitCells(analysed().withColumn("g", org.apache.spark.sql.functions.when(
                org.apache.spark.sql.functions.col(Actors.ARTICLE_ID).isin("a1", "a4"), "stored").otherwise("new")), List.of("g"));
        Dataset<Row> stored = cells.filter("g = 'stored'").drop("g");
        Dataset<Row> added = cells.filter("g = 'new'").drop("g");
        Dataset<Row> rolled = Actors.rollUpDays(cells.drop("g"), 0).unionByName(Actors.rollUpTotals(stored, added, Actors.totalsOf(added).count(), 3));
        assertEquals(rows(Actors.coMentionsFromCells(Actors.rollUp(cells.drop("g")), 1)), rows(Actors.coMentionsFromCells(rolled, 1)));
        // Over all: 4 articles, CHN in a1, a2, a4 (3), USA in a1, a3 (2), both in a1. Wire: a1, a2, a4; USA in a1 only.
        assertEquals(List.of("Wire | CHN | USA | 1 | 3 | 1 | 3", "all | CHN | USA | 1 | 3 | 2 | 4"),
                rows(Actors.coMentionsFromCells(rolled, 1).filter("scope = 'article' AND period = 'all'")
                        .select("outlet", "actor_a", "actor_b", "count", "count_a", "count_b", "n")));
        // Each key of the `all` period once: the passed-through keys are not also summed with the others.
        Dataset<Row> totals = Actors.rollUpTotals(stored, added, Actors.totalsOf(added).count(), 3);
        assertEquals(totals.count(), totals.select("outlet", "scope", "a", "b").distinct().count());
        assertEquals(List.of("Daily | 1", "Wire | 3", "all | 4"),
                rows(totals.filter("scope = 'article' AND a IS NULL AND b IS NULL").select("outlet", "count")));
    }
}
