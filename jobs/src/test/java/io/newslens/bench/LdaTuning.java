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
 * args: articles.jsonl.gz, then one TopicsOptions JSON per setting.
 */
public final class LdaTuning {
    public static void main(String[] args) throws Exception {
        SparkSession spark = SparkSession.builder().master(System.getProperty("spark.master", "local[2]"))
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
        Dataset<Row> docs = spark.read().json(args[0]).filter(col("text").isNotNull().and(col("text").notEqual("")))
                .select(col("id").as(Topics.ARTICLE_ID), Topics.modelTokens(TextLayer.chunks(col("title"), col("text"),
                        lit("en"), TextOptions.defaults()), 3).as(Topics.TOKENS))
                .filter(size(col(Topics.TOKENS)).gt(0)).repartition(2).persist(StorageLevel.MEMORY_AND_DISK());
        long n = docs.count();
        List<String> vocab = Topics.vocabulary(docs, 5, 0.5, 50_000).select("term").as(Encoders.STRING()).collectAsList();
        Dataset<Row> vectors = Topics.vectorizer(vocab).transform(docs).persist(StorageLevel.MEMORY_AND_DISK());
        vectors.count();
        System.out.printf("docs %d, vocabulary %d%n", n, vocab.size());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (int i = 1; i < args.length; i++) {
            TopicsOptions o = json.readValue(args[i], TopicsOptions.class);
            long start = System.nanoTime();
            LDAModel model = Topics.fit(Topics.lda(o, o.k().get(0)), vectors);
            double fit = (System.nanoTime() - start) / 1e9;
            if (model instanceof DistributedLDAModel em) {
                model = em.toLocal();
            }
            double[][] p = Topics.topicWordProbabilities(model);
            var top = Topics.topWords(p, vocab.toArray(String[]::new), 10);
            double npmi = Coherence.score(docs, Topics.TOKENS, Topics.topWordsByTopic(top, 10), 10)
                    .agg(org.apache.spark.sql.functions.avg("coherence_npmi")).first().getDouble(0);
            System.out.printf("RESULT fit %.1f s  mean NPMI %.4f  %s%n", fit, npmi, args[i]);
            if (System.getProperty("show") != null) {
                Topics.topWordsByTopic(top, 8).forEach((t, w) -> System.out.println("  " + t + ": " + w));
            }
        }
        spark.stop();
    }
}
