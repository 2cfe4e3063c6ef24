package io.newslens.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

import io.newslens.config.TextOptions;
import io.newslens.config.TopicsOptions;
import io.newslens.text.TextLayer;
import io.newslens.topics.Coherence;
import io.newslens.topics.Topics;
import java.util.List;
import org.apache.spark.ml.clustering.DistributedLDAModel;
import org.apache.spark.ml.clustering.LDAModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Tries LDA settings on one corpus: tokenises once, then fits and scores (mean NPMI) each setting given as
 * JSON topics options on the command line. Used to choose the defaults (docs/topics.md).
 * args: articles.jsonl.gz, then one TopicsOptions JSON per setting. With {@code -Dout=bench/results/NAME.json} the
 * results (and the command line) are also written there, so that docs can name the file their figures come from.
 */
public final class LdaTuning {
    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSession.builder().master(System.getProperty("spark.master", "local[2]"))
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        Dataset<Row> docs = spark.read().json(args[0]).filter(col("text").isNotNull().and(col("text").notEqual("")))
                .select(col("id").as(Topics.ARTICLE_ID), Topics.modelTokens(TextLayer.chunks(col("title"), col("text"),
                        lit("en"), TextOptions.defaults()), lit("en"), 3).as(Topics.TOKENS))
                .filter(size(col(Topics.TOKENS)).gt(0)).repartition(2).persist(StorageLevel.MEMORY_AND_DISK());
        long n = docs.count();
        List<String> vocab = Topics.vocabulary(docs, 5, 0.5, 50_000).select("term").as(Encoders.STRING()).collectAsList();
        Dataset<Row> vectors = Topics.vectorizer(vocab).transform(docs).persist(StorageLevel.MEMORY_AND_DISK());
        vectors.count();
        System.out.printf("docs %d, vocabulary %d%n", n, vocab.size());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<java.util.Map<String, Object>> results = new java.util.ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            TopicsOptions o = json.readValue(args[i], TopicsOptions.class);
            long start = System.nanoTime();
            LDAModel model = System.getProperty("init") != null
                    ? seeded(spark, vectors, o, o.k().get(0), vocab.size(), System.getProperty("init"))
                    : Topics.fit(o, o.k().get(0), vectors);
            double fit = (System.nanoTime() - start) / 1e9;
            if (model instanceof DistributedLDAModel em) {
                model = em.toLocal();
            }
            double[][] p = Topics.topicWordProbabilities(model);
            var top = Topics.topWords(p, vocab.toArray(String[]::new), 10);
            double npmi = Coherence.score(docs, Topics.TOKENS, Topics.topWordsByTopic(top, 10), 10)
                    .agg(org.apache.spark.sql.functions.avg("coherence_npmi")).first().getDouble(0);
            System.out.printf("RESULT fit %.1f s  mean NPMI %.4f  %s%n", fit, npmi, args[i]);
            java.util.Map<String, Object> r = new java.util.LinkedHashMap<>();
            r.put("options", json.readTree(args[i]));
            r.put("fit_seconds", Math.round(fit * 10) / 10.0);
            r.put("mean_npmi", Math.round(npmi * 10000) / 10000.0);
            results.add(r);
            if (System.getProperty("show") != null) {
                Topics.topWordsByTopic(top, 8).forEach((t, w) -> System.out.println("  " + t + ": " + w));
            }
        }
        if (System.getProperty("out") != null) {
            java.util.Map<String, Object> file = new java.util.LinkedHashMap<>();
            file.put("command", "java -Dout=" + System.getProperty("out") + " ... io.newslens.bench.LdaTuning "
                    + String.join(" ", java.util.Arrays.stream(args).map(a -> "'" + a + "'").toList()));
            file.put("date", java.time.Instant.now().toString());
            file.put("machine", java.util.Map.of("cores", Runtime.getRuntime().availableProcessors(),
                    "java", System.getProperty("java.version"), "spark", spark.version(), "master", spark.sparkContext().master()));
            file.put("articles", n);
            file.put("vocabulary", vocab.size());
            file.put("results", results);
            json.writerWithDefaultPrettyPrinter().writeValue(new java.io.File(System.getProperty("out")), file);
        }
        spark.stop();
    }

    /**
     * Experiment: MLlib's online optimiser driven directly, with its random start (init=random) or topics seeded
     * from k mutually distant articles of a sample (init=docs, k-means++ style on cosine distance).
     */
    static LDAModel seeded(SparkSession spark, Dataset<Row> vectors, TopicsOptions o, int k, int vocabSize, String init) {
        org.apache.spark.rdd.RDD<scala.Tuple2<Object, org.apache.spark.mllib.linalg.Vector>> docs = vectors
                .select(col(Topics.FEATURES)).javaRDD().zipWithIndex()
                .map(t -> new scala.Tuple2<Object, org.apache.spark.mllib.linalg.Vector>(t._2(),
                        org.apache.spark.mllib.linalg.Vectors.fromML((org.apache.spark.ml.linalg.Vector) t._1().get(0))))
                .rdd().persist(StorageLevel.MEMORY_AND_DISK());
        var opt = new org.apache.spark.mllib.clustering.OnlineLDAOptimizer().setTau0(o.learningOffset())
                .setKappa(o.learningDecay()).setMiniBatchFraction(o.subsamplingRate())
                .setOptimizeDocConcentration(o.optimizeDocConcentration());
        if (System.getProperty("noReplacement") != null) {
            opt.setSampleWithReplacement(false);
        }
        if (System.getProperty("gammaShape") != null) {
            opt.setGammaShape(Double.parseDouble(System.getProperty("gammaShape")));
        }
        var lda = new org.apache.spark.mllib.clustering.LDA().setK(k).setMaxIterations(o.iterations()).setSeed(o.seed())
                .setDocConcentration(o.docConcentration() != null ? o.docConcentration() : 0.5)
                .setTopicConcentration(o.topicConcentration() != null ? o.topicConcentration() : 0.01).setOptimizer(opt);
        opt.initialize(docs, lda);
        if (init.equals("docs")) {
            breeze.linalg.DenseMatrix<Object> lambda = opt.getLambda();
            double weight = Double.parseDouble(System.getProperty("seedWeight", "1"));
            List<Row> sample = vectors.select(col(Topics.FEATURES)).sample(false, Math.min(1.0, 3000.0 / vectors.count()), o.seed())
                    .collectAsList();
            java.util.Random rnd = new java.util.Random(o.seed());
            List<org.apache.spark.ml.linalg.SparseVector> vs = new java.util.ArrayList<>();
            for (Row r : sample) {
                org.apache.spark.ml.linalg.SparseVector v = ((org.apache.spark.ml.linalg.Vector) r.get(0)).toSparse();
                if (v.numNonzeros() >= 20) {
                    vs.add(v);
                }
            }
            double[] dist = new double[vs.size()];
            java.util.Arrays.fill(dist, 1.0);
            for (int t = 0; t < k; t++) {
                // k-means++: the next seed with probability proportional to its squared distance to the chosen ones
                double total = 0;
                for (double d : dist) {
                    total += d * d;
                }
                double pick = rnd.nextDouble() * total;
                int chosen = 0;
                for (double acc = 0; chosen < vs.size() - 1; chosen++) {
                    acc += dist[chosen] * dist[chosen];
                    if (acc >= pick) {
                        break;
                    }
                }
                org.apache.spark.ml.linalg.SparseVector seed = vs.get(chosen);
                double sum = 0;
                for (double x : seed.values()) {
                    sum += x;
                }
                int[] idx = seed.indices();
                double[] val = seed.values();
                for (int j = 0; j < idx.length; j++) {
                    lambda.update(t, idx[j], (Double) lambda.apply(t, idx[j]) + weight * vocabSize * val[j] / sum);
                }
                double seedNorm = org.apache.spark.ml.linalg.Vectors.norm(seed, 2);
                for (int i = 0; i < vs.size(); i++) {
                    double cos = dot(vs.get(i), seed) / (org.apache.spark.ml.linalg.Vectors.norm(vs.get(i), 2) * seedNorm);
                    dist[i] = Math.min(dist[i], 1 - cos);
                }
            }
            opt.setLambda(lambda);
        }
        double[] times = new double[o.iterations()];
        for (int i = 0; i < o.iterations(); i++) {
            opt.next();
        }
        // Experiment: finish with full-corpus (batch VB) steps, rho = 1 via kappa 0
        int finals = Integer.getInteger("final", 0);
        if (finals > 0) {
            opt.setKappa(Double.parseDouble(System.getProperty("finalKappa", "0"))).setMiniBatchFraction(1.0)
                    .setSampleWithReplacement(false);
            for (int i = 0; i < finals; i++) {
                long t0 = System.nanoTime();
                opt.next();
                System.out.printf("  final step %d: %.1f s%n", i + 1, (System.nanoTime() - t0) / 1e9);
            }
        }
        var old = (org.apache.spark.mllib.clustering.LocalLDAModel) opt.getLDAModel(times);
        docs.unpersist(false);
        return new org.apache.spark.ml.clustering.LocalLDAModel("lda-seeded", vocabSize, old, spark);
    }

    private static double dot(org.apache.spark.ml.linalg.SparseVector a, org.apache.spark.ml.linalg.SparseVector b) {
        double d = 0;
        int i = 0;
        int j = 0;
        int[] ai = a.indices();
        int[] bi = b.indices();
        while (i < ai.length && j < bi.length) {
            if (ai[i] == bi[j]) {
                d += a.values()[i++] * b.values()[j++];
            } else if (ai[i] < bi[j]) {
                i++;
            } else {
                j++;
            }
        }
        return d;
    }
}
