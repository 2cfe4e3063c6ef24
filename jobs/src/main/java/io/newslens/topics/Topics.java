package io.newslens.topics;

import static io.newslens.topics.TopicReports.PERIOD_START;
import static io.newslens.topics.TopicReports.TOPIC_ID;
import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.newslens.config.Optimizer;
import io.newslens.config.TopicsOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.ml.clustering.LDA;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.ml.clustering.LocalLDAModel;
import org.apache.spark.ml.feature.CountVectorizerModel;
import org.apache.spark.ml.linalg.Matrix;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/** Topic modelling as pure functions around Spark MLlib's LDA; the job only reads, calls these and writes. */
public final class Topics {
    public static final String ARTICLE_ID = "article_id";
    public static final String SOURCE = "source";
    public static final String TOKENS = "tokens";
    public static final String FEATURES = "features";
    public static final String DISTRIBUTION = "topic_distribution";
    public static final String WEIGHTS = "weights";
    public static final double ONLINE_ALPHA = 0.5;
    public static final double ONLINE_BETA = 0.01;

    private Topics() {
    }

    /**
     * The words a topic model sees: the text layer's tokens, letters only, at least {@code minLength} long
     * (Chinese, Japanese and Korean words are exempt from the length rule: most are one or two characters), and
     * not on the topic stop list of the article's language ({@link TopicStopWords}).
     */
    public static Column modelTokens(Column chunks, Column language, int minLength) {
        UserDefinedFunction words = udf((UDF2<scala.collection.Seq<scala.collection.Seq<String>>, String, List<String>>)
                (c, lang) -> modelWords(c, lang, minLength),
                DataTypes.createArrayType(DataTypes.StringType)).withName("newslens_model_tokens");
        return words.apply(chunks, language);
    }

    static List<String> modelWords(scala.collection.Seq<scala.collection.Seq<String>> chunks, String language, int minLength) {
        List<String> out = new ArrayList<>();
        if (chunks == null) {
            return out;
        }
        java.util.Set<String> stop = TopicStopWords.of(language);
        scala.collection.Iterator<scala.collection.Seq<String>> it = chunks.iterator();
        while (it.hasNext()) {
            scala.collection.Iterator<String> words = it.next().iterator();
            while (words.hasNext()) {
                String w = words.next();
                if (isModelWord(w, minLength) && !stop.contains(w)) {
                    out.add(w);
                }
            }
        }
        return out;
    }

    private static boolean isModelWord(String w, int minLength) {
        boolean cjk = true;
        for (int i = 0; i < w.length(); ) {
            int cp = w.codePointAt(i);
            if (!Character.isLetter(cp)) {
                return false;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            cjk &= script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                    || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
            i += Character.charCount(cp);
        }
        return !w.isEmpty() && (cjk || w.codePointCount(0, w.length()) >= minLength);
    }

    /**
     * The pruned vocabulary: words in at least {@code minDf} articles and at most {@code maxDf} of them, the
     * {@code maxVocabulary} most frequent by document frequency (ties by word), in that order.
     */
    public static Dataset<Row> vocabulary(Dataset<Row> docs, int minDf, double maxDf, int maxVocabulary) {
        long articles = docs.count();
        return docs.select(explode(array_distinct(col(TOKENS))).as("term"))
                .groupBy("term").agg(count(lit(1)).as("doc_freq"))
                .filter(col("doc_freq").geq(minDf).and(col("doc_freq").leq(maxDf * articles)))
                .orderBy(col("doc_freq").desc(), col("term").asc())
                .limit(maxVocabulary);
    }

    /** A vectoriser over a fixed vocabulary (vocabulary-sized, so it lives on the driver). */
    public static CountVectorizerModel vectorizer(List<String> vocabulary) {
        return new CountVectorizerModel(vocabulary.toArray(String[]::new)).setInputCol(TOKENS).setOutputCol(FEATURES);
    }

    /**
     * Fits LDA on the vectors. online: MLlib's mini-batch iterations, then {@code batchIterations} full-corpus
     * steps ({@link BatchSteps}); em: MLlib's EM as it is.
     *
     * <p>ml.LDA is given a projection of the features: it caches its old-format copy of the vectors only when the
     * dataset it is given is not cached itself; given our cached vectors, the online optimiser converted every
     * article again in every iteration through a UDF whose result conversion, on Spark 4.2, builds a fresh SQLConf
     * per row (about 0.13 s per iteration on Reuters: the 4.2-vs-4.1 gap in docs/benchmarks.md).
     */
    public static LDAModel fit(TopicsOptions o, int k, Dataset<Row> vectors) {
        Optimizer optimizer = Optimizer.of("topics.optimizer", o.optimizer());
        if (optimizer == Optimizer.GIBBS) {
            double beta = o.topicConcentration() != null ? o.topicConcentration() : ONLINE_BETA;
            return GibbsLda.fit(lda(o, k), vectors, o.iterations(), o.docConcentration(), beta, o.optimizeDocConcentration(),
                    o.starts());
        }
        LDAModel model = lda(o, k).fit(vectors.select(col(FEATURES)));
        if (model instanceof LocalLDAModel online && optimizer == Optimizer.ONLINE) {
            return BatchSteps.refine(online, vectors, o.batchIterations(), o.optimizeDocConcentration());
        }
        return model;
    }

    public static LDA lda(TopicsOptions o, int k) {
        LDA lda = new LDA().setK(k).setMaxIter(o.iterations()).setSeed(o.seed())
                .setFeaturesCol(FEATURES).setTopicDistributionCol(DISTRIBUTION)
                // A checkpoint needs a checkpoint folder; em runs are short enough without.
                .setCheckpointInterval(-1);
        Optimizer optimizer = Optimizer.of("topics.optimizer", o.optimizer());
        if (optimizer == Optimizer.GIBBS) {
            // MLlib's parameters only describe the model for scoring (online variational inference)
            return lda.setOptimizer("online");
        }
        lda.setOptimizer(o.optimizer());
        boolean online = optimizer == Optimizer.ONLINE;
        // Measured on Reuters-21578 (docs/topics.md): MLlib's online defaults (alpha = beta = 1/k, tau0 = 1024,
        // kappa = 0.51, 5% mini-batches) give incoherent topics in the same time. EM needs both above 1.
        Double alpha = o.docConcentration() != null ? o.docConcentration() : online ? Double.valueOf(ONLINE_ALPHA) : null;
        Double beta = o.topicConcentration() != null ? o.topicConcentration() : online ? Double.valueOf(ONLINE_BETA) : null;
        if (alpha != null) {
            lda.setDocConcentration(alpha);
        }
        if (beta != null) {
            lda.setTopicConcentration(beta);
        }
        if (online) {
            lda.setSubsamplingRate(o.subsamplingRate()).setLearningOffset(o.learningOffset())
                    .setLearningDecay(o.learningDecay()).setOptimizeDocConcentration(o.optimizeDocConcentration());
        }
        return lda;
    }

    /** P(word | topic) for every topic: k × vocabulary numbers, the most the driver holds. */
    public static double[][] topicWordProbabilities(LDAModel model) {
        Matrix m = model.topicsMatrix();
        int v = m.numRows();
        int k = m.numCols();
        double[][] p = new double[k][v];
        for (int t = 0; t < k; t++) {
            double total = 0;
            for (int w = 0; w < v; w++) {
                total += m.apply(w, t);
            }
            for (int w = 0; w < v; w++) {
                p[t][w] = m.apply(w, t) / total;
            }
        }
        return p;
    }

    /** topic_id, rank, term, weight: the top words of each topic (ties, to 12 decimals, by vocabulary order). */
    public static List<Row> topWords(double[][] p, String[] vocabulary, int top) {
        List<Row> rows = new ArrayList<>();
        for (int t = 0; t < p.length; t++) {
            double[] pt = p[t];
            Integer[] order = new Integer[pt.length];
            for (int w = 0; w < order.length; w++) {
                order[w] = w;
            }
            // Weights equal to 12 decimals are a tie, broken by vocabulary order: the same fit summed over other
            // partitions (a cluster's) differs in the last bits, which must not reorder a topic's words.
            long[] rounded = new long[pt.length];
            for (int w = 0; w < pt.length; w++) {
                rounded[w] = Math.round(pt[w] * 1e12);
            }
            java.util.Arrays.sort(order, (a, b) -> rounded[a] != rounded[b] ? Long.compare(rounded[b], rounded[a]) : Integer.compare(a, b));
            for (int r = 0; r < Math.min(top, order.length); r++) {
                rows.add(RowFactory.create(t, r + 1, vocabulary[order[r]], pt[order[r]]));
            }
        }
        return rows;
    }

    /** Exclusivity of a topic's top words: mean of P(w | t) / Σ_t' P(w | t'). */
    public static double exclusivity(double[][] p, int topic, List<Integer> topWordIds) {
        double sum = 0;
        for (int w : topWordIds) {
            double all = 0;
            for (double[] pt : p) {
                all += pt[w];
            }
            sum += p[topic][w] / all;
        }
        return sum / topWordIds.size();
    }

    /** Effective number of words: the inverse Simpson index 1 / Σ P(w | t)². */
    public static double effectiveWords(double[] pt) {
        double s = 0;
        for (double x : pt) {
            s += x * x;
        }
        return 1 / s;
    }

    /** Share of distinct words among all topics' top {@code n} words (Dieng et al. 2020). */
    public static double diversity(double[][] p, String[] vocabulary, int n) {
        java.util.Set<String> distinct = new java.util.HashSet<>();
        for (Row r : topWords(p, vocabulary, n)) {
            distinct.add(r.getString(2));
        }
        return distinct.size() / (double) (n * p.length);
    }

    /** The topic distribution (an MLlib vector) as a plain array; articles without any vocabulary word dropped. */
    public static Dataset<Row> weights(Dataset<Row> scored, String... keep) {
        List<Column> cols = new ArrayList<>();
        for (String c : keep) {
            cols.add(col(c));
        }
        cols.add(org.apache.spark.ml.functions.vector_to_array(col(DISTRIBUTION), "float64").as(WEIGHTS));
        return scored.select(cols.toArray(Column[]::new))
                .filter(aggregate(col(WEIGHTS), lit(0.0), Column::plus).gt(0));
    }

    /**
     * article_topics from article_id + weights: no shuffle, each article's topics are ranked inside its own row
     * (sort by weight descending, then topic_id).
     */
    public static Dataset<Row> articleTopics(Dataset<Row> weights, double minWeight) {
        Column ranked = sort_array(transform(col(WEIGHTS), (w, i) -> struct(negate(w).as("neg"), i.as("topic"))));
        return weights.select(col(ARTICLE_ID), posexplode(ranked).as(new String[] {"pos", "t"}))
                .filter(col("pos").equalTo(0).or(negate(col("t.neg")).geq(minWeight)))
                .select(col(ARTICLE_ID), col("t.topic").as(TOPIC_ID), negate(col("t.neg")).as("weight"),
                        col("pos").plus(1).as("rank"), col("pos").equalTo(0).as("dominant"));
    }

    /** The topic with the largest weight (lowest topic_id on ties). */
    public static Column dominantTopic(Column weights) {
        return sort_array(transform(weights, (w, i) -> struct(negate(w).as("neg"), i.as("topic"))))
                .getItem(0).getField("topic");
    }

    /**
     * The share of the articles' model words ({@link #TOKENS}) that {@code vocabulary} does not hold; NaN for no
     * words. A saved model's vocabulary leaves out rare and very common words: what matters is how this share
     * moves for new articles (vocabulary drift).
     */
    public static double outOfVocabularyShare(Dataset<Row> docs, String[] vocabulary) {
        Dataset<Row> known = docs.sparkSession().createDataset(java.util.Arrays.asList(vocabulary), org.apache.spark.sql.Encoders.STRING())
                .toDF("word").withColumn("known", lit(1));
        Row r = docs.select(explode(col(TOKENS)).as("word"))
                .join(org.apache.spark.sql.functions.broadcast(known), new String[] {"word"}, "left")
                .agg(count(lit(1)), count(col("known"))).first();
        long all = r.getLong(0);
        return all == 0 ? Double.NaN : (all - r.getLong(1)) / (double) all;
    }

    /** @param weights source, period_start, weights */
    public static Dataset<Row> prevalence(Dataset<Row> weights) {
        // Undated articles form their own bucket (period_start null), so an undated corpus still has prevalence.
        return weights
                .withColumn("dominant_topic", dominantTopic(col(WEIGHTS)))
                .select(col(SOURCE), col(PERIOD_START), col("dominant_topic"), posexplode(col(WEIGHTS)).as(new String[] {TOPIC_ID, "w"}))
                .groupBy(col(PERIOD_START), col(SOURCE), col(TOPIC_ID))
                .agg(count(lit(1)).as("articles"), avg("w").as("mean_weight"),
                        sum(when(col("dominant_topic").equalTo(col(TOPIC_ID)), 1L).otherwise(0L)).as("articles_dominant"))
                .select(col(SOURCE), col(TOPIC_ID).cast("int").as(TOPIC_ID), col("articles"), col("mean_weight"),
                        col("articles_dominant"), col(PERIOD_START),
                        io.newslens.text.Periods.key(col(PERIOD_START)).as(io.newslens.text.Periods.PERIOD));
    }

    /** Per topic over all scored articles: prevalence (mean weight) and articles where dominant. */
    public static Dataset<Row> topicShares(Dataset<Row> weights) {
        return weights.withColumn("dominant_topic", dominantTopic(col(WEIGHTS)))
                .select(col("dominant_topic"), posexplode(col(WEIGHTS)).as(new String[] {TOPIC_ID, "w"}))
                .groupBy(col(TOPIC_ID))
                .agg(avg("w").as("prevalence"),
                        sum(when(col("dominant_topic").equalTo(col(TOPIC_ID)), 1L).otherwise(0L)).as("articles_dominant"))
                .select(col(TOPIC_ID).cast("int").as(TOPIC_ID), col("prevalence"), col("articles_dominant"));
    }

    /** Top-n words per topic from the topics rows (driver-sized: k × n). */
    public static Map<Integer, List<String>> topWordsByTopic(List<Row> topicRows, int n) {
        Map<Integer, List<String>> result = new java.util.TreeMap<>();
        for (Row r : topicRows) {
            if (r.getInt(1) <= n) {
                result.computeIfAbsent(r.getInt(0), x -> new ArrayList<>()).add(r.getString(2));
            }
        }
        return result;
    }
}
