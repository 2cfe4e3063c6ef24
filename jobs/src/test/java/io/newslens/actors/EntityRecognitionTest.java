package io.newslens.actors;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.SparkTestSession;
import io.newslens.config.ActorsOptions;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Named-entity recognition joined with the dictionary: hand-written English and Chinese articles whose person and
 * organisation no dictionary lists, the merge rules on planted entities, ids, tokens and the scorer.
 */
class EntityRecognitionTest {
    static final String EN_TITLE = "Chipmakers called in";
    static final String EN_BODY = "Commerce Secretary Gina Raimondo met officials of the National Institute of Standards and "
            + "Technology (NIST) in Gaithersburg on Tuesday. Raimondo said NIST would publish new guidance on artificial "
            + "intelligence before talks with China.";
    static final String ZH_BODY = "国家统计局局长康义在北京表示，世界卫生组织（世卫组织）的报告显示中国经济稳定。康义说，世卫组织和美国应当加强合作。";
    static final String RAIMONDO = "ner:per:gina-raimondo";
    static final String NIST = "ner:org:national-institute-of-standards-and-technology";

    /** origin text -> actor (type), sentence. */
    private static List<String> mentions(ActorText a) {
        return a.mentions.stream().map(m -> m.found().origin() + " " + m.found().text() + " -> " + m.found().actor().actorId()
                + " (" + Actors.entityType(m.found().actor().type()) + ") s" + m.sentence()).toList();
    }

    @Test
    void anEnglishArticlesUnlistedPersonAndOrganisationAreActorsWithSurnameAndAcronymResolved() {
        for (String id : List.of(RAIMONDO, NIST)) {
            assertTrue(MatcherTest.DICTIONARY.actors().stream().noneMatch(x -> x.name().contains("Raimondo")
                    || x.name().contains("Standards")), "neither is in the dictionary: " + id);
        }
        ActorText a = new ActorText(EN_TITLE, null, EN_BODY, "en", null, MatcherTest.MATCHER, true);
        assertEquals(List.of(
                "ner Gina Raimondo -> " + RAIMONDO + " (PER) s1",
                "ner National Institute of Standards and Technology -> " + NIST + " (ORG) s1",
                "resolved NIST -> " + NIST + " (ORG) s1",
                "ner Gaithersburg -> ner:loc:gaithersburg (LOC) s1",
                "resolved Raimondo -> " + RAIMONDO + " (PER) s2",
                "resolved NIST -> " + NIST + " (ORG) s2",
                "dictionary China -> CHN (LOC) s2"), mentions(a));
        // Candidates: one per occurrence, the resolved ones carry their alias.
        assertEquals(List.of("Gina Raimondo/null", "National Institute of Standards and Technology/null",
                        "National Institute of Standards and Technology/NIST", "Gaithersburg/null", "Gina Raimondo/Raimondo",
                        "National Institute of Standards and Technology/NIST"),
                a.candidates.stream().map(c -> c.phrase() + "/" + c.alias()).toList());
        ActorText off = new ActorText(EN_TITLE, null, EN_BODY, "en", null, MatcherTest.MATCHER, false);
        assertEquals(List.of("CHN"), off.mentions.stream().map(m -> m.found().actor().actorId()).toList(), "actors.recognise off");
    }

    @Test
    void aHeadlinesBareSurnameAndAcronymTakeTheFullNamesTheBodyGivesLater() {
        ActorText a = new ActorText("Raimondo presses NIST on chips", null, EN_BODY, "en", null, MatcherTest.MATCHER, true);
        assertEquals(List.of("resolved Raimondo -> " + RAIMONDO + " (PER) s0", "resolved NIST -> " + NIST + " (ORG) s0"),
                mentions(a).subList(0, 2));
        // In the body before the full name, a bare surname is not taken: only the headline looks ahead.
        String text = "Raimondo. Doe spoke; later Jane Doe left.";
        Dictionary.Actor jane = Matcher.recognisedActor("Jane Doe", "PER");
        List<Matcher.Found> found = List.of(new Matcher.Found(27, 35, "Jane Doe", jane, null, List.of(jane.actorId()), Matcher.NER));
        assertEquals(List.of("Jane Doe"), Matcher.surnames(text, found, 9).stream().map(Matcher.Found::text).toList());
        assertEquals(List.of("Doe", "Jane Doe"), Matcher.surnames(text, found, 14).stream().map(Matcher.Found::text).toList(),
                "with the headline running to offset 14, its Doe is Jane Doe");
    }

    private static Matcher.Found person(String text, String name) {
        Dictionary.Actor actor = Matcher.recognisedActor(name, "PER");
        int at = text.indexOf(name);
        return new Matcher.Found(at, at + name.length(), name, actor, null, List.of(actor.actorId()), Matcher.NER);
    }

    /** "surface@offset -> actor" of each resolved mention. */
    private static List<String> resolved(String text, List<Matcher.Found> found) {
        return Matcher.surnames(text, found).stream().filter(f -> Matcher.RESOLVED.equals(f.origin()))
                .map(f -> f.text() + "@" + f.start() + " -> " + f.actor().name()).toList();
    }

    @Test
    void aLaterBareGivenNameTakesTheOnePersonNamedInFullWithIt() {
        String text = "Hillary Clinton met Bill Gates in Ohio. Hillary said the bill would pass; Gates and Bill agreed.";
        // Hillary: hers. Bill: the text also says "bill", so a capitalised one may be a word, not him. Gates: his surname.
        assertEquals(List.of("Hillary@40 -> Hillary Clinton", "Gates@74 -> Bill Gates"),
                resolved(text, List.of(person(text, "Hillary Clinton"), person(text, "Bill Gates"))));
        String two = "Hillary Clinton and Hillary Benn spoke. Hillary left; Clinton stayed.";
        assertEquals(List.of("Clinton@54 -> Hillary Clinton"), resolved(two,
                List.of(person(two, "Hillary Clinton"), person(two, "Hillary Benn"))), "two Hillarys: the given name is nobody's");
        // In a whole article: a bare surname two persons share is neither resolved nor dropped: the recogniser's
        // mention of it is an actor of its own.
        ActorText clintons = new ActorText(null, null, "Hillary Clinton and Bill Clinton arrived in Ohio on Monday. "
                + "Clinton spoke to reporters; Hillary later left.", "en", null, MatcherTest.MATCHER, true);
        assertEquals(List.of("dictionary Hillary Clinton -> PHX_HILLARY_CLINTON (PER) s0", "dictionary Bill Clinton -> PHX_BILL_CLINTON (PER) s0",
                "dictionary Ohio -> USA_OHIO (LOC) s0", "ner Clinton -> ner:per:clinton (PER) s1",
                "resolved Hillary -> PHX_HILLARY_CLINTON (PER) s1"), mentions(clintons));
        String titled = "President Obama spoke. The President left; Obama stayed.";
        assertEquals(List.of("Obama@43 -> President Obama"), resolved(titled, List.of(person(titled, "President Obama"))),
                "a title is no given name");
    }

    @Test
    void aChineseArticlesUnlistedPersonAndOrganisationAreActorsWithTheBracketedShortFormResolved() {
        ActorText a = new ActorText("", null, ZH_BODY, "zh", null, MatcherTest.MATCHER, true);
        assertEquals(List.of(
                "ner 国家统计局 -> ner:org:国家统计局 (ORG) s0",
                "ner 康义 -> ner:per:康义 (PER) s0",
                "ner 北京 -> ner:loc:北京 (LOC) s0",
                "ner 世界卫生组织 -> ner:org:世界卫生组织 (ORG) s0",
                "resolved 世卫组织 -> ner:org:世界卫生组织 (ORG) s0",
                "dictionary 中国 -> CHN (LOC) s0",
                "ner 康义 -> ner:per:康义 (PER) s1",
                "resolved 世卫组织 -> ner:org:世界卫生组织 (ORG) s1",
                "dictionary 美国 -> USA (LOC) s1"), mentions(a));
    }

    @Test
    void chineseOneCharacterCountryNamesArePlacesLinkedToTheirCountryAndTitlesAreNotNames() {
        ActorText a = new ActorText("", null, "中美关系和中日友好，中方表示欢迎美方访华。江主席会见了港澳台同胞。", "zh", null,
                MatcherTest.MATCHER, true);
        assertEquals(List.of("ner 中 -> CHN (LOC) s0", "ner 美 -> USA (LOC) s0", "ner 中 -> CHN (LOC) s0", "ner 日 -> JPN (LOC) s0",
                "ner 中 -> CHN (LOC) s0", "ner 美 -> USA (LOC) s0", "ner 华 -> CHN (LOC) s0", "ner 江 -> ner:per:江 (PER) s1",
                // 港澳台: three places (澳, Australia or Macao, unlinked), not one organisation
                "ner 港 -> HKG (LOC) s1", "ner 澳 -> ner:loc:澳 (LOC) s1", "ner 台 -> TWN (LOC) s1"), mentions(a));
        assertTrue(ChineseEntities.abbreviationRun("港澳台") && ChineseEntities.abbreviationRun("中日韩"));
        assertTrue(!ChineseEntities.abbreviationRun("中华") && !ChineseEntities.abbreviationRun("巴西")
                && !ChineseEntities.abbreviationRun("香港"), "one country's name is no list of places");
        assertEquals(2, ChineseEntities.pairLength("中美关系"));
        assertEquals(0, ChineseEntities.pairLength("中国"), "中国 is a word, found by the dictionary");
        assertEquals(0, ChineseEntities.pairLength("美丽"));
    }

    /**
     * The Chinese model reads characters without spaces (its training text has none), so it takes 王涛王海王群 for
     * one name; written with spaces, as lists of names are, the spaces between Chinese characters separate them.
     */
    @Test
    void aListOfChineseNamesWrittenWithSpacesGivesOnePersonEach() {
        java.util.function.Function<String, List<String>> people = t -> ChineseNer.find(t).stream()
                .map(e -> t.substring(e.start(), e.end()) + "/" + e.type()).toList();
        assertEquals(List.of("王涛/PER", "王海/PER", "王群/PER"), people.apply("出席会议的有王涛 王海  王群等。"));
        assertEquals(List.of("特朗普/PER", "习近平/PER"), people.apply("特朗普（Donald Trump）与习近平会面。"));
    }

    /**
     * A list of names written together, as printed news has them: where the model cuts inside it ("张伟王" + "芳李" +
     * "强刘洋"), the run is split again by what HanLP knows of surnames and given names; the list's note （女） is no
     * name, a two-character surname (欧阳) begins a four-character name, and the list goes on past the note.
     */
    @Test
    void aListOfChineseNamesWrittenTogetherIsSplitIntoItsNames() {
        String list = "理事名单：张伟王芳李强刘洋（女）欧阳红梅。";
        List<ChineseEntities.Span> model = List.of(per(list, "张伟王"), per(list, "芳李"), per(list, "强刘洋"), per(list, "欧阳红梅"));
        assertEquals(List.of("张伟", "王芳", "李强", "刘洋", "欧阳红梅"), names(list, ChineseNameLists.split(list, model)));
        // written together with nothing but the names, as the model reads them
        String council = "新当选的理事会成员名单：张伟王芳李强刘洋陈静杨帆赵磊周敏吴昊郑丽。";
        assertEquals(List.of("张伟", "王芳", "李强", "刘洋", "陈静", "杨帆", "赵磊", "周敏", "吴昊", "郑丽"),
                names(council, ChineseNer.find(council)));
        // the model runs 马建国欧阳 together and leaves 红梅 out: the list goes on past its notes and the two characters
        String presidium = "大会主席团成员：孙明华（女）马建国欧阳红梅林海涛阿依古丽·买买提（维吾尔族）徐志强。";
        assertEquals(List.of("孙明华", "马建国", "欧阳红梅", "林海涛", "阿依古丽·买买提", "徐志强"),
                names(presidium, ChineseNer.find(presidium)));
    }

    /** Names in prose with words between them are no list, even where two of them touch. */
    @Test
    void namesInProseWithWordsBetweenThemAreNoList() {
        String prose = "肯尼迪遗孀杰奎琳·肯尼迪的希腊船王奥纳西斯";
        List<ChineseEntities.Span> model = List.of(per(prose, "肯尼迪"), per(prose, "杰奎琳·肯尼迪"), per(prose, "希腊船王"),
                per(prose, "奥纳西斯"));
        assertEquals(List.of("肯尼迪", "杰奎琳·肯尼迪", "希腊船王", "奥纳西斯"), names(prose, ChineseNameLists.split(prose, model)),
                "遗孀 and 的 begin no name: the spans are not linked into a list");
    }

    /** What the list rule leaves alone: a lone name, a foreign name the model found whole, one-letter people. */
    @Test
    void theListRuleKeepsForeignNamesWholeAndLeavesLoneSpansAndLettersAsTheyAre() {
        String visit = "普里马科夫来华前也表示";
        assertEquals(List.of("普里马科夫", "来华前"),
                names(visit, ChineseNameLists.split(visit, List.of(per(visit, "普里马科夫"), per(visit, "来华前")))),
                "a name the model found that begins with no likely surname stays whole");
        String marx = "马列主义";
        assertEquals(List.of("马", "列"), names(marx, ChineseNameLists.split(marx, List.of(per(marx, "马"), per(marx, "列")))));
        String lone = "王涛王海出席";
        assertEquals(List.of("王涛王海"), names(lone, ChineseNameLists.split(lone, List.of(per(lone, "王涛王海")))));
        String ethnic = "徐志强（维吾尔族）";
        assertEquals(List.of("徐志强"),
                names(ethnic, ChineseNameLists.split(ethnic, List.of(per(ethnic, "徐志强"), per(ethnic, "维吾尔族")))),
                "a people is no person");
    }

    private static ChineseEntities.Span per(String text, String name) {
        int at = text.indexOf(name);
        return new ChineseEntities.Span(at, at + name.length(), "PER", null);
    }

    private static List<String> names(String text, List<ChineseEntities.Span> spans) {
        return spans.stream().filter(s -> "PER".equals(s.type())).map(s -> text.substring(s.start(), s.end())).toList();
    }

    /** Both articles through the Spark analysis: the person and the organisation co-mentioned in a sentence. */
    @Test
    void theRecognisedActorsAreCoMentionedInASentenceAndListedAsActorsAndCandidates() {
        StructType schema = new StructType().add("article_id", DataTypes.StringType).add("title", DataTypes.StringType)
                .add("text", DataTypes.StringType).add("language", DataTypes.StringType);
        Dataset<Row> analysed = SparkTestSession.get().createDataFrame(List.of(RowFactory.create("en1", EN_TITLE, EN_BODY, "en"),
                        RowFactory.create("zh1", "", ZH_BODY, "zh")), schema)
                .select(col("article_id"), lit("S").as("source"), lit(null).cast("date").as("period_start"),
                        Actors.analyse(col("title"), lit(null).cast("string"), col("text"), col("language"), lit(null).cast("date"),
                                Actors.share(MatcherTest.DICTIONARY), ActorsOptions.defaults()).as(Actors.A));
        Map<String, Long> pairs = new java.util.TreeMap<>();
        for (Row r : Actors.coMentions(analysed, "sentence", 1).filter("period = 'all' AND outlet = 'all'").collectAsList()) {
            pairs.put(r.<String>getAs("actor_a") + " + " + r.<String>getAs("actor_b"), r.<Long>getAs("count"));
        }
        // en1 s1: Gina Raimondo, NIST (in full and its acronym), Gaithersburg; s2: Raimondo and NIST (both resolved),
        // China. Sentence scope counts sentences: Raimondo with NIST in 2, with China in 1.
        assertEquals(2L, pairs.get(NIST + " + " + RAIMONDO), pairs.toString());
        assertEquals(1L, pairs.get("CHN + " + RAIMONDO), pairs.toString());
        assertEquals(1L, pairs.get("ner:loc:gaithersburg + " + RAIMONDO), pairs.toString());
        // zh1 s0: 国家统计局, 康义, 北京, 世界卫生组织 (also as 世卫组织), 中国; s1: 康义, 世卫组织 (resolved), 美国.
        assertEquals(2L, pairs.get("ner:org:世界卫生组织 + ner:per:康义"), pairs.toString());
        assertEquals(1L, pairs.get("USA + ner:per:康义"), pairs.toString());
        Map<String, String> actors = new java.util.TreeMap<>();
        for (Row r : Actors.recognisedActors(analysed).collectAsList()) {
            actors.put(r.getString(0), r.getString(1) + " | " + r.getString(2) + " | " + r.getList(5) + " | " + r.getString(9));
        }
        assertEquals("Gina Raimondo | person | [Gina Raimondo, Raimondo] | ner", actors.get(RAIMONDO));
        assertEquals("National Institute of Standards and Technology | organization | "
                + "[NIST, National Institute of Standards and Technology] | ner", actors.get(NIST));
        assertEquals("康义 | person | [康义] | ner", actors.get("ner:per:康义"));
        assertEquals(7, actors.size(), actors.keySet().toString());
        List<String> candidates = Actors.candidates(analysed, 1).orderBy("phrase").collectAsList().stream()
                .map(r -> r.getString(0) + " | " + r.getString(1) + " | " + r.getLong(2) + " | " + r.getLong(3) + " | " + r.getString(4)
                        + " | " + r.getList(5)).toList();
        assertTrue(candidates.contains("Gina Raimondo | " + RAIMONDO + " | 1 | 2 | person | [Raimondo]"), candidates.toString());
        assertTrue(candidates.contains("National Institute of Standards and Technology | " + NIST + " | 1 | 3 | organization | [NIST]"),
                candidates.toString());
        assertTrue(candidates.contains("世界卫生组织 | ner:org:世界卫生组织 | 1 | 3 | organization | [世卫组织]"), candidates.toString());
    }

    private static List<String> merged(String text, EntityRecognizer.Entity... entities) {
        return MatcherTest.MATCHER.find(text, "en", List.of(entities)).stream()
                .map(f -> f.origin() + " " + f.text() + " -> " + (f.actor() == null ? null : f.actor().actorId())).toList();
    }

    @Test
    void theDictionaryLinksWhereItCoversAnEntityAndALongerNameIsAnActorOfItsOwn() {
        assertEquals(List.of("dictionary China -> CHN"), merged("China said so.", new EntityRecognizer.Entity(0, 5, "LOC")));
        assertEquals(List.of("ner Bank of China -> ner:org:bank-of-china", "dictionary China -> CHN"),
                merged("Bank of China said so.", new EntityRecognizer.Entity(0, 13, "ORG")),
                "the longer name is an actor; the names inside it keep their mentions");
        assertEquals(List.of("dictionary Federal Reserve -> USA_FED",
                        "ner Federal Reserve Bank of New York -> ner:org:federal-reserve-bank-of-new-york",
                        "dictionary New York -> USA_NEW_YORK"),
                merged("Federal Reserve Bank of New York said so.", new EntityRecognizer.Entity(0, 32, "ORG")));
        assertEquals(List.of("ner Houston -> ner:per:houston"), merged("Houston said so.", new EntityRecognizer.Entity(0, 7, "PER")),
                "a person or a club read in context where the dictionary only knows a city");
        assertEquals(List.of("dictionary Jordan -> JOR"), merged("Jordan said so.", new EntityRecognizer.Entity(0, 6, "PER")));
        assertEquals(List.of("dictionary WTO -> IGO_WTO"), merged("WTO said so.", new EntityRecognizer.Entity(0, 3, "LOC")),
                "a wrong place reading does not undo an organisation the dictionary knows");
        // A later one-word entity equal to a full name's surname is the same person, not a new actor.
        assertEquals(List.of("ner Jane Doe -> ner:per:jane-doe", "resolved Doe -> ner:per:jane-doe"),
                merged("Jane Doe spoke. Doe left.", new EntityRecognizer.Entity(0, 8, "PER"), new EntityRecognizer.Entity(16, 19, "ORG")));
    }

    @Test
    void theModelSkipsOnlySentencesThatCannotHoldAName() {
        java.util.function.Predicate<String> read = s -> EntityRecognizer.mayNameSomeone(EntityTokens.tokens(s));
        assertFalse(read.test("The company said it would close the plant."));
        assertFalse(read.test("\"It is over,\" he said."));
        assertFalse(read.test(""));
        assertTrue(read.test("Raimondo declined to comment."), "a capitalised first word that is no function word");
        assertTrue(read.test("He met Smith on Monday."));
        assertTrue(read.test("OTTAWA 7 11 6 62 72 20"), "a sports table's line");
        assertTrue(read.test("US officials said so."), "an acronym that spells a function word");
        assertTrue(read.test("WHO said so."));
    }

    @Test
    void theRecogniserReadsAClubACompanyOrAPersonWhereTheDictionaryKnowsACapitalADemonymOrACountry() {
        assertEquals(List.of("ner Ottawa -> ner:org:ottawa", "ner Boston -> ner:org:boston"),
                merged("Ottawa beat Boston.", new EntityRecognizer.Entity(0, 6, "ORG"), new EntityRecognizer.Entity(12, 18, "ORG")),
                "a capital read as a club is not its country's government");
        assertEquals(List.of("dictionary Ottawa -> CAN_GOV"), merged("Ottawa said so.", new EntityRecognizer.Entity(0, 6, "LOC")));
        assertEquals(List.of("ner American -> ner:org:american", "ner AMR -> ner:org:amr"),
                merged("American and its parent AMR said so.", new EntityRecognizer.Entity(0, 8, "ORG"),
                        new EntityRecognizer.Entity(24, 27, "ORG")), "the airline, not the demonym");
        assertEquals(List.of("ner Bill Jordan -> ner:per:bill-jordan", "resolved Jordan -> ner:per:bill-jordan"),
                merged("Bill Jordan spoke. Jordan said so.", new EntityRecognizer.Entity(0, 11, "PER"),
                        new EntityRecognizer.Entity(19, 25, "PER")), "a person named in full before: his surname");
        assertEquals(List.of("dictionary Jordan -> JOR"), merged("Jordan said so.", new EntityRecognizer.Entity(0, 6, "PER")),
                "with no one named in full, a country's name stays the country");
        assertEquals(List.of("ner Michael Jordan -> ner:per:michael-jordan"),
                merged("Michael Jordan scored.", new EntityRecognizer.Entity(0, 14, "PER")), "no country inside a person's name");
    }

    /** Clubs named after cities are actors of their own; a dateline's names stay places, whatever the model reads. */
    @Test
    void clubsAreOrganisationsButADatelineNamesAPlace() {
        ActorText a = new ActorText("DETROIT AUTOMAKERS REPORT", "DETROIT, March 3 -",
                "The Detroit Pistons beat the Boston Celtics. Houston said the plant would close.", "en", null, MatcherTest.MATCHER, true);
        assertEquals(List.of("dictionary DETROIT -> USA_DETROIT (LOC) s0", "dictionary DETROIT -> USA_DETROIT (LOC) s1",
                "dictionary Detroit -> USA_DETROIT (LOC) s2", "ner Detroit Pistons -> ner:org:detroit-pistons (ORG) s2",
                "dictionary Boston -> USA_BOSTON (LOC) s2", "ner Boston Celtics -> ner:org:boston-celtics (ORG) s2",
                "ner Houston -> ner:org:houston (ORG) s3"), mentions(a));
    }

    @Test
    void aNameRecognisedOnceIsAnEntityWhereverTheArticleWritesItSoWithItsUsualType() {
        String text = "Acme Corp hired Kohl. Kohl met Acme Corp staff. Kohl left; Kohler stayed at ACME. Kohl won.";
        List<EntityRecognizer.Entity> found = List.of(new EntityRecognizer.Entity(0, 9, "ORG"),
                new EntityRecognizer.Entity(16, 20, "PER"), new EntityRecognizer.Entity(22, 26, "LOC"),
                new EntityRecognizer.Entity(82, 86, "PER"));
        // Missed: "Acme Corp" at 31 (ORG) and "Kohl" at 48 (PER: twice PER, once LOC). "Kohler" and "ACME" are other
        // words; what the model found keeps its type (the LOC at 22 stays).
        assertEquals(List.of(new EntityRecognizer.Entity(0, 9, "ORG"), new EntityRecognizer.Entity(16, 20, "PER"),
                        new EntityRecognizer.Entity(22, 26, "LOC"), new EntityRecognizer.Entity(31, 40, "ORG"),
                        new EntityRecognizer.Entity(48, 52, "PER"), new EntityRecognizer.Entity(82, 86, "PER")),
                EntityRecognizer.consistent(text, found));
        // Through the recogniser: the model misses the sentence-initial "Raimondo" it finds twice later.
        String article = "Raimondo met chipmakers in Washington. The talks, Raimondo said, went well.";
        assertEquals(List.of(new EntityRecognizer.Entity(0, 8, "PER"), new EntityRecognizer.Entity(27, 37, "LOC"),
                        new EntityRecognizer.Entity(50, 58, "PER")),
                EntityRecognizer.find(article, new java.util.ArrayList<>(io.newslens.text.Tokenizer.sentences(article, "en")), "en"));
    }

    /** A subheading line of a text written a paragraph per line is not read as one name with the next line's start. */
    @Test
    void noNameIsReadAcrossTheLineBreakOfAParagraphPerLineText() {
        ActorText a = new ActorText("", null, "Scotland travel to Ireland next week\nDublin\nMurrayfield officials said on "
                + "Monday that the stadium had passed its safety checks and that tickets for the game against Ireland had "
                + "sold out within an hour of going on sale.", "en", null, MatcherTest.MATCHER, true);
        // Read as one sentence, the recogniser took "Dublin\nMurrayfield" for one place.
        assertEquals(List.of("dictionary Scotland -> GBR (LOC) s0", "dictionary Ireland -> IRL (LOC) s0",
                "dictionary Dublin -> IRL_GOV (ORG) s1", "dictionary Ireland -> IRL (LOC) s2"), mentions(a));
    }

    @Test
    void aWireServicesSignOffIsNoActorButTheAgencyInAStoryIs() {
        ActorText a = new ActorText("", null, "Commerce Secretary Gina Raimondo told Reuters the plant would close.\n Reuter\n&#3;",
                "en", null, MatcherTest.MATCHER, true);
        assertEquals(List.of("ner Gina Raimondo -> " + RAIMONDO + " (PER) s0", "ner Reuters -> ner:org:reuters (ORG) s0"), mentions(a));
        assertTrue(EntityRecognizer.signOff(" Reuter\n&#3;", new int[] {0, 12}, 1, 7));
        assertFalse(EntityRecognizer.signOff("told Reuters", new int[] {0, 12}, 5, 12));
    }

    @Test
    void recognisedActorIdsComeFromTypeAndNormalisedName() {
        assertEquals("ner:org:white-house-office", Matcher.recognisedActor("The  White House Office", "ORG").actorId());
        assertEquals("ner:org:us-steel", Matcher.recognisedActor("U.S. Steel", "ORG").actorId());
        assertEquals("ner:per:oneill", Matcher.recognisedActor("O'Neill", "PER").actorId());
        assertEquals("ner:loc:北京", Matcher.recognisedActor("北京", "LOC").actorId());
        assertEquals("place", Matcher.recognisedActor("北京", "LOC").type());
        assertTrue(Matcher.initialsMatch("National Institute of Standards and Technology", "NIST"));
        assertFalse(Matcher.initialsMatch("World Health Organization", "WTO"));
        assertTrue(Matcher.abbreviates("世界卫生组织", "世卫组织"));
        assertFalse(Matcher.abbreviates("世界卫生组织", "卫世"));
        assertFalse(Matcher.abbreviates("世卫", "世卫"));
    }

    @Test
    void tokensAreTheOnesTheModelWasTrainedOn() {
        assertEquals(List.of("Gina", "Raimondo", ",", "the", "U.S.", "envoy", ",", "said", "Germany", "'s", "Siemens", "Corp.",
                        "did", "n't", "pay", "$", "3.5", "billion", "to", "O'Neill", "on", "Jan.", "5", ";", "M.", "Johnson", "won",
                        "2-0", "on", "1996-12-06", "--", "in", "the", "1990s", "..."),
                EntityTokens.tokens("Gina Raimondo, the U.S. envoy, said Germany's Siemens Corp. didn't pay $3.5 billion to "
                        + "O'Neill on Jan. 5; M. Johnson won 2-0 on 1996-12-06 -- in the 1990s...").stream()
                        .map(EntityTokens.Token::text).toList());
        EntityTokens.Token t = EntityTokens.tokens("  Mr. Smith").get(1);
        assertEquals(List.of("Smith", 6, 11), List.of(t.text(), t.start(), t.end()));
    }

    @Test
    void goldTagsBecomeEntitiesAndTheScoreIsExactSpan() {
        assertEquals(List.of(new Conll.Entity(0, 2, "PER"), new Conll.Entity(3, 4, "LOC"), new Conll.Entity(4, 5, "LOC"),
                        new Conll.Entity(5, 6, "ORG")),
                Conll.entities(List.of("I-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG")), "IOB1");
        assertEquals(List.of(new Conll.Entity(0, 2, "PER"), new Conll.Entity(2, 3, "PER")),
                Conll.entities(List.of("B-PER", "I-PER", "B-PER")), "BIO");
        Conll.Sentence s = new Conll.Sentence(List.of("a", "b", "c", "d"),
                List.of(new Conll.Entity(0, 2, "PER"), new Conll.Entity(3, 4, "LOC"), new Conll.Entity(2, 3, "MISC")), true);
        // Predicted: PER 0-2 right, LOC 2-4 wrong span, MISC ignored: P = 1/2, R = 1/2.
        Map<String, NerEvaluation.Score> score = NerEvaluation.score(List.of(s), x -> List.of(new Conll.Entity(0, 2, "PER"),
                new Conll.Entity(2, 4, "LOC"), new Conll.Entity(2, 3, "MISC")));
        assertEquals(new NerEvaluation.Score(1, 2, 2), score.get("ALL"));
        assertEquals(0.5, score.get("ALL").f1(), 1e-12);
        assertEquals(new NerEvaluation.Score(0, 1, 1), score.get("LOC"));
    }
}
