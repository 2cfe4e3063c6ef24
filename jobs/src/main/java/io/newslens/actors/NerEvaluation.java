package io.newslens.actors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/**
 * Entity-level exact-span precision, recall and F1 (PER, ORG, LOC; MISC ignored), micro over all three and by
 * type, of a recogniser on a gold file (see {@link Conll}).
 */
public final class NerEvaluation {
    private NerEvaluation() {
    }

    public record Score(long truePositives, long predicted, long gold) {
        public double precision() {
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) truePositives / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    static final Set<String> TYPES = Set.of("PER", "ORG", "LOC");

    /** Scores by type and "ALL" (micro); {@code recognise} gives a sentence's predicted entities. */
    public static Map<String, Score> score(List<Conll.Sentence> gold, Function<Conll.Sentence, List<Conll.Entity>> recognise) {
        Map<String, long[]> c = new TreeMap<>();
        for (String t : List.of("ALL", "LOC", "ORG", "PER")) {
            c.put(t, new long[3]);
        }
        for (Conll.Sentence s : gold) {
            Set<Conll.Entity> g = new HashSet<>();
            s.entities().stream().filter(e -> TYPES.contains(e.type())).forEach(g::add);
            Set<Conll.Entity> p = new HashSet<>();
            recognise.apply(s).stream().filter(e -> TYPES.contains(e.type())).forEach(p::add);
            for (Conll.Entity e : p) {
                c.get(e.type())[1]++;
                c.get("ALL")[1]++;
                if (g.contains(e)) {
                    c.get(e.type())[0]++;
                    c.get("ALL")[0]++;
                }
            }
            for (Conll.Entity e : g) {
                c.get(e.type())[2]++;
                c.get("ALL")[2]++;
            }
        }
        Map<String, Score> out = new TreeMap<>();
        c.forEach((k, v) -> out.put(k, new Score(v[0], v[1], v[2])));
        return out;
    }

    /** The name finder alone on gold tokens, adaptive data cleared at each document start. */
    public static Function<Conll.Sentence, List<Conll.Entity>> nameFinder(TokenNameFinderModel model) {
        NameFinderME finder = new NameFinderME(model);
        return s -> {
            if (s.documentStart()) {
                finder.clearAdaptiveData();
            }
            Span[] spans = finder.find(s.tokens().toArray(String[]::new));
            return java.util.Arrays.stream(spans).map(x -> new Conll.Entity(x.getStart(), x.getEnd(), x.getType())).toList();
        };
    }

    public static String table(Map<String, Score> scores) {
        StringBuilder sb = new StringBuilder("| type | gold | predicted | correct | precision | recall | F1 |\n|---|---:|---:|---:|---:|---:|---:|\n");
        scores.forEach((t, s) -> sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f | %.3f |%n",
                t, s.gold(), s.predicted(), s.truePositives(), s.precision(), s.recall(), s.f1())));
        return sb.toString();
    }

    /**
     * What newslens reports, document by document: the shipped recogniser of the language with the dictionary
     * and in-article resolution ({@link Matcher#find(String, String, List)}). A mention's type is its actor's
     * ({@link Actors#entityType}); demonyms (CoNLL: MISC), ambiguous mentions and names nested in a longer mention
     * are not entities here.
     */
    public static Map<String, Score> pipeline(List<Conll.Sentence> gold, String language, Matcher matcher, boolean recognise) {
        return score(gold, predictions(gold, language, matcher, recognise)::get);
    }

    /** Each sentence's entities as {@link #pipeline} finds them. */
    static Map<Conll.Sentence, List<Conll.Entity>> predictions(List<Conll.Sentence> gold, String language, Matcher matcher,
                                                              boolean recognise) {
        String sep = "zh".equals(language) ? "" : " ";
        List<Conll.Sentence> doc = new java.util.ArrayList<>();
        Map<Conll.Sentence, List<Conll.Entity>> predicted = new java.util.IdentityHashMap<>();
        for (int i = 0; i <= gold.size(); i++) {
            if (i == gold.size() || gold.get(i).documentStart() && !doc.isEmpty()) {
                predicted.putAll(document(doc, sep, language, matcher, recognise));
                doc.clear();
            }
            if (i < gold.size()) {
                doc.add(gold.get(i));
            }
        }
        return predicted;
    }

    /**
     * Missed (-) and wrong (+) entities of one type, one line each with its sentence, for reading the errors; then the
     * score of the sentence with the most gold entities of the type apart from the others' (a long list can weigh).
     */
    static void printErrors(List<Conll.Sentence> gold, Map<Conll.Sentence, List<Conll.Entity>> predicted, String type,
                            String sep, java.io.PrintStream out) {
        Conll.Sentence largest = gold.stream().max(java.util.Comparator.comparingLong(
                s -> s.entities().stream().filter(e -> type.equals(e.type())).count())).orElse(null);
        Map<String, Score> apart = score(largest == null ? List.of() : List.of(largest), predicted::get);
        Map<String, Score> others = score(gold.stream().filter(s -> s != largest).toList(), predicted::get);
        for (Conll.Sentence s : gold) {
            Set<Conll.Entity> g = new HashSet<>(s.entities());
            Set<Conll.Entity> p = new HashSet<>(predicted.get(s));
            String text = String.join(sep, s.tokens());
            for (Conll.Entity e : s.entities()) {
                if (type.equals(e.type()) && !p.contains(e)) {
                    out.println("- " + String.join(sep, s.tokens().subList(e.start(), e.end())) + "\t" + text);
                }
            }
            for (Conll.Entity e : predicted.get(s)) {
                if (type.equals(e.type()) && !g.contains(e)) {
                    String name = e.start() < 0 ? "?" : String.join(sep, s.tokens().subList(e.start(), e.end()));
                    out.println("+ " + name + "\t" + text);
                }
            }
        }
        Score l = apart.get(type);
        Score o = others.get(type);
        out.printf(Locale.ROOT, "%s: the sentence with the most (%d gold, %d predicted, %d right) F1 %.3f; the other sentences "
                + "(%d gold, %d predicted, %d right) F1 %.3f%n", type, l.gold(), l.predicted(), l.truePositives(), l.f1(),
                o.gold(), o.predicted(), o.truePositives(), o.f1());
    }

    private static Map<Conll.Sentence, List<Conll.Entity>> document(List<Conll.Sentence> doc, String sep, String language,
                                                                    Matcher matcher, boolean recognise) {
        StringBuilder text = new StringBuilder();
        List<int[]> sentences = new java.util.ArrayList<>();
        List<int[]> tokenStarts = new java.util.ArrayList<>();
        for (Conll.Sentence s : doc) {
            int start = text.length();
            int[] starts = new int[s.tokens().size()];
            for (int t = 0; t < s.tokens().size(); t++) {
                if (t > 0) {
                    text.append(sep);
                }
                starts[t] = text.length();
                text.append(s.tokens().get(t));
            }
            sentences.add(new int[] {start, text.length()});
            tokenStarts.add(starts);
            text.append('\n');
        }
        String t = text.toString();
        List<EntityRecognizer.Entity> entities = recognise ? EntityRecognizer.find(t, sentences, language) : List.of();
        Map<Conll.Sentence, List<Conll.Entity>> out = new java.util.IdentityHashMap<>();
        doc.forEach(s -> out.put(s, new java.util.ArrayList<>()));
        List<Matcher.Found> found = matcher.find(t, language, entities);
        for (Matcher.Found f : found) {
            // CoNLL and MSRA are flat: a name inside a longer one ("Japan" in "Bank of Japan"), which newslens keeps
            // as a mention for country coverage, is not an entity of its own here.
            boolean nested = found.stream().anyMatch(g -> g != f && g.start() <= f.start() && f.end() <= g.end()
                    && g.end() - g.start() > f.end() - f.start());
            if (f.actor() == null || "demonym".equals(f.metonym()) || nested) {
                continue;
            }
            String type = "capital".equals(f.metonym()) ? "LOC" : Actors.entityType(f.actor().type());
            for (int i = 0; i < doc.size(); i++) {
                int[] r = sentences.get(i);
                if (f.start() >= r[0] && f.end() <= r[1]) {
                    int[] starts = tokenStarts.get(i);
                    int first = java.util.Arrays.binarySearch(starts, f.start());
                    int last = -1;
                    for (int k = 0; k < starts.length; k++) {
                        if (starts[k] + doc.get(i).tokens().get(k).length() == f.end()) {
                            last = k;
                        }
                    }
                    if (first >= 0 && last >= first) {
                        out.get(doc.get(i)).add(new Conll.Entity(first, last + 1, type));
                    } else {
                        out.get(doc.get(i)).add(new Conll.Entity(-1, -1, type)); // not on token boundaries: wrong
                    }
                }
            }
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: NerEvaluation en|zh GOLD [MODEL.bin]\n"
                    + "  scores the model alone (en), the shipped recogniser alone, the dictionary alone and newslens (all three);\n"
                    + "  with -Dnewslens.ner.errors=PER (or ORG, LOC) it prints newslens's misses (-) and false alarms (+) of that type");
            System.exit(2);
        }
        String language = args[0];
        List<Conll.Sentence> gold = Conll.read(Path.of(args[1]));
        if (args.length > 2) {
            TokenNameFinderModel model;
            try (InputStream in = Files.newInputStream(Path.of(args[2]))) {
                model = new TokenNameFinderModel(in);
            }
            System.out.println("name finder " + args[2] + " alone, on gold tokens:");
            System.out.print(table(score(gold, "zh".equals(language) ? ChineseNerTrainer.nameFinder(model) : nameFinder(model))));
            return;
        }
        Matcher matcher = new Matcher(Dictionary.load(true, List.of()), true, true);
        String errors = System.getProperty("newslens.ner.errors");
        if (errors != null) { // -Dnewslens.ner.errors=PER: newslens's misses and false alarms of that type
            printErrors(gold, predictions(gold, language, matcher, true), errors, "zh".equals(language) ? "" : " ", System.out);
            return;
        }
        Matcher none = new Matcher(new Dictionary(List.of()), false, false);
        for (int warmUp = 0; warmUp < 3; warmUp++) {
            pipeline(gold, language, none, true);  // model loading and JIT compilation are not the throughput
        }
        long t0 = System.nanoTime();
        Map<String, Score> recogniser = pipeline(gold, language, none, true);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long tokens = gold.stream().mapToLong(s -> s.tokens().size()).sum();
        System.out.println("recogniser alone (" + language + "): " + tokens + " tokens in "
                + String.format(Locale.ROOT, "%.2f s, %.0f tokens/s on one thread", seconds, tokens / seconds));
        System.out.print(table(recogniser));
        System.out.println("dictionary alone:");
        System.out.print(table(pipeline(gold, language, matcher, false)));
        System.out.println("newslens (recogniser + dictionary + resolution):");
        System.out.print(table(pipeline(gold, language, matcher, true)));
    }
}
