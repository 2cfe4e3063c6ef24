package io.newslens.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Term reports and near-duplicate detection.
 *
 * @param ngramMax            longest n-gram counted (2 or 3; bigrams feed the collocations)
 * @param period              day, week (ISO, starting Monday) or month
 * @param minDf               vocabulary: a term must occur in at least this many articles
 * @param maxDf               vocabulary: ... and in at most this share of them
 * @param maxVocabulary       vocabulary: at most this many terms per n, by document frequency
 * @param topK                article_terms: terms kept per article
 * @param keyness             one or more of: each_period (each period vs the rest), each_source (every outlet vs
 *                            the rest), source (keyness_target vs the rest), periods (period keyness_target vs
 *                            period keyness_reference, as yyyy-MM-dd starts); all land in one keyness report
 * @param keynessMinCount     keyness rows need at least this many occurrences in target plus reference
 * @param trendingWindow      trending_terms: number of previous periods forming the expectation
 * @param trendingZ           trending_terms: z-score that flags a burst
 * @param minCount            trending_terms and collocations: rows need at least this count
 * @param nearDuplicateJaccard two articles whose word 5-shingle sets have at least this Jaccard similarity are copies
 * @param minhashTables       MinHash LSH bands (more: fewer missed pairs, more work); rows per band follow from the threshold
 * @param kwicTerms           kwic: terms per keyness target and per trending period
 * @param kwicExamples        kwic: example sentences per term and target
 */
public record TermsOptions(
        @JsonProperty("ngram_max") Integer ngramMax,
        String period,
        @JsonProperty("min_df") Integer minDf,
        @JsonProperty("max_df") Double maxDf,
        @JsonProperty("max_vocabulary") Integer maxVocabulary,
        @JsonProperty("top_k") Integer topK,
        @com.fasterxml.jackson.annotation.JsonFormat(with = com.fasterxml.jackson.annotation.JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
        java.util.List<String> keyness,
        @JsonProperty("keyness_target") String keynessTarget,
        @JsonProperty("keyness_reference") String keynessReference,
        @JsonProperty("keyness_min_count") Integer keynessMinCount,
        @JsonProperty("trending_window") Integer trendingWindow,
        @JsonProperty("trending_z") Double trendingZ,
        @JsonProperty("min_count") Integer minCount,
        @JsonProperty("near_duplicate_jaccard") Double nearDuplicateJaccard,
        @JsonProperty("minhash_tables") Integer minhashTables,
        @JsonProperty("kwic_terms") Integer kwicTerms,
        @JsonProperty("kwic_examples") Integer kwicExamples) {

    public TermsOptions {
        ngramMax = ngramMax == null ? 3 : ngramMax;
        period = period == null ? "month" : period;
        minDf = minDf == null ? 5 : minDf;
        // No upper cut for term reports: a focused corpus's own key words (an election's candidates) occur in most
        // of its articles and must reach article_terms and trending_terms; idf already weighs them down. Topic models
        // prune with topics.max_df, where it helps.
        maxDf = maxDf == null ? 1.0 : maxDf;
        maxVocabulary = maxVocabulary == null ? 50_000 : maxVocabulary;
        topK = topK == null ? 10 : topK;
        keyness = keyness == null ? DEFAULT_KEYNESS : java.util.List.copyOf(new java.util.LinkedHashSet<>(keyness));
        keynessMinCount = keynessMinCount == null ? 5 : keynessMinCount;
        trendingWindow = trendingWindow == null ? 3 : trendingWindow;
        trendingZ = trendingZ == null ? 3.0 : trendingZ;
        minCount = minCount == null ? 5 : minCount;
        nearDuplicateJaccard = nearDuplicateJaccard == null ? 0.7 : nearDuplicateJaccard;
        minhashTables = minhashTables == null ? 20 : minhashTables;
        kwicTerms = kwicTerms == null ? 5 : kwicTerms;
        kwicExamples = kwicExamples == null ? 3 : kwicExamples;
    }

    /** Every period and every outlet against the rest: what an analyst compares first. */
    public static final java.util.List<String> DEFAULT_KEYNESS = java.util.List.of("each_period", "each_source");

    public static TermsOptions defaults() {
        return new TermsOptions(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
