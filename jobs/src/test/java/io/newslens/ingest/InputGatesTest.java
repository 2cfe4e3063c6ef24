package io.newslens.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newslens.config.IngestOptions;
import io.newslens.config.InputSpec;
import io.newslens.report.RunFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-quality gates on hand-made counts, and which files a folder input reads. No Spark. */
class InputGatesTest {
    private static final IngestOptions DEFAULTS = IngestOptions.defaults();

    private static InputGates.Counts counts(long read, long quarantined, long parsed, long dated, long undated,
                                            Map<String, Long> filled) {
        return new InputGates.Counts(read, quarantined, quarantined == 0 ? Map.of() : Map.of("malformed_json", quarantined),
                () -> "malformed_json (the line is not a JSON object: id,title)", parsed, dated, undated, filled);
    }

    @Test
    void cleanInputsGiveNoWarning() {
        assertEquals(List.of(), InputGates.check(List.of(InputSpec.of("a.jsonl")),
                Map.of(0, counts(100, 5, 100, 90, 4, Map.of())), DEFAULTS, i -> "unused"));
    }

    @Test
    void sharesAboveTheThresholdsWarnWithTheirFigures() {
        // 6 of 100 quarantined = 6.0% > 5%; 33 of 35 dates unreadable = 94.3% > 5%.
        List<String> w = InputGates.check(List.of(InputSpec.of("a.jsonl")),
                Map.of(0, counts(100, 6, 94, 2, 33, Map.of())), DEFAULTS, i -> "99/99/9999 x33 (e.g. '21/09/2016')");
        assertEquals(List.of(
                "inputs[0] (a.jsonl): 6 of 100 records quarantined (6.0%, more than ingest.warn_quarantined_share 5.0%):"
                        + " malformed_json 6; see the quarantine report",
                "inputs[0] (a.jsonl): 33 of 35 dates could not be read (94.3%, more than ingest.warn_undated_share 5.0%);"
                        + " commonest forms: 99/99/9999 x33 (e.g. '21/09/2016'); say the form with inputs[0].date_format"
                        + " (e.g. dd/MM/yyyy)"), w);
        IngestOptions lenient = new IngestOptions(null, null, null, null, null, 0.5, 0.95, null);
        assertEquals(List.of(), InputGates.check(List.of(InputSpec.of("a.jsonl")),
                Map.of(0, counts(100, 6, 94, 2, 33, Map.of())), lenient, i -> "x"));
    }

    @Test
    void anInputAllQuarantinedFailsTheRun() {
        RunFailure f = assertThrows(RunFailure.class, () -> InputGates.check(List.of(InputSpec.of("ok.jsonl"), InputSpec.of("x.csv")),
                Map.of(0, counts(10, 0, 10, 0, 0, Map.of()), 1, counts(201, 201, 0, 0, 0, Map.of())), DEFAULTS, i -> ""));
        assertEquals("inputs[1] (x.csv): all 201 records were quarantined (malformed_json 201), e.g. malformed_json (the line"
                + " is not a JSON object: id,title); check the input's format and mapping. Nothing published", f.getMessage());
    }

    @Test
    void anEmptyInputFailsUnlessEmptyIsAllowed() {
        List<InputSpec> inputs = List.of(InputSpec.of("empty.jsonl"));
        RunFailure f = assertThrows(RunFailure.class, () -> InputGates.check(inputs, Map.of(), DEFAULTS, i -> ""));
        assertEquals("inputs[0] (empty.jsonl): no records (empty files); nothing published. Use --allow-empty"
                + " (ingest.allow_empty: true) to publish empty reports on purpose", f.getMessage());
        assertEquals(List.of("inputs[0] (empty.jsonl): no records (empty files); published anyway (allow_empty)"),
                InputGates.check(inputs, Map.of(), DEFAULTS.withAllowEmpty(true), i -> ""));
    }

    @Test
    void aMappedFieldEmptyInEveryRecordFailsTheRun() {
        InputSpec spec = new InputSpec("news.csv", null, null, Map.of("title", "headline", "text", "body"), null, null,
                null, null, null, null, null);
        RunFailure f = assertThrows(RunFailure.class, () -> InputGates.check(List.of(spec),
                Map.of(0, counts(50, 0, 50, 0, 0, Map.of("body", 50L))), DEFAULTS, i -> ""));
        assertEquals("inputs[0].mapping.title: field 'headline' is missing or empty in all 50 records of news.csv."
                + " Nothing published", f.getMessage());
    }

    @Test
    void folderInputsSkipReadmeLikeFilesAndHonourIncludeAndExclude(@TempDir Path dir) throws Exception {
        // A FakeNewsNet-like layout: articles as JSON, a Readme.txt, and News.txt id lists.
        Path data = Files.createDirectories(dir.resolve("Data/BuzzFeed/FakeNewsContent"));
        Files.writeString(data.resolve("BuzzFeed_Fake_1-Webpage.json"), "{}");
        Files.writeString(data.resolve("BuzzFeed_Fake_2-Webpage.json"), "{}");
        Files.writeString(dir.resolve("Data/Readme.txt"), "about");
        Files.writeString(dir.resolve("Data/BuzzFeed/News.txt"), "ids");
        Files.writeString(dir.resolve("Data/LICENSE"), "terms");
        Configuration conf = new Configuration();

        InputFiles.Listing byDefault = InputFiles.list(List.of(InputSpec.of(dir.resolve("Data").toString())), conf);
        assertEquals(List.of("json: 2", "text: 1"), byDefault.groups().stream()
                .map(g -> g.format().configName() + ": " + g.files().size()).toList());
        assertEquals(List.of("inputs[0].path: 2 file(s) left out by include/exclude (e.g. LICENSE)",
                "inputs[0]: " + dir.resolve("Data") + " holds files of several formats, each read by its extension:"
                        + " 2 json (e.g. BuzzFeed_Fake_1-Webpage.json), 1 text (e.g. News.txt); use include/exclude to read"
                        + " only the articles"), byDefault.warnings());

        InputSpec onlyJson = new InputSpec(dir.resolve("Data").toString(), null, null, null, null, null, null, null,
                List.of("*.json"), null, null);
        InputFiles.Listing included = InputFiles.list(List.of(onlyJson), conf);
        assertEquals(1, included.groups().size());
        assertEquals(2, included.groups().get(0).files().size());

        InputSpec nothingExcluded = new InputSpec(dir.resolve("Data").toString(), "text", null, null, null, null, null, null,
                null, List.of(), null);
        assertEquals(5, InputFiles.list(List.of(nothingExcluded), conf).groups().get(0).files().size());

        InputSpec excludeFolder = new InputSpec(dir.resolve("Data").toString(), null, null, null, null, null, null, null,
                null, List.of("BuzzFeed/**", "*.txt", "license"), null);
        io.newslens.config.ConfigException none = assertThrows(io.newslens.config.ConfigException.class,
                () -> InputFiles.list(List.of(excludeFolder), conf));
        assertEquals("inputs[0].path: no files to read under " + dir.resolve("Data")
                + " (5 left out by include/exclude, e.g. BuzzFeed/FakeNewsContent/BuzzFeed_Fake_1-Webpage.json)", none.getMessage());
    }
}
