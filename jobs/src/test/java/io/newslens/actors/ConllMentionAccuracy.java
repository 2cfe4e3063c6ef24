package io.newslens.actors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * Mention-level accuracy on CoNLL-2003 (English, IOB1): each sentence's tokens joined by spaces are matched;
 * a gold LOC, ORG or PER entity whose text is one of the dictionary's names (any case) should be found with
 * exactly its span (recall); a mention is right when its span is exactly a gold entity of those types, or a
 * MISC entity for a demonym ("Chinese", "German") (precision). Plain Java: the matcher needs no Spark.
 */
public final class ConllMentionAccuracy {
    record Entity(int start, int end, String type, String text) {
    }

    public record Counts(Map<String, long[]> recallByType, long mentions, long mentionsRight) {
        /** [gold that are dictionary names, of those found, all gold, of those found] for all types together. */
        long[] recall() {
            long[] t = new long[4];
            recallByType.values().forEach(v -> {
                for (int i = 0; i < 4; i++) {
                    t[i] += v[i];
                }
            });
            return t;
        }
    }

    public static Counts evaluate(Path conll, Matcher matcher, Dictionary dictionary) throws IOException {
        Set<String> names = new HashSet<>();
        for (Dictionary.Actor a : dictionary.actors()) {
            for (List<String> l : List.of(a.aliases(), a.demonyms(), a.capitals())) {
                l.forEach(n -> names.add(n.toLowerCase(Locale.ROOT)));
            }
        }
        Map<String, long[]> byType = new TreeMap<>();
        long mentions = 0;
        long right = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(conll)),
                StandardCharsets.UTF_8))) {
            List<String[]> sentence = new ArrayList<>();
            String line;
            while (true) {
                line = r.readLine();
                if (line == null || line.isBlank()) {
                    if (!sentence.isEmpty()) {
                        long[] c = score(sentence, matcher, names, byType);
                        mentions += c[0];
                        right += c[1];
                        sentence.clear();
                    }
                    if (line == null) {
                        break;
                    }
                    continue;
                }
                if (!line.startsWith("-DOCSTART-")) {
                    sentence.add(line.split(" "));
                }
            }
        }
        return new Counts(byType, mentions, right);
    }

    private static long[] score(List<String[]> tokens, Matcher matcher, Set<String> names, Map<String, long[]> byType) {
        StringBuilder text = new StringBuilder();
        List<Entity> gold = new ArrayList<>();
        String open = null;
        int openStart = 0;
        for (String[] t : tokens) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            int start = text.length();
            text.append(t[0]);
            String tag = t[t.length - 1];
            String type = tag.equals("O") ? null : tag.substring(2);
            boolean continues = type != null && type.equals(open) && tag.startsWith("I-");
            if (!continues) {
                if (open != null) {
                    gold.add(new Entity(openStart, start - 1, open, text.substring(openStart, start - 1)));
                }
                open = type;
                openStart = start;
            }
        }
        if (open != null) {
            gold.add(new Entity(openStart, text.length(), open, text.substring(openStart)));
        }
        Map<Long, Entity> goldBySpan = new HashMap<>();
        gold.forEach(e -> goldBySpan.put(((long) e.start() << 32) | e.end(), e));
        Set<Long> found = new HashSet<>();
        long mentions = 0;
        long right = 0;
        for (Matcher.Found f : matcher.find(text.toString())) {
            long span = ((long) f.start() << 32) | f.end();
            found.add(span);
            mentions++;
            Entity e = goldBySpan.get(span);
            if (e != null && (!e.type().equals("MISC") || "demonym".equals(f.metonym()))) {
                right++;
            }
        }
        for (Entity e : gold) {
            if (e.type().equals("MISC")) {
                continue;
            }
            // [in the dictionary, of those found, all gold of the type, of those found]
            long[] c = byType.computeIfAbsent(e.type(), k -> new long[4]);
            boolean hit = found.contains(((long) e.start() << 32) | e.end());
            c[2]++;
            c[3] += hit ? 1 : 0;
            if (names.contains(e.text().toLowerCase(Locale.ROOT))) {
                c[0]++;
                c[1] += hit ? 1 : 0;
            }
        }
        return new long[] {mentions, right};
    }

    public static String markdown(Counts c) {
        StringBuilder sb = new StringBuilder("| gold type | gold entities | of which dictionary names | found (exact span) |"
                + " recall over dictionary names | recall over all gold |\n|---|---:|---:|---:|---:|---:|\n");
        c.recallByType().forEach((type, v) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f |%n",
                type, v[2], v[0], v[3], v[1] / (double) v[0], v[3] / (double) v[2])));
        long[] all = c.recall();
        sb.append(String.format(Locale.ROOT, "| all | %d | %d | %d | %.3f | %.3f |%n%n", all[2], all[0], all[3],
                all[1] / (double) all[0], all[3] / (double) all[2]));
        sb.append(String.format(Locale.ROOT, "Precision: %d of %d mentions are exactly a gold LOC/ORG/PER entity (or MISC for a "
                + "demonym): %.3f%n", c.mentionsRight(), c.mentions(), c.mentionsRight() / (double) c.mentions()));
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        Dictionary d = Dictionary.load(true, List.of());
        System.out.print(markdown(evaluate(Path.of(args[0]), new Matcher(d, true, true), d)));
    }
}
