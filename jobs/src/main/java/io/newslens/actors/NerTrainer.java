package io.newslens.actors;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains the English name finder with OpenNLP's own trainer (perceptron) on CoNLL-2003 eng.train only:
 * {@code data/scripts/train_ner.sh} runs it. Features: {@code ner-en-features.xml} (OpenNLP's defaults plus
 * prefixes and suffixes, the token as written, and the GloVe word clusters of each token and its neighbours:
 * {@link WordClusterFeatures}). The dictionary is not a feature: gazetteer features of
 * data/actors gained 0.002 F1 on eng.testb for a quarter of the speed; it links names after recognition instead
 * ({@link Matcher#find(String, String, List)}).
 */
public final class NerTrainer {
    private NerTrainer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: NerTrainer TRAIN.conll[.gz] MODEL.bin [ITERATIONS]");
            System.exit(2);
        }
        int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        TokenNameFinderModel model = train(Conll.read(Path.of(args[0])), iterations);
        try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            model.serialize(out);
        }
        System.out.println("model written: " + args[1]);
    }

    static TokenNameFinderModel train(List<Conll.Sentence> sentences, int iterations) throws IOException {
        return train("en", sentences.stream().map(NerTrainer::sample).toList(), "ner-en-features.xml", iterations, 0);
    }

    /** OpenNLP's perceptron name-finder trainer, one thread (deterministic), BIO tags, features from a resource here. */
    static TokenNameFinderModel train(String language, List<NameSample> samples, String features, int iterations, int cutoff)
            throws IOException {
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ALGORITHM_PARAM, "PERCEPTRON");
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, cutoff);
        params.put(TrainingParameters.THREADS_PARAM, 1);
        byte[] xml;
        try (InputStream in = NerTrainer.class.getResourceAsStream(features)) {
            xml = in.readAllBytes();
        }
        TokenNameFinderFactory factory = new TokenNameFinderFactory(xml, Map.of(), new BioCodec());
        return NameFinderME.train(language, null, ObjectStreamUtils.createObjectStream(samples), params, factory);
    }

    static NameSample sample(Conll.Sentence s) {
        Span[] names = s.entities().stream().map(e -> new Span(e.start(), e.end(), e.type())).toArray(Span[]::new);
        return new NameSample(s.tokens().toArray(String[]::new), names, s.documentStart());
    }
}
