package io.newslens.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.SparkTestSession;
import io.newslens.config.TextOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class TextLayerTest {
    private final Tokenizer tokenizer = new Tokenizer(TextOptions.defaults());

    @Test
    void htmlBecomesTextAndEntitiesAreDecoded() {
        assertEquals("Headline\n\nFirst para & more.\n\nSecond\nline",
                TextNormalizer.normalize("<div><h1>Headline</h1><p>First para &amp; more.</p><p>Second<br>line</p>"
                        + "<script>var x = 1;</script></div>"));
        assertEquals("STANDARD OIL <SRD> TO FORM UNIT", TextNormalizer.normalize("STANDARD OIL &lt;SRD> TO FORM UNIT"));
        // NFKC: full-width digits and ideographic space; white space folded, paragraphs kept.
        assertEquals("10 余万 非法", TextNormalizer.normalize("１０\u3000余万   非法"));
        assertEquals("a b\n\nc", TextNormalizer.normalize("  a \t b \n\n\n\n c  "));
        assertEquals("", TextNormalizer.normalize(null));
    }

    @Test
    void theNfkcShortcutOnlySkipsTextNfkcKeeps() {
        assertTrue(TextNormalizer.nfkcStableChars("Caf\u00e9 in Z\u00fcrich costs \u00a320"));
        // Ligature, superscript, non-breaking space, a combining accent (composes with the letter before it).
        for (String changed : List.of("\ufb01nance", "km\u00b2", "10\u00a0000", "Cafe\u0301")) {
            assertFalse(TextNormalizer.nfkcStableChars(changed), changed);
            assertNotEquals(changed, TextNormalizer.normalize(changed), changed);
        }
    }

    @Test
    void abbreviationCheckOnTheTailEqualsTheWholeSentenceSearch() {
        String[] pieces = {"Mr.", "U.S.", "Sept.", "Corp.", "word", "sept.", " ", " ", "\n", "A.", "x.", "Inc", "B.C.D.E.", ".", "no."};
        java.util.Random random = new java.util.Random(14);
        java.util.regex.Pattern whole = java.util.regex.Pattern.compile(
                "(?:\\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Adm|St|Mt|Jr|Sr|Inc|Co|Corp|Ltd|Bros|No|Nos|vs|etc"
                        + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.|\\b(?:\\p{Lu}\\.){1,3})\\s*$");
        int abbreviations = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(8); k >= 0; k--) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = s.toString();
            int start = random.nextInt(text.length() + 1);
            int end = start + random.nextInt(text.length() - start + 1);
            boolean expected = whole.matcher(text.substring(start, end)).find();
            abbreviations += expected ? 1 : 0;
            assertEquals(expected, Tokenizer.endsWithAbbreviation(text, start, end), () -> "[" + text.substring(start, end) + "] in [" + text + "]");
        }
        assertTrue(abbreviations > 1000, "the random sentences hold abbreviations: " + abbreviations);
    }

    @Test
    void notProseTriedWhereItCanStartEqualsTheWholeTextSearch() {
        String[] pieces = {"see", "http://x.co/ab", "www.", "-x", "cnn.com", "politi.co/2d", "a@b.org", "@handle", "(@user",
                "3:14", "PM", "CET", "10", "a.m.", "ET", "end.It", "x.", "/", ":", " ", " ", " ", "\n", "12", "pm", "é.fr", "U.S."};
        java.util.Random random = new java.util.Random(14);
        int matches = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(10); k >= 0; k--) {
                s.append(pieces[random.nextInt(pieces.length)]);
            }
            String text = s.toString();
            List<String> expected = new java.util.ArrayList<>();
            java.util.regex.Matcher m = Tokenizer.NOT_PROSE.matcher(text);
            while (m.find()) {
                expected.add(m.start() + "-" + m.end());
            }
            matches += expected.size();
            assertEquals(expected, Tokenizer.notProse(text).stream().map(sp -> sp[0] + "-" + sp[1]).toList(), () -> "[" + text + "]");
        }
        assertTrue(matches > 5000, "the random texts hold addresses and times: " + matches);
    }

    @Test
    void onePassSpaceFoldingEqualsTheRegexDefinition() {
        // Random strings over the characters the three regular expressions treat specially.
        char[] alphabet = {' ', ' ', '\n', '\n', '\t', '\r', '\f', '\u000B', '\u00A0', '\u3000', '\u2028', '\u001C', 'a', 'b', '中'};
        java.util.Random random = new java.util.Random(14);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = random.nextInt(14); k > 0; k--) {
                s.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = s.toString();
            assertEquals(TextNormalizer.foldSpacesByRegex(text), TextNormalizer.foldSpaces(text), () -> "for " + text.chars()
                    .mapToObj(c -> String.format("U+%04X", c)).toList());
        }
    }

    @Test
    void englishChunksDropStopWordsAndNeverJoinAcrossThem() {
        List<List<String>> chunks = tokenizer.chunks(
                "The Bank of England's governor said rates would rise. Markets fell 3% in London.", "en");
        // "said" and "would" are news function words: each ends a chunk.
        assertEquals(List.of(List.of("bank"), List.of("england", "governor"), List.of("rates"), List.of("rise"),
                List.of("markets", "fell"), List.of("london")), chunks);
    }

    @Test
    void linksAddressesAndHandlesAreNotProse() {
        // Each cut is a chunk break: no "watch today" bigram across the link.
        assertEquals(List.of(List.of("watch"), List.of("today"), List.of("write"), List.of("follow"), List.of("updates")),
                tokenizer.chunks("Watch http://politi.co/2dXyZ1m today. Write to news.desk@example.org or follow @CNNPolitics "
                        + "for updates pic.twitter.com/1m75ubx", "en"));
        assertEquals(List.of(List.of("story"), List.of("ends")), tokenizer.chunks("Story cnn.it/2abc ends", "en"));
        // Clock times and their zones are datelines: no "pm cet" term.
        assertEquals(List.of(List.of("chris", "spillane"), List.of("talks"), List.of("resume")),
                tokenizer.chunks("11/19/16, 3:14 PM CET BY Chris Spillane. Talks at 10 a.m. ET resume", "en"));
        assertEquals(List.of(List.of("amendments")), tokenizer.chunks("5 amendments", "en"), "not a time");
        assertEquals(List.of(List.of("visit"), List.of("homepage")), tokenizer.chunks("Visit www.bbc.co.uk homepage", "en"));
        // A missing space after a full stop is not a web address: nothing is cut.
        assertEquals(List.of(List.of("vote", "ended.in", "talks", "resume")), tokenizer.chunks("The vote ended.In talks resume", "en"));
    }

    @Test
    void newsFunctionWordsAreStopWordsUnlessTurnedOff() {
        String text = "Officials said the talks will also resume, according to Reuters.";
        assertEquals(List.of(List.of("officials"), List.of("talks"), List.of("resume"), List.of("reuters")),
                tokenizer.chunks(text, "en"));
        Tokenizer plain = new Tokenizer(new TextOptions(null, null, null, null, null, false, null, null, null));
        assertEquals(List.of(List.of("officials", "said"), List.of("talks", "will", "also", "resume", "according"),
                List.of("reuters")), plain.chunks(text, "en"));
        // The pronoun, the modal and the adjective go; Theresa May, the US and New York stay.
        assertEquals(List.of(List.of("theresa", "may", "met", "us", "envoy"), List.of("new", "york"), List.of("talk")),
                tokenizer.chunks("Theresa May met US envoy in New York. Two may tell us new talk.", "en"));
    }

    @Test
    void stemmingAndExtraStopWordsAreOptions() {
        Tokenizer t = new Tokenizer(new TextOptions(null, true, null, null, List.of("said"), false, null, null, null));
        assertEquals(List.of(List.of("market"), List.of("rate", "rise")), t.chunks("Markets said rates rising.", "en"));
    }

    @Test
    void sentencesAreSplit() {
        String text = "Mr. Smith went to Washington. He met the U.S. president! Did he? 他说。我们走了。";
        List<String> got = Tokenizer.sentences(text, "en").stream().map(b -> text.substring(b[0], b[1]).strip()).toList();
        assertEquals(List.of("Mr. Smith went to Washington.", "He met the U.S. president!", "Did he?", "他说。", "我们走了。"), got);
        // A blank line ends a sentence: a title without a full stop is not glued to the body's first sentence.
        String titled = "Geneva meeting\n\nTalks resumed. More later";
        assertEquals(List.of("Geneva meeting", "Talks resumed. ", "More later"),
                Tokenizer.sentences(titled, "en").stream().map(b -> titled.substring(b[0], b[1])).toList());
    }

    /**
     * A text written a paragraph per line (a line longer than hard-wrapping writes) ends a sentence at every line
     * break: a subheading or a caption without a full stop is not glued to the next paragraph. Hard-wrapped wire
     * copy keeps a name broken over two lines in one sentence.
     */
    @Test
    void lineBreaksEndSentencesOnlyInTextsWrittenAParagraphPerLine() {
        String paragraph = "Murrayfield will host the match on Saturday after the stadium passed its safety checks, "
                + "officials said, and tickets for the game sold out within an hour of going on sale";
        assertEquals(169, paragraph.length());
        String perLine = "Dublin \n" + paragraph + "\nPhoto: Reuters";
        assertEquals(List.of("Dublin", paragraph, "Photo: Reuters"),
                Tokenizer.sentences(perLine, "en").stream().map(b -> perLine.substring(b[0], b[1])).toList());
        // The same lines with the long one 150 characters (the limit) read as hard-wrapped: one sentence.
        String wrappedLong = "Dublin\n" + paragraph.substring(0, 150) + "\nPhoto: Reuters";
        assertEquals(1, Tokenizer.sentences(wrappedLong, "en").size());
        String wire = "Wheat exports from the port of New\nYork rose to 1.2 mln tonnes, the U.S.\nAgriculture Department said.\n"
                + "    Corn exports fell.";
        assertEquals(List.of("Wheat exports from the port of New\nYork rose to 1.2 mln tonnes, the U.S.\nAgriculture Department said.\n    ",
                        "Corn exports fell."),
                Tokenizer.sentences(wire, "en").stream().map(b -> wire.substring(b[0], b[1])).toList());
    }

    @Test
    void chineseIsSegmentedIntoWords() throws Exception {
        Path sample = SparkTestSession.repo().resolve("data/sample/sogou-zh-2012.jsonl");
        JsonNode first = new ObjectMapper().readTree(Files.readAllLines(sample, StandardCharsets.UTF_8).get(0));
        String title = TextNormalizer.normalize(first.path("title").asText());
        List<String> tokens = tokenizer.chunks(title, "zh").stream().flatMap(List::stream).toList();
        // 公安机关销毁10余万非法枪支 跨国武器走私渐起
        for (String word : List.of("销毁", "非法", "枪支", "跨国", "武器", "走私")) {
            assertTrue(tokens.contains(word), word + " in " + tokens);
        }
        assertTrue(tokens.stream().anyMatch(t -> t.length() >= 2), "words, not single characters: " + tokens);
        assertFalse(tokens.contains(title), "not one whitespace chunk: " + tokens);
    }

    @Test
    void detectsEnglishAndChinese() {
        List<String> langs = TextOptions.DEFAULT_LANGUAGES;
        assertEquals("en", LanguageDetector.detect("The central bank raised interest rates on Thursday.", langs).language());
        assertEquals("zh", LanguageDetector.detect("公安机关销毁十余万非法枪支，跨国武器走私渐起", langs).language());
        assertEquals("de", LanguageDetector.detect("Die Bundesregierung hat am Donnerstag neue Regeln beschlossen.", langs).language());
        assertEquals("und", LanguageDetector.detect("   ", langs).language());
        // Fewer than 20 letters is too short to tell (18 here); 23 letters are detected.
        assertEquals("und", LanguageDetector.detect("Markets rose sharply.", langs).language());
        assertEquals("und", LanguageDetector.detect("Hola mundo", langs).language());
        assertEquals("en", LanguageDetector.detect("Markets rose sharply today.", langs).language());
    }

    @Test
    void scriptAndFunctionWordsDecideBeforeTheNgramModels() {
        List<String> langs = TextOptions.DEFAULT_LANGUAGES;
        assertEquals("ru", LanguageDetector.byScript("Правительство объявило о новых мерах поддержки", langs).language());
        assertEquals("ko", LanguageDetector.byScript("정부는 새로운 경제 대책을 발표했다", langs).language());
        assertEquals("ja", LanguageDetector.byScript("政府は新しい経済対策を発表した", langs).language());
        // Two configured Cyrillic languages: the script does not tell them apart.
        assertEquals(null, LanguageDetector.byScript("Правительство объявило о новых мерах поддержки", List.of("ru", "uk", "en")));
        assertEquals(null, LanguageDetector.byScript("The government announced new measures", langs));

        FunctionWords words = new FunctionWords(langs);
        LanguageDetector.Result german = words.vote("Die Regierung hat am Donnerstag in Berlin neue Regeln für den Handel mit "
                + "Energie beschlossen, die von der Opposition und den Verbänden scharf kritisiert wurden.");
        assertEquals("de", german.language());
        // Accepted votes lead at least 3 to 1: confidence (leader / leader + runner-up) of 0.75 or more.
        assertTrue(german.confidence() >= 0.75 && german.confidence() < 1.0, german.toString());
        assertEquals("fr", words.vote("Le gouvernement a annoncé jeudi de nouvelles mesures pour soutenir les entreprises "
                + "qui sont touchées par la hausse des prix de l'énergie.").language());
        // A line-up of names has no function words to go on; Polish has no Lucene list: both are left to Lingua.
        assertEquals(null, words.vote("Dimitri Yachvili (Biarritz), Pierre Mignoni (Clermont), Yann Delaigue (Castres), "
                + "Frederic Michalak (Stade Toulousain), Damien Traille (Biarritz), Yannick Jauzion (Stade Toulousain)"));
        String polish = "Rząd ogłosił w czwartek nowe przepisy dotyczące handlu energią, które zostały ostro skrytykowane przez opozycję i związki.";
        assertEquals(null, words.vote(polish));
        assertEquals("pl", LanguageDetector.detect(polish, langs).language());
    }

    /** Accuracy on real corpora: all of sogou_zh with text (166 Chinese) and the first 500 Reuters articles with text. */
    @Test
    void languageDetectionAccuracyOnRealCorpora() throws Exception {
        Path shared = SparkTestSession.shared();
        assumeTrue(shared != null, "../shared/corpora not found: skipping the language-detection accuracy check");
        int[] zh = score(shared.resolve("corpora/sogou_zh/articles.jsonl.gz"), "zh", 200);
        int[] en = score(shared.resolve("corpora/reuters21578/articles.jsonl.gz"), "en", 500);
        double accuracy = (zh[0] + en[0]) / (double) (zh[1] + en[1]);
        System.err.printf("language detection: zh %d/%d, en %d/%d, accuracy %.4f%n", zh[0], zh[1], en[0], en[1], accuracy);
        assertEquals(166, zh[1], "sogou_zh has 166 articles with text");
        assertEquals(500, en[1]);
        assertTrue(accuracy >= 0.99, "accuracy " + accuracy);
    }

    private static int[] score(Path corpus, String expected, int limit) throws Exception {
        ObjectMapper json = new ObjectMapper();
        int right = 0;
        int total = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(corpus)),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null && total < limit; line = r.readLine()) {
                JsonNode a = json.readTree(line);
                String text = TextNormalizer.normalize(a.path("title").asText() + "\n\n" + a.path("text").asText());
                if (a.path("text").asText().isBlank()) {
                    continue;
                }
                total++;
                if (expected.equals(LanguageDetector.detect(text, TextOptions.DEFAULT_LANGUAGES).language())) {
                    right++;
                }
            }
        }
        return new int[] {right, total};
    }
}
