package io.newslens.actors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching on the shipped dictionary: exact mentions of a hand-written article, ambiguity traps, dated roles. */
class MatcherTest {
    static final Dictionary DICTIONARY = Dictionary.load(true, List.of());
    static final Matcher MATCHER = new Matcher(DICTIONARY, true, true);

    private static ActorText read(String title, String body, LocalDate date) {
        return new ActorText(title, null, body, "en", date, MATCHER);
    }

    private static List<String> ids(ActorText a) {
        return a.mentions.stream().map(m -> m.found().actor() == null ? "?" + m.found().candidates() : m.found().actor().actorId())
                .toList();
    }

    @Test
    void theHandWrittenArticleGivesExactlyTheseMentions() {
        ActorText a = read("Trade talks resume", "Washington and Beijing agreed on Monday to resume trade talks. "
                + "The White House said the talks would start in May. Chinese officials welcomed the move, and us analysts "
                + "expect growth in the U.S. economy.", LocalDate.of(2024, 5, 2));
        List<String> rows = a.mentions.stream().map(m -> String.join("|", m.found().actor().actorId(), m.found().text(),
                String.valueOf(m.found().metonym()), m.zone(), String.valueOf(m.sentence()), String.valueOf(m.found().start()),
                String.valueOf(m.found().end()))).toList();
        assertEquals(List.of(
                "USA_GOV|Washington|capital|lead|1|20|30",
                "CHN_GOV|Beijing|capital|lead|1|35|42",
                "USA_WHITE_HOUSE|White House|null|body|2|87|98",
                "CHN|Chinese|demonym|body|3|134|141",
                "USA|U.S.|null|body|3|208|212"), rows, "lower-case 'us' is not the United States");
        assertEquals(4, a.sentences.size(), "title + three body sentences");
    }

    /**
     * Two-character Chinese country names (most are two: 中国, 美国, 日本) are found where they are words of their own in
     * smartcn's segmentation, and not inside another word: 沿海/地区 holds 海地 (Haiti), 内蒙古 holds 蒙古 (Mongolia).
     */
    @Test
    void twoCharacterChineseNamesAreFoundAsWordsOnly() {
        ActorText a = new ActorText("", null, "中国和美国在日本会谈，美国人说。沿海地区经济发展，内蒙古自治区。", "zh", null, MATCHER);
        assertEquals(List.of("CHN", "USA", "JPN", "USA"), ids(a));
        assertEquals(List.of("中国", "美国", "日本", "美国"), a.mentions.stream().map(m -> m.found().text()).toList());
    }

    /**
     * Country names in the article's language (CLDR, from the JDK): a French article names the United States and China
     * as « États-Unis » and « Chine », a Russian one Russia and China as Россия and Китай; the same French sentence read
     * as English finds neither (the names are French only). The dictionary's own names stay in every language.
     */
    @Test
    void countryNamesInTheArticlesLanguage() {
        String french = "Les États-Unis et la Chine négocient.";
        assertEquals(List.of("USA", "CHN"), ids(new ActorText("", null, french, "fr", null, MATCHER)));
        assertEquals(List.of(), ids(new ActorText("", null, french, "en", null, MATCHER)));
        assertEquals(List.of(), ids(new ActorText("", null, french, null, null, MATCHER)), "no language: no local names");
        assertEquals(List.of("RUS", "CHN"), ids(new ActorText("", null, "Россия и Китай подписали соглашение.", "ru", null, MATCHER)));
        assertEquals(List.of("DEU", "JPN", "CHN"), ids(new ActorText("", null, "Deutschland und Japan verhandeln über China.", "de", null, MATCHER)));
        assertEquals(List.of("CHN"), ids(new ActorText("", null, "China grew.", "fr", null, MATCHER)), "the dictionary's name in every language");
    }

    /**
     * The sample's 30 Chinese articles (data/sample/sogou-zh-2012.jsonl): every occurrence of 中国 and of 美国 in title or
     * text is a mention of China or of the United States, except where smartcn makes it part of a longer word: 62
     * occurrences, 58 found; the other 4 are the names 中国银行 (Bank of China) and 中国证监会 (the securities regulator).
     * The same with the Chinese recogniser's entities merged in (actors.recognise, the default).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "recognise={0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {false, true})
    void chinaAndTheUnitedStatesAreFoundInTheSamplesChineseArticles(boolean recognise) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        int occurrences = 0;
        int found = 0;
        java.util.Map<String, Integer> insideWords = new java.util.TreeMap<>();
        for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("data/sample/sogou-zh-2012.jsonl"))) {
            com.fasterxml.jackson.databind.JsonNode article = json.readTree(line);
            for (String text : List.of(article.path("title").asText(), article.path("text").asText())) {
                java.util.BitSet words = io.newslens.text.Analyzers.chineseWordBoundaries(text);
                java.util.Set<Integer> mentioned = new java.util.HashSet<>();
                List<EntityRecognizer.Entity> entities = recognise
                        ? EntityRecognizer.find(text, List.of(new int[] {0, text.length()}), "zh") : List.of();
                for (Matcher.Found f : MATCHER.find(text, "zh", entities)) {
                    if (f.actor() != null && (f.actor().actorId().equals("CHN") && f.text().equals("中国")
                            || f.actor().actorId().equals("USA") && f.text().equals("美国"))) {
                        mentioned.add(f.start());
                    }
                }
                for (String name : List.of("中国", "美国")) {
                    for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
                        occurrences++;
                        if (mentioned.contains(i)) {
                            found++;
                        } else {
                            assertTrue(!words.get(i) || !words.get(i + 2), "a word of its own, not found: " + text.substring(Math.max(0, i - 5), Math.min(text.length(), i + 7)));
                            insideWords.merge(text.substring(Math.max(0, i - 2), Math.min(text.length(), i + 5)), 1, Integer::sum);
                        }
                    }
                }
            }
        }
        System.out.printf("sample zh: 中国/美国 %d occurrences, %d found, inside longer words %s%n", occurrences, found, insideWords);
        assertEquals(occurrences, found + insideWords.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(62, occurrences);
        assertEquals(58, found, "not found: " + insideWords);
        assertTrue(insideWords.keySet().stream().allMatch(w -> w.contains("中国银行") || w.contains("中国证监会")), insideWords.toString());
    }

    @Test
    void aLaterBareSurnameIsThePersonNamedInFull() {
        ActorText a = read("", "Clinton was not yet named. Hillary Clinton spoke in Ohio on Monday. Later, Clinton said jobs "
                + "mattered, and Clinton's aides agreed; Clintonism is a word.", null);
        List<ActorText.Mention> hillary = a.mentions.stream()
                .filter(m -> m.found().actor() != null && m.found().actor().actorId().equals("PHX_HILLARY_CLINTON")).toList();
        // The full name, then the two bare surnames after it (the possessive too); not the one before it, not "Clintonism".
        assertEquals(List.of("Hillary Clinton", "Clinton", "Clinton"), hillary.stream().map(m -> m.found().text()).toList());
        String body = a.text;
        assertEquals("Clinton said", body.substring(hillary.get(1).found().start(), hillary.get(1).found().start() + 12));
        assertEquals(List.of("dictionary", "resolved", "resolved"), hillary.stream().map(m -> m.found().origin()).toList());
        assertEquals(List.of("dictionary"), a.mentions.stream().filter(m -> m.found().text().equals("Ohio"))
                .map(m -> m.found().origin()).toList(), "Ohio is a dictionary alias");
        // Two persons of one surname in the article: the bare surname is nobody's.
        ActorText both = read("", "Hillary Clinton and Bill Clinton met. Clinton spoke first.", null);
        assertEquals(List.of("PHX_HILLARY_CLINTON", "PHX_BILL_CLINTON"), ids(both));
    }

    @Test
    void metonymsCanBeSwitchedOff() {
        ActorText a = new ActorText("", null, "Washington and Beijing talked; Chinese officials agreed.", "en", null,
                new Matcher(DICTIONARY, false, false));
        assertEquals(List.of(), ids(a));
    }

    @Test
    void ambiguityTraps() {
        assertEquals(List.of("MORGAN_STANLEY"), ids(read("", "Morgan Stanley raised its forecast.", null)),
                "not the Falklands' capital Stanley");
        assertEquals(List.of("USA_NEW_JERSEY"), ids(read("", "A plant in New Jersey will close.", null)), "not Jersey");
        assertEquals(List.of("JEY"), ids(read("", "Jersey is a tax haven.", null)));
        assertEquals(List.of("USA", "USA", "GBR"), ids(read("", "The US and the U.S.A. and the UK met; let us see.", null)));
        // Georgia: the country near Tbilisi, the state near Atlanta, and left ambiguous (and counted) without context.
        assertEquals(List.of("GEO", "GEO_GOV"), ids(read("", "Georgia held talks in Tbilisi.", null)));
        assertEquals(List.of("USA_ATLANTA", "USA_GEORGIA"), ids(read("", "Atlanta is the largest city of Georgia.", null)));
        ActorText alone = read("", "Georgia said it would sign.", null);
        assertEquals(1, alone.mentions.size());
        assertNull(alone.mentions.get(0).found().actor());
        assertEquals(List.of("GEO", "USA_GEORGIA"), alone.mentions.get(0).found().candidates().stream().sorted().toList());
        // Case: "china" the porcelain is not China; all-capital headlines still match.
        assertEquals(List.of(), ids(read("", "She collects fine china.", null)));
        assertEquals(List.of("CHN"), ids(read("CHINA CUTS RATES", "", null)));
    }

    @Test
    void aDatedRoleGivesTheCodeOfTheArticlesDate() {
        String body = "Trump spoke to reporters.";
        assertEquals("USABUS", read("", body, LocalDate.of(2015, 6, 1)).mentions.get(0).code());
        assertEquals("USAGOV", read("", body, LocalDate.of(2019, 6, 1)).mentions.get(0).code());
        assertEquals("USAELI", read("", body, LocalDate.of(2022, 6, 1)).mentions.get(0).code());
        assertEquals("USAGOV", read("", body, LocalDate.of(2025, 1, 20)).mentions.get(0).code(), "from is inclusive");
        assertEquals("USAELI", read("", body, LocalDate.of(2025, 1, 19)).mentions.get(0).code(), "to is exclusive");
        assertNull(read("", body, null).mentions.get(0).code(), "undated: the actor's own code (none for this person)");
    }

    @Test
    void toneIsTheMeanLexiconValence() {
        // VADER: good 1.9, bad -2.5.
        ActorText a = read("", "China had a good year. Japan had a bad one.", null);
        assertEquals(1.9, a.sentenceTone.get(0), 1e-9);
        assertEquals(-2.5, a.sentenceTone.get(1), 1e-9);
        assertEquals(2, a.toneWords);
        assertTrue(ActorText.lexicon().size() > 7000);
    }

    @Test
    void candidatesAreCapitalisedPhrasesOutsideTheDictionary() {
        ActorText a = read("", "Officials of Acme Robotics Corp met China's envoy. Later, Jane Doe of the Ministry of Silly Walks spoke.", null);
        assertEquals(List.of("Acme Robotics Corp", "Jane Doe", "Ministry of Silly Walks"),
                a.candidates.stream().map(ActorText.Candidate::phrase).toList());
        assertEquals("company", ActorText.suggestType("Acme Robotics Corp"));
        assertEquals("person", ActorText.suggestType("Jane Doe"));
        assertEquals("government body", ActorText.suggestType("Ministry of Silly Walks"));
    }
}
