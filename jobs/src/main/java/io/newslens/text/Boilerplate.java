package io.newslens.text;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;

/**
 * An outlet's boilerplate: word sequences its own articles repeat far more than any news does (a footer "The views
 * expressed in this opinion article are solely those of their author", "Story Continued Below" mid-article, "Featured
 * image via"). Found per outlet as word trigrams (lower case, every word kept) in at least {@code minShare} of the
 * outlet's articles and {@code minRatio} times as common there as in the other outlets' articles; their occurrences
 * are cut out of the analysis like links ({@link Tokenizer#chunks(String, String, java.util.Collection)}), never out of
 * articles.text. Detection reads a seeded sample of each outlet's articles: what a tenth of an outlet repeats shows
 * in a few hundred of them.
 */
public final class Boilerplate {
    /** The corpus column with the article's outlet's boilerplate trigrams (see {@link #withPhrases}). */
    public static final String PHRASES = "boilerplate_phrases";
    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    /** Articles sampled per outlet for detection. */
    public static final int SAMPLE_PER_OUTLET = 500;
    /** A phrase needs at least this many sampled articles of its outlet. */
    public static final int MIN_ARTICLES = 5;
    /** With no other outlet to compare with, a phrase must be in this share of the articles. */
    static final double ALONE_MIN_SHARE = 0.5;

    private Boilerplate() {
    }

    /** The words of a text that trigrams are made of, as [start, end) offsets. */
    static List<int[]> words(String text) {
        List<int[]> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(new int[] {m.start(), m.end()});
        }
        return words;
    }

    /** Distinct word trigrams of a normalised text, lower-cased, words joined by a space. */
    public static List<String> trigrams(String text) {
        List<int[]> w = words(text);
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i + 2 < w.size(); i++) {
            grams.add(gram(text, w, i));
        }
        return new ArrayList<>(grams);
    }

    /** Distinct word bigrams and trigrams of a normalised text (a trigram is only boilerplate if its bigrams are too). */
    static List<String> bigramsAndTrigrams(String text) {
        List<int[]> w = words(text);
        Set<String> grams = new LinkedHashSet<>();
        for (int i = 0; i + 1 < w.size(); i++) {
            grams.add((text.substring(w.get(i)[0], w.get(i)[1]) + " " + text.substring(w.get(i + 1)[0], w.get(i + 1)[1]))
                    .toLowerCase(Locale.ROOT));
            if (i + 2 < w.size()) {
                grams.add(gram(text, w, i));
            }
        }
        return new ArrayList<>(grams);
    }

    private static String gram(String text, List<int[]> w, int i) {
        return (text.substring(w.get(i)[0], w.get(i)[1]) + " " + text.substring(w.get(i + 1)[0], w.get(i + 1)[1]) + " "
                + text.substring(w.get(i + 2)[0], w.get(i + 2)[1])).toLowerCase(Locale.ROOT);
    }

    /** [start, end) spans of a text covered by occurrences of the given trigrams (overlapping ones merged). */
    public static List<int[]> spans(String text, java.util.Collection<String> phrases) {
        List<int[]> spans = new ArrayList<>();
        if (phrases == null || phrases.isEmpty()) {
            return spans;
        }
        Set<String> set = phrases instanceof Set<String> s ? s : Set.copyOf(phrases);
        List<int[]> w = words(text);
        for (int i = 0; i + 2 < w.size(); i++) {
            if (set.contains(gram(text, w, i))) {
                int start = w.get(i)[0];
                int end = w.get(i + 2)[1];
                int[] last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
                if (last != null && start <= last[1]) {
                    last[1] = Math.max(last[1], end);
                } else {
                    spans.add(new int[] {start, end});
                }
            }
        }
        return spans;
    }

    private static final UserDefinedFunction GRAMS = udf((UDF1<String, List<String>>) s ->
            bigramsAndTrigrams(TextNormalizer.normalize(s)), DataTypes.createArrayType(DataTypes.StringType)).withName("newslens_boilerplate_grams");

    /**
     * The boilerplate report: {@code source, phrase, articles, sampled_articles, share, share_elsewhere}.
     *
     * @param articles article_id, source, title, text
     */
    public static Dataset<Row> detect(Dataset<Row> articles, int samplePerOutlet, double minShare, double minRatio, int minArticles) {
        Dataset<Row> sample = articles.filter(col(Articles.SOURCE).isNotNull())
                .withColumn("_r", row_number().over(Window.partitionBy(col(Articles.SOURCE))
                        .orderBy(xxhash64(col(Articles.ARTICLE_ID)), col(Articles.ARTICLE_ID))))
                .filter(col("_r").leq(samplePerOutlet));
        Dataset<Row> sizes = sample.groupBy(col(Articles.SOURCE)).agg(count(lit(1)).as("sampled_articles"));
        Dataset<Row> df = sample.select(col(Articles.SOURCE),
                        explode(GRAMS.apply(TextLayer.analysisText(col(Articles.TITLE), col(Articles.TEXT)))).as("phrase"))
                .groupBy(col(Articles.SOURCE), col("phrase")).agg(count(lit(1)).as("articles"));
        // One row per outlet, with the sample's size over all outlets (a one-row total joined, not a window of one
        // partition, which Spark warns about on every plan).
        Dataset<Row> withTotals = sizes.crossJoin(sizes.agg(sum("sampled_articles").as("all_sampled")));
        // Null when there is no other outlet (ANSI SQL: no division by zero).
        Column elsewhere = org.apache.spark.sql.functions.when(col("all_sampled").gt(col("sampled_articles")),
                col("phrase_articles").minus(col("articles")).divide(col("all_sampled").minus(col("sampled_articles"))));
        Dataset<Row> shares = df.withColumn("phrase_articles", sum("articles").over(Window.partitionBy(col("phrase"))))
                .filter(col("articles").geq(minArticles))
                .join(withTotals, Articles.SOURCE)
                .withColumn("share", col("articles").divide(col("sampled_articles")))
                .withColumn("share_elsewhere", elsewhere);
        // A trigram's two bigrams must be rare elsewhere too: "(CNN) Donald Trump" opens many CNN articles, but
        // "donald trump" is everybody's, so those words stay.
        Column words = org.apache.spark.sql.functions.split(col("phrase"), " ");
        Dataset<Row> bigrams = shares.filter(org.apache.spark.sql.functions.size(words).equalTo(2))
                .select(col(Articles.SOURCE).as("b_source"), col("phrase").as("b_phrase"), col("share_elsewhere").as("b_elsewhere"));
        Column first = org.apache.spark.sql.functions.concat_ws(" ", words.getItem(0), words.getItem(1));
        Column second = org.apache.spark.sql.functions.concat_ws(" ", words.getItem(1), words.getItem(2));
        Dataset<Row> b1 = bigrams.toDF("b1_source", "b1_phrase", "b1_elsewhere");
        Dataset<Row> b2 = bigrams.toDF("b2_source", "b2_phrase", "b2_elsewhere");
        Column elsewhereMax = org.apache.spark.sql.functions.greatest(col("share_elsewhere"),
                org.apache.spark.sql.functions.coalesce(col("b1_elsewhere"), col("share_elsewhere")),
                org.apache.spark.sql.functions.coalesce(col("b2_elsewhere"), col("share_elsewhere")));
        return shares.filter(org.apache.spark.sql.functions.size(words).equalTo(3))
                .join(b1, col(Articles.SOURCE).equalTo(col("b1_source")).and(first.equalTo(col("b1_phrase"))), "left")
                .join(b2, col(Articles.SOURCE).equalTo(col("b2_source")).and(second.equalTo(col("b2_phrase"))), "left")
                // A single-outlet corpus has no elsewhere (null): there only what half the articles repeat counts.
                .filter(org.apache.spark.sql.functions.when(col("share_elsewhere").isNull(), col("share").geq(Math.max(minShare, ALONE_MIN_SHARE)))
                        .otherwise(col("share").geq(minShare).and(col("share").geq(elsewhereMax.multiply(minRatio)))))
                .select(col(Articles.SOURCE), col("phrase"), col("articles"), col("sampled_articles"), col("share"),
                        col("share_elsewhere"));
    }

    /** The corpus's {@link #PHRASES} column, or a null array where the corpus has none (tests, a saved corpus). */
    public static Column phrases(Dataset<Row> corpus) {
        return java.util.Arrays.asList(corpus.columns()).contains(PHRASES) ? col(PHRASES)
                : lit(null).cast(DataTypes.createArrayType(DataTypes.StringType));
    }

    /** The corpus with each article's outlet's boilerplate phrases in {@link #PHRASES} (empty for most outlets). */
    public static Dataset<Row> withPhrases(Dataset<Row> corpus, Dataset<Row> boilerplate) {
        Dataset<Row> perSource = boilerplate.groupBy(col(Articles.SOURCE).as("_bp_source"))
                .agg(org.apache.spark.sql.functions.collect_set(col("phrase")).as(PHRASES));
        // One row per outlet with boilerplate: small enough to broadcast.
        return corpus.join(org.apache.spark.sql.functions.broadcast(perSource),
                        corpus.col(Articles.SOURCE).equalTo(col("_bp_source")), "left")
                .drop("_bp_source");
    }
}
