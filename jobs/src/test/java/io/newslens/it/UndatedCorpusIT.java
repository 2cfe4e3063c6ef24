package io.newslens.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An undated corpus (the sample's BuzzFeed-Webis slice: nine outlets, no dates), run in this JVM: the core reports are
 * filled, a warning names the period reports that stay empty, and the notebooks that plot over time still run on it
 * (00_overview reads only the manifest and the article table). A class of its own, so that it runs beside the
 * sample's SparkSubmit run rather than after it.
 */
class UndatedCorpusIT {
    @TempDir
    Path dir;

    @Test
    void anUndatedCorpusFillsTheCoreReportsAndTheNotebooksRun() throws Exception {
        Path repo = Path.of(System.getProperty("newslens.repo", "."));
        Path undated = dir.resolve("undated");
        io.newslens.TestRuns.Result r = io.newslens.TestRuns.run("all", "--input", repo.resolve("data/sample/buzzfeed-2016.csv").toString(),
                "--output", undated.toString());
        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode u = new ObjectMapper().readTree(undated.resolve("_manifest.json").toFile());
        assertTrue(u.path("warnings").toString().contains("no analysed article has a date: empty reports: trending_terms"), u.path("warnings").toString());
        for (String report : java.util.List.of("term_frequencies", "keyness", "collocations", "topic_prevalence", "actor_attention", "kwic")) {
            assertTrue(u.path("reports").path(report).path("rows").asLong() > 0, report + " filled on an undated corpus");
        }

        String why = NotebookRunner.unavailable();
        org.junit.jupiter.api.Assumptions.assumeTrue(why == null, "notebooks skipped: " + why);
        NotebookRunner.Running onUndated = NotebookRunner.start(repo, undated, repo.resolve("jobs/target/notebooks-undated"),
                "01", "02", "03");
        assertEquals(3, onUndated.await().size(), "the terms, topics and actors notebooks run on the undated reports");
    }
}
