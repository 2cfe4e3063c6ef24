package io.newslens.topics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
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
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.clustering.DistributedLDAModel;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.sql.Column;
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
    /** Articles without a detected language are modelled as their own group. */
    static final String UNDETERMINED = io.newslens.text.LanguageDetector.UNDETERMINED;

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
                           boolean refit, boolean required) {
        TopicsOptions o = config.topics();
        try (RunManifest.Stage stage = manifest.stage("topics")) {
            // A --since run keeps the published model while the new articles' words stay close to its vocabulary.
            String published = modelDir == null && config.since() != null ? out.publishedLocation(TopicReports.MODEL_DIR) : null;
            Map<String, Object> publishedInfo = published == null ? null : readModelInfo(out, published);
            Map<String, Object> saved = modelDir == null ? null : readModelInfo(out, modelDir);
            int minTokenLength = saved == null ? o.minTokenLength() : ((Number) saved.get("min_token_length")).intValue();
            Column language = coalesce(col(Articles.LANGUAGE), lit(UNDETERMINED));
            Dataset<Row> docs = corpus.select(col(Articles.ARTICLE_ID), col(Articles.SOURCE), language.as(TopicReports.LANGUAGE),
                            Periods.start(col(Articles.PUBLISHED_DATE), o.period()).as(TopicReports.PERIOD_START),
                            Topics.modelTokens(TextLayer.chunks(col(Articles.TITLE), col(Articles.TEXT),
                                    col(Articles.LANGUAGE), io.newslens.text.Boilerplate.phrases(corpus), config.text()),
                                    language, minTokenLength).as(Topics.TOKENS))
                    .filter(size(col(Topics.TOKENS)).gt(0))
                    // LDA iterates over these partitions: spread them over every core (the corpus may arrive in
                    // one partition after adaptive coalescing, which would leave one core fitting alone). By id and
                    // sorted: the sampler follows the documents' order, which must not depend on the corpus's layout
                    // or on the order a task happens to fetch shuffled blocks in (StandaloneClusterIT).
                    .repartition(corpus.sparkSession().sparkContext().defaultParallelism(), col(Articles.ARTICLE_ID))
                    .sortWithinPartitions(col(Articles.ARTICLE_ID))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            Outputs outputs = new Outputs();
            try {
                Map<String, Object> incremental = publishedInfo == null ? null
                        : incremental(docs, published, publishedInfo, o, refit, config.since());
                if (saved != null) {
                    score(docs, modelDir, saved, o, out, manifest, stage, outputs, null);
                } else if (incremental != null && "scored".equals(incremental.get("mode"))) {
                    score(docs, published, publishedInfo, o, out, manifest, stage, outputs, incremental);
                } else {
                    fit(docs, o, out, manifest, stage, required, outputs);
                    if (incremental != null) {
                        manifest.counts("topics").put("incremental", incremental);
                    }
                }
            } finally {
                outputs.release();
                docs.unpersist();
            }
        }
    }

    /** What the language models produce, written together once every model is done; caches released at the end. */
    static final class Outputs {
        final List<Row> selection = new ArrayList<>();
        final List<Row> topics = new ArrayList<>();
        final List<Row> summary = new ArrayList<>();
        final List<Row> stability = new ArrayList<>();
        final List<Dataset<Row>> articleTopics = new ArrayList<>();
        final List<Dataset<Row>> prevalence = new ArrayList<>();
        final List<Dataset<Row>> termsByPeriod = new ArrayList<>();
        final List<Dataset<Row>> cached = new ArrayList<>();
        final List<Broadcast<?>> broadcasts = new ArrayList<>();
        final Map<String, Object> models = new LinkedHashMap<>();

        void release() {
            cached.forEach(Dataset::unpersist);
            broadcasts.forEach(b -> b.destroy(false));
        }

        void writeScores(SparkSession spark, RunOutput out, RunManifest manifest) {
            out.write(TopicReports.ARTICLE_TOPICS, union(spark, articleTopics, TopicReports.ARTICLE_TOPICS), manifest);
            out.write(TopicReports.TOPIC_PREVALENCE, union(spark, prevalence, TopicReports.TOPIC_PREVALENCE), manifest);
            out.write(TopicReports.TOPIC_TERMS_BY_PERIOD, union(spark, termsByPeriod, TopicReports.TOPIC_TERMS_BY_PERIOD), manifest);
        }

        private static Dataset<Row> union(SparkSession spark, List<Dataset<Row>> parts, io.newslens.report.ReportSpec spec) {
            Dataset<Row> all = spark.createDataFrame(List.of(), spec.schema());
            for (Dataset<Row> p : parts) {
                all = all.unionByName(p);
            }
            return all;
        }
    }

    private static void fit(Dataset<Row> docs, TopicsOptions o, RunOutput out, RunManifest manifest, RunManifest.Stage stage,
                            boolean required, Outputs outputs) {
        SparkSession spark = docs.sparkSession();
        Map<String, Long> perLanguage = new TreeMap<>();
        for (Row r : docs.groupBy(TopicReports.LANGUAGE).count().collectAsList()) {
            perLanguage.put(r.getString(0), r.getLong(1));
        }
        List<TopicLanguages.Group> groups = TopicLanguages.groups(perLanguage, o.minArticlesPerLanguage());
        Map<String, Object> models = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (TopicLanguages.Group g : groups) {
            Dataset<Row> groupDocs = docs.filter(col(TopicReports.LANGUAGE).isin(g.languages().toArray()));
            Map<String, Object> counts = fitLanguage(spark, g, groupDocs, o, out, manifest, outputs);
            if (counts.containsKey("skipped")) {
                skipped.add(g.name() + ": " + counts.get("skipped"));
            }
            models.put(g.name(), counts);
        }
        if (models.values().stream().allMatch(c -> ((Map<?, ?>) c).containsKey("skipped"))) {
            String why = groups.isEmpty()
                    ? "no language has topics.min_articles_per_language = " + o.minArticlesPerLanguage() + " articles with words "
                            + perLanguage + "; lower it for a corpus this small"
                    : String.join("; ", skipped);
            if (required) {
                throw new IllegalStateException("topics: " + why);
            }
            Progress.log("  topics left out: " + why);
            manifest.counts("topics", Map.of("skipped", why));
            stage.count("skipped", true);
            return;
        }
        out.write(TopicReports.TOPIC_MODEL_SELECTION, spark.createDataFrame(outputs.selection, TopicReports.TOPIC_MODEL_SELECTION.schema()), manifest);
        out.write(TopicReports.TOPICS, spark.createDataFrame(outputs.topics, TopicReports.TOPICS.schema()), manifest);
        outputs.writeScores(spark, out, manifest);
        out.write(TopicReports.TOPIC_SUMMARY, spark.createDataFrame(outputs.summary, TopicReports.TOPIC_SUMMARY.schema()), manifest);
        out.write(TopicReports.TOPIC_STABILITY, spark.createDataFrame(outputs.stability, TopicReports.TOPIC_STABILITY.schema()), manifest);
        saveModelInfo(out, o, outputs);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("models", models);
        counts.put("languages_left_out", TopicLanguages.leftOut(perLanguage, groups).stream()
                .collect(java.util.stream.Collectors.toMap(l -> l, perLanguage::get, (a, b) -> a, TreeMap::new)));
        counts.put("optimizer", o.optimizer());
        counts.put("iterations", o.iterations());
        if (io.newslens.config.Optimizer.of("topics.optimizer", o.optimizer()) == io.newslens.config.Optimizer.ONLINE) {
            counts.put("batch_iterations", o.batchIterations());
        }
        manifest.counts("topics", counts);
        long articles = 0;
        for (Object c : models.values()) {
            Object n = ((Map<?, ?>) c).get("articles_modelled");
            articles += n == null ? 0 : ((Number) n).longValue();
        }
        stage.count("articles", articles).count("models", models.size());
    }

    /** One language's model: candidates, choice, scores, labels, stability; its rows go to {@code outputs}. */
    private static Map<String, Object> fitLanguage(SparkSession spark, TopicLanguages.Group g, Dataset<Row> docs, TopicsOptions o,
                                                   RunOutput out, RunManifest manifest, Outputs outputs) {
        Map<String, Object> counts = new LinkedHashMap<>();
        // Vocabulary-sized, and needed as an array by the vectoriser: fine on the driver.
        List<String> vocabulary = Topics.vocabulary(docs, o.minDf(), o.maxDf(), o.maxVocabulary())
                .select("term").as(Encoders.STRING()).collectAsList();
        if (vocabulary.isEmpty()) {
            counts.put("skipped", "no word occurs in at least topics.min_df = " + o.minDf() + " articles and at most topics.max_df = "
                    + o.maxDf() + " of them; lower min_df for a corpus this small");
            return counts;
        }
        String[] vocab = vocabulary.toArray(String[]::new);
        // The baseline of later runs' drift measure: how much of the text the model's vocabulary leaves out.
        counts.put("out_of_vocabulary", Topics.outOfVocabularyShare(docs, vocab));
        CountVectorizerModel vectorizer = Topics.vectorizer(vocabulary);
        Dataset<Row> vectors = vectorizer.transform(docs).persist(StorageLevel.MEMORY_AND_DISK());
        outputs.cached.add(vectors);
        Dataset<Row>[] split = o.k().size() > 1
                ? vectors.randomSplit(new double[] {1 - o.heldOut(), o.heldOut()}, o.seed()) : null;
        Dataset<Row> train = split == null ? vectors : split[0].persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> heldOut = split == null ? null : split[1].persist(StorageLevel.MEMORY_AND_DISK());
        if (split != null) {
            outputs.cached.add(train);
            outputs.cached.add(heldOut);
        }
        long articles = vectors.count();
        // Large corpora: fit on a seeded sample, score every article (the fit's cost grows with the words it sweeps)
        long trainArticles = split == null ? articles : train.count();
        if (trainArticles > o.maxFitArticles()) {
            train = train.sample(false, o.maxFitArticles() / (double) trainArticles, o.seed()).persist(StorageLevel.MEMORY_AND_DISK());
            outputs.cached.add(train);
            trainArticles = train.count();
        }
        counts.put("articles_fitted", trainArticles);
        List<Candidate> candidates = new ArrayList<>();
        for (int k : o.k()) {
            candidates.add(candidate(o, k, train, heldOut, docs, vocab, g.name()));
        }
        Candidate chosen = choose(candidates);
        outputs.selection.addAll(selectionRows(g.name(), articles, candidates, chosen));
        for (Row r : chosen.topWords()) {
            if (r.getInt(1) <= o.topTerms()) {
                outputs.topics.add(RowFactory.create(TopicReports.topicId(g.name(), r.getInt(0), chosen.k()), r.getInt(1), r.getString(2), r.getDouble(3)));
            }
        }
        Dataset<Row> weights = scores(chosen.model().transform(vectors), g.name(), chosen.k(), Topics.topicWordProbabilities(chosen.model()),
                vocab, o, outputs);
        Map<Integer, Object[]> shares = new LinkedHashMap<>();
        for (Row r : Topics.topicShares(weights).collectAsList()) {
            shares.put(r.getInt(0), new Object[] {r.getDouble(1), r.getLong(2)});
        }
        Map<Integer, List<String>> top = Topics.topWordsByTopic(chosen.topWords(), COHERENCE_WORDS);
        Map<Integer, Map<String, Long>> collocations = new java.util.HashMap<>();
        for (Row r : TopicLabels.collocations(weights, top).collectAsList()) {
            collocations.computeIfAbsent(r.getInt(0), x -> new java.util.HashMap<>()).put(r.getString(1), r.getLong(2));
        }
        Map<Integer, double[]> stability = stability(o, chosen, train, vocab, g.name(), outputs);
        outputs.summary.addAll(summaryRows(g.name(), chosen, shares, vocab, collocations, stability));
        saveModel(out, g, vectorizer, (LocalLDAModel) chosen.model(), vocab.length, (Double) counts.get("out_of_vocabulary"), outputs);
        counts.put("languages", g.languages());
        counts.put("articles_modelled", articles);
        counts.put("vocabulary", vocab.length);
        counts.put("k", chosen.k());
        counts.put("mean_npmi", chosen.meanNpmi());
        counts.put("mean_umass", chosen.meanUmass());
        Progress.log(String.format("  topics %s: %d articles, k = %d, mean NPMI %.4f", g.name(), articles, chosen.k(), chosen.meanNpmi()));
        return counts;
    }

    private static Candidate candidate(TopicsOptions o, int k, Dataset<Row> train, Dataset<Row> heldOut, Dataset<Row> docs,
                                       String[] vocab, String language) {
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
        Progress.log(String.format("  %s k=%d: fit %.1f s, mean NPMI %.4f, UMass %.3f", language, k, fitSeconds, npmi, umass));
        return new Candidate(k, model, p, top, coherence, npmi, umass, Topics.diversity(p, vocab, DIVERSITY_WORDS),
                perplexity, likelihood, fitSeconds);
    }

    /**
     * topic_stability rows of the chosen model against {@code topics.stability_seeds} refits; returns per topic
     * [share of refits matched, mean Jaccard], empty when stability is off.
     */
    private static Map<Integer, double[]> stability(TopicsOptions o, Candidate chosen, Dataset<Row> train, String[] vocab,
                                                    String language, Outputs outputs) {
        Map<Integer, double[]> byTopic = new LinkedHashMap<>();
        if (o.stabilitySeeds() == 0) {
            return byTopic;
        }
        Map<Integer, List<String>> reference = Topics.topWordsByTopic(chosen.topWords(), COHERENCE_WORDS);
        for (int i = 1; i <= o.stabilitySeeds(); i++) {
            long seed = o.seed() + i;
            LDAModel refit = Topics.fit(o.withSeed(seed), chosen.k(), train);
            Map<Integer, List<String>> words = Topics.topWordsByTopic(
                    Topics.topWords(Topics.topicWordProbabilities(refit), vocab, COHERENCE_WORDS), COHERENCE_WORDS);
            for (TopicStability.Pairing p : TopicStability.match(reference, words)) {
                outputs.stability.add(RowFactory.create(TopicReports.topicId(language, p.topic(), chosen.k()), seed,
                        p.matched() == null ? null : TopicReports.topicId(language, p.matched(), chosen.k()), p.jaccard(), p.isMatch()));
                double[] acc = byTopic.computeIfAbsent(p.topic(), t -> new double[2]);
                acc[0] += (p.isMatch() ? 1.0 : 0.0) / o.stabilitySeeds();
                acc[1] += p.jaccard() / o.stabilitySeeds();
            }
        }
        return byTopic;
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
    static List<Row> selectionRows(String language, long articles, List<Candidate> candidates, Candidate chosen) {
        List<Row> selection = new ArrayList<>();
        for (Candidate c : candidates) {
            selection.add(RowFactory.create(language, articles, c.k(), c.meanNpmi(), c.meanUmass(), c.diversity(), c.logPerplexity(),
                    c.logLikelihood(), Math.round(c.fitSeconds() * 1000) / 1000.0, c == chosen));
        }
        return selection;
    }

    /**
     * topic_summary of the chosen model: label ({@link TopicLabels}), prevalence and dominant articles
     * ({@code shares}: topic -> [mean weight, articles dominant]; a topic no article weighs is 0, 0), coherence,
     * exclusivity of its top {@value #COHERENCE_WORDS} words, effective number of words and stability
     * ({@code stability}: topic -> [share matched, mean Jaccard]; empty = off, null columns).
     */
    static List<Row> summaryRows(String language, Candidate chosen, Map<Integer, Object[]> shares, String[] vocab,
                                 Map<Integer, Map<String, Long>> collocations, Map<Integer, double[]> stability) {
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
            double[] stable = stability.get(t);
            summary.add(RowFactory.create(TopicReports.topicId(language, t, chosen.k()), language,
                    TopicLabels.label(words, collocations.getOrDefault(t, Map.of())),
                    share[0], share[1], coh[0], coh[1],
                    Topics.exclusivity(chosen.p(), t, words.stream().map(index::get).toList()),
                    Topics.effectiveWords(chosen.p()[t]), stable == null ? null : stable[0], stable == null ? null : stable[1]));
        }
        return summary;
    }

    /**
     * article_topics, topic_prevalence and topic_terms_by_period of one language model from its scored vectors, with
     * string topic ids; returns the weights (with tokens), cached for the summary.
     */
    private static Dataset<Row> scores(Dataset<Row> scored, String language, int k, double[][] p, String[] vocab, TopicsOptions o,
                                       Outputs outputs) {
        Dataset<Row> weights = Topics.weights(scored, Topics.ARTICLE_ID, Topics.SOURCE, TopicReports.PERIOD_START, Topics.TOKENS)
                .persist(StorageLevel.MEMORY_AND_DISK());
        outputs.cached.add(weights);
        Column id = TopicReports.topicId(language, col(TopicReports.TOPIC_ID), k);
        outputs.articleTopics.add(Topics.articleTopics(weights, o.articleTopicsMinWeight()).withColumn(TopicReports.TOPIC_ID, id));
        outputs.prevalence.add(Topics.prevalence(weights).withColumn(TopicReports.TOPIC_ID, id));
        Broadcast<TopicsOverTime.Model> model = JavaSparkContext.fromSparkContext(weights.sparkSession().sparkContext())
                .broadcast(TopicsOverTime.Model.of(p, vocab));
        outputs.broadcasts.add(model);
        outputs.termsByPeriod.add(TopicsOverTime.termsByPeriod(weights, model, o.topTerms()).withColumn(TopicReports.TOPIC_ID, id));
        return weights;
    }

    private static void score(Dataset<Row> docs, String modelDir, Map<String, Object> saved, TopicsOptions o, RunOutput out,
                              RunManifest manifest, RunManifest.Stage stage, Outputs outputs, Map<String, Object> incremental) {
        Map<String, Object> counts = new LinkedHashMap<>();
        long scoredArticles = 0;
        for (Map.Entry<String, List<String>> m : savedLanguages(saved).entrySet()) {
            String dir = modelDir + "/" + m.getKey();
            CountVectorizerModel vectorizer = CountVectorizerModel.load(dir + "/vectorizer");
            LocalLDAModel model = LocalLDAModel.load(dir + "/lda");
            Dataset<Row> weights = scores(model.transform(vectorizer.transform(docs.filter(col(TopicReports.LANGUAGE).isin(m.getValue().toArray())))),
                    m.getKey(), model.getK(), Topics.topicWordProbabilities(model), vectorizer.vocabulary(), o, outputs);
            long n = weights.count();
            scoredArticles += n;
            counts.put(m.getKey(), Map.of("k", model.getK(), "articles_scored", n));
        }
        outputs.writeScores(docs.sparkSession(), out, manifest);
        Map<String, Object> topicCounts = new LinkedHashMap<>();
        topicCounts.put("model", modelDir);
        topicCounts.put("models", counts);
        if (incremental != null) {
            topicCounts.put("incremental", incremental);
        }
        manifest.counts("topics", topicCounts);
        stage.count("articles", scoredArticles);
    }

    /**
     * Whether a --since run scores with the published model ({@code mode} "scored") or refits ("refit"), and
     * why: --refit; other topics options than the model was fitted with; a model saved before drift was
     * measured; or, for a language model, the share of the new articles' words (periods from --since on) outside
     * its vocabulary exceeding the share at fit time by more than {@code topics.refit_drift}.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> incremental(Dataset<Row> docs, String published, Map<String, Object> info, TopicsOptions o,
                                                   boolean refit, String since) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("published_model", published);
        result.put("threshold", o.refitDrift());
        String reason = null;
        Map<String, List<String>> models = refit ? null : languageModels(docs, o);
        if (refit) {
            reason = "--refit";
        } else if (!comparableOptions(o).equals(comparableOptions(info.get("options")))) {
            reason = "the topics options differ from those the published model was fitted with";
        } else if (!models.equals(savedLanguages(info))) {
            reason = "the languages to model changed: the corpus now gives " + models + ", the published model has "
                    + savedLanguages(info);
        } else {
            Map<String, Object> drift = new LinkedHashMap<>();
            Dataset<Row> fresh = docs.filter(col(TopicReports.PERIOD_START).geq(Periods.start(lit(since).cast("date"), o.period())));
            for (Map.Entry<String, List<String>> m : savedLanguages(info).entrySet()) {
                Object atFit = ((Map<String, Object>) ((Map<String, Object>) info.get("models")).get(m.getKey())).get("out_of_vocabulary");
                if (!(atFit instanceof Number fitShare)) {
                    reason = "the published model " + m.getKey() + " was saved before vocabulary drift was measured";
                    break;
                }
                String[] vocabulary = CountVectorizerModel.load(published + "/" + m.getKey() + "/vectorizer").vocabulary();
                double now = Topics.outOfVocabularyShare(fresh.filter(col(TopicReports.LANGUAGE).isin(m.getValue().toArray())), vocabulary);
                double d = Double.isNaN(now) ? 0.0 : now - fitShare.doubleValue();
                // No words dated from --since on: nothing new to drift (null, not a share of 0).
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("out_of_vocabulary_at_fit", fitShare);
                one.put("out_of_vocabulary_new", Double.isNaN(now) ? null : now);
                one.put("drift", d);
                drift.put(m.getKey(), one);
                if (d > o.refitDrift() && reason == null) {
                    reason = String.format(java.util.Locale.ROOT, "vocabulary drift of model %s: %.4f > topics.refit_drift %.4f",
                            m.getKey(), d, o.refitDrift());
                }
            }
            result.put("drift", drift);
        }
        result.put("mode", reason == null ? "scored" : "refit");
        if (reason != null) {
            result.put("reason", reason);
        }
        Progress.log("  topics: " + (reason == null ? "scoring with the published model " + published : "refitting: " + reason));
        return result;
    }

    /** The language models a fit of these articles would make: model name -> the article languages it covers. */
    private static Map<String, List<String>> languageModels(Dataset<Row> docs, TopicsOptions o) {
        Map<String, Long> perLanguage = new TreeMap<>();
        for (Row r : docs.groupBy(TopicReports.LANGUAGE).count().collectAsList()) {
            perLanguage.put(r.getString(0), r.getLong(1));
        }
        Map<String, List<String>> models = new LinkedHashMap<>();
        for (TopicLanguages.Group g : TopicLanguages.groups(perLanguage, o.minArticlesPerLanguage())) {
            models.put(g.name(), List.copyOf(g.languages()));
        }
        return models;
    }

    /** Options that change a fit, as JSON read back (refit_drift only decides when to refit). */
    private static com.fasterxml.jackson.databind.JsonNode comparableOptions(Object options) {
        ObjectMapper json = new ObjectMapper();
        try {
            com.fasterxml.jackson.databind.JsonNode node = json.readTree(json.writeValueAsString(options));
            if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
                object.remove("refit_drift");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalStateException("cannot compare topics options", e);
        }
    }

    /** model.json's languages: model name -> the article languages it covers. */
    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> savedLanguages(Map<String, Object> saved) {
        if (!(saved.get("models") instanceof Map)) {
            throw new io.newslens.config.ConfigException("--model", "the saved topic model predates one model per language "
                    + "(its model.json lists no models); fit it again with this version");
        }
        Map<String, List<String>> models = new LinkedHashMap<>();
        ((Map<String, Object>) saved.get("models")).forEach((name, info) ->
                models.put(name, (List<String>) ((Map<String, Object>) info).get("languages")));
        return models;
    }

    /** topic_model/LANGUAGE/{vectorizer, lda}: one language model, listed in {@code outputs} for model.json. */
    private static void saveModel(RunOutput out, TopicLanguages.Group g, CountVectorizerModel vectorizer, LocalLDAModel model,
                                  int vocabularySize, double outOfVocabulary, Outputs outputs) {
        String dir = out.artifact(TopicReports.MODEL_DIR) + "/" + g.name();
        try {
            vectorizer.save(dir + "/vectorizer");
            model.save(dir + "/lda");
        } catch (IOException e) {
            throw new OutputException("cannot save the topic model to " + dir + ": " + e.getMessage(), e);
        }
        outputs.models.put(g.name(), Map.of("k", model.getK(), "vocabulary_size", vocabularySize, "languages", g.languages(),
                "out_of_vocabulary", outOfVocabulary));
    }

    /** topic_model/model.json: the language models saved and the options they were fitted with. */
    private static void saveModelInfo(RunOutput out, TopicsOptions o, Outputs outputs) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("min_token_length", o.minTokenLength());
        info.put("models", outputs.models);
        info.put("options", o);
        try {
            out.writeText(TopicReports.MODEL_DIR + "/model.json", new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(info));
        } catch (IOException e) {
            throw new OutputException("cannot save the topic model's description: " + e.getMessage(), e);
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
