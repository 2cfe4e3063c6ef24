package io.newslens.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path p = dir.resolve("c.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    @Test
    void readsYamlIntoRecordsWithDefaults() throws IOException {
        NewslensConfig c = ConfigLoader.validate(ConfigLoader.load(write("""
                inputs:
                  - path: a.jsonl
                  - path: b.csv
                    format: csv
                    preset: news-please
                    mapping: {text: body_html}
                    source: Example Times
                    csv_delimiter: ";"
                output: out
                timezone: Europe/Berlin
                ingest:
                  quarantine_record_chars: 500
                  keep_duplicates: true
                """)));
        assertEquals(2, c.inputs().size());
        assertEquals("auto", c.inputs().get(0).format());
        assertEquals("auto", c.inputs().get(0).preset());
        assertEquals("body_html", c.inputs().get(1).mapping().get("text"));
        assertEquals(";", c.inputs().get(1).csvDelimiter());
        assertEquals("Example Times", c.inputs().get(1).source());
        assertEquals("Europe/Berlin", c.timezone());
        assertEquals(500, c.ingest().quarantineRecordChars());
        assertTrue(c.ingest().keepDuplicates());
        assertEquals(0.01, c.ingest().maxInvalidUtf8Share());
    }

    @Test
    void jsonIsAcceptedToo() throws IOException {
        NewslensConfig c = ConfigLoader.load(write("{\"inputs\": [{\"path\": \"x.jsonl\"}], \"output\": \"o\"}"));
        assertEquals("x.jsonl", ConfigLoader.validate(c).inputs().get(0).path());
    }

    @Test
    void unknownKeyIsNamedWithItsPath() throws IOException {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(write("inputs:\n  - path: a.jsonl\n    fromat: csv\noutput: o\n")));
        assertEquals("inputs[0].fromat", e.field());
        assertTrue(e.getMessage().contains("unknown key"), e.getMessage());
        assertTrue(e.getMessage().contains("format"), "lists the known keys: " + e.getMessage());
    }

    @Test
    void wrongTypeIsNamed() throws IOException {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.load(write("output: o\ningest:\n  quarantine_record_chars: lots\n")));
        assertEquals("ingest.quarantine_record_chars", e.field());
    }

    @Test
    void invalidValuesAreNamed() {
        InputSpec ok = InputSpec.of("a.jsonl");
        assertEquals("inputs[0].format", assertThrows(ConfigException.class, () -> ConfigLoader.validate(
                new NewslensConfig(java.util.List.of(ok.withFormat("xml")), "o", null, null))).field());
        assertEquals("inputs[0].preset", assertThrows(ConfigException.class, () -> ConfigLoader.validate(
                new NewslensConfig(java.util.List.of(ok.withPreset("gdelt")), "o", null, null))).field());
        assertEquals("timezone", assertThrows(ConfigException.class, () -> ConfigLoader.validate(
                new NewslensConfig(java.util.List.of(ok), "o", "Mars/Olympus", null))).field());
        assertEquals("output", assertThrows(ConfigException.class, () -> ConfigLoader.validate(
                new NewslensConfig(java.util.List.of(ok), null, null, null))).field());
        assertEquals("inputs", assertThrows(ConfigException.class, () -> ConfigLoader.validate(
                new NewslensConfig(null, "o", null, null))).field());
        assertEquals("inputs[0].mapping.body", assertThrows(ConfigException.class, () -> ConfigLoader.validate(
                new NewslensConfig(java.util.List.of(new InputSpec("a", null, null, java.util.Map.of("body", "x"),
                        null, null, null, null, null, null, null)), "o", null, null))).field());
    }

    @Test
    void topicsScheduleIsReadAndANegativeBatchIterationsIsNamed() throws IOException {
        NewslensConfig c = ConfigLoader.validate(ConfigLoader.load(write(
                "inputs:\n  - path: a.jsonl\noutput: o\ntopics:\n  iterations: 4\n  batch_iterations: 2\n")));
        assertEquals(4, c.topics().iterations());
        assertEquals(2, c.topics().batchIterations());
        assertEquals(0.1, c.topics().subsamplingRate(), "the default mini-batch share");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.validate(ConfigLoader.load(write(
                "inputs:\n  - path: a.jsonl\noutput: o\ntopics:\n  batch_iterations: -1\n"))));
        assertEquals("topics.batch_iterations", e.field());
    }

    @Test
    void missingConfigFileIsNamed() {
        assertEquals("--config", assertThrows(ConfigException.class,
                () -> ConfigLoader.load(dir.resolve("nope.yaml"))).field());
    }
}
