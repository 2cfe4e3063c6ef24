package io.newslens.actors;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.newslens.SparkTestSession;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Measured accuracy of article-level countries on Reuters-21578 (figures in docs/actors.md). */
class ReutersActorAccuracyTest {
    @Test
    void countriesAgainstReutersGoldPlaces() {
        Path reuters = Path.of(System.getProperty("newslens.shared", "../shared"), "corpora/reuters21578/articles.jsonl.gz");
        assumeTrue(Files.isRegularFile(reuters), "skipped: " + reuters + " is absent (../shared is not beside this clone)");
        ReutersActorAccuracy.Result r = SparkTestSession.compiled(
                () -> ReutersActorAccuracy.evaluate(SparkTestSession.get(), reuters.toString()));
        System.out.print(ReutersActorAccuracy.markdown(r));
        assertTrue(r.articles() > 19_000);
        assertTrue(r.salientMicro().f1() >= SALIENT_F1, "salient F1 " + r.salientMicro().f1());
        assertTrue(r.anyMicro().recall() >= ANY_RECALL, "any-mention recall " + r.anyMicro().recall());
    }

    static final double SALIENT_F1 = 0.87;
    static final double ANY_RECALL = 0.95;
}
