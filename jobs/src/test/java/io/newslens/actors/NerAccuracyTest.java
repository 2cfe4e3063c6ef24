package io.newslens.actors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Entity-level exact-span accuracy of what newslens reports (recogniser + dictionary + resolution) on the full gold
 * sets: CoNLL-2003 eng.testb and the MSRA Chinese test set. Tables and the command in docs/actors.md; the floors sit
 * just under today's figures, so a loss shows. (Issue #15's targets, English F1 0.88 and PER 0.92, Chinese F1 0.80
 * and PER 0.85, are all reached.)
 */
class NerAccuracyTest {
    private static Path gold(String file) {
        Path p = Path.of(System.getProperty("newslens.shared", "../shared"), "corpora", file);
        assumeTrue(Files.isRegularFile(p), "skipped: " + p + " is absent (../shared is not beside this clone)");
        return p;
    }

    /** What newslens reports on a gold file, printed; the number of gold entities checked. */
    private static Map<String, NerEvaluation.Score> newslens(List<Conll.Sentence> gold, String language, long entities) {
        Map<String, NerEvaluation.Score> scores = NerEvaluation.pipeline(gold, language, MatcherTest.MATCHER, true);
        System.out.print(language + ", newslens:\n" + NerEvaluation.table(scores));
        assertTrue(scores.get("ALL").gold() == entities, "gold PER/ORG/LOC entities " + scores.get("ALL").gold());
        return scores;
    }

    @Test
    void englishOnConll2003TestB() throws Exception {
        List<Conll.Sentence> gold = Conll.read(gold("conll2003_en/eng.testb.gz"));
        Map<String, NerEvaluation.Score> newslens = newslens(gold, "en", 4946);
        // Issue #15: F1 >= 0.88, PER >= 0.92 (0.899 and 0.946 measured; the floors sit just under)
        assertTrue(newslens.get("ALL").f1() >= 0.895, "F1 " + newslens.get("ALL").f1());
        assertTrue(newslens.get("PER").f1() >= 0.94, "PER F1 " + newslens.get("PER").f1());
        Map<String, NerEvaluation.Score> dictionary = NerEvaluation.pipeline(gold, "en", MatcherTest.MATCHER, false);
        assertTrue(newslens.get("ALL").f1() > dictionary.get("ALL").f1() + 0.3, "recognition adds what the dictionary lacks");
    }

    @Test
    void chineseOnMsraTest() throws Exception {
        Map<String, NerEvaluation.Score> newslens = newslens(Conll.read(gold("msra_ner_zh/msra_test_bio.txt.gz")), "zh", 6190);
        // Issue #15: F1 >= 0.80, PER >= 0.85 (0.851 and 0.885 measured; the floors sit just under)
        assertTrue(newslens.get("ALL").f1() >= 0.845, "F1 " + newslens.get("ALL").f1());
        assertTrue(newslens.get("PER").f1() >= 0.88, "PER F1 " + newslens.get("PER").f1());
    }
}
