package io.newslens.ingest;

import io.newslens.text.Articles;
import static io.newslens.ingest.IngestReports.*;
import static io.newslens.text.Articles.*;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Exact duplicates: records sharing an id, or sharing title and text after lower-casing and folding
 * white space (when there is text: equal headlines alone do not make copies). The first of a group (earliest date, then input file, then record text: the same choice
 * whatever the partitioning) is the original; the others point to it in {@code duplicate_of}. A repeated
 * id is made unique by appending {@code #n}, so {@code article_id} stays a key.
 */
public final class Duplicates {
    private static final String ORDER_KEY = "_dup_order";
    private static final String CONTENT_KEY = "_dup_content";

    private Duplicates() {
    }

    public static Dataset<Row> mark(Dataset<Row> articles) {
        Column[] order = {col(PUBLISHED_AT).asc_nulls_last(), col(INPUT_FILE).asc_nulls_last(), col(ORDER_KEY).asc()};
        Column normalised = lower(trim(regexp_replace(concat(col(TITLE), lit("\n"), col(TEXT)), "\\s+", " ")));
        Dataset<Row> keyed = articles
                .withColumn(ORDER_KEY, sha2(concat(col(ARTICLE_ID), lit("\n"), col(TITLE), lit("\n"), col(TEXT),
                        lit("\n"), coalesce(col(PUBLISHED_RAW), lit("")), lit("\n"), coalesce(col(URL), lit(""))), 256))
                // Title-only records (briefs, headline alerts) repeat headlines without being copies.
                .withColumn(CONTENT_KEY, when(trim(col(TEXT)).equalTo(""), col(ORDER_KEY)).otherwise(sha2(normalised, 256)));

        WindowSpec byId = Window.partitionBy(col(ARTICLE_ID)).orderBy(order);
        Column n = row_number().over(byId);
        Dataset<Row> idMarked = keyed
                .withColumn(DUPLICATE_OF, when(n.gt(1), col(ARTICLE_ID)))
                .withColumn(DUPLICATE_REASON, when(n.gt(1), lit("same_id")))
                .withColumn(ARTICLE_ID, when(n.gt(1), concat(col(ARTICLE_ID), lit("#"), n.cast("string")))
                        .otherwise(col(ARTICLE_ID)));

        // Originals by id come first, so a content group's original is never itself a duplicate when it can be avoided.
        WindowSpec byContent = Window.partitionBy(col(CONTENT_KEY))
                .orderBy(col(DUPLICATE_OF).isNotNull().asc(), order[0], order[1], order[2]);
        Column original = first(col(ARTICLE_ID)).over(byContent);
        Column isCopy = col(DUPLICATE_OF).isNull().and(original.notEqual(col(ARTICLE_ID)));
        return idMarked
                .withColumn(DUPLICATE_REASON, when(isCopy, lit("same_content")).otherwise(col(DUPLICATE_REASON)))
                .withColumn(DUPLICATE_OF, when(isCopy, original).otherwise(col(DUPLICATE_OF)))
                .drop(ORDER_KEY, CONTENT_KEY);
    }
}
