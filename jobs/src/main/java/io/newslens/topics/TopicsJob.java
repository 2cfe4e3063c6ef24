package io.newslens.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.size;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.config.NewslensConfig;
import io.newslens.config.TopicsOptions;
import io.newslens.report.OutputException;
import io.newslens.report.Progress;
import io.newslens.report.RunManifest;
import io.newslens.report.RunOutput;
import io.newslens.text.Articles;
import io.newslens.text.Periods;
import io.newslens.text.TextLayer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.clustering.DistributedLDAModel;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/** The {@code topics} reports: fit (or, with a saved model, only score) LDA topic models. */
public final class TopicsJob {
    static final int COHERENCE_WORDS = 10;
    static final int COHERENCE_WINDOW = 10;
    static final int DIVERSITY_WORDS = 25;

    private TopicsJob() {
    }

    /** One fitted candidate model and its scores. */
    record Candidate(int k, LDAModel model, double[][] p, List<Row> topWords, Map<Integer, double[]> coherence,
                             double meanNpmi, double meanUmass, double diversity, Double logPerplexity,
                             Double logLikelihood, double fitSeconds) {
    }

    /**
     * @param modelDir a saved model to score with instead of fitting one; null = fit
     * @param required the topics command itself (a corpus too small to model fails it); under {@code all} the
     *                 topic reports are left out instead, with the reason in the manifest
     */
    public static void run(Dataset<Row> corpus, NewslensConfig config, RunOutput out, RunManifest manifest, String modelDir,
                           boolean required) {
        TopicsOptions o = config.topics();
        try (RunManifest.Stage stage = manifest.stage("topics")) {
            Map<String, Object> saved = modelDir == null ? null : readModelInfo(out, modelDir);
            int minTokenLength = saved == null ? o.minTokenLength() : ((Number) saved.get("min_token_length")).intValue();
            Dataset<Row> docs = corpus.select(col(Articles.ARTICLE_ID), col(Articles.SOURCE),
                            Periods.start(col(Articles.PUBLISHED_DATE), o.period()).as(TopicReports.PERIOD_START),
                            Topics.modelTokens(TextLayer.chunks(col(Articles.TITLE), col(Articles.TEXT),
                                    col(Articles.LANGUAGE), config.text()), col(Articles.LANGUAGE), minTokenLength).as(Topics.TOKENS))
                    .filter(size(col(Topics.TOKENS)).gt(0))
                    // LDA iterates over these partitions: spread them over every core (the corpus may arrive in
                    // one partition after adaptive coalescing, which would leave one core fitting alone).
                    .repartition(corpus.sparkSession().sparkContext().defaultParallelism())
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                if (saved != null) {
                    score(docs, modelDir, o, out, manifest, stage);
                } else {
                    fit(docs, o, out, manifest, stage, required);
                }
            } finally {
                docs.unpersist();
            }
        }
    }

    private static void fit(Dataset<Row> docs, TopicsOptions o, RunOutput out, RunManifest manifest, RunManifest.Stage stage,
                            boolean required) {
        SparkSession spark = docs.sparkSession();
        // Vocabulary-sized, and needed as an array by the vectoriser: fine on the driver.
        List<String> vocabulary = Topics.vocabulary(docs, o.minDf(), o.maxDf(), o.maxVocabulary())
                .select("term").as(Encoders.STRING()).collectAsList();
        if (vocabulary.isEmpty()) {
            String why = "no word occurs in at least topics.min_df = " + o.minDf() + " articles and at most topics.max_df = "
                    + o.maxDf() + " of them; lower min_df for a corpus this small";
            if (required) {
                throw new IllegalStateException("topics: " + why);
            }
            Progress.log("  topics left out: " + why);
            manifest.counts("topics", Map.of("skipped", why));
            stage.count("skipped", true);
            return;
        }
        String[] vocab = vocabulary.toArray(String[]::new);
        CountVectorizerModel vectorizer = Topics.vectorizer(vocabulary);
        Dataset<Row> vectors = vectorizer.transform(docs).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row>[] split = o.k().size() > 1
                ? vectors.randomSplit(new double[] {1 - o.heldOut(), o.heldOut()}, o.seed()) : null;
        Dataset<Row> train = split == null ? vectors : split[0].persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> heldOut = split == null ? null : split[1].persist(StorageLevel.MEMORY_AND_DISK());
        try {
            fitAndWrite(spark, docs, vectors, train, heldOut, vectorizer, vocab, o, out, manifest, stage);
        } finally {
            // Also when a fit fails: no cache outlives the stage.
            if (heldOut != null) {
                train.unpersist();
                heldOut.unpersist();
            }
            vectors.unpersist();
        }
    }

    private static void fitAndWrite(SparkSession spark, Dataset<Row> docs, Dataset<Row> vectors, Dataset<Row> train,
                                    Dataset<Row> heldOut, CountVectorizerModel vectorizer, String[] vocab, TopicsOptions o,
                                    RunOutput out, RunManifest manifest, RunManifest.Stage stage) {
        long articles = vectors.count();
        List<Candidate> candidates = new ArrayList<>();
        for (int k : o.k()) {
            long start = System.nanoTime();
            LDAModel model = Topics.fit(o, k, train);
            double fitSeconds = (System.nanoTime() - start) / 1e9;
            if (model instanceof DistributedLDAModel em) {
                model = em.toLocal();
            }
            double[][] p = Topics.topicWordProbabilities(model);
            List<Row> top = Topics.topWords(p, vocab, Math.max(o.topTerms(), DIVERSITY_WORDS));
            Map<Integer, double[]> coherence = new LinkedHashMap<>();
            for (Row r : Coherence.score(docs, Topics.TOKENS, Topics.topWordsByTopic(top, COHERENCE_WORDS), COHERENCE_WINDOW)
                    .collectAsList()) {
                coherence.put(r.getInt(0), new double[] {r.getDouble(1), r.getDouble(2)});
            }
            double npmi = coherence.values().stream().mapToDouble(c -> c[0]).average().orElse(Double.NaN);
            double umass = coherence.values().stream().mapToDouble(c -> c[1]).average().orElse(Double.NaN);
            Double perplexity = heldOut == null ? null : model.logPerplexity(heldOut);
            Double likelihood = heldOut == null ? null : model.logLikelihood(heldOut);
            Progress.log(String.format("  k=%d: fit %.1f s, mean NPMI %.4f, UMass %.3f", k, fitSeconds, npmi, umass));
            candidates.add(new Candidate(k, model, p, top, coherence, npmi, umass, Topics.diversity(p, vocab, DIVERSITY_WORDS),
                    perplexity, likelihood, fitSeconds));
        }
        Candidate chosen = choose(candidates);
        out.write(TopicReports.TOPIC_MODEL_SELECTION,
                spark.createDataFrame(selectionRows(candidates, chosen), TopicReports.TOPIC_MODEL_SELECTION.schema()), manifest);

        List<Row> topicRows = chosen.topWords().stream().filter(r -> r.getInt(1) <= o.topTerms()).toList();
        out.write(TopicReports.TOPICS, spark.createDataFrame(topicRows, TopicReports.TOPICS.schema()), manifest);

        Dataset<Row> weights = writeScores(chosen.model().transform(vectors), o, out, manifest);
        Map<Integer, Object[]> shares = new LinkedHashMap<>();
        for (Row r : Topics.topicShares(weights).collectAsList()) {
            shares.put(r.getInt(0), new Object[] {r.getDouble(1), r.getLong(2)});
        }
        weights.unpersist();
        out.write(TopicReports.TOPIC_SUMMARY, spark.createDataFrame(summaryRows(chosen, shares, vocab),
                TopicReports.TOPIC_SUMMARY.schema()), manifest);

        saveModel(out, vectorizer, (LocalLDAModel) chosen.model(), o, vocab.length);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("articles_modelled", articles);
        counts.put("vocabulary", vocab.length);
        counts.put("k", chosen.k());
        counts.put("optimizer", o.optimizer());
        counts.put("iterations", o.iterations());
        if (io.newslens.config.Optimizer.of("topics.optimizer", o.optimizer()) == io.newslens.config.Optimizer.ONLINE) {
            counts.put("batch_iterations", o.batchIterations());
        }
        counts.put("mean_npmi", chosen.meanNpmi());
        counts.put("mean_umass", chosen.meanUmass());
        manifest.counts("topics", counts);
        // Timings go to the stage, not to counts: counts must be equal between runs of the same input.
        stage.count("articles", articles).count("k", chosen.k()).count("mean_npmi", chosen.meanNpmi())
                .count("fit_seconds", Math.round(chosen.fitSeconds() * 1000) / 1000.0);
    }

    /** The candidate with the highest mean NPMI; the first of equals (the order of {@code topics.k}). */
    static Candidate choose(List<Candidate> candidates) {
        Candidate chosen = candidates.get(0);
        for (Candidate c : candidates) {
            if (c.meanNpmi() > chosen.meanNpmi()) {
                chosen = c;
            }
        }
        return chosen;
    }

    /** topic_model_selection: one row per candidate, fit time to the millisecond, the chosen one marked. */
    static List<Row> selectionRows(List<Candidate> candidates, Candidate chosen) {
        List<Row> selection = new ArrayList<>();
        for (Candidate c : candidates) {
            selection.add(RowFactory.create(c.k(), c.meanNpmi(), c.meanUmass(), c.diversity(), c.logPerplexity(),
                    c.logLikelihood(), Math.round(c.fitSeconds() * 1000) / 1000.0, c == chosen));
        }
        return selection;
    }

    /**
     * topic_summary of the chosen model: label (its three top words), prevalence and dominant articles
     * ({@code shares}: topic -> [mean weight, articles dominant]; a topic no article weighs is 0, 0), coherence,
     * exclusivity of its top {@value #COHERENCE_WORDS} words and effective number of words.
     */
    static List<Row> summaryRows(Candidate chosen, Map<Integer, Object[]> shares, String[] vocab) {
        Map<Integer, List<String>> coherenceWords = Topics.topWordsByTopic(chosen.topWords(), COHERENCE_WORDS);
        Map<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < vocab.length; i++) {
            index.put(vocab[i], i);
        }
        List<Row> summary = new ArrayList<>();
        for (int t = 0; t < chosen.k(); t++) {
            List<String> words = coherenceWords.get(t);
            Object[] share = shares.getOrDefault(t, new Object[] {0.0, 0L});
            double[] coh = chosen.coherence().get(t);
            summary.add(RowFactory.create(t, String.join(" / ", words.subList(0, Math.min(3, words.size()))),
                    share[0], share[1], coh[0], coh[1],
                    Topics.exclusivity(chosen.p(), t, words.stream().map(index::get).toList()),
                    Topics.effectiveWords(chosen.p()[t])));
        }
        return summary;
    }

    /** article_topics and topic_prevalence from scored vectors; returns the weights, cached for more use. */
    private static Dataset<Row> writeScores(Dataset<Row> scored, TopicsOptions o, RunOutput out, RunManifest manifest) {
        Dataset<Row> weights = Topics.weights(scored, Topics.ARTICLE_ID, Topics.SOURCE, TopicReports.PERIOD_START)
                .persist(StorageLevel.MEMORY_AND_DISK());
        out.write(TopicReports.ARTICLE_TOPICS, Topics.articleTopics(weights, o.articleTopicsMinWeight()), manifest);
        out.write(TopicReports.TOPIC_PREVALENCE, Topics.prevalence(weights), manifest);
        return weights;
    }

    private static void score(Dataset<Row> docs, String modelDir, TopicsOptions o, RunOutput out, RunManifest manifest,
                              RunManifest.Stage stage) {
        CountVectorizerModel vectorizer = CountVectorizerModel.load(modelDir + "/vectorizer");
        LocalLDAModel model = LocalLDAModel.load(modelDir + "/lda");
        Dataset<Row> weights = writeScores(model.transform(vectorizer.transform(docs)), o, out, manifest);
        long scored = weights.count();
        weights.unpersist();
        manifest.counts("topics", Map.of("model", modelDir, "k", model.getK(), "articles_scored", scored));
        stage.count("articles", scored).count("k", model.getK());
    }

    private static void saveModel(RunOutput out, CountVectorizerModel vectorizer, LocalLDAModel model, TopicsOptions o,
                                  int vocabularySize) {
        String dir = out.artifact(TopicReports.MODEL_DIR);
        try {
            vectorizer.save(dir + "/vectorizer");
            model.save(dir + "/lda");
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("k", model.getK());
            info.put("vocabulary_size", vocabularySize);
            info.put("min_token_length", o.minTokenLength());
            info.put("options", o);
            out.writeText(TopicReports.MODEL_DIR + "/model.json",
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(info));
        } catch (IOException e) {
            throw new OutputException("cannot save the topic model to " + dir + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readModelInfo(RunOutput out, String modelDir) {
        String json;
        try {
            json = out.readText(modelDir + "/model.json");
        } catch (OutputException e) {
            throw new io.newslens.config.ConfigException("--model", modelDir + " is not a saved newslens topic model "
                    + "(no readable model.json; use OUTPUT/" + TopicReports.MODEL_DIR + " of a topics run)");
        }
        try {
            return new ObjectMapper().readValue(json, Map.class);
        } catch (IOException e) {
            throw new OutputException("--model: " + modelDir + "/model.json is not a newslens topic model: " + e.getMessage(), e);
        }
    }
}
