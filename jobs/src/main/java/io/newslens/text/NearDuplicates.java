package io.newslens.text;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.udf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.MinHashLSH;
import org.apache.spark.ml.feature.MinHashLSHModel;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * Near-duplicates (syndicated copies, re-publications with an edited headline or appended boilerplate):
 * MinHash LSH over the set of word 5-shingles of title and body, lower-cased, stop words kept (they
 * carry the wording). Pairs at or above the Jaccard threshold are verified exactly by Spark; each
 * later article points to the earliest article it copies.
 */
public final class NearDuplicates {
    public static final int SHINGLE_WORDS = 5;
    private static final int HASH_FEATURES = 1 << 22;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final UserDefinedFunction SHINGLES = udf((UDF1<String, List<String>>) s -> shingles(TextNormalizer.normalize(s)),
            DataTypes.createArrayType(DataTypes.StringType)).withName("newslens_shingles");

    private NearDuplicates() {
    }

    /**
     * Word shingles of a normalised text: every run of 5 consecutive words (lower-cased letters and
     * digits), or the whole text when it is shorter. One pass in Java: the same in Spark SQL re-evaluates
     * the word split inside the lambda for every position, quadratic in the article's length.
     */
    public static List<String> shingles(String normalisedText) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(normalisedText.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
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

    /** Shingles of a title and body, normalised as every analysis reads them. */
    public static Column shingles(Column title, Column text) {
        return SHINGLES.apply(TextLayer.analysisText(title, text));
    }

    /**
     * @param articles  article_id, order (earlier first: e.g. published_at nulls last), shingles
     * @return article_id, duplicate_of, jaccard for every article that copies an earlier one
     */
    public static Dataset<Row> find(Dataset<Row> articles, String idCol, Column order, double minJaccard, int tables, long seed) {
        Dataset<Row> input = articles.filter(size(col("shingles")).gt(0))
                .select(col(idCol).as("id"), order.as("ord"), col("shingles"));
        Dataset<Row> vectors = new HashingTF().setInputCol("shingles").setOutputCol("features")
                .setNumFeatures(HASH_FEATURES).setBinary(true).transform(input).drop("shingles");
        MinHashLSHModel model = new MinHashLSH().setInputCol("features").setOutputCol("hashes")
                .setNumHashTables(tables).setSeed(seed).fit(vectors);
        Dataset<Row> pairs = model.approxSimilarityJoin(vectors, vectors, 1.0 - minJaccard, "distance")
                .select(col("datasetA.id").as("a"), col("datasetA.ord").as("a_ord"),
                        col("datasetB.id").as("b"), col("datasetB.ord").as("b_ord"), col("distance"))
                // b copies a when a comes first (ties broken by id).
                .filter(col("a_ord").lt(col("b_ord")).or(col("a_ord").equalTo(col("b_ord")).and(col("a").lt(col("b")))));
        return pairs.groupBy(col("b").as(idCol))
                .agg(min_by(struct(col("a"), lit(1.0).minus(col("distance")).as("j")),
                        struct(col("a_ord"), col("a"))).as("first"))
                .select(col(idCol), col("first.a").as("duplicate_of"), col("first.j").as("jaccard"));
    }

    /** A sortable order key: earlier publication first, undated last, then id. */
    public static Column orderKey(Column publishedAt, Column id) {
        return struct(publishedAt.isNull().as("undated"), coalesce(publishedAt.cast("long"), lit(0L)).as("t"), id.as("id"));
    }
}
