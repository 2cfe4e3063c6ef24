package io.newslens.terms;

import static io.newslens.terms.TermReports.N;
import static io.newslens.terms.TermReports.PERIOD_START;
import static io.newslens.terms.TermReports.TERM;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.log2;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import io.newslens.report.ReportSpec;
import io.newslens.text.Association;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * Term statistics as pure DataFrame functions. They start from {@code doc_terms}: one row per article and
 * term ({@code article_id, source, period_start, term, n, count}), built once from the token chunks, or from
 * its {@link #cells} (per period, outlet and term), which is all the corpus-level reports need.
 */
public final class Terms {
    public static final String ARTICLE_ID = "article_id";
    public static final String SOURCE = "source";
    public static final String COUNT = "count";
    public static final String DOC_FREQ = "doc_freq";
    /** χ²₁ at p = 0.05. */
    static final double CHI2_05 = 3.841458820694124;

    private static final UserDefinedFunction CHI2_SURVIVAL = udf((UDF1<Double, Double>) x ->
            x == null ? null : Stats.chiSquare1Survival(x), DataTypes.DoubleType).withName("newslens_chi2_survival");

    private Terms() {
    }

    /** First day of the period a date falls in. */
    public static Column periodStart(Column date, String period) {
        return io.newslens.text.Periods.start(date, period);
    }

    /**
     * @param analysed article_id, source, period_start, chunks (array of token runs)
     * @return doc_terms: article_id, source, period_start, term, n, count, for n = 1..ngramMax
     */
    public static Dataset<Row> docTerms(Dataset<Row> analysed, int ngramMax) {
        return docTerms(analysed, ngramMax, false);
    }

    /**
     * With {@code articleMarker}, each article with at least one token also gets one row with n = 0 and an
     * empty term: summed in {@link #cells}, its doc_freq counts the articles of each cell, so the number of
     * analysed articles needs neither a cached doc_terms nor a distinct count. Callers drop n = 0 after that.
     */
    static Dataset<Row> docTerms(Dataset<Row> analysed, int ngramMax, boolean articleMarker) {
        // Counted per article inside one UDF: no row per occurrence and no article × term shuffle.
        return exploded(withGrams(analysed, ngramMax, articleMarker));
    }

    /** The analysed articles with their n-gram counts ({@value #GRAMS}, see {@link #ngramCounts}). */
    static Dataset<Row> withGrams(Dataset<Row> analysed, int ngramMax, boolean articleMarker) {
        return analysed.withColumn(GRAMS, ngramCounts(ngramMax, articleMarker).apply(col("chunks")));
    }

    /** An article's n-gram counts ({@link #ngramCounts}): what the terms stage keeps per article in the store. */
    static final String GRAMS = "grams";

    /** doc_terms from articles with their {@value #GRAMS}: one row per article and n-gram. */
    static Dataset<Row> exploded(Dataset<Row> withGrams) {
        return withGrams
                .select(col(ARTICLE_ID), col(SOURCE), col(PERIOD_START), explode(col(GRAMS)).as("g"))
                .select(col(ARTICLE_ID), col(SOURCE), col(PERIOD_START), col("g.term").as(TERM), col("g.n").as(N),
                        col("g.count").as(COUNT));
    }

    private static final org.apache.spark.sql.types.StructType GRAM = new org.apache.spark.sql.types.StructType()
            .add(TERM, DataTypes.StringType).add(N, DataTypes.IntegerType).add(COUNT, DataTypes.LongType);

    /** The 1- to ngramMax-grams of an article's chunks (never across chunks), counted. */
    static UserDefinedFunction ngramCounts(int ngramMax, boolean articleMarker) {
        return udf((UDF1<scala.collection.Seq<scala.collection.Seq<String>>, List<Row>>) chunks -> {
            java.util.Map<String, long[]>[] counts = new java.util.HashMap[ngramMax + 1];
            for (int n = 1; n <= ngramMax; n++) {
                counts[n] = new java.util.HashMap<>();
            }
            if (chunks != null) {
                for (int c = 0; c < chunks.size(); c++) {
                    scala.collection.Seq<String> chunk = chunks.apply(c);
                    int len = chunk.size();
                    for (int i = 0; i < len; i++) {
                        StringBuilder gram = new StringBuilder(chunk.apply(i));
                        for (int n = 1; n <= ngramMax && i + n <= len; n++) {
                            if (n > 1) {
                                gram.append(' ').append(chunk.apply(i + n - 1));
                            }
                            counts[n].computeIfAbsent(gram.toString(), k -> new long[1])[0]++;
                        }
                    }
                }
            }
            List<Row> rows = new ArrayList<>();
            if (articleMarker && !counts[1].isEmpty()) {
                rows.add(org.apache.spark.sql.RowFactory.create("", 0, 1L));
            }
            for (int n = 1; n <= ngramMax; n++) {
                for (java.util.Map.Entry<String, long[]> e : counts[n].entrySet()) {
                    rows.add(org.apache.spark.sql.RowFactory.create(e.getKey(), n, e.getValue()[0]));
                }
            }
            return rows;
        }, DataTypes.createArrayType(GRAM)).withName("newslens_ngram_counts");
    }

    /**
     * doc_terms summed per period (null for undated articles), outlet and term: {@code period_start, source,
     * term, n, count, doc_freq}. Every article is in exactly one cell, so document frequencies add up over
     * cells; every report but article_terms derives from these far fewer rows.
     */
    public static Dataset<Row> cells(Dataset<Row> docTerms) {
        return docTerms.groupBy(col(PERIOD_START), col(SOURCE), col(TERM), col(N))
                .agg(sum(COUNT).as(COUNT), count(lit(1)).as(DOC_FREQ));
    }

    /**
     * The cells of one or more groups of articles per group: {@link #cells} with {@code group} (a column of
     * {@code withGrams}) among the keys. Cells add up over groups ({@link #addUp}): a run keeps them per group of
     * stored articles and counts again only the groups that changed.
     */
    static Dataset<Row> groupCells(Dataset<Row> withGrams, String group) {
        return withGrams
                .select(col(group), col(SOURCE), col(PERIOD_START), explode(col(GRAMS)).as("g"))
                .groupBy(col(group), col(PERIOD_START), col(SOURCE), col("g.term").as(TERM), col("g.n").as(N))
                .agg(sum(col("g.count")).as(COUNT), count(lit(1)).as(DOC_FREQ));
    }

    /**
     * Cells of several groups ({@link #groupCells}, the group column dropped) added up: the cells of all of them.
     * {@code shared}: the cells that more than one group can hold (by period); the others pass through as they are.
     */
    static Dataset<Row> addUp(Dataset<Row> cellsOfGroups, Column shared) {
        return cellsOfGroups.filter(org.apache.spark.sql.functions.not(shared)).unionByName(cellsOfGroups.filter(shared)
                .groupBy(col(PERIOD_START), col(SOURCE), col(TERM), col(N)).agg(sum(COUNT).as(COUNT), sum(DOC_FREQ).as(DOC_FREQ)));
    }

    /** @param cells see {@link #cells} */
    public static Dataset<Row> termFrequencies(Dataset<Row> cells) {
        WindowSpec cell = Window.partitionBy(col(PERIOD_START), col(SOURCE), col(N));
        // Undated articles are the bucket with a null period_start (a null partition key groups like a value).
        return cells
                .withColumn(io.newslens.text.Periods.PERIOD, io.newslens.text.Periods.key(col(PERIOD_START)))
                .withColumn("share_of_tokens", col(COUNT).divide(sum(COUNT).over(cell)))
                .select(columns(TermReports.TERM_FREQUENCIES));
    }

    /**
     * @param cells    see {@link #cells}
     * @param articles number of analysed articles (the idf's N)
     */
    public static Dataset<Row> vocabulary(Dataset<Row> cells, long articles, int minDf, double maxDf, int maxVocabulary) {
        Column df = col(DOC_FREQ);
        Column eligible = df.geq(minDf).and(df.leq(maxDf * articles));
        WindowSpec byN = Window.partitionBy(col(N)).orderBy(eligible.desc(), df.desc(), col(TERM).asc());
        return cells.groupBy(col(TERM), col(N))
                .agg(sum(COUNT).as(COUNT), sum(DOC_FREQ).as(DOC_FREQ))
                .withColumn("idf", log(lit((double) articles).divide(df)))
                .withColumn("kept", eligible.and(row_number().over(byN).leq(maxVocabulary)))
                .select(columns(TermReports.VOCABULARY));
    }

    /**
     * The kept vocabulary's idf, by n and term, sent once to every executor for {@link #articleTerms}. Bounded by
     * max_vocabulary per n; the caller destroys it once the report is written.
     *
     * @param vocabulary see {@link #vocabulary}
     */
    public static org.apache.spark.broadcast.Broadcast<List<java.util.HashMap<String, Double>>> keptIdf(Dataset<Row> vocabulary) {
        List<java.util.HashMap<String, Double>> idfByN = new ArrayList<>();
        for (Row r : vocabulary.filter(col("kept")).select(col(TERM), col(N), col("idf")).collectAsList()) {
            while (idfByN.size() <= r.getInt(1)) {
                idfByN.add(new java.util.HashMap<>());
            }
            idfByN.get(r.getInt(1)).put(r.getString(0), r.getDouble(2));
        }
        return org.apache.spark.api.java.JavaSparkContext.fromSparkContext(vocabulary.sparkSession().sparkContext())
                .broadcast(idfByN);
    }

    /**
     * Each article's top terms, picked from its own row of counts with the broadcast idf: no shuffle of every
     * article's n-grams to rank them.
     *
     * @param withGrams articles with their {@value #GRAMS} ({@link #withGrams}): one row per article
     * @param idf       {@link #keptIdf}
     */
    public static Dataset<Row> articleTerms(Dataset<Row> withGrams,
                                            org.apache.spark.broadcast.Broadcast<List<java.util.HashMap<String, Double>>> idf, int topK) {
        UserDefinedFunction top = udf((UDF1<scala.collection.Seq<Row>, List<Row>>) grams ->
                topTerms(grams, idf.value(), topK), DataTypes.createArrayType(RANKED)).withName("newslens_top_terms");
        return withGrams.select(col(ARTICLE_ID), explode(top.apply(col(GRAMS))).as("t"))
                .select(col(ARTICLE_ID), col("t.*"))
                .select(columns(TermReports.ARTICLE_TERMS));
    }

    private static final org.apache.spark.sql.types.StructType RANKED = new org.apache.spark.sql.types.StructType()
            .add("rank", DataTypes.IntegerType).add(TERM, DataTypes.StringType).add(N, DataTypes.IntegerType)
            .add(COUNT, DataTypes.LongType).add("tfidf", DataTypes.DoubleType);

    /** An article's kept n-grams by count × idf, highest first (ties by term), the first {@code topK}, ranked from 1. */
    private static List<Row> topTerms(scala.collection.Seq<Row> grams, List<java.util.HashMap<String, Double>> idfByN,
                                      int topK) {
        List<Object[]> scored = new ArrayList<>();
        if (grams != null) {
            for (int i = 0; i < grams.size(); i++) {
                Row g = grams.apply(i);
                int n = g.getInt(1);
                Double idf = n < idfByN.size() ? idfByN.get(n).get(g.getString(0)) : null;
                if (idf != null) {
                    long count = g.getLong(2);
                    // the same double product Spark's count × idf gives
                    scored.add(new Object[] {g.getString(0), n, count, (double) count * idf});
                }
            }
        }
        scored.sort((x, y) -> {
            int byScore = Double.compare((Double) y[3], (Double) x[3]);
            // ties by term in Spark's order (UTF-8 bytes), as the report always ranked them
            return byScore != 0 ? byScore : org.apache.spark.unsafe.types.UTF8String.fromString((String) x[0])
                    .compareTo(org.apache.spark.unsafe.types.UTF8String.fromString((String) y[0]));
        });
        List<Row> ranked = new ArrayList<>(Math.min(topK, scored.size()));
        for (int r = 0; r < Math.min(topK, scored.size()); r++) {
            Object[] t = scored.get(r);
            ranked.add(org.apache.spark.sql.RowFactory.create(r + 1, t[0], t[1], t[2], t[3]));
        }
        return ranked;
    }

    /**
     * Each group against the rest of the groups (G², log ratio, p-value), for every term with at least
     * {@code minCount} occurrences over all groups: a row for each target that uses the term, and a row
     * with count_target = 0 where the target's not using it is itself significant (G² ≥ 3.84, p < 0.05).
     * Insignificant absences are left out: with one row per term and period they would make a grid of
     * vocabulary × periods, almost all of it noise.
     *
     * @param grouped   doc_terms or cells with a {@code grp} column; rows with a null group are left out
     * @param targets   the groups to report as targets
     * @param reference label of the reference ("rest", or the other group's name when there are two)
     */
    public static Dataset<Row> keyness(Dataset<Row> grouped, List<String> targets, String reference, int minCount) {
        return keyness(grouped, targets, reference, minCount, false);
    }

    /** As above; {@code byTerm}: {@code grouped} is already hash-partitioned by term and n (see {@link TermsJob}). */
    static Dataset<Row> keyness(Dataset<Row> grouped, List<String> targets, String reference, int minCount, boolean byTerm) {
        Dataset<Row> in = grouped.filter(col("grp").isNotNull());
        Dataset<Row> targetGroups = in.sparkSession().createDataset(targets, org.apache.spark.sql.Encoders.STRING())
                .toDF("grp");
        Column a = col("a");
        Column b = col("total").minus(a);
        Column c = col("c");
        Column d = col("all_tokens").minus(c);
        // One row per target and n: small enough to collect and broadcast.
        Dataset<Row> targetTokens = in.groupBy(col("grp"), col(N)).agg(sum(COUNT).as("c"))
                .withColumn("all_tokens", sum("c").over(Window.partitionBy(col(N))))
                .join(broadcast(targetGroups), "grp")
                .filter(c.gt(0).and(d.gt(0)));
        List<Row> targetRows = targetTokens.collectAsList();
        Dataset<Row> targetTable = broadcast(in.sparkSession().createDataFrame(targetRows, targetTokens.schema()));
        // Partitioned by term once: the counts per group, each term's total and which targets use it all come from
        // that partitioning with hash aggregates and a hash join (no sort of every group × term row).
        Dataset<Row> byTermAndN = byTerm ? in : in.repartition(col(TERM), col(N));
        Dataset<Row> counts = byTermAndN.groupBy(col("grp"), col(TERM), col(N)).agg(sum(COUNT).as("a"));
        // Which targets use a term, as bits (target i is bit i % 63 of word i / 63), OR-ed per term: a fixed-size
        // buffer that hash-aggregates, where a list of groups would fall back to sorting.
        int words = Math.max(1, (targets.size() + 62) / 63);
        List<Row> indexRows = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            indexRows.add(org.apache.spark.sql.RowFactory.create(targets.get(i), i));
        }
        Dataset<Row> targetIndex = broadcast(in.sparkSession().createDataFrame(indexRows, new org.apache.spark.sql.types.StructType()
                .add("grp", DataTypes.StringType).add("target_index", DataTypes.IntegerType)));
        Column index = col("target_index");
        List<Column> perTerm = new ArrayList<>();
        perTerm.add(sum(COUNT).as("total"));
        for (int w = 0; w < words; w++) {
            perTerm.add(coalesce(org.apache.spark.sql.functions.bit_or(when(index.divide(63).cast("int").equalTo(w),
                    org.apache.spark.sql.functions.call_function("shiftleft", lit(1L), index.mod(63)))), lit(0L)).as("used_" + w));
        }
        Dataset<Row> totals = byTermAndN.join(targetIndex, new String[] {"grp"}, "left").groupBy(col(TERM), col(N))
                .agg(perTerm.get(0), perTerm.subList(1, perTerm.size()).toArray(new Column[0]));
        Dataset<Row> used = counts
                .join(totals.filter(col("total").geq(minCount)).select(col(TERM), col(N), col("total")).hint("shuffle_hash"),
                        new String[] {TERM, N})
                .join(targetTable, new String[] {"grp", N});
        // With a = 0, G² reduces to 2 · total · ln(all_tokens / d): only terms used often enough elsewhere can
        // reach 3.84, so the target × term pairs are formed for those alone.
        double minTotal = minCount;
        if (!targetRows.isEmpty()) {
            double least = Double.MAX_VALUE;
            for (Row r : targetRows) {
                long all = r.getLong(r.fieldIndex("all_tokens"));
                long rest = all - r.getLong(r.fieldIndex("c"));
                least = Math.min(least, CHI2_05 / (2 * Math.log((double) all / rest)));
            }
            minTotal = Math.max(minTotal, Math.floor(least));
        }
        Column[] usedWords = new Column[words];
        for (int w = 0; w < words; w++) {
            usedWords[w] = col("used_" + w);
        }
        Column ownIndex = col("target_index");
        Column usedByTarget = org.apache.spark.sql.functions.call_function("shiftright",
                org.apache.spark.sql.functions.element_at(org.apache.spark.sql.functions.array(usedWords),
                        ownIndex.divide(63).cast("int").plus(1)), ownIndex.mod(63)).bitwiseAND(lit(1L)).equalTo(1L);
        Column absenceG2 = lit(2.0).multiply(col("total")).multiply(log(col("all_tokens").divide(d)));
        Dataset<Row> unused = totals
                .filter(col("total").geq(minTotal))
                .join(targetTable.join(targetIndex, "grp"), new String[] {N})
                .filter(absenceG2.geq(CHI2_05).and(not(usedByTarget)))
                .select(col("grp"), col(TERM), col(N), col("total"), col("c"), col("all_tokens"))
                .withColumn("a", lit(0L));
        Column e1 = c.multiply(col("total")).divide(col("all_tokens"));
        Column e2 = d.multiply(col("total")).divide(col("all_tokens"));
        Column g2 = lit(2.0).multiply(xlnxe(a, e1).plus(xlnxe(b, e2)));
        Column half = lit(0.5);
        Column logRatio = log2(when(a.equalTo(0), half).otherwise(a).divide(c)
                .divide(when(b.equalTo(0), half).otherwise(b).divide(d)));
        return used.unionByName(unused)
                .select(
                        org.apache.spark.sql.functions.concat(col("grp"), lit(" vs " + reference)).as("comparison"),
                        col("grp").as("target"), lit(reference).as("reference"), col(TERM), col(N),
                        a.as("count_target"), b.as("count_reference"), c.as("tokens_target"), d.as("tokens_reference"),
                        g2.as("g2"), logRatio.as("log_ratio"))
                .withColumn("p_value", CHI2_SURVIVAL.apply(col("g2")))
                .select(columns(TermReports.KEYNESS));
    }

    /** O ln(O/E), 0 when O = 0 (its limit). */
    private static Column xlnxe(Column o, Column e) {
        return when(o.gt(0), o.multiply(log(o.divide(e)))).otherwise(lit(0.0));
    }

    /** Group label of a period start for keyness. */
    public static Column periodLabel(Column periodStart) {
        return date_format(periodStart, "yyyy-MM-dd");
    }

    /**
     * Kept terms per period against their previous {@code window} periods (periods with no articles at
     * all are not in the series).
     */
    public static Dataset<Row> trending(Dataset<Row> docTerms, Dataset<Row> vocabulary, int window, double zThreshold,
                                        int minCount) {
        return trending(docTerms, vocabulary, window, zThreshold, minCount, null);
    }

    /**
     * As above, only the rows of the periods from {@code from} (yyyy-MM-dd) on, when not null: what an incremental run
     * replaces. Only those periods and the {@code window} periods before them (per n: the series of each n holds the
     * periods with n-grams of that n) are read, so the rows are those of the whole series.
     */
    public static Dataset<Row> trending(Dataset<Row> docTerms, Dataset<Row> vocabulary, int window, double zThreshold,
                                        int minCount, String from) {
        Dataset<Row> dated = docTerms.filter(col(PERIOD_START).isNotNull());
        if (from != null) {
            // One row per n and period: cheap to collect.
            List<Row> periods = dated.select(col(N), col(PERIOD_START)).distinct().orderBy(col(N), col(PERIOD_START)).collectAsList();
            java.util.Map<Integer, List<java.sql.Date>> byN = new java.util.TreeMap<>();
            periods.forEach(r -> byN.computeIfAbsent(r.getInt(0), k -> new ArrayList<>()).add(r.getDate(1)));
            java.sql.Date start = java.sql.Date.valueOf(from);
            Column needed = lit(false);
            for (java.util.Map.Entry<Integer, List<java.sql.Date>> e : byN.entrySet()) {
                List<java.sql.Date> series = e.getValue();
                int first = 0;
                while (first < series.size() && series.get(first).before(start)) {
                    first++;
                }
                java.sql.Date bound = series.get(Math.max(0, first - window));
                needed = needed.or(col(N).equalTo(e.getKey()).and(col(PERIOD_START).geq(lit(bound))));
            }
            return trending(dated.filter(needed), vocabulary, window, zThreshold, minCount, null)
                    .filter(col(PERIOD_START).geq(lit(start)));
        }
        Dataset<Row> kept = vocabulary.filter(col("kept")).select(col(TERM), col(N));
        Dataset<Row> tokens = dated.groupBy(col(PERIOD_START), col(N)).agg(sum(COUNT).as("tokens"));
        Dataset<Row> counts = dated.join(broadcast(kept), new String[] {TERM, N})
                .groupBy(col(TERM), col(N), col(PERIOD_START)).agg(sum(COUNT).as(COUNT));
        WindowSpec past = Window.partitionBy(col(TERM), col(N)).orderBy(col(PERIOD_START)).rowsBetween(-window, -1);
        Column share = col(COUNT).divide(col("tokens"));
        Column expected = avg(share).over(past).multiply(col("tokens"));
        Column sd = greatest(coalesce(stddev_samp(share).over(past), lit(0.0)).multiply(col("tokens")),
                sqrt(expected), lit(1.0));
        // The grid: every kept term in every period that has n-grams of its n.
        return kept.join(tokens, new String[] {N})
                .join(counts, new String[] {TERM, N, PERIOD_START}, "left")
                .withColumn(COUNT, coalesce(col(COUNT), lit(0L)))
                .withColumn("expected", expected)
                .withColumn("z_score", col(COUNT).minus(col("expected")).divide(sd))
                .withColumn("history", count(share).over(past))
                .filter(col(COUNT).gt(0))
                // A burst needs a full window of history: the first periods of a series have no baseline.
                .withColumn("burst", coalesce(col("z_score").geq(zThreshold).and(col(COUNT).geq(minCount))
                        .and(col("history").geq(window)), lit(false)))
                .select(columns(TermReports.TRENDING_TERMS));
    }

    /** Adjacent-word association from the bigram counts of doc_terms. */
    public static Dataset<Row> collocations(Dataset<Row> docTerms, int minCount) {
        Dataset<Row> pairs = docTerms.filter(col(N).equalTo(2)).groupBy(col(TERM).as("bigram")).agg(sum(COUNT).as("o11"))
                .withColumn("word1", split(col("bigram"), " ").getItem(0))
                .withColumn("word2", split(col("bigram"), " ").getItem(1));
        Dataset<Row> total = pairs.agg(sum("o11").as("total"));
        Column o11 = col("o11");
        Column r1 = col("count_word1");
        Column c1 = col("count_word2");
        Column n = col("total");
        return pairs
                .withColumn("count_word1", sum("o11").over(Window.partitionBy(col("word1"))))
                .withColumn("count_word2", sum("o11").over(Window.partitionBy(col("word2"))))
                .filter(o11.geq(minCount))
                .crossJoin(broadcast(total))
                .select(col("bigram"), col("word1"), col("word2"), o11.as(COUNT), r1, c1,
                        Association.pmi(o11, r1, c1, n).as("pmi"), Association.npmi(o11, r1, c1, n).as("npmi"),
                        Association.g2(o11, r1, c1, n).as("g2"))
                .select(columns(TermReports.COLLOCATIONS));
    }

    static Column[] columns(ReportSpec spec) {
        return spec.columnNames().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

}
