package io.newslens.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import io.newslens.config.ConfigException;
import io.newslens.config.InputSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * The first records of each input, read without Spark, to catch before any work what would otherwise
 * only show after a whole run: a mapped field the records do not have (or leave empty everywhere), and a
 * format that does not fit the files (JSON Lines that are CSV).
 */
public final class InputSample {
    /** Records sampled per input, from at most {@link #MAX_FILES} of its files. */
    public static final int RECORDS = 200;
    static final int MAX_FILES = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private InputSample() {
    }

    /** What a sample of one input shows: the fields seen, how many records filled each, and what did not parse. */
    record Sample(List<String> files, int records, Map<String, Integer> filled, int notObjects, String firstUnparsed) {
    }

    /** Checks every input's sample; throws {@link ConfigException} naming the input and field. */
    public static void check(List<InputFiles.Group> groups, Configuration conf) {
        for (InputFiles.Group g : groups) {
            Sample s = sample(g, conf);
            String at = "inputs[" + g.inputIndex() + "]";
            String first = io.newslens.report.Progress.path(s.files().get(0));
            String where = s.files().size() == 1 ? first : s.files().size() + " files (" + first + ", ...)";
            if (s.records() == 0 && s.notObjects() > 0) {
                String unit = g.format() == InputFormat.JSONL ? " lines" : " files";
                throw new ConfigException(at + ".format", "none of the first " + s.notObjects() + unit + " of " + where
                        + " is a JSON object (the first starts: " + quote(s.firstUnparsed()) + ")" + hint(s.firstUnparsed(), g));
            }
            if (s.records() == 0) {
                continue;
            }
            for (Map.Entry<String, String> m : new java.util.TreeMap<>(g.spec().mapping()).entrySet()) {
                Integer filled = s.filled().get(m.getValue());
                if (filled == null) {
                    throw new ConfigException(at + ".mapping." + m.getKey(), "field '" + m.getValue() + "' is in none of the "
                            + s.records() + " records sampled from " + where + " (their fields: "
                            + String.join(", ", s.filled().keySet()) + ")");
                }
                if (filled == 0) {
                    throw new ConfigException(at + ".mapping." + m.getKey(), "field '" + m.getValue() + "' is empty in all "
                            + s.records() + " records sampled from " + where);
                }
            }
        }
    }

    private static String quote(String s) {
        String t = s == null ? "" : s.strip();
        return "'" + (t.length() > 60 ? t.substring(0, 60) + "..." : t) + "'";
    }

    private static String hint(String first, InputFiles.Group g) {
        String t = first == null ? "" : first.strip();
        if (!t.startsWith("{") && !t.startsWith("[") && t.contains(",")) {
            return "; it looks like CSV: set format to csv" + ("auto".equals(g.spec().format()) ? " for this input" : "");
        }
        if (g.format() == InputFormat.JSONL && (t.startsWith("[") || t.startsWith("{") && !t.endsWith("}"))) {
            return "; if each file holds one JSON document (an object or an array), set format to json";
        }
        return "; set format for this input (jsonl, json, csv, parquet, text)";
    }

    static Sample sample(InputFiles.Group g, Configuration conf) {
        Map<String, Integer> filled = new LinkedHashMap<>();
        List<String> files = new ArrayList<>();
        int[] records = {0};
        int[] notObjects = {0};
        String[] firstUnparsed = {null};
        for (String file : g.files()) {
            if (records[0] >= RECORDS || files.size() >= MAX_FILES) {
                break;
            }
            files.add(file);
            int budget = RECORDS - records[0];
            try (InputStream in = open(file, conf)) {
                switch (g.format()) {
                    case JSONL -> jsonLines(in, budget, filled, records, notObjects, firstUnparsed);
                    case JSON -> jsonDocument(in, budget, filled, records, notObjects, firstUnparsed);
                    case CSV -> csv(in, g.spec(), budget, filled, records);
                    case PARQUET -> parquet(file, conf, filled, records);
                    case TEXT -> {
                        for (String f : List.of("title", "text", "file_name")) {
                            filled.merge(f, 1, Integer::sum);
                        }
                        records[0]++;
                    }
                }
            } catch (java.nio.file.AccessDeniedException e) {
                throw new ConfigException("inputs[" + g.inputIndex() + "].path", "cannot read " + file + ": permission denied");
            } catch (IOException | RuntimeException e) {
                if (String.valueOf(e.getMessage()).contains("Permission denied")) {
                    throw new ConfigException("inputs[" + g.inputIndex() + "].path", "cannot read " + file + ": permission denied");
                }
                // A damaged file is the run's to report, record by record; the sample only looks at what it can read.
            }
        }
        return new Sample(files, records[0], filled, notObjects[0], firstUnparsed[0]);
    }

    private static InputStream open(String file, Configuration conf) throws IOException {
        Path p = new Path(file);
        FileSystem fs = p.getFileSystem(conf);
        InputStream raw = fs.open(p);
        CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(p);
        return codec == null ? raw : codec.createInputStream(raw);
    }

    private static void add(JsonNode object, Map<String, Integer> filled, int[] records) {
        records[0]++;
        object.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            boolean present = !v.isNull() && !(v.isTextual() && v.asText().isBlank())
                    && !(v.isContainerNode() && v.isEmpty());
            filled.merge(e.getKey(), present ? 1 : 0, Integer::sum);
        });
    }

    private static void jsonLines(InputStream in, int budget, Map<String, Integer> filled, int[] records,
                                  int[] notObjects, String[] firstUnparsed) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int seen = 0;
        while (seen < budget && (line = reader.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            seen++;
            JsonNode node = null;
            try {
                node = JSON.readTree(line);
            } catch (IOException e) {
                // not JSON: counted below
            }
            if (node != null && node.isObject()) {
                add(node, filled, records);
            } else {
                notObjects[0]++;
                firstUnparsed[0] = firstUnparsed[0] == null ? line : firstUnparsed[0];
            }
        }
    }

    private static void jsonDocument(InputStream in, int budget, Map<String, Integer> filled, int[] records,
                                     int[] notObjects, String[] firstUnparsed) throws IOException {
        byte[] head = in.readNBytes(1 << 20);
        try (JsonParser p = JSON.getFactory().createParser(head)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                add(JSON.readTree(p), filled, records);
            } else if (t == JsonToken.START_ARRAY) {
                int n = 0;
                while (n < budget && p.nextToken() == JsonToken.START_OBJECT) {
                    add(JSON.readTree(p), filled, records);
                    n++;
                }
            } else if (t != null) {
                notObjects[0]++;
                firstUnparsed[0] = firstUnparsed[0] == null ? new String(head, 0, Math.min(head.length, 200), StandardCharsets.UTF_8)
                        : firstUnparsed[0];
            }
        } catch (IOException e) {
            // Broken JSON (or an array larger than the bytes read): what parsed so far is the sample.
            if (records[0] == 0 && firstUnparsed[0] == null) {
                notObjects[0]++;
                firstUnparsed[0] = new String(head, 0, Math.min(head.length, 200), StandardCharsets.UTF_8);
            }
        }
    }

    private static void csv(InputStream in, InputSpec spec, int budget, Map<String, Integer> filled, int[] records) {
        CsvParserSettings settings = new CsvParserSettings();
        settings.setHeaderExtractionEnabled(true);
        settings.getFormat().setDelimiter(spec.csvDelimiter());
        settings.getFormat().setQuoteEscape('"');
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setMaxCharsPerColumn(-1);
        settings.setNumberOfRecordsToRead(budget);
        CsvParser parser = new CsvParser(settings);
        parser.beginParsing(in, StandardCharsets.UTF_8);
        String[] header = parser.getContext().parsedHeaders();
        String[] row;
        while ((row = parser.parseNext()) != null) {
            header = header == null ? parser.getContext().parsedHeaders() : header;
            records[0]++;
            for (int i = 0; header != null && i < header.length; i++) {
                boolean present = i < row.length && row[i] != null && !row[i].isBlank();
                filled.merge(header[i], present ? 1 : 0, Integer::sum);
            }
        }
        parser.stopParsing();
    }

    private static void parquet(String file, Configuration conf, Map<String, Integer> filled, int[] records) throws IOException {
        Path p = new Path(file);
        try (org.apache.parquet.hadoop.ParquetFileReader reader = org.apache.parquet.hadoop.ParquetFileReader.open(
                org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(p, conf))) {
            if (reader.getRecordCount() == 0) {
                return;
            }
            records[0]++;
            // Column names only: whether a column is filled is the run's to count.
            Set<String> names = new LinkedHashSet<>();
            reader.getFooter().getFileMetaData().getSchema().getFields().forEach(f -> names.add(f.getName()));
            names.forEach(n -> filled.merge(n, 1, Integer::sum));
        }
    }
}
