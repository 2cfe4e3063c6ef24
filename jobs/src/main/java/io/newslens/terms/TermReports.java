package io.newslens.terms;

import io.newslens.report.ReportSpec;
import org.apache.spark.sql.types.DataTypes;

/** Reports of the terms capability: names and declarations in one place. */
public final class TermReports {
    public static final String TERM = "term";
    public static final String N = "n";
    public static final String PERIOD_START = "period_start";

    public static final ReportSpec TERM_FREQUENCIES = ReportSpec.builder("term_frequencies",
                    "How often each term (1- to `terms.ngram_max`-grams) occurs per period and outlet. Articles without "
                            + "a date form their own bucket, with a null period_start.")
            .string(TERM, "The term: tokens joined by a space (lower-cased; see the text layer in docs/terms.md).")
            .column(N, DataTypes.IntegerType, "Number of tokens in the term.")
            .string("source", "Outlet.")
            .column("count", DataTypes.LongType, "Occurrences in the period and outlet.")
            .column("doc_freq", DataTypes.LongType, "Articles of the period and outlet it occurs in.")
            .column("share_of_tokens", DataTypes.DoubleType,
                    "`count` divided by all `n`-grams of the same `n` in the period and outlet (for n = 1: all tokens).")
            .column(PERIOD_START, DataTypes.DateType, "First day of the period (`terms.period`: day, ISO week from Monday, month); "
                    + "null for the undated articles.")
            .string(io.newslens.text.Periods.PERIOD, "Partition key: period_start as yyyy-MM-dd, or `undated`.")
            .partitionBy(io.newslens.text.Periods.PERIOD)
            .build();

    public static final ReportSpec VOCABULARY = ReportSpec.builder("vocabulary",
                    "Every term of the analysed corpus with its document frequency and idf, and whether pruning kept it "
                            + "(the vocabulary of article_terms and trending_terms; topic models prune their own).")
            .string(TERM, "The term.")
            .column(N, DataTypes.IntegerType, "Number of tokens in the term.")
            .column("count", DataTypes.LongType, "Occurrences in the corpus.")
            .column("doc_freq", DataTypes.LongType, "Articles it occurs in.")
            .column("idf", DataTypes.DoubleType, "ln(articles / doc_freq).")
            .column("kept", DataTypes.BooleanType, "doc_freq ≥ `terms.min_df`, doc_freq ≤ `terms.max_df` × articles, and among "
                    + "the `terms.max_vocabulary` most frequent (by doc_freq, then term) of its n.")
            .build();

    public static final ReportSpec ARTICLE_TERMS = ReportSpec.builder("article_terms",
                    "The `terms.top_k` terms of each article by TF-IDF, over the kept vocabulary.")
            .string("article_id", "Article.")
            .column("rank", DataTypes.IntegerType, "1 = highest TF-IDF (ties broken by term).")
            .string(TERM, "The term.")
            .column(N, DataTypes.IntegerType, "Number of tokens in the term.")
            .column("count", DataTypes.LongType, "Occurrences in the article.")
            .column("tfidf", DataTypes.DoubleType, "count × idf.")
            .build();

    public static final ReportSpec KEYNESS = ReportSpec.builder("keyness",
                    "Terms over- or under-used in a target compared with a reference (Rayson & Garside 2000 log-likelihood, "
                            + "Hardie 2014 log ratio). `terms.keyness` (one or several, default both of the first two): each "
                            + "period against all others, every outlet against the rest, one outlet against the rest, or one "
                            + "period against another. A row per target that uses the term, and one with "
                            + "count_target = 0 where the absence is significant (g2 ≥ 3.84).")
            .string("comparison", "`<target> vs <reference>`.")
            .string("target", "The target: a period start (yyyy-MM-dd) or an outlet.")
            .string("reference", "The reference: `rest`, or a period start.")
            .string(TERM, "The term.")
            .column(N, DataTypes.IntegerType, "Number of tokens in the term.")
            .column("count_target", DataTypes.LongType, "Occurrences in the target.")
            .column("count_reference", DataTypes.LongType, "Occurrences in the reference.")
            .column("tokens_target", DataTypes.LongType, "All `n`-grams in the target.")
            .column("tokens_reference", DataTypes.LongType, "All `n`-grams in the reference.")
            .column("g2", DataTypes.DoubleType, "Log-likelihood G² = 2 Σ O ln(O/E) over the term's two cells (always ≥ 0).")
            .column("log_ratio", DataTypes.DoubleType, "log2 of the ratio of relative frequencies, target over reference "
                    + "(a zero count counts as 0.5); > 0 means over-used in the target.")
            .column("p_value", DataTypes.DoubleType, "P(χ²₁ ≥ g2).")
            .build();

    public static final ReportSpec TRENDING_TERMS = ReportSpec.builder("trending_terms",
                    "Each kept term per period against its own recent past: the expected count from the previous "
                            + "`terms.trending_window` periods and a z-score; bursts flagged.")
            .string(TERM, "The term.")
            .column(N, DataTypes.IntegerType, "Number of tokens in the term.")
            .column("count", DataTypes.LongType, "Occurrences in the period (all outlets).")
            .column("tokens", DataTypes.LongType, "All `n`-grams in the period.")
            .column("expected", DataTypes.DoubleType, "Mean share of tokens over the previous periods × `tokens` "
                    + "(null in the first period).")
            .column("z_score", DataTypes.DoubleType, "(count − expected) / sd, sd = max(sd of the previous shares × tokens, "
                    + "√expected, 1) (null in the first period).")
            .column("burst", DataTypes.BooleanType, "z_score ≥ `terms.trending_z`, count ≥ `terms.min_count`, and a full window of previous periods.")
            .column(PERIOD_START, DataTypes.DateType, "First day of the period.")
            .partitionBy(PERIOD_START)
            .build();

    public static final ReportSpec COLLOCATIONS = ReportSpec.builder("collocations",
                    "Adjacent word pairs (within a sentence, not across removed stop words) with association measures.")
            .string("bigram", "The two words joined by a space.")
            .string("word1", "First word.")
            .string("word2", "Second word.")
            .column("count", DataTypes.LongType, "Occurrences of the pair (O11; at least `terms.min_count`).")
            .column("count_word1", DataTypes.LongType, "Pairs that start with word1 (R1).")
            .column("count_word2", DataTypes.LongType, "Pairs that end with word2 (C1).")
            .column("pmi", DataTypes.DoubleType, "log2(O11 · N / (R1 · C1)), N = all pairs.")
            .column("npmi", DataTypes.DoubleType, "pmi / −log2(O11 / N), in [−1, 1].")
            .column("g2", DataTypes.DoubleType, "Log-likelihood G² of the 2×2 table (Dunning 1993).")
            .build();

    public static final ReportSpec KWIC = ReportSpec.builder("kwic",
                    "Keyword in context: for the `terms.kwic_terms` terms each keyness target over-uses most (by g2) and the "
                            + "strongest bursts of each trending period, up to `terms.kwic_examples` sentences from the target's "
                            + "articles (one per article, chosen by a hash of the article id). Offsets refer to the normalised "
                            + "title, a blank line, then the normalised text.")
            .string("kind", "`keyness` or `trending`.")
            .string(TERM, "The term.")
            .column(N, DataTypes.IntegerType, "Number of tokens in the term.")
            .string("target", "The keyness target (an outlet or a period start) or the trending period start (yyyy-MM-dd).")
            .column("rank", DataTypes.IntegerType, "1 … `terms.kwic_examples` within kind, term and target.")
            .string("article_id", "Article.")
            .string("source", "Outlet.")
            .column("published_date", DataTypes.DateType, "The article's date (null when undated).")
            .column("sentence_start", DataTypes.IntegerType, "Start offset of the sentence.")
            .column("match_start", DataTypes.IntegerType, "Start offset of the term as written (the sentence end when a "
                    + "stemmed term is not found as written).")
            .column("match_end", DataTypes.IntegerType, "End offset of the term (exclusive).")
            .column("sentence_end", DataTypes.IntegerType, "End offset of the sentence (exclusive).")
            .string("left", "Up to 100 characters of the sentence before the term.")
            .string("match", "The term as written.")
            .string("right", "Up to 100 characters of the sentence after the term.")
            .build();

    private TermReports() {
    }

    /** This stage's reports, in the order it writes them. */
    public static final java.util.List<ReportSpec> ALL = java.util.List.of(TERM_FREQUENCIES, VOCABULARY, ARTICLE_TERMS, KEYNESS, TRENDING_TERMS, COLLOCATIONS, KWIC);
}
