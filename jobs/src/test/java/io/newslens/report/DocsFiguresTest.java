package io.newslens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newslens.SparkTestSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every figure in README.md and docs/*.md names the command, result file or test that produces it (docs/figures.py). */
class DocsFiguresTest {
    @Test
    void noFigureWithoutASource() throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("python3", "docs/figures.py", "--orphans").directory(SparkTestSession.repo().toFile())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not installed here: " + e.getMessage());
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(1, TimeUnit.MINUTES);
        assertEquals(0, p.exitValue(), out);
    }
}
