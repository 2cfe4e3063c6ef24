package io.newslens.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * LDA topic models. Defaults are the settings measured best on Reuters-21578 (docs/topics.md).
 *
 * @param k                        numbers of topics; several = fit each, report the one with the best mean NPMI
 *                                 and write topic_model_selection
 * @param optimizer                gibbs (default: collapsed Gibbs sampling, distributed), online or em
 * @param iterations               LDA iterations (gibbs: sweeps over the corpus, default 200; online: mini-batch
 *                                 iterations, default 5)
 * @param batchIterations          online: full-corpus (batch variational Bayes) steps after the mini-batches
 * @param docConcentration         alpha for every topic (gibbs, online: the starting value of a learnt asymmetric
 *                                 alpha); null = gibbs: Σα = min(5, mean article length / 10) spread evenly, 0.5 online, MLlib's default em (must be &gt; 1 there)
 * @param topicConcentration       beta; null = 0.01 gibbs and online, MLlib's default em
 * @param optimizeDocConcentration gibbs, online: learn an asymmetric alpha
 * @param subsamplingRate          online: share of the corpus in each mini-batch
 * @param learningOffset           online: tau0, down-weights early iterations
 * @param learningDecay            online: kappa, in (0.5, 1]
 * @param seed                     same input and seed = same topics
 * @param minDf                    vocabulary: a word must occur in at least this many articles
 * @param maxDf                    ... and in at most this share of them
 * @param maxVocabulary            at most this many words, most frequent first
 * @param minTokenLength           words shorter than this are left out of the model
 * @param topTerms                 topics: terms listed per topic
 * @param articleTopicsMinWeight   article_topics: weights below this are left out (the dominant topic always stays)
 * @param heldOut                  share of articles held out for perplexity when several k are compared
 * @param period                   topic_prevalence and topic_terms_by_period: day, week or month
 * @param minArticlesPerLanguage   one model per language with at least this many articles; the other languages'
 *                                 articles pooled in one model (`mul`) if they are as many together, else left out
 * @param stabilitySeeds           refits with other seeds to measure each topic's stability (0 = off)
 * @param maxFitArticles           a language model is fitted on a random sample of at most this many articles (seeded);
 *                                 every article is scored
 * @param starts                   gibbs: independent random starts, each sampled for 40 sweeps; the one with the highest
 *                                 likelihood continues (1 = a single chain)
 * @param refitDrift               --since runs score with the published model unless the share of words outside its
 *                                 vocabulary among the new articles exceeds the share at fit time by more than this
 */
public record TopicsOptions(
        List<Integer> k,
        String optimizer,
        Integer iterations,
        @JsonProperty("batch_iterations") Integer batchIterations,
        @JsonProperty("doc_concentration") Double docConcentration,
        @JsonProperty("topic_concentration") Double topicConcentration,
        @JsonProperty("optimize_doc_concentration") Boolean optimizeDocConcentration,
        @JsonProperty("subsampling_rate") Double subsamplingRate,
        @JsonProperty("learning_offset") Double learningOffset,
        @JsonProperty("learning_decay") Double learningDecay,
        Long seed,
        @JsonProperty("min_df") Integer minDf,
        @JsonProperty("max_df") Double maxDf,
        @JsonProperty("max_vocabulary") Integer maxVocabulary,
        @JsonProperty("min_token_length") Integer minTokenLength,
        @JsonProperty("top_terms") Integer topTerms,
        @JsonProperty("article_topics_min_weight") Double articleTopicsMinWeight,
        @JsonProperty("held_out") Double heldOut,
        String period,
        @JsonProperty("min_articles_per_language") Integer minArticlesPerLanguage,
        @JsonProperty("stability_seeds") Integer stabilitySeeds,
        @JsonProperty("max_fit_articles") Integer maxFitArticles,
        Integer starts,
        @JsonProperty("refit_drift") Double refitDrift) {

    public TopicsOptions {
        k = k == null || k.isEmpty() ? List.of(20) : List.copyOf(k);
        optimizer = optimizer == null ? "gibbs" : optimizer;
        // Gibbs counts sweeps over the corpus (MALLET's default 200 measured against it); online counts mini-batches
        iterations = iterations == null ? ("gibbs".equals(optimizer) ? 200 : 5) : iterations;
        batchIterations = batchIterations == null ? 30 : batchIterations;
        optimizeDocConcentration = optimizeDocConcentration == null || optimizeDocConcentration;
        subsamplingRate = subsamplingRate == null ? 0.1 : subsamplingRate;
        learningOffset = learningOffset == null ? 1.0 : learningOffset;
        learningDecay = learningDecay == null ? 0.7 : learningDecay;
        seed = seed == null ? 42L : seed;
        minDf = minDf == null ? 5 : minDf;
        maxDf = maxDf == null ? 0.5 : maxDf;
        maxVocabulary = maxVocabulary == null ? 50_000 : maxVocabulary;
        minTokenLength = minTokenLength == null ? 3 : minTokenLength;
        topTerms = topTerms == null ? 20 : topTerms;
        articleTopicsMinWeight = articleTopicsMinWeight == null ? 0.05 : articleTopicsMinWeight;
        heldOut = heldOut == null ? 0.1 : heldOut;
        period = period == null ? "month" : period;
        minArticlesPerLanguage = minArticlesPerLanguage == null ? 50 : minArticlesPerLanguage;
        stabilitySeeds = stabilitySeeds == null ? 0 : stabilitySeeds;
        maxFitArticles = maxFitArticles == null ? 200_000 : maxFitArticles;
        starts = starts == null ? 3 : starts;
        refitDrift = refitDrift == null ? 0.05 : refitDrift;
    }

    public static TopicsOptions defaults() {
        return new TopicsOptions(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
    }

    public TopicsOptions withK(List<Integer> newK) {
        return new TopicsOptions(newK, optimizer, iterations, batchIterations, docConcentration, topicConcentration,
                optimizeDocConcentration, subsamplingRate, learningOffset, learningDecay, seed, minDf, maxDf,
                maxVocabulary, minTokenLength, topTerms, articleTopicsMinWeight, heldOut, period, minArticlesPerLanguage,
                stabilitySeeds, maxFitArticles, starts, refitDrift);
    }

    public TopicsOptions withSeed(long newSeed) {
        return new TopicsOptions(k, optimizer, iterations, batchIterations, docConcentration, topicConcentration,
                optimizeDocConcentration, subsamplingRate, learningOffset, learningDecay, newSeed, minDf, maxDf,
                maxVocabulary, minTokenLength, topTerms, articleTopicsMinWeight, heldOut, period, minArticlesPerLanguage,
                stabilitySeeds, maxFitArticles, starts, refitDrift);
    }
}
