package io.newslens.text;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.SparkTestSession;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Re-published copies planted among the 200 real Reuters articles of data/sample: every copy is found,
 * and no two distinct articles are merged (the slice has many stories on the same markets and events).
 */
class NearDuplicatesTest {
    private static final String BOILERPLATE = "\n\nReporting by Staff Writers; Editing by the Desk. Copyright 2024 "
            + "Example Wire Service. All rights reserved. Click here to subscribe to our daily newsletter.";

    @Test
    void plantedCopiesAreFoundAndNothingElse() {
        SparkSession spark = SparkTestSession.get();
        List<Row> originals = spark.read().json(SparkTestSession.repo().resolve("data/sample/reuters-1987.jsonl.gz").toString())
                .select(col("id"), col("title"), col("text"), col("published").cast("timestamp"))
                .orderBy("id").collectAsList();
        List<Row> rows = new ArrayList<>(originals);
        Map<String, String> planted = new HashMap<>();
        int n = 0;
        for (Row r : originals) {
            String text = r.getString(2);
            if (text.length() < 1500 || n >= 10) {
                continue;
            }
            String copyId = "copy-" + r.getString(0);
            planted.put(copyId, r.getString(0));
            // Edited headline, appended boilerplate, published a day later by someone else.
            rows.add(RowFactory.create(copyId, "UPDATE 1-" + r.getString(1).toLowerCase() + " - sources", text + BOILERPLATE,
                    new Timestamp(r.getTimestamp(3).getTime() + 86_400_000L)));
            n++;
        }
        assertEquals(10, planted.size());
        StructType schema = new StructType().add("article_id", DataTypes.StringType).add("title", DataTypes.StringType)
                .add("text", DataTypes.StringType).add("published_at", DataTypes.TimestampType);
        Dataset<Row> articles = spark.createDataFrame(rows, schema)
                .withColumn("shingles", NearDuplicates.shingles(col("title"), col("text")));

        Map<String, String> found = new HashMap<>();
        Map<String, Double> jaccard = new HashMap<>();
        for (Row r : NearDuplicates.find(articles, "article_id",
                NearDuplicates.orderKey(col("published_at"), col("article_id")), 0.7,
                io.newslens.config.TermsOptions.defaults().minhashTables(), 20_261_125L).collectAsList()) {
            found.put(r.getString(0), r.getString(1));
            jaccard.put(r.getString(0), r.getDouble(2));
        }
        Map<String, String> expected = new HashMap<>(planted);
        // Two genuine re-publications inside the Reuters slice (same story filed twice).
        expected.put("reuters21578-16", "reuters21578-4");
        expected.put("reuters21578-240", "reuters21578-230");
        // 16 is itself a copy of 4, so the copy of 16 points to the earliest article of the three.
        expected.put("copy-reuters21578-16", "reuters21578-4");
        assertEquals(expected, found);
        for (String copy : planted.keySet()) {
            assertTrue(jaccard.get(copy) >= 0.7 && jaccard.get(copy) < 1.0, copy + " " + jaccard.get(copy));
            System.err.printf("near-duplicate %s -> %s jaccard %.3f%n", copy, found.get(copy), jaccard.get(copy));
        }
    }

    @Test
    void shinglesAreFiveWordRuns() {
        assertEquals(List.of("the bank of england raised", "bank of england raised rates"),
                NearDuplicates.shingles("The Bank of England raised rates."));
        assertEquals(List.of("short text"), NearDuplicates.shingles("Short text"));
        assertEquals(List.of(), NearDuplicates.shingles(" ... "));
        // Hashed: one int per distinct shingle, sorted; a repeated run of five words counts once.
        String text = "The Bank of England raised rates. The Bank of England raised rates again";
        assertEquals(7, NearDuplicates.shingles(text).size());
        int[] hashes = NearDuplicates.shingleHashes(text);
        assertEquals(7, hashes.length);
        for (int i = 1; i < hashes.length; i++) {
            assertTrue(hashes[i - 1] < hashes[i]);
        }
        assertEquals(1, NearDuplicates.shingleHashes("Short text").length);
        assertEquals(0, NearDuplicates.shingleHashes(" ... ").length);
        // Case and punctuation do not make a different shingle.
        assertArrayEquals(NearDuplicates.shingleHashes("the bank of england raised"), NearDuplicates.shingleHashes("The Bank of England, raised!"));
    }

    @Test
    void rowsPerBandMakeAPairAtTheThresholdACandidate() {
        // 1 - (1 - t^r)^b >= 0.995, r as large as that allows (worked by hand: 0.005^(1/b) >= 1 - t^r).
        assertEquals(4, NearDuplicates.rowsPerBand(0.7, 20));
        assertEquals(1, NearDuplicates.rowsPerBand(0.7, 5));
        assertEquals(13, NearDuplicates.rowsPerBand(0.9, 20));
        // terms.near_duplicate_jaccard may be 1 (identical shingle sets only): every row count qualifies, so the cap.
        assertEquals(NearDuplicates.MAX_ROWS_PER_BAND, (int) org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofSeconds(5), () -> NearDuplicates.rowsPerBand(1.0, 20)));
    }

    @Test
    void bucketPairsPairEachMemberWithUpToSixtyFourEarlierOnesOfItsBucket() {
        // Rows (id, ord, band) as the shuffle delivers them: sorted by band, then by ord. Buckets of 1 to 70 members
        // (70: the cap of 64 earlier members applies), band keys that differ by one, a negative one.
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        List<Row> rows = new ArrayList<>();
        java.util.Set<String> expected = new java.util.TreeSet<>();
        long[] bands = {-5L, 0L, 1L, 2L, 1L << 40};
        int[] sizes = {3, 1, 70, 2, 65};
        int next = 0;
        for (int k = 0; k < bands.length; k++) {
            List<String> members = new ArrayList<>();
            for (int m = 0; m < sizes[k]; m++) {
                String id = "a" + (next++ * 7 + random.nextInt(7));
                members.add(id);
                rows.add(RowFactory.create(id, RowFactory.create(false, (long) m, id), bands[k]));
            }
            for (int i = 1; i < members.size(); i++) {
                for (int j = Math.max(0, i - 64); j < i; j++) {
                    expected.add(members.get(j) + ">" + members.get(i));
                }
            }
        }
        java.util.Set<String> got = new java.util.TreeSet<>();
        int count = 0;
        for (java.util.Iterator<Row> it = new NearDuplicates.BucketPairs(rows.iterator()); it.hasNext(); count++) {
            Row p = it.next();
            got.add(p.getString(0) + ">" + p.getString(1));
        }
        assertEquals(expected, got);
        assertEquals(expected.size(), count, "no pair emitted twice");
        // By hand: bucket of 3: 1 + 2; of 70: 1 + ... + 63, then 64 for each of the last 6 (2,400); of 2: 1; of 65: 2,080.
        assertEquals(3 + 0 + 2400 + 1 + 2080, count);
    }
}
