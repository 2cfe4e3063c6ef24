package io.newslens.text;

import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Near-duplicates (syndicated copies, re-publications with an edited headline or appended boilerplate):
 * MinHash LSH over the set of word 5-shingles of title and body, lower-cased, stop words kept (they carry
 * the wording). Each article's shingles are hashed to a sorted set of ints in one pass over its text; its
 * MinHash signature is cut into bands, and articles sharing a band are candidate pairs, verified by the exact
 * Jaccard similarity of their shingle sets. Only ids, band keys and those int sets are shuffled, never texts.
 * Each later article points to the earliest article it copies.
 */
public final class NearDuplicates {
    public static final int SHINGLE_WORDS = 5;
    /** A pair exactly at the Jaccard threshold is a candidate with at least this probability (rows per band follow). */
    static final double CANDIDATE_RECALL = 0.995;
    /** More rows per band than this only saves false candidates that verification drops anyway. */
    static final int MAX_ROWS_PER_BAND = 16;
    /**
     * In one bucket an article is compared with at most this many earlier ones: a template shared by thousands of
     * short items would otherwise make pairs by the million; a copy shares many buckets with its original.
     */
    static final int MAX_EARLIER_PER_BUCKET = 64;
    private static final UserDefinedFunction SHINGLES = udf((UDF1<String, int[]>) s -> shingleHashes(TextNormalizer.normalize(s)),
            DataTypes.createArrayType(DataTypes.IntegerType)).withName("newslens_shingles");

    private NearDuplicates() {
    }

    /**
     * Word shingles of a normalised text: every run of 5 consecutive words (lower-cased letters and digits), or
     * the whole text when it is shorter. The readable form of what {@link #shingleHashes} hashes.
     */
    public static List<String> shingles(String normalisedText) {
        List<String> words = words(normalisedText);
        if (words.isEmpty()) {
            return List.of();
        }
        if (words.size() < SHINGLE_WORDS) {
            return List.of(String.join(" ", words));
        }
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i + SHINGLE_WORDS <= words.size(); i++) {
            result.add(String.join(" ", words.subList(i, i + SHINGLE_WORDS)));
        }
        return new ArrayList<>(result);
    }

    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0, n = text.length(); i <= n; ) {
            int cp = i < n ? text.codePointAt(i) : ' ';
            i += i < n ? Character.charCount(cp) : 1;
            if (Character.isLetterOrDigit(cp)) {
                word.appendCodePoint(cp);
            } else if (word.length() > 0) {
                words.add(word.toString().toLowerCase(Locale.ROOT));
                word.setLength(0);
            }
        }
        return words;
    }

    /**
     * The shingles of {@link #shingles} as a sorted set of 32-bit hashes: each word hashed once, each shingle
     * a mix of its five word hashes (no shingle string is built).
     */
    public static int[] shingleHashes(String normalisedText) {
        long[] wordHash = wordHashes(normalisedText);
        if (wordHash.length == 0) {
            return new int[0];
        }
        int width = Math.min(SHINGLE_WORDS, wordHash.length);
        int[] hashes = new int[wordHash.length - width + 1];
        for (int i = 0; i < hashes.length; i++) {
            long h = width;
            for (int k = 0; k < width; k++) {
                h = h * 0x100000001B3L + wordHash[i + k];
            }
            hashes[i] = (int) mix(h);
        }
        Arrays.sort(hashes);
        int unique = 0;
        for (int i = 0; i < hashes.length; i++) {
            if (unique == 0 || hashes[i] != hashes[unique - 1]) {
                hashes[unique++] = hashes[i];
            }
        }
        return Arrays.copyOf(hashes, unique);
    }

    /** A 64-bit hash of each word (as {@link #words} cuts and lower-cases them), without building the words. */
    private static long[] wordHashes(String text) {
        long[] hashes = new long[Math.max(16, text.length() / 5)];
        int count = 0;
        long h = 0;
        int length = 0;
        for (int i = 0, n = text.length(); i <= n; ) {
            int cp = i < n ? text.codePointAt(i) : ' ';
            i += i < n ? Character.charCount(cp) : 1;
            if (Character.isLetterOrDigit(cp)) {
                h = h * 31 + Character.toLowerCase(cp);
                length++;
            } else if (length > 0) {
                if (count == hashes.length) {
                    hashes = Arrays.copyOf(hashes, count * 2);
                }
                hashes[count++] = mix(h * 0x9E3779B97F4A7C15L + length);
                h = 0;
                length = 0;
            }
        }
        return Arrays.copyOf(hashes, count);
    }

    /** MurmurHash3's 64-bit finaliser. */
    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    /** Shingle hashes of a title and body, normalised as every analysis reads them. */
    public static Column shingles(Column title, Column text) {
        return SHINGLES.apply(TextLayer.analysisText(title, text));
    }

    /**
     * Rows per band for {@code bands} bands: the most (fewer false candidates) that still make a pair at
     * Jaccard {@code threshold} a candidate with probability {@link #CANDIDATE_RECALL}: 1 - (1 - t^r)^b.
     */
    static int rowsPerBand(double threshold, int bands) {
        int rows = 1;
        // Capped: at a threshold of 1 (identical shingle sets only) every row count qualifies.
        while (rows < MAX_ROWS_PER_BAND && 1 - Math.pow(1 - Math.pow(threshold, rows + 1), bands) >= CANDIDATE_RECALL) {
            rows++;
        }
        return rows;
    }

    /** The band keys of a shingle set: each band's MinHash values and its index, hashed to one long. */
    static long[] bandKeys(int[] shingles, long[] multipliers, long[] offsets, int rows) {
        int bands = multipliers.length / rows;
        long[] keys = new long[bands];
        for (int b = 0; b < bands; b++) {
            long key = b;
            for (int r = 0; r < rows; r++) {
                int k = b * rows + r;
                long min = Long.MAX_VALUE;
                for (int s : shingles) {
                    // Multiply-shift hashing: one multiply-add per shingle and hash function.
                    long v = (multipliers[k] * s + offsets[k]) >>> 1;
                    if (v < min) {
                        min = v;
                    }
                }
                key = mix(key * 0x9E3779B97F4A7C15L + min);
            }
            keys[b] = key;
        }
        return keys;
    }

    private static final StructType PAIR = new StructType().add("a", DataTypes.StringType).add("b", DataTypes.StringType);

    /**
     * @param articles  article_id column {@code idCol} and {@code shingles} (from {@link #shingles(Column, Column)})
     * @param order     earlier first (e.g. {@link #orderKey}); ties are not allowed (it ends with the id)
     * @param bands     LSH bands (more: fewer missed pairs, more work); rows per band follow from the threshold
     * @return article_id, duplicate_of, jaccard for every article that copies an earlier one
     */
    public static Dataset<Row> find(Dataset<Row> articles, String idCol, Column order, double minJaccard, int bands, long seed) {
        int rows = rowsPerBand(minJaccard, bands);
        SplittableRandom random = new SplittableRandom(seed);
        long[] multipliers = new long[bands * rows];
        long[] offsets = new long[bands * rows];
        for (int k = 0; k < multipliers.length; k++) {
            multipliers[k] = random.nextLong() | 1L;
            offsets[k] = random.nextLong();
        }
        UserDefinedFunction bandKeys = udf((UDF1<scala.collection.Seq<Integer>, long[]>) seq -> {
            int[] shingles = new int[seq.size()];
            scala.collection.Iterator<Integer> it = seq.iterator();
            for (int i = 0; it.hasNext(); i++) {
                shingles[i] = it.next();
            }
            return bandKeys(shingles, multipliers, offsets, rows);
        }, DataTypes.createArrayType(DataTypes.LongType)).withName("newslens_minhash_bands");
        Dataset<Row> input = articles.filter(size(col("shingles")).gt(0))
                .select(col(idCol).as("id"), order.as("ord"), col("shingles"));
        // Each bucket's members in order, by one shuffle on the band key and a sort within each partition: most
        // buckets hold one article, and grouping them with collect_list fell back to Spark's slower sort-based
        // aggregation of object buffers for every (article, band) row.
        Dataset<Row> candidates = input
                .select(col("id"), col("ord"), explode(bandKeys.apply(col("shingles"))).as("band"))
                .repartition(col("band"))
                .sortWithinPartitions(col("band"), col("ord"))
                .mapPartitions((MapPartitionsFunction<Row, Row>) BucketPairs::new, Encoders.row(PAIR))
                .distinct();
        Dataset<Row> a = input.select(col("id").as("a"), col("ord").as("a_ord"), col("shingles").as("a_sh"));
        Dataset<Row> b = input.select(col("id").as("b"), col("shingles").as("b_sh"));
        Column common = size(array_intersect(col("a_sh"), col("b_sh")));
        Dataset<Row> verified = candidates.join(a, "a").join(b, "b")
                .withColumn("j", common.divide(size(col("a_sh")).plus(size(col("b_sh"))).minus(common)))
                .filter(col("j").geq(minJaccard));
        return verified.groupBy(col("b").as(idCol))
                .agg(min_by(struct(col("a"), col("j")), col("a_ord")).as("first"))
                .select(col(idCol), col("first.a").as("duplicate_of"), col("first.j").as("jaccard"));
    }

    /**
     * Candidate pairs from rows (id, ord, band) sorted by band, then ord: each member of a bucket is paired with up to
     * {@link #MAX_EARLIER_PER_BUCKET} members before it, (earlier, later).
     */
    static final class BucketPairs implements java.util.Iterator<Row> {
        private final java.util.Iterator<Row> rows;
        private final java.util.ArrayDeque<String> earlier = new java.util.ArrayDeque<>();
        private final java.util.ArrayDeque<Row> pending = new java.util.ArrayDeque<>();
        private long band;

        BucketPairs(java.util.Iterator<Row> rows) {
            this.rows = rows;
        }

        @Override
        public boolean hasNext() {
            while (pending.isEmpty() && rows.hasNext()) {
                Row r = rows.next();
                String id = r.getString(0);
                long key = r.getLong(2);
                if (earlier.isEmpty() || key != band) {
                    earlier.clear();
                    band = key;
                }
                for (String e : earlier) {
                    pending.add(RowFactory.create(e, id));
                }
                earlier.addLast(id);
                if (earlier.size() > MAX_EARLIER_PER_BUCKET) {
                    earlier.removeFirst();
                }
            }
            return !pending.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            return pending.removeFirst();
        }
    }

    /** A sortable order key: earlier publication first, undated last, then id. */
    public static Column orderKey(Column publishedAt, Column id) {
        return struct(publishedAt.isNull().as("undated"), coalesce(publishedAt.cast("long"), lit(0L)).as("t"), id.as("id"));
    }
}
