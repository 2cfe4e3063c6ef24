package io.newslens.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.newslens.SparkTestSession;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's key table against the config records: the same keys, and where the table gives a default as
 * plain values, the records' defaults. A key added to a record without a README row (or a default changed on
 * one side only) fails here.
 */
class OptionsTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Command-line only: --since is not a config file key. */
    private static final List<String> NOT_IN_THE_TABLE = List.of("since");

    /** Every config key the records declare, as the README writes them (inputs[].path, terms.min_df, ...). */
    static Map<String, JsonNode> declared() {
        Map<String, JsonNode> keys = new TreeMap<>();
        JsonNode top = JSON.valueToTree(NewslensConfig.empty());
        for (String name : names(NewslensConfig.class)) {
            if (NOT_IN_THE_TABLE.contains(name)) {
                continue;
            }
            Class<?> nested = switch (name) {
                case "inputs" -> InputSpec.class;
                case "ingest" -> IngestOptions.class;
                case "text" -> TextOptions.class;
                case "terms" -> TermsOptions.class;
                case "topics" -> TopicsOptions.class;
                case "actors" -> ActorsOptions.class;
                default -> null;
            };
            if (nested == null) {
                keys.put(name, top.get(name));
                continue;
            }
            JsonNode defaults = name.equals("inputs") ? JSON.valueToTree(InputSpec.of("x")) : top.get(name);
            for (String field : names(nested)) {
                keys.put((name.equals("inputs") ? "inputs[]." : name + ".") + field, defaults.get(field));
            }
        }
        return keys;
    }

    private static List<String> names(Class<?> record) {
        BeanDescription d = JSON.getSerializationConfig().introspect(JSON.constructType(record));
        return d.findProperties().stream().map(BeanPropertyDefinition::getName).toList();
    }

    /** README rows: key -> the default cell's plain values (null when the cell is prose). */
    static Map<String, String> documented() throws Exception {
        String readme = Files.readString(SparkTestSession.repo().resolve("README.md"));
        int start = readme.indexOf("| key | default | meaning |");
        Map<String, String> rows = new TreeMap<>();
        Pattern plain = Pattern.compile("^`([^`]*)`$");
        for (String line : readme.substring(start).split("\n")) {
            if (!line.startsWith("| `")) {
                if (!rows.isEmpty()) {
                    break;
                }
                continue;
            }
            String[] cells = line.split(" \\| ");
            List<String> keys = new ArrayList<>();
            for (String k : cells[0].substring(2).split(", ")) {
                keys.add(k.replace("`", "").trim());
            }
            List<String> defaults = new ArrayList<>();
            for (String v : cells[1].split(", ")) {
                Matcher m = plain.matcher(v.trim());
                defaults.add(m.matches() ? m.group(1) : null);
            }
            for (int i = 0; i < keys.size(); i++) {
                String d = defaults.size() == keys.size() ? defaults.get(i) : defaults.size() == 1 ? defaults.get(0) : null;
                rows.put(keys.get(i), defaults.contains(null) ? null : d);
            }
        }
        return rows;
    }

    @Test
    void theReadmeTableListsExactlyTheDeclaredKeys() throws Exception {
        TreeSet<String> missing = new TreeSet<>(declared().keySet());
        missing.removeAll(documented().keySet());
        TreeSet<String> unknown = new TreeSet<>(documented().keySet());
        unknown.removeAll(declared().keySet());
        assertEquals("missing from the README: [], in the README but not declared: []",
                "missing from the README: " + missing + ", in the README but not declared: " + unknown);
    }

    @Test
    void theReadmeDefaultsAreTheRecordsDefaults() throws Exception {
        Map<String, JsonNode> declared = declared();
        Map<String, String> differ = new TreeMap<>();
        for (Map.Entry<String, String> row : documented().entrySet()) {
            JsonNode actual = declared.get(row.getKey());
            if (row.getValue() == null || actual == null) {
                continue;
            }
            String shown = actual.isTextual() ? actual.asText() : actual.toString();
            boolean same = shown.equals(row.getValue()) || actual.isNumber() && isNumber(row.getValue())
                    && Double.parseDouble(row.getValue()) == actual.asDouble();
            if (!same) {
                differ.put(row.getKey(), "README " + row.getValue() + ", declared " + shown);
            }
        }
        assertEquals(Map.of(), differ);
    }

    private static boolean isNumber(String s) {
        return s.matches("-?\\d+(\\.\\d+)?");
    }
}
