package io.newslens.topics;

import static io.newslens.topics.TopicReports.PERIOD_START;
import static io.newslens.topics.TopicReports.TOPIC_ID;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A topic's words period by period ({@code topic_terms_by_period}). Each occurrence of a word w in an article d is
 * shared among the topics by the model's responsibilities r_dwt = θ_dt φ_tw / Σ_t' θ_dt' φ_t'w (θ: the article's
 * topic weights, φ: P(word | topic)); a topic's expected count of w in a period is the sum over the period's
 * articles, its expected words in the period the same sum over every vocabulary word, and P(w | t, period) their
 * ratio. Only the topic's {@value #CANDIDATES} most probable words are candidates for its period lists (a word far
 * down a topic cannot lead one of its periods). The shift of a period is 1 − Jaccard of its top words with those of
 * the topic's previous period with articles: which periods change a topic's vocabulary most.
 */
public final class TopicsOverTime {
    static final int CANDIDATES = 100;
    private static final StructType SHARE = new StructType().add("topic", DataTypes.IntegerType)
            .add("term", DataTypes.StringType).add("amount", DataTypes.DoubleType);

    private TopicsOverTime() {
    }

    /** What every executor needs of the model: each vocabulary word's P(w | t) over all topics, and the candidates. */
    public record Model(String[] words, Map<String, Integer> index, double[] phi, boolean[] candidate, int k) implements Serializable {
        /** @param p P(word | topic), k × vocabulary */
        public static Model of(double[][] p, String[] vocabulary) {
            int k = p.length;
            Map<String, Integer> index = new HashMap<>();
            double[] phi = new double[vocabulary.length * k];
            for (int w = 0; w < vocabulary.length; w++) {
                index.put(vocabulary[w], w);
                for (int t = 0; t < k; t++) {
                    phi[w * k + t] = p[t][w];
                }
            }
            boolean[] candidate = new boolean[vocabulary.length * k];
            for (Row r : Topics.topWords(p, vocabulary, CANDIDATES)) {
                candidate[index.get(r.getString(2)) * k + r.getInt(0)] = true;
            }
            return new Model(vocabulary.clone(), index, phi, candidate, k);
        }
    }

    /**
     * @param weights period_start, weights (θ), tokens; undated articles are left out
     * @param model   the broadcast {@link Model}
     * @param top     words per topic and period
     * @return topic_id, period_start, rank, term, weight, expected_count, articles, shift, new_in_period
     */
    public static Dataset<Row> termsByPeriod(Dataset<Row> weights, Broadcast<Model> model, int top) {
        UserDefinedFunction shares = udf((UDF2<scala.collection.Seq<Object>, scala.collection.Seq<String>, List<Row>>)
                (theta, tokens) -> shares(theta, tokens, model.value()), DataTypes.createArrayType(SHARE))
                .withName("newslens_topic_word_shares");
        Dataset<Row> dated = weights.filter(col(PERIOD_START).isNotNull());
        Dataset<Row> amounts = dated.select(col(PERIOD_START), explode(shares.apply(col(Topics.WEIGHTS), col(Topics.TOKENS))).as("s"))
                .groupBy(col(PERIOD_START), col("s.topic").as(TOPIC_ID), col("s.term").as("term"))
                .agg(sum("s.amount").as("expected_count"));
        Dataset<Row> totals = amounts.filter(col("term").isNull()).select(col(PERIOD_START), col(TOPIC_ID),
                col("expected_count").as("expected_words"));
        Dataset<Row> articles = dated.groupBy(col(PERIOD_START)).agg(count(lit(1)).as("articles"));
        // Counts equal to 9 decimals tie (broken by the word): sums in another order (a cluster's) differ in the last bits
        WindowSpec byTopicPeriod = Window.partitionBy(TOPIC_ID, PERIOD_START)
                .orderBy(org.apache.spark.sql.functions.round(col("expected_count"), 9).desc(), col("term"));
        Dataset<Row> ranked = amounts.filter(col("term").isNotNull())
                .withColumn("rank", row_number().over(byTopicPeriod)).filter(col("rank").leq(top))
                .join(totals, new String[] {PERIOD_START, TOPIC_ID})
                .join(articles, PERIOD_START);
        Dataset<Row> sets = ranked.groupBy(TOPIC_ID, PERIOD_START).agg(collect_set("term").as("words"))
                .withColumn("previous", lag(col("words"), 1).over(Window.partitionBy(TOPIC_ID).orderBy(PERIOD_START)));
        return ranked.join(sets, new String[] {TOPIC_ID, PERIOD_START})
                .select(col(TOPIC_ID), col("rank").cast("int").as("rank"), col("term"),
                        col("expected_count").divide(col("expected_words")).as("weight"), col("expected_count"),
                        col("articles"),
                        when(col("previous").isNull(), lit(null).cast("double")).otherwise(lit(1.0).minus(
                                size(array_intersect(col("words"), col("previous"))).divide(
                                        size(array_union(col("words"), col("previous")))))).as("shift"),
                        when(col("previous").isNull(), lit(null).cast("boolean"))
                                .otherwise(array_contains(col("previous"), col("term")).unary_$bang()).as("new_in_period"),
                        col(PERIOD_START));
    }

    /**
     * One article's shares: (topic, word, expected count) for candidate pairs, (topic, null, expected words) for every
     * topic, summed inside the article.
     */
    static List<Row> shares(scala.collection.Seq<Object> theta, scala.collection.Seq<String> tokens, Model m) {
        int k = m.k();
        double[] th = new double[k];
        for (int t = 0; t < k; t++) {
            th[t] = ((Number) theta.apply(t)).doubleValue();
        }
        double[] words = new double[k];
        Map<Long, Double> pairs = new HashMap<>();
        double[] r = new double[k];
        scala.collection.Iterator<String> it = tokens.iterator();
        while (it.hasNext()) {
            Integer w = m.index().get(it.next());
            if (w == null) {
                continue;
            }
            double total = 0;
            for (int t = 0; t < k; t++) {
                r[t] = th[t] * m.phi()[w * k + t];
                total += r[t];
            }
            if (total <= 0) {
                continue;
            }
            for (int t = 0; t < k; t++) {
                words[t] += r[t] / total;
                if (r[t] > 0 && m.candidate()[w * k + t]) {
                    pairs.merge(((long) w << 20) | t, r[t] / total, Double::sum);
                }
            }
        }
        List<Row> out = new ArrayList<>(pairs.size() + k);
        for (Map.Entry<Long, Double> e : pairs.entrySet()) {
            out.add(RowFactory.create((int) (e.getKey() & 0xFFFFF), m.words()[(int) (e.getKey() >>> 20)], e.getValue()));
        }
        for (int t = 0; t < k; t++) {
            out.add(RowFactory.create(t, null, words[t]));
        }
        return out;
    }
}
