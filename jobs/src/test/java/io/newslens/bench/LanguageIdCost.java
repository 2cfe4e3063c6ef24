package io.newslens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newslens.config.TextOptions;
import io.newslens.text.LanguageDetector;
import io.newslens.text.TextNormalizer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * What language identification costs per article and how often it agrees with Lingua alone (the detector
 * newslens used before its script and function-word paths), over the texts of a JSON Lines corpus; with a
 * second argument, its accuracy on labelled sentences (Lingua's test data: one file per ISO 639-1 code, one
 * sentence per line), three sentences per sample, for the configured default languages that have a file.
 *
 * args: corpus.jsonl[.gz] [sentences-folder] [--json RESULT_FILE] [--limit N]
 */
public final class LanguageIdCost {
    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args[0]);
        Path sentences = null;
        String json = null;
        int limit = Integer.MAX_VALUE;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--json" -> json = args[++i];
                case "--limit" -> limit = Integer.parseInt(args[++i]);
                default -> sentences = Path.of(args[i]);
            }
        }
        List<String> codes = TextOptions.DEFAULT_LANGUAGES;
        List<String> raw = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(corpus.toString().endsWith(".gz")
                ? new GZIPInputStream(Files.newInputStream(corpus), 1 << 16) : Files.newInputStream(corpus), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null && raw.size() < limit; line = r.readLine()) {
                JsonNode a = mapper.readTree(line);
                raw.add(a.path("title").asText("") + "\n\n" + a.path("text").asText(""));
            }
        }
        // Warm-up: JIT and the detectors' models.
        for (int i = 0; i < Math.min(2000, raw.size()); i++) {
            LanguageDetector.detectRaw(raw.get(i), codes);
            LanguageDetector.detectByNgrams(TextNormalizer.normalize(raw.get(i)), codes);
        }
        String[] fast = new String[raw.size()];
        // The median of three timed passes: one pass of a few seconds is at the mercy of a garbage collection.
        double[] passes = new double[3];
        for (int pass = 0; pass < passes.length; pass++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < raw.size(); i++) {
                fast[i] = LanguageDetector.detectRaw(raw.get(i), codes).language();
            }
            passes[pass] = (System.nanoTime() - t0) / 1e3 / raw.size();
        }
        java.util.Arrays.sort(passes);
        double fastMicros = passes[1];
        int agree = 0;
        int undetermined = 0;
        long t1 = System.nanoTime();
        Map<String, Integer> disagreements = new TreeMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String text = TextNormalizer.normalize(raw.get(i));
            if (fast[i].equals(LanguageDetector.UNDETERMINED)) {
                undetermined++;
                continue;
            }
            String ngram = LanguageDetector.detectByNgrams(text, codes).language();
            if (ngram.equals(fast[i])) {
                agree++;
            } else {
                disagreements.merge(ngram + "->" + fast[i], 1, Integer::sum);
            }
        }
        double ngramMicros = (System.nanoTime() - t1) / 1e3 / (raw.size() - undetermined);
        ObjectNode out = mapper.createObjectNode();
        out.put("corpus", corpus.toString()).put("articles", raw.size())
                .put("micros_per_article", Math.round(fastMicros * 10) / 10.0)
                .put("lingua_alone_micros_per_article", Math.round(ngramMicros * 10) / 10.0)
                .put("agreement_with_lingua_alone", Math.round(agree * 10000.0 / (raw.size() - undetermined)) / 10000.0)
                .put("undetermined", undetermined);
        out.set("disagreements", mapper.valueToTree(disagreements));
        System.out.printf("language id: %.1f us/article (Lingua alone %.1f us), agreement with Lingua alone %.4f over %,d articles%n",
                fastMicros, ngramMicros, agree / (double) (raw.size() - undetermined), raw.size());
        if (sentences != null) {
            ObjectNode perLanguage = mapper.createObjectNode();
            int right = 0;
            int total = 0;
            int rightNgram = 0;
            for (String code : codes) {
                Path file = sentences.resolve(code + ".txt");
                if (!Files.exists(file)) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                int ok = 0;
                int okNgram = 0;
                int n = 0;
                for (int i = 0; i + 3 <= lines.size(); i += 3) {
                    String sample = String.join(" ", lines.subList(i, i + 3));
                    n++;
                    ok += LanguageDetector.detectRaw(sample, codes).language().equals(code) ? 1 : 0;
                    okNgram += LanguageDetector.detectByNgrams(TextNormalizer.normalize(sample), codes).language().equals(code) ? 1 : 0;
                }
                perLanguage.putObject(code).put("samples", n).put("accuracy", Math.round(ok * 10000.0 / n) / 10000.0)
                        .put("lingua_alone_accuracy", Math.round(okNgram * 10000.0 / n) / 10000.0);
                right += ok;
                rightNgram += okNgram;
                total += n;
                System.out.printf("  %s: %d samples, accuracy %.4f (Lingua alone %.4f)%n", code, n, ok / (double) n, okNgram / (double) n);
            }
            out.put("sentences_accuracy", Math.round(right * 10000.0 / total) / 10000.0)
                    .put("sentences_lingua_alone_accuracy", Math.round(rightNgram * 10000.0 / total) / 10000.0);
            out.set("sentences_by_language", perLanguage);
            System.out.printf("three-sentence samples: accuracy %.4f (Lingua alone %.4f) over %,d%n", right / (double) total,
                    rightNgram / (double) total, total);
        }
        if (json != null) {
            Files.writeString(Path.of(json), mapper.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        }
    }
}
