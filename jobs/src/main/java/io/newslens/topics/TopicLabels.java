package io.newslens.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Labels a person can read: "interest rates / fed / bank" rather than "rates / interest / bank". A topic's
 * collocations are pairs of its top {@value #WORDS} words adjacent (in this order) in the articles it dominates;
 * the most frequent, if seen at least {@value #MIN_COUNT} times, leads the label, then the topic's most probable
 * words not in it, {@value #PARTS} parts in all.
 */
public final class TopicLabels {
    static final int WORDS = 10;
    static final int MIN_COUNT = 5;
    static final int PARTS = 3;

    private TopicLabels() {
    }

    /**
     * @param weights article weights with tokens ({@link Topics#WEIGHTS}, {@link Topics#TOKENS})
     * @param top     each topic's top words, best first (driver-sized)
     * @return topic, collocation ("a b"), count: pairs seen at least {@value #MIN_COUNT} times
     */
    public static Dataset<Row> collocations(Dataset<Row> weights, Map<Integer, List<String>> top) {
        Map<Integer, Set<String>> words = new HashMap<>();
        top.forEach((t, w) -> words.put(t, new HashSet<>(w.subList(0, Math.min(WORDS, w.size())))));
        UserDefinedFunction pairs = udf((UDF2<Integer, scala.collection.Seq<String>, List<String>>) (topic, tokens) -> {
            List<String> out = new ArrayList<>();
            Set<String> own = words.get(topic);
            if (own == null || tokens == null) {
                return out;
            }
            String previous = null;
            scala.collection.Iterator<String> it = tokens.iterator();
            while (it.hasNext()) {
                String w = it.next();
                if (previous != null && !previous.equals(w) && own.contains(previous) && own.contains(w)) {
                    out.add(previous + " " + w);
                }
                previous = w;
            }
            return out;
        }, DataTypes.createArrayType(DataTypes.StringType)).withName("newslens_topic_collocations");
        return weights.select(Topics.dominantTopic(col(Topics.WEIGHTS)).as("topic"),
                        explode(pairs.apply(Topics.dominantTopic(col(Topics.WEIGHTS)), col(Topics.TOKENS))).as("collocation"))
                .groupBy("topic", "collocation").agg(count(lit(1)).as("count"))
                .filter(col("count").geq(MIN_COUNT));
    }

    /**
     * @param words        the topic's words, best first
     * @param collocations its collocations and counts (each at least {@value #MIN_COUNT}); the most frequent leads,
     *                     ties by the better rank of its words, then alphabetically
     */
    public static String label(List<String> words, Map<String, Long> collocations) {
        String lead = null;
        for (Map.Entry<String, Long> c : collocations.entrySet()) {
            if (lead == null || c.getValue() > collocations.get(lead)
                    || c.getValue().equals(collocations.get(lead)) && compareRanks(c.getKey(), lead, words) < 0) {
                lead = c.getKey();
            }
        }
        List<String> parts = new ArrayList<>();
        Set<String> used = new HashSet<>();
        if (lead != null) {
            parts.add(lead);
            used.addAll(List.of(lead.split(" ")));
        }
        for (String w : words) {
            if (parts.size() == PARTS) {
                break;
            }
            if (used.add(w)) {
                parts.add(w);
            }
        }
        return String.join(" / ", parts);
    }

    private static int compareRanks(String a, String b, List<String> words) {
        int ra = rankSum(a, words);
        int rb = rankSum(b, words);
        return ra != rb ? Integer.compare(ra, rb) : a.compareTo(b);
    }

    private static int rankSum(String collocation, List<String> words) {
        int sum = 0;
        for (String w : collocation.split(" ")) {
            sum += words.indexOf(w);
        }
        return sum;
    }
}
