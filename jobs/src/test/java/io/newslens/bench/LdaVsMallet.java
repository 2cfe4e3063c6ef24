package io.newslens.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

import cc.mallet.topics.ParallelTopicModel;
import cc.mallet.types.Alphabet;
import cc.mallet.types.FeatureSequence;
import cc.mallet.types.IDSorter;
import cc.mallet.types.Instance;
import cc.mallet.types.InstanceList;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.config.TextOptions;
import io.newslens.config.TopicsOptions;
import io.newslens.text.TextLayer;
import io.newslens.topics.Coherence;
import io.newslens.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.ml.clustering.DistributedLDAModel;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * newslens LDA (the shipped defaults) against MALLET 2.0.8 on the same articles, tokens and vocabulary, scored
 * by the same NPMI scorer ({@link Coherence}). A benchmark, not a test: run by {@code bench/run.py --lda}.
 * args: articles.jsonl.gz, k, result JSON file, seeds (comma-separated; both models are fitted once per seed, means
 * reported).
 */
public final class LdaVsMallet {
    public static void main(String[] args) throws Exception {
        String input = args[0];
        int k = Integer.parseInt(args[1]);
        long[] seeds = java.util.Arrays.stream((args.length > 3 ? args[3] : "42").split(",")).mapToLong(Long::parseLong).toArray();
        SparkSession spark = SparkSession.builder().master(System.getProperty("spark.master", "local[2]"))
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        // -Doptions='{"optimizer": "gibbs"}' compares other topic options than the shipped defaults
        TopicsOptions o = System.getProperty("options") == null ? TopicsOptions.defaults()
                : new ObjectMapper().readValue(System.getProperty("options"), TopicsOptions.class);
        Dataset<Row> docs = spark.read().json(input).filter(col("text").isNotNull().and(col("text").notEqual("")))
                .select(col("id").as(Topics.ARTICLE_ID), Topics.modelTokens(TextLayer.chunks(col("title"), col("text"),
                        lit("en"), TextOptions.defaults()), lit("en"), o.minTokenLength()).as(Topics.TOKENS))
                .filter(size(col(Topics.TOKENS)).gt(0)).repartition(2).persist(StorageLevel.MEMORY_AND_DISK());
        long articles = docs.count();
        List<String> vocabulary = Topics.vocabulary(docs, o.minDf(), o.maxDf(), o.maxVocabulary()).select("term")
                .as(Encoders.STRING()).collectAsList();
        String[] vocab = vocabulary.toArray(String[]::new);
        Dataset<Row> vectors = Topics.vectorizer(vocabulary).transform(docs).persist(StorageLevel.MEMORY_AND_DISK());
        vectors.count();

        // MALLET sees exactly the vocabulary words of each article, in order (a benchmark: collecting is fine here).
        Set<String> inVocabulary = new HashSet<>(vocabulary);
        Alphabet alphabet = new Alphabet();
        InstanceList instances = new InstanceList(alphabet, null);
        for (Row r : docs.orderBy(Topics.ARTICLE_ID).collectAsList()) {
            FeatureSequence fs = new FeatureSequence(alphabet);
            for (String t : r.<String>getList(1)) {
                if (inVocabulary.contains(t)) {
                    fs.add(t);
                }
            }
            if (fs.getLength() > 0) {
                instances.add(new Instance(fs, null, r.getString(0), null));
            }
        }

        // Each seed: newslens's fit, then MALLET's, in the same JVM (both warm after the first seed).
        List<Map<String, Object>> runs = new ArrayList<>();
        Map<Integer, List<String>> sparkTop = null;
        Map<Integer, List<String>> malletTop = null;
        for (long seed : seeds) {
            long start = System.nanoTime();
            // -DfitShare=0.5: fit on a seeded sample of the articles (as topics.max_fit_articles does), score NPMI on all
            double share = Double.parseDouble(System.getProperty("fitShare", "1"));
            LDAModel model = Topics.fit(o.withSeed(seed), k, share < 1 ? vectors.sample(false, share, seed) : vectors);
            double sparkFit = (System.nanoTime() - start) / 1e9;
            if (model instanceof DistributedLDAModel em) {
                model = em.toLocal();
            }
            sparkTop = Topics.topWordsByTopic(Topics.topWords(Topics.topicWordProbabilities(model), vocab, 10), 10);
            double sparkNpmi = meanNpmi(docs, sparkTop);

            if (Boolean.getBoolean("skipMallet")) {
                System.out.printf("seed %d: newslens %.1f s NPMI %.4f%n", seed, sparkFit, sparkNpmi);
                runs.add(Map.of("seed", seed, "newslens_fit_seconds", round(sparkFit), "newslens_mean_npmi", round(sparkNpmi)));
                continue;
            }
            ParallelTopicModel mallet = new ParallelTopicModel(k, 5.0, 0.01);
            mallet.addInstances(instances);
            mallet.setNumThreads(2);
            mallet.setNumIterations(200);
            mallet.setOptimizeInterval(10);
            mallet.setBurninPeriod(50);
            mallet.setRandomSeed((int) seed);
            mallet.printLogLikelihood = false;
            mallet.setTopicDisplay(0, 0);
            start = System.nanoTime();
            mallet.estimate();
            double malletFit = (System.nanoTime() - start) / 1e9;
            malletTop = new TreeMap<>();
            List<java.util.TreeSet<IDSorter>> sorted = mallet.getSortedWords();
            for (int t = 0; t < k; t++) {
                List<String> words = new ArrayList<>();
                for (IDSorter s : sorted.get(t)) {
                    if (words.size() == 10) {
                        break;
                    }
                    words.add((String) alphabet.lookupObject(s.getID()));
                }
                malletTop.put(t, words);
            }
            double malletNpmi = meanNpmi(docs, malletTop);
            System.out.printf("seed %d: newslens %.1f s NPMI %.4f | MALLET %.1f s NPMI %.4f%n", seed, sparkFit, sparkNpmi,
                    malletFit, malletNpmi);
            runs.add(Map.of("seed", seed, "newslens_fit_seconds", round(sparkFit), "newslens_mean_npmi", round(sparkNpmi),
                    "mallet_fit_seconds", round(malletFit), "mallet_mean_npmi", round(malletNpmi)));
        }

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("corpus", input);
        result.put("articles", articles);
        result.put("vocabulary", vocab.length);
        result.put("k", k);
        result.put("seeds", seeds);
        result.put("fit_share", Double.parseDouble(System.getProperty("fitShare", "1")));
        result.put("command", "java -DskipMallet=" + Boolean.getBoolean("skipMallet") + " -DfitShare="
                + System.getProperty("fitShare", "1") + " ... io.newslens.bench.LdaVsMallet " + String.join(" ", args));
        result.put("newslens", Map.of("optimizer", o.optimizer(), "iterations", o.iterations(),
                "batch_iterations", o.batchIterations(), "subsampling_rate", o.subsamplingRate(), "starts", o.starts(),
                "fit_seconds", mean(runs, "newslens_fit_seconds"), "mean_npmi", mean(runs, "newslens_mean_npmi"),
                "spark_version", spark.version(), "master", spark.sparkContext().master()));
        result.put("mallet", Map.of("version", "2.0.8", "iterations", 200, "threads", 2, "optimize_interval", 10,
                "fit_seconds", mean(runs, "mallet_fit_seconds"), "mean_npmi", mean(runs, "mallet_mean_npmi")));
        result.put("runs", runs);
        result.put("newslens_topics", sparkTop);
        result.put("mallet_topics", malletTop);
        String json = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result);
        System.out.println(json);
        if (args.length > 2) {
            Files.writeString(Path.of(args[2]), json);
        }
        spark.stop();
    }

    private static double meanNpmi(Dataset<Row> docs, Map<Integer, List<String>> top) {
        return Coherence.score(docs, Topics.TOKENS, top, 10).agg(org.apache.spark.sql.functions.avg("coherence_npmi"))
                .first().getDouble(0);
    }

    /** Mean of one figure over the seeds' runs. */
    private static double mean(List<Map<String, Object>> runs, String key) {
        return round(runs.stream().filter(r -> r.containsKey(key)).mapToDouble(r -> (Double) r.get(key)).average().orElse(Double.NaN));
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
