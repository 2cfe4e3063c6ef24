package io.newslens.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.newslens.actors.ActorText;
import io.newslens.actors.Dictionary;
import io.newslens.actors.Matcher;
import io.newslens.config.TextOptions;
import io.newslens.ingest.DateParser;
import io.newslens.text.LanguageDetector;
import io.newslens.text.TextNormalizer;
import io.newslens.text.Tokenizer;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The single-threaded plain-Java yardstick (McSherry et al., "Scalability! But at what COST?"): the same
 * per-article work as newslens's term counting and actor matching, with the same classes (jsoup/NFKC
 * normalisation, Lingua language detection, Lucene analyzers and chunking, the Aho-Corasick actor matcher),
 * in one thread without Spark: a streaming JSON parser, hash maps of counts per month × outlet × n-gram and per
 * actor. With {@code --verify OUTPUT} its counts are compared with the term_frequencies and actor_mentions of a
 * newslens run over the same file ({@code all --keep-duplicates --skip topics}, so both count every accepted
 * article), through DuckDB.
 *
 * args: corpus.jsonl[.gz] [--verify OUTPUT] [--json RESULT_FILE]
 */
public final class Baseline {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        String verify = null;
        String json = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--verify")) {
                verify = args[++i];
            } else if (args[i].equals("--json")) {
                json = args[++i];
            }
        }
        TextOptions options = TextOptions.defaults();
        Tokenizer tokenizer = new Tokenizer(options);
        Dictionary dictionary = Dictionary.load(true, List.of());
        Matcher matcher = new Matcher(dictionary, true, true);
        Map<String, long[]> terms = new HashMap<>(1 << 20);
        Map<String, long[]> actors = new HashMap<>();
        long records = 0;
        long articles = 0;
        long textBytes = 0;
        long start = System.nanoTime();
        JsonFactory factory = new JsonFactory();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(corpus), 1 << 16);
             InputStream in = corpus.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             JsonParser p = factory.createParser(in)) {
            Map<String, String> fields = new HashMap<>();
            while (p.nextToken() == JsonToken.START_OBJECT) {
                fields.clear();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken t = p.nextToken();
                    if (t == JsonToken.VALUE_STRING) {
                        fields.put(name, p.getText());
                    } else {
                        p.skipChildren();
                    }
                }
                records++;
                String title = fields.getOrDefault("title", "");
                String text = fields.getOrDefault("text", "");
                if (title.isBlank() && text.isBlank()) {
                    continue; // quarantined by newslens: neither title nor text
                }
                articles++;
                textBytes += title.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                        + text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                String analysis = TextNormalizer.normalize(title + "\n\n" + text);
                String language = LanguageDetector.detect(analysis, options.languages()).language();
                String publishedRaw = fields.get("published");
                Instant published = publishedRaw == null ? null : DateParser.parse(publishedRaw, ZoneOffset.UTC);
                LocalDate date = published == null ? null : published.atZone(ZoneOffset.UTC).toLocalDate();
                String source = fields.getOrDefault("source", "");
                {
                    // Undated articles are term_frequencies' bucket with a null period_start.
                    String prefix = (date == null ? "null" : date.withDayOfMonth(1).toString()) + "\t" + source + "\t";
                    for (List<String> chunk : tokenizer.chunks(analysis, language)) {
                        for (int n = 1; n <= 3; n++) {
                            for (int i = 0; i + n <= chunk.size(); i++) {
                                String term = n == 1 ? chunk.get(i) : String.join(" ", chunk.subList(i, i + n));
                                terms.computeIfAbsent(prefix + term + "\t" + n, k -> new long[1])[0]++;
                            }
                        }
                    }
                }
                ActorText a = new ActorText(title, fields.get("dateline"), text, language, date, matcher);
                for (ActorText.Mention m : a.mentions) {
                    String id = m.found().actor() == null ? "(ambiguous)" : m.found().actor().actorId();
                    actors.computeIfAbsent(id, k -> new long[1])[0]++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("corpus", corpus.toString());
        result.put("records", records);
        result.put("articles", articles);
        result.put("text_mb", Math.round(textBytes / 1e5) / 10.0);
        result.put("seconds", Math.round(seconds * 10) / 10.0);
        result.put("articles_per_s", Math.round(articles / seconds));
        result.put("text_mb_per_s", Math.round(textBytes / 1e6 / seconds * 100) / 100.0);
        result.put("term_rows", terms.size());
        result.put("actors", actors.size());
        if (verify != null) {
            result.put("verified_equal", verify(Path.of(verify), terms, actors));
        }
        String out = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result);
        System.out.println(out);
        if (json != null) {
            Files.writeString(Path.of(json), out);
        }
        if (verify != null && !(Boolean) result.get("verified_equal")) {
            System.exit(1);
        }
    }

    /** True when the newslens run's counts equal ours exactly; prints the first differences otherwise. */
    static boolean verify(Path output, Map<String, long[]> terms, Map<String, long[]> actors) throws Exception {
        Class.forName("org.duckdb.DuckDBDriver");
        boolean equal = true;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            Map<String, Long> theirs = new HashMap<>();
            try (ResultSet r = s.executeQuery("SELECT CAST(period_start AS VARCHAR), source, term, n, count FROM read_parquet('"
                    + output.resolve("term_frequencies") + "/**/*.parquet', hive_partitioning = true)")) {
                while (r.next()) {
                    theirs.put(r.getString(1) + "\t" + r.getString(2) + "\t" + r.getString(3) + "\t" + r.getInt(4), r.getLong(5));
                }
            }
            equal &= same("term_frequencies", theirs, terms);
            theirs.clear();
            try (ResultSet r = s.executeQuery("SELECT coalesce(actor_id, '(ambiguous)'), count(*) FROM read_parquet('"
                    + output.resolve("actor_mentions") + "/**/*.parquet', hive_partitioning = true) GROUP BY 1")) {
                while (r.next()) {
                    theirs.put(r.getString(1), r.getLong(2));
                }
            }
            equal &= same("actor_mentions", theirs, actors);
        }
        return equal;
    }

    private static boolean same(String what, Map<String, Long> theirs, Map<String, long[]> ours) {
        int shown = 0;
        for (Map.Entry<String, long[]> e : ours.entrySet()) {
            Long t = theirs.get(e.getKey());
            if (t == null || t != e.getValue()[0]) {
                if (shown++ < 5) {
                    System.err.println(what + " differs at [" + e.getKey() + "]: baseline " + e.getValue()[0] + ", newslens " + t);
                }
            }
        }
        for (String k : theirs.keySet()) {
            if (!ours.containsKey(k) && shown++ < 10) {
                System.err.println(what + ": only newslens has [" + k + "]");
            }
        }
        System.err.println(what + ": " + ours.size() + " baseline rows, " + theirs.size() + " newslens rows, "
                + (shown == 0 ? "equal" : shown + "+ differences"));
        return shown == 0 && ours.size() == theirs.size();
    }
}
