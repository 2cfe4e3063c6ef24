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
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * Exact duplicates: records sharing an id, or sharing title and text after lower-casing and folding
 * white space (when there is text: equal headlines alone do not make copies). The first of a group (earliest date, then input file, then record text: the same choice
 * whatever the partitioning) is the original; the others point to it in {@code duplicate_of}. A repeated
 * id is made unique by appending {@code #n}, so {@code article_id} stays a key.
 */
public final class Duplicates {
    private static final String ROW_KEY = "_dup_row";
    private static final String ORDER_KEY = "_dup_order";
    private static final String CONTENT_KEY = "_dup_content";
    private static final String NEW_ID = "_dup_new_id";
    /** The marks' own name for the row key (a new column: joining keyed to marks is a self-join). */
    private static final String MARK_ROW = "_dup_mark_row";
    /** Up to this many duplicates, their marks are broadcast to the articles: the articles are not shuffled at all. */
    public static final long MAX_BROADCAST_MARKS = 500_000;

    private Duplicates() {
    }

    /** Duplicates marked (see the class comment), with the articles joined to the marks by a plain join. */
    public static Dataset<Row> mark(Dataset<Row> articles) {
        Dataset<Row> keyed = keyed(articles);
        return apply(keyed, marks(keyed), false);
    }

    /**
     * The records with the two hashes the duplicate windows order and group by: a hash of everything a record says
     * (id, title, text, date as written, URL: the last tie-break of the order) and one of its title and text after
     * lower-casing and folding white space (the content duplicates share). Computed once per record, where it is read:
     * the ingest store keeps them with the record, so a later run does not hash the stored texts again.
     */
    public static Dataset<Row> withKeys(Dataset<Row> records) {
        Column normalised = lower(trim(regexp_replace(concat(col(TITLE), lit("\n"), col(TEXT)), "\\s+", " ")));
        return records
                .withColumn(ORDER_KEY, sha2(concat(col(ARTICLE_ID), lit("\n"), col(TITLE), lit("\n"), col(TEXT),
                        lit("\n"), coalesce(col(PUBLISHED_RAW), lit("")), lit("\n"), coalesce(col(URL), lit(""))), 256))
                // Title-only records (briefs, headline alerts) repeat headlines without being copies.
                .withColumn(CONTENT_KEY, when(trim(col(TEXT)).equalTo(""), col(ORDER_KEY)).otherwise(sha2(normalised, 256)));
    }

    /** The hash columns of {@link #withKeys}, which no report holds. */
    public static final java.util.List<String> KEY_COLUMNS = java.util.List.of(ORDER_KEY, CONTENT_KEY);

    /**
     * The articles with a row key (unique, stable over re-reads of the same cached input) and the two hashes the
     * windows order and group by ({@link #withKeys}, unless the articles have them). Read it twice from a cached
     * input: once narrow for {@link #marks}, once whole.
     */
    public static Dataset<Row> keyed(Dataset<Row> articles) {
        boolean hashed = java.util.Arrays.asList(articles.columns()).containsAll(KEY_COLUMNS);
        return (hashed ? articles : withKeys(articles)).withColumn(ROW_KEY, monotonically_increasing_id());
    }

    /**
     * The duplicates only, on a narrow projection (row key, id, date, file, two hashes: no text is shuffled):
     * row key, the article's new id (a repeated id gets {@code #n}), duplicate_of and duplicate_reason.
     */
    public static Dataset<Row> marks(Dataset<Row> keyed) {
        Column[] order = {col(PUBLISHED_AT).asc_nulls_last(), col(INPUT_FILE).asc_nulls_last(), col(ORDER_KEY).asc(), col(ROW_KEY).asc()};
        Dataset<Row> narrow = keyed.select(col(ROW_KEY), col(ARTICLE_ID), col(PUBLISHED_AT), col(INPUT_FILE), col(ORDER_KEY), col(CONTENT_KEY));
        WindowSpec byId = Window.partitionBy(col(ARTICLE_ID)).orderBy(order);
        Column n = row_number().over(byId);
        Dataset<Row> idMarked = narrow
                .withColumn(DUPLICATE_OF, when(n.gt(1), col(ARTICLE_ID)))
                .withColumn(DUPLICATE_REASON, when(n.gt(1), lit("same_id")))
                .withColumn(ARTICLE_ID, when(n.gt(1), concat(col(ARTICLE_ID), lit("#"), n.cast("string")))
                        .otherwise(col(ARTICLE_ID)));

        // Originals by id come first, so a content group's original is never itself a duplicate when it can be avoided.
        WindowSpec byContent = Window.partitionBy(col(CONTENT_KEY))
                .orderBy(col(DUPLICATE_OF).isNotNull().asc(), order[0], order[1], order[2], order[3]);
        Column original = first(col(ARTICLE_ID)).over(byContent);
        Column isCopy = col(DUPLICATE_OF).isNull().and(original.notEqual(col(ARTICLE_ID)));
        return idMarked
                .withColumn(DUPLICATE_REASON, when(isCopy, lit("same_content")).otherwise(col(DUPLICATE_REASON)))
                .withColumn(DUPLICATE_OF, when(isCopy, original).otherwise(col(DUPLICATE_OF)))
                .filter(col(DUPLICATE_OF).isNotNull())
                .select(col(ROW_KEY).as(MARK_ROW), col(ARTICLE_ID).as(NEW_ID), col(DUPLICATE_OF), col(DUPLICATE_REASON));
    }

    /** The articles with their marks joined back by row key; {@code broadcast}: the marks are few enough to send to every task. */
    public static Dataset<Row> apply(Dataset<Row> keyed, Dataset<Row> marks, boolean broadcast) {
        Dataset<Row> articles = keyed.drop(ORDER_KEY, CONTENT_KEY, DUPLICATE_OF, DUPLICATE_REASON);
        return articles.join(broadcast ? functions.broadcast(marks) : marks, col(ROW_KEY).equalTo(col(MARK_ROW)), "left")
                .withColumn(ARTICLE_ID, coalesce(col(NEW_ID), col(ARTICLE_ID)))
                .drop(ROW_KEY, MARK_ROW, NEW_ID);
    }
}
