package io.newslens.actors;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.GeneratorFactory;

/**
 * The English name finder's word-cluster features: each token's clusters (at every granularity the table has) by
 * its lower-cased form, from {@code word-clusters-en.txt.gz} in the jar ({@link WordClusters} builds it from GloVe
 * vectors). The table is read once per JVM and is not part of the model file: OpenNLP 2.5.4's own word-cluster
 * resource closes the model's zip stream when it is written, so a model holding one cannot be saved.
 */
public final class WordClusterFeatures implements AdaptiveFeatureGenerator {
    static final String TABLE = "/io/newslens/actors/word-clusters-en.txt.gz";
    private static volatile Table table;

    /** word -> one feature string per granularity ("k500=17"); words with the same clusters share one array. */
    record Table(Map<String, String[]> features) {
        String[] of(String token) {
            return features.get(token.toLowerCase(Locale.ROOT));
        }
    }

    private final Table clusters;

    WordClusterFeatures(Table clusters) {
        this.clusters = clusters;
    }

    @Override
    public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
        String[] f = clusters.of(tokens[index]);
        if (f != null) {
            for (String feature : f) {
                features.add(feature);
            }
        }
    }

    /** Named in ner-en-features.xml: {@code <generator class="io.newslens.actors.WordClusterFeatures$Factory"/>}. */
    public static final class Factory extends GeneratorFactory.AbstractXmlFeatureGeneratorFactory {
        @Override
        public AdaptiveFeatureGenerator create() {
            return new WordClusterFeatures(table());
        }
    }

    static Table table() {
        Table t = table;
        if (t == null) {
            synchronized (WordClusterFeatures.class) {
                if (table == null) {
                    table = read(TABLE);
                }
                t = table;
            }
        }
        return t;
    }

    static Table read(String resource) {
        try (InputStream raw = WordClusterFeatures.class.getResourceAsStream(resource)) {
            if (raw == null) {
                throw new IllegalStateException("word-cluster table " + resource + " is not on the class path");
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            String[] header = in.readLine().split("\t");
            int levels = header.length - 1;
            Map<String, String> shared = new HashMap<>();
            Map<String, String[]> sharedRows = new HashMap<>();
            Map<String, String[]> features = new HashMap<>(1 << 19);
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] cells = line.split("\t");
                if (cells.length != levels + 1) {
                    throw new IllegalStateException(resource + ": malformed line \"" + line + "\"");
                }
                String[] f = sharedRows.computeIfAbsent(line.substring(cells[0].length()), k -> {
                    String[] row = new String[levels];
                    for (int l = 0; l < levels; l++) {
                        row[l] = shared.computeIfAbsent(header[l + 1] + "=" + cells[l + 1], s -> s);
                    }
                    return row;
                });
                features.put(cells[0], f);
            }
            return new Table(features);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }
}
