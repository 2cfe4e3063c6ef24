package io.newslens.actors;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;

/**
 * Trains the Chinese name finder ({@link ChineseNer}) with OpenNLP's perceptron trainer on character-tagged news
 * (BIO, one character per line): {@code data/scripts/train_ner_zh.sh} runs it, then scores it on the MSRA test set.
 */
public final class ChineseNerTrainer {
    private ChineseNerTrainer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: ChineseNerTrainer MODEL.bin ITERATIONS CUTOFF TRAIN.bio[.gz]... [--test GOLD.bio[.gz]]");
            System.exit(2);
        }
        Path model = Path.of(args[0]);
        int iterations = Integer.parseInt(args[1]);
        int cutoff = Integer.parseInt(args[2]);
        List<Conll.Sentence> train = new ArrayList<>();
        Path test = null;
        for (int i = 3; i < args.length; i++) {
            if (args[i].equals("--test")) {
                test = Path.of(args[++i]);
            } else {
                train.addAll(Conll.read(Path.of(args[i])));
            }
        }
        // The share of two- and three-character names, which ChineseNameLists takes as its prior.
        long[] byLength = new long[4];
        train.forEach(s -> s.entities().stream().filter(e -> "PER".equals(e.type()) && e.end() - e.start() <= 3)
                .forEach(e -> byLength[e.end() - e.start()]++));
        System.out.printf("people in the training set: %d of two characters, %d of three%n", byLength[2], byLength[3]);
        long t0 = System.nanoTime();
        TokenNameFinderModel trained = train(train, iterations, cutoff);
        try (OutputStream out = Files.newOutputStream(model)) {
            trained.serialize(out);
        }
        System.out.printf("model written: %s (%d sentences, %.0f s)%n", model, train.size(), (System.nanoTime() - t0) / 1e9);
        if (test != null) {
            System.out.println("name finder alone on " + test + ":");
            System.out.print(NerEvaluation.table(NerEvaluation.score(Conll.read(test), nameFinder(trained))));
        }
    }

    static TokenNameFinderModel train(List<Conll.Sentence> sentences, int iterations, int cutoff) throws IOException {
        List<NameSample> samples = sentences.stream().map(s -> new NameSample(null, s.tokens().toArray(String[]::new),
                s.entities().stream().map(e -> new Span(e.start(), e.end(), e.type())).toArray(Span[]::new),
                ChineseNer.context(s.tokens()), true)).toList();
        return NerTrainer.train("zh", samples, "ner-zh-features.xml", iterations, cutoff);
    }

    /** The model alone on gold characters, with the segmenter's context. */
    static java.util.function.Function<Conll.Sentence, List<Conll.Entity>> nameFinder(TokenNameFinderModel model) {
        NameFinderME finder = new NameFinderME(model);
        return s -> {
            finder.clearAdaptiveData();
            Span[] spans = finder.find(s.tokens().toArray(String[]::new), ChineseNer.context(s.tokens()));
            return java.util.Arrays.stream(spans).map(x -> new Conll.Entity(x.getStart(), x.getEnd(), x.getType())).toList();
        };
    }
}
