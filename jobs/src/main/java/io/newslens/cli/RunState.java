package io.newslens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.config.NewslensConfig;
import io.newslens.ingest.InputFiles;
import io.newslens.report.Fingerprints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;

/**
 * What a run's result depends on, as one digest: newslens's code, the command and its options, the resolved
 * config, and the state (path, length, modification time) of every input file, dictionary file and saved
 * model read. Two runs with the same digest compute the same reports, so the second need not: it publishes
 * the first one's again (see {@link Main}). Computed before Spark starts, from file listings only.
 */
public final class RunState {
    private RunState() {
    }

    /** The digest and what it covers, as the manifest's {@code input_state}. */
    public static Map<String, Object> of(CommandLine cl, NewslensConfig config, InputFiles.Listing inputs, Configuration conf) {
        List<String> parts = new ArrayList<>();
        parts.add(Fingerprints.build());
        parts.add("command " + cl.command() + " keep_duplicates " + cl.keepDuplicates() + " since " + cl.since() + " k " + cl.k()
                + " skip " + new java.util.TreeSet<>(cl.skip()) + " reports " + new java.util.TreeSet<>(cl.reports())
                + " allow_empty " + cl.allowEmpty() + " refit " + cl.refit());
        try {
            parts.add("config " + new ObjectMapper().writeValueAsString(config));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the config", e);
        }
        long files = 0;
        long bytes = 0;
        for (InputFiles.Group g : inputs.groups()) {
            parts.add("input " + g.inputIndex() + " " + g.format().configName() + " " + g.state());
            files += g.files().size();
            bytes += g.bytes();
        }
        for (String d : config.actors().dictionaries()) {
            parts.add("dictionary " + Fingerprints.tree(d, conf));
        }
        if (cl.model() != null) {
            parts.add("model " + Fingerprints.tree(cl.model(), conf));
        }
        Map<String, Object> state = new TreeMap<>();
        state.put("fingerprint", sha256(String.join("\n", parts)));
        state.put("files", files);
        state.put("bytes", bytes);
        return state;
    }

    /**
     * The ingest store's key ({@link io.newslens.ingest.IngestStore}): the newslens build and every setting the
     * per-record work reads (the inputs' declarations, the run's time zone, the UTF-8 and plain-text title rules,
     * the languages detected among). Settings applied after the store (duplicates kept, outlet names, gates,
     * quarantine excerpt length, {@code --since}) are not in it. Each input's path as the file system qualifies it
     * ({@code data/in} and {@code /home/me/data/in} are one input): a run from another working folder, or with the
     * path written another way, still finds the store.
     */
    public static String storeKey(NewslensConfig config, Configuration conf) {
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ArrayNode inputs = json.valueToTree(config.inputs());
        for (com.fasterxml.jackson.databind.JsonNode input : inputs) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) input).put("path", Fingerprints.qualified(input.path("path").asText(), conf));
        }
        try {
            return sha256(Fingerprints.build()
                    + "\ninputs " + json.writeValueAsString(inputs)
                    + "\ntimezone " + config.timezone()
                    + "\nmax_invalid_utf8_share " + config.ingest().maxInvalidUtf8Share()
                    + "\ntext_title_from_first_line " + config.ingest().textTitleFromFirstLine()
                    + "\nlanguages " + config.text().languages());
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the inputs", e);
        }
    }

    static String sha256(String text) {
        return Fingerprints.sha256(text);
    }
}
