package io.newslens.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/**
 * UTF-8 decoded as Latin-1 or Windows-1252: each damaged form below is what Python's bytes.decode gives for the
 * UTF-8 of the sentence (Windows-1252, Latin-1 where it has no character), worked out once and written here.
 */
class MojibakeTest {
    @Test
    void damagedTextIsRepaired() {
        // BBC's pound sign (646 of ../shared's 2,225 BBC articles hold it).
        assertEquals("Quarterly profits (\u00A3600m) rose.", Mojibake.repair("Quarterly profits (\u00C2\u00A3600m) rose."));
        // Curly quotes and dashes through Windows-1252.
        assertEquals("It wasn\u2019t \u201Cfair\u201D \u2014 he said.", Mojibake.repair(
                "It wasn\u00E2\u20AC\u2122t \u00E2\u20AC\u0153fair\u00E2\u20AC\u009D \u00E2\u20AC\u201D he said."));
        assertEquals("Caf\u00E9 au lait, na\u00EFve.", Mojibake.repair("Caf\u00C3\u00A9 au lait, na\u00C3\u00AFve."));
        // Cyrillic, Greek, and Chinese through Latin-1 (C1 controls) and through Windows-1252.
        assertEquals("\u041F\u0440\u0438\u0432\u0435\u0442, \u043C\u0438\u0440", Mojibake.repair(
                "\u00D0\u0178\u00D1\u20AC\u00D0\u00B8\u00D0\u00B2\u00D0\u00B5\u00D1\u201A, \u00D0\u00BC\u00D0\u00B8\u00D1\u20AC"));
        assertEquals("\u0395\u03BB\u03BB\u03AC\u03B4\u03B1",
                Mojibake.repair("\u00CE\u2022\u00CE\u00BB\u00CE\u00BB\u00CE\u00AC\u00CE\u00B4\u00CE\u00B1"));
        assertEquals("\u4E2D\u56FD\u548C\u7F8E\u56FD", Mojibake.repair(
                "\u00E4\u00B8\u00AD\u00E5\u009B\u00BD\u00E5\u0092\u008C\u00E7\u00BE\u008E\u00E5\u009B\u00BD"));
        assertEquals("\u4E2D\u56FD\u548C\u7F8E\u56FD", Mojibake.repair(
                "\u00E4\u00B8\u00AD\u00E5\u203A\u00BD\u00E5\u2019\u0152\u00E7\u00BE\u017D\u00E5\u203A\u00BD"));
        // BuzzFeed-Webis (data/sample): Latin-1 damage, a no-break space and an apostrophe.
        assertEquals("she\u2019s lazy. hand\u00A0and", Mojibake.repair("she\u00E2\u0080\u0099s lazy. hand\u00C2\u00A0and"));
    }

    @Test
    void soundTextIsLeftAsItIs() {
        for (String sound : new String[] {
                "\u201EGru\u00DF\u201C, sagte er.",          // German quotes after ß: would give an NKo letter
                "\u00BBFU\u00DF\u00AB und \u00C4\u201C",     // one Latin Extended letter alone is not enough
                "S\u00E3o Paulo, Z\u00FCrich, na\u00EFve caf\u00E9, \u00C9l est\u00E1 aqu\u00ED. \u00BFQu\u00E9?",
                "10 \u00D7 \u00BD = 5",
                "\u4E2D\u56FD\u548C\u7F8E\u56FD", "plain ASCII"}) {
            assertSame(sound, Mojibake.repair(sound), sound);
        }
    }

    /** How many texts of each shared corpus are damaged so (docs/terms.md); none of the sound ones is touched. */
    @Test
    void damagedTextsOfTheSharedCorpora() throws Exception {
        java.nio.file.Path shared = io.newslens.SparkTestSession.shared();
        org.junit.jupiter.api.Assumptions.assumeTrue(shared != null, "skipped: ../shared is not beside this clone");
        java.nio.file.Path corpora = shared.resolve("corpora");
        assertEquals("646 of 2225", repairedTexts(corpora.resolve("bbc/articles.jsonl.gz")));
        assertEquals("86 of 1627", repairedTexts(corpora.resolve("buzzfeed_webis_2016/articles.jsonl.gz")));
        assertEquals("0 of 21578", repairedTexts(corpora.resolve("reuters21578/articles.jsonl.gz")));
        assertEquals("0 of 200", repairedTexts(corpora.resolve("sogou_zh/articles.jsonl.gz")));
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        int files = 0;
        int repaired = 0;
        try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.walk(corpora.resolve("fakenewsnet_v1"))) {
            for (java.nio.file.Path p : all.filter(p -> p.toString().endsWith(".json")).toList()) {
                files++;
                String text = json.readTree(p.toFile()).path("text").asText("");
                repaired += Mojibake.repair(text).equals(text) ? 0 : 1;
            }
        }
        assertEquals("0 of 422", repaired + " of " + files, "FakeNewsNet's newspaper3k files");
    }

    private static String repairedTexts(java.nio.file.Path jsonl) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        int texts = 0;
        int repaired = 0;
        try (java.io.BufferedReader r = new java.io.BufferedReader(new java.io.InputStreamReader(
                new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(jsonl)), java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String text = json.readTree(line).path("text").asText("");
                texts++;
                repaired += Mojibake.repair(text).equals(text) ? 0 : 1;
            }
        }
        System.out.println("MojibakeTest: " + jsonl.getParent().getFileName() + ": " + repaired + " of " + texts + " texts repaired");
        return repaired + " of " + texts;
    }

    @Test
    void analysisSeesTheRepairedText() {
        assertEquals("Profits rose to \u00A31.13bn.", TextNormalizer.normalize("Profits rose to \u00C2\u00A31.13bn."));
        assertEquals("She said: \u2018no\u2019.", TextNormalizer.normalize("She said: \u00E2\u20AC\u02DCno\u00E2\u20AC\u2122."));
    }
}
