package io.newslens.terms;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.xxhash64;

import io.newslens.config.TextOptions;
import io.newslens.text.Articles;
import io.newslens.text.TextLayer;
import io.newslens.text.TextNormalizer;
import io.newslens.text.Tokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Keyword in context: the sentences behind the numbers. For the terms a keyness comparison over-uses most and the
 * strongest bursts of trending_terms, a bounded number of example sentences from the articles of the target (the
 * outlet or the period), each with its article, outlet, date and offsets.
 */
public final class Kwic {
    /** Characters of context on each side of the match. */
    static final int CONTEXT = 100;
    private static final StructType HIT = new StructType().add("term", DataTypes.StringType)
            .add("sentence_start", DataTypes.IntegerType).add("match_start", DataTypes.IntegerType)
            .add("match_end", DataTypes.IntegerType).add("sentence_end", DataTypes.IntegerType)
            .add("left", DataTypes.StringType).add("match", DataTypes.StringType).add("right", DataTypes.StringType);

    private Kwic() {
    }

    /**
     * The terms to show: per keyness target, its {@code perTarget} most over-used terms (log_ratio &gt; 0, by g2);
     * per trending period, its {@code perTarget} strongest bursts (by z_score). Columns kind, term, n, target.
     */
    public static Dataset<Row> wanted(Dataset<Row> keyness, Dataset<Row> trending, int perTarget) {
        Dataset<Row> key = keyness == null ? null : keyness.filter(col("log_ratio").gt(0))
                .withColumn("_r", row_number().over(Window.partitionBy(col("target")).orderBy(col("g2").desc(), col("term"))))
                .filter(col("_r").leq(perTarget))
                .select(lit("keyness").as("kind"), col("term"), col("n"), col("target"));
        Dataset<Row> burst = trending == null ? null : trending.filter(col("burst"))
                .withColumn("target", Terms.periodLabel(col(TermReports.PERIOD_START)))
                .withColumn("_r", row_number().over(Window.partitionBy(col("target")).orderBy(col("z_score").desc(), col("term"))))
                .filter(col("_r").leq(perTarget))
                .select(lit("trending").as("kind"), col("term"), col("n"), col("target"));
        return key == null ? burst : burst == null ? key : key.unionByName(burst);
    }

    /**
     * Where the terms occur in one normalised text: per term, its first sentence (the title counts), with the match
     * and up to {@link #CONTEXT} characters on each side. A term matches when its words are adjacent tokens of one
     * chunk, as the term reports count them.
     */
    static List<Row> hits(String text, String language, Set<String> terms, java.util.Collection<String> boilerplate,
                          TextOptions options) {
        List<Row> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Tokenizer tokenizer = Tokenizer.of(options);
        for (int[] s : Tokenizer.sentences(text, language)) {
            String sentence = text.substring(s[0], s[1]);
            for (List<String> chunk : tokenizer.chunks(sentence, language, boilerplate)) {
                for (int i = 0; i < chunk.size(); i++) {
                    StringBuilder gram = new StringBuilder();
                    for (int n = 0; n < 5 && i + n < chunk.size(); n++) {
                        gram.append(n == 0 ? "" : " ").append(chunk.get(i + n));
                        String term = gram.toString();
                        if (terms.contains(term) && seen.add(term)) {
                            rows.add(hit(text, s, sentence, term));
                        }
                    }
                }
            }
        }
        return rows;
    }

    /** The match found in the sentence as written (case-insensitive, any non-word characters between words). */
    private static Row hit(String text, int[] s, String sentence, String term) {
        String[] words = term.split(" ");
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            re.append(i == 0 ? "" : "[\\W_]*").append(java.util.regex.Pattern.quote(words[i]));
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(re.toString(),
                java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE).matcher(sentence);
        // A stemmed term may not be found as written: then the whole sentence is the left context.
        int ms = m.find() ? m.start() : sentence.length();
        int me = ms == sentence.length() ? ms : m.end();
        String left = sentence.substring(Math.max(0, ms - CONTEXT), ms).stripLeading();
        String right = sentence.substring(me, Math.min(sentence.length(), me + CONTEXT)).stripTrailing();
        return RowFactory.create(term, s[0], s[0] + ms, s[0] + me, s[1], left, sentence.substring(ms, me), right);
    }

    /** Candidates per example: a term counted in an article is nearly always found again sentence by sentence. */
    static final int CANDIDATES_PER_EXAMPLE = 2;

    /** The ids of the articles {@link #examples} needs to search (see there). */
    private static Dataset<Row> candidates(Dataset<Row> corpus, Dataset<Row> grams, List<Row> want, StructType wantSchema,
                                           Set<String> terms, int perTerm, String period) {
        UserDefinedFunction held = udf((org.apache.spark.sql.api.java.UDF1<scala.collection.Seq<Row>, List<String>>) g -> {
            List<String> found = new ArrayList<>();
            if (g != null) {
                for (int i = 0; i < g.size(); i++) {
                    String term = g.apply(i).getString(0);
                    if (terms.contains(term)) {
                        found.add(term);
                    }
                }
            }
            return found;
        }, DataTypes.createArrayType(DataTypes.StringType)).withName("newslens_kwic_terms_held");
        Dataset<Row> holding = grams.select(col(Articles.ARTICLE_ID), explode(held.apply(col(Terms.GRAMS))).as("term"))
                .join(corpus.select(col(Articles.ARTICLE_ID), col(Articles.SOURCE),
                        Terms.periodLabel(Terms.periodStart(col(Articles.PUBLISHED_DATE), period)).as("_period")), Articles.ARTICLE_ID);
        Dataset<Row> w = org.apache.spark.sql.functions.broadcast(holding.sparkSession().createDataFrame(want, wantSchema));
        return holding.join(w, holding.col("term").equalTo(org.apache.spark.sql.functions.lower(w.col("term")))
                        .and(w.col("target").equalTo(holding.col(Articles.SOURCE)).or(w.col("target").equalTo(holding.col("_period")))))
                .withColumn("_r", row_number().over(Window.partitionBy(w.col("kind"), w.col("term"), w.col("target"))
                        .orderBy(xxhash64(col(Articles.ARTICLE_ID)), col(Articles.ARTICLE_ID))))
                .filter(col("_r").leq(CANDIDATES_PER_EXAMPLE * perTerm))
                .select(col(Articles.ARTICLE_ID)).distinct();
    }

    /**
     * The kwic report.
     *
     * @param corpus  the analysis corpus (article_id, source, published_date, title, text, language, boilerplate)
     * @param wanted  see {@link #wanted}
     * @param period  terms.period, to tell which articles a period target holds
     */
    public static Dataset<Row> examples(Dataset<Row> corpus, Dataset<Row> wanted, int perTerm, String period,
                                        Column boilerplate, TextOptions options) {
        return examples(corpus, wanted, perTerm, period, boilerplate, options, null);
    }

    /**
     * As above; with {@code grams} (article_id and the article's n-gram counts, {@value Terms#GRAMS}, as the terms stage
     * made them), only the articles that can supply an example are searched: per term and target, the
     * {@link #CANDIDATES_PER_EXAMPLE} × {@code perTerm} articles of the target whose counts hold the term, first in the
     * order examples are chosen by. The others would rank after them, so the examples are those a search of every
     * article gives (unless fewer than {@code perTerm} of the candidates show the term sentence by sentence, which
     * KwicTest has not seen happen), without a second tokenisation of the whole corpus.
     */
    public static Dataset<Row> examples(Dataset<Row> corpus, Dataset<Row> wanted, int perTerm, String period,
                                        Column boilerplate, TextOptions options, Dataset<Row> grams) {
        List<Row> want = wanted.collectAsList();
        Set<String> terms = new HashSet<>();
        want.forEach(r -> terms.add(r.getString(r.fieldIndex("term")).toLowerCase(Locale.ROOT)));
        if (grams != null) {
            corpus = corpus.join(candidates(corpus, grams, want, wanted.schema(), terms, perTerm, period),
                    scala.jdk.javaapi.CollectionConverters.asScala(List.of(Articles.ARTICLE_ID)).toSeq(), "left_semi");
        }
        UserDefinedFunction find = udf((UDF3<String, String, scala.collection.Seq<String>, List<Row>>)
                        (s, lang, phrases) -> hits(TextNormalizer.normalize(s), lang, terms,
                                phrases == null ? null : new HashSet<>(scala.jdk.javaapi.CollectionConverters.asJava(phrases)), options),
                DataTypes.createArrayType(HIT)).withName("newslens_kwic");
        Dataset<Row> hits = corpus.select(col(Articles.ARTICLE_ID), col(Articles.SOURCE), col(Articles.PUBLISHED_DATE),
                        Terms.periodLabel(Terms.periodStart(col(Articles.PUBLISHED_DATE), period)).as("_period"),
                        explode(find.apply(TextLayer.analysisText(col(Articles.TITLE), col(Articles.TEXT)),
                                col(Articles.LANGUAGE), boilerplate)).as("h"))
                .select(col(Articles.ARTICLE_ID), col(Articles.SOURCE), col(Articles.PUBLISHED_DATE), col("_period"), col("h.*"));
        // A target is an outlet (keyness each_source, source) or a period start (each_period, periods, trending).
        Dataset<Row> w = org.apache.spark.sql.functions.broadcast(hits.sparkSession().createDataFrame(want, wanted.schema()));
        Dataset<Row> matched = hits.join(w, hits.col("term").equalTo(w.col("term"))
                        .and(w.col("target").equalTo(hits.col(Articles.SOURCE)).or(w.col("target").equalTo(hits.col("_period")))))
                .drop(w.col("term"));
        return matched
                .withColumn("rank", row_number().over(Window.partitionBy(col("kind"), col("term"), col("target"))
                        .orderBy(xxhash64(col(Articles.ARTICLE_ID)), col(Articles.ARTICLE_ID))))
                .filter(col("rank").leq(perTerm))
                .select(TermReports.KWIC.columnNames().stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
    }
}
