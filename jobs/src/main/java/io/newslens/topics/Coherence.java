package io.newslens.topics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Topic coherence measured on the corpus itself, counting only the word pairs the topics need (at most
 * k × n(n-1)/2 pairs, never vocabulary²). Definitions as in gensim (Röder et al. 2015):
 * <ul>
 * <li>NPMI ({@code c_npmi}): boolean sliding windows of {@code window} tokens over each article's token
 * sequence (an article shorter than the window is one window); p(w) = windows holding w / all windows;
 * NPMI(a, b) = ln((p(a,b) + ε) / (p(a) p(b))) / −ln(p(a,b) + ε), ε = 1e-12; a topic's score is the mean
 * over all pairs of its top words.</li>
 * <li>UMass ({@code u_mass}): documents instead of windows; for each word w_i and each higher-ranked word
 * w_j, ln((D(w_i, w_j)/N + ε) / (D(w_j)/N)); a topic's score is the mean over those pairs.</li>
 * </ul>
 */
public final class Coherence {
    public static final double EPSILON = 1e-12;
    private static final StructType COUNT = new StructType()
            .add("a", DataTypes.IntegerType).add("b", DataTypes.IntegerType)
            .add("windows", DataTypes.LongType).add("docs", DataTypes.LongType);
    public static final StructType SCHEMA = new StructType()
            .add(TopicReports.TOPIC_ID, DataTypes.IntegerType)
            .add("coherence_npmi", DataTypes.DoubleType)
            .add("coherence_umass", DataTypes.DoubleType);

    private Coherence() {
    }

    /**
     * @param docs     one row per article with an array of its tokens, in text order
     * @param topWords the words of each topic, best first (topic_id → words); k × n words, so a driver-sized map
     * @return topic_id, coherence_npmi, coherence_umass
     */
    public static Dataset<Row> score(Dataset<Row> docs, String tokensCol, Map<Integer, List<String>> topWords, int window) {
        Map<String, Integer> index = new HashMap<>();
        for (List<String> words : topWords.values()) {
            for (String w : words) {
                index.putIfAbsent(w, index.size());
            }
        }
        int n = index.size();
        boolean[][] needed = new boolean[n][n];
        for (List<String> words : topWords.values()) {
            for (String a : words) {
                for (String b : words) {
                    needed[index.get(a)][index.get(b)] = true;
                }
            }
        }
        // The word index and the pairs needed (n × n) reach the executors once, as a broadcast, not in every task.
        org.apache.spark.broadcast.Broadcast<Needed> shared = org.apache.spark.api.java.JavaSparkContext
                .fromSparkContext(docs.sparkSession().sparkContext()).broadcast(new Needed(index, needed));
        Map<Long, long[]> totals = new HashMap<>();
        try {
            UserDefinedFunction counts = udf((UDF1<scala.collection.Seq<String>, List<Row>>) tokens ->
                            count(tokens, shared.value().index(), shared.value().pairs(), window), DataTypes.createArrayType(COUNT))
                    .withName("newslens_cooccurrence");
            for (Row r : docs.select(explode(counts.apply(col(tokensCol))).as("c"))
                    .groupBy(col("c.a").as("a"), col("c.b").as("b"))
                    .agg(sum("c.windows").as("windows"), sum("c.docs").as("docs"))
                    .collectAsList()) {
                totals.put(key(r.getInt(0), r.getInt(1)), new long[] {r.getLong(2), r.getLong(3)});
            }
        } finally {
            shared.destroy();
        }
        long[] all = totals.getOrDefault(key(-1, -1), new long[2]);
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> topic : new TreeMap<>(topWords).entrySet()) {
            List<Integer> ids = topic.getValue().stream().map(index::get).toList();
            rows.add(RowFactory.create(topic.getKey(), npmi(ids, totals, all[0]), umass(ids, totals, all[1])));
        }
        SparkSession spark = docs.sparkSession();
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** What the co-occurrence counter needs on the executors: word → index, and which index pairs to count. */
    record Needed(Map<String, Integer> index, boolean[][] pairs) implements java.io.Serializable {
    }

    static double npmi(List<Integer> ids, Map<Long, long[]> totals, long windows) {
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < ids.size(); i++) {
            for (int j = i + 1; j < ids.size(); j++) {
                double pa = windowsOf(totals, ids.get(i), ids.get(i)) / (double) windows;
                double pb = windowsOf(totals, ids.get(j), ids.get(j)) / (double) windows;
                double pab = windowsOf(totals, ids.get(i), ids.get(j)) / (double) windows + EPSILON;
                sum += Math.log(pab / (pa * pb)) / -Math.log(pab);
                pairs++;
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }

    static double umass(List<Integer> ids, Map<Long, long[]> totals, long docs) {
        double sum = 0;
        int pairs = 0;
        for (int i = 1; i < ids.size(); i++) {
            for (int j = 0; j < i; j++) {
                long dj = docsOf(totals, ids.get(j), ids.get(j));
                if (dj == 0) {
                    continue;
                }
                double joint = docsOf(totals, ids.get(i), ids.get(j)) / (double) docs;
                sum += Math.log((joint + EPSILON) / (dj / (double) docs));
                pairs++;
            }
        }
        return pairs == 0 ? Double.NaN : sum / pairs;
    }

    private static long windowsOf(Map<Long, long[]> totals, int a, int b) {
        long[] c = totals.get(key(Math.min(a, b), Math.max(a, b)));
        return c == null ? 0 : c[0];
    }

    private static long docsOf(Map<Long, long[]> totals, int a, int b) {
        long[] c = totals.get(key(Math.min(a, b), Math.max(a, b)));
        return c == null ? 0 : c[1];
    }

    private static long key(int a, int b) {
        return ((long) a << 32) | (b & 0xffffffffL);
    }

    /**
     * One article's counts: (a, a) = windows/doc holding word a, (a, b) with a &lt; b = windows/doc holding both,
     * (-1, -1) = number of windows and 1 document.
     */
    static List<Row> count(scala.collection.Seq<String> tokens, Map<String, Integer> index, boolean[][] needed, int window) {
        int len = tokens == null ? 0 : tokens.size();
        int[] ids = new int[len];
        for (int i = 0; i < len; i++) {
            Integer id = index.get(tokens.apply(i));
            ids[i] = id == null ? -1 : id;
        }
        Map<Long, long[]> counts = new HashMap<>();
        int windows = len == 0 ? 0 : Math.max(1, len - window + 1);
        java.util.BitSet inDoc = new java.util.BitSet();
        List<Integer> present = new ArrayList<>();
        for (int start = 0; start < windows; start++) {
            present.clear();
            for (int i = start; i < Math.min(len, start + window); i++) {
                if (ids[i] >= 0 && !present.contains(ids[i])) {
                    present.add(ids[i]);
                }
            }
            for (int x = 0; x < present.size(); x++) {
                int a = present.get(x);
                inDoc.set(a);
                add(counts, a, a, 0);
                for (int y = x + 1; y < present.size(); y++) {
                    int b = present.get(y);
                    if (needed[a][b]) {
                        add(counts, Math.min(a, b), Math.max(a, b), 0);
                    }
                }
            }
        }
        // Document co-occurrence for UMass: every needed pair present anywhere in the article.
        int[] docWords = inDoc.stream().toArray();
        for (int x = 0; x < docWords.length; x++) {
            add(counts, docWords[x], docWords[x], 1);
            for (int y = x + 1; y < docWords.length; y++) {
                if (needed[docWords[x]][docWords[y]]) {
                    add(counts, docWords[x], docWords[y], 1);
                }
            }
        }
        List<Row> rows = new ArrayList<>(counts.size() + 1);
        for (Map.Entry<Long, long[]> e : counts.entrySet()) {
            rows.add(RowFactory.create((int) (e.getKey() >> 32), (int) (long) e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        rows.add(RowFactory.create(-1, -1, (long) windows, len == 0 ? 0L : 1L));
        return rows;
    }

    private static void add(Map<Long, long[]> counts, int a, int b, int slot) {
        counts.computeIfAbsent(key(a, b), x -> new long[2])[slot]++;
    }
}
