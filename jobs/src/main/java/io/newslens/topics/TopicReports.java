package io.newslens.topics;

import io.newslens.report.ReportSpec;
import org.apache.spark.sql.types.DataTypes;

/** Reports of the topics capability: names and declarations in one place. */
public final class TopicReports {
    public static final String TOPIC_ID = "topic_id";
    public static final String PERIOD_START = "period_start";
    public static final String MODEL_DIR = "topic_model";
    public static final String LANGUAGE = "language";
    static final String TOPIC_ID_DESCRIPTION = "Topic: its model's language and number, e.g. `en-07` (`mul-`: the model pooling languages "
            + "with fewer than `topics.min_articles_per_language` articles each).";

    /** A topic's id: its model's language, a dash and its number, zero-padded to the width of k − 1 (sorts as text). */
    public static String topicId(String language, int topic, int k) {
        return language + "-" + pad(topic, k);
    }

    /** {@link #topicId} for a column of topic numbers. */
    public static org.apache.spark.sql.Column topicId(String language, org.apache.spark.sql.Column topic, int k) {
        return org.apache.spark.sql.functions.concat(org.apache.spark.sql.functions.lit(language + "-"),
                org.apache.spark.sql.functions.lpad(topic.cast("string"), String.valueOf(Math.max(k - 1, 0)).length(), "0"));
    }

    private static String pad(int topic, int k) {
        String digits = String.valueOf(topic);
        int width = String.valueOf(Math.max(k - 1, 0)).length();
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }

    public static final ReportSpec TOPICS = ReportSpec.builder("topics",
                    "The top `topics.top_terms` words of each topic of the fitted LDA model.")
            .string(TOPIC_ID, TOPIC_ID_DESCRIPTION)
            .column("rank", DataTypes.IntegerType, "1 = the topic's most probable word.")
            .string("term", "The word.")
            .column("weight", DataTypes.DoubleType, "P(word | topic).")
            .build();

    public static final ReportSpec TOPIC_SUMMARY = ReportSpec.builder("topic_summary",
                    "One row per topic: a label, how much of the corpus it covers, and quality measures (definitions in docs/topics.md).")
            .string(TOPIC_ID, TOPIC_ID_DESCRIPTION)
            .string(LANGUAGE, "The model's language (ISO 639-1; `mul` for the pooled model).")
            .string("label", "Up to three parts joined by ` / `: the topic's most frequent collocation of two of its top 10 words "
                    + "(adjacent in the articles it dominates, at least 5 times), then its most probable words not in it.")
            .column("prevalence", DataTypes.DoubleType, "Mean topic weight over the scored articles of its language (the prevalences of one language model's topics sum to 1).")
            .column("articles_dominant", DataTypes.LongType, "Articles whose largest topic weight is this topic.")
            .column("coherence_npmi", DataTypes.DoubleType, "Mean NPMI of the top 10 words' pairs over boolean sliding windows of 10 tokens (gensim `c_npmi`).")
            .column("coherence_umass", DataTypes.DoubleType, "UMass coherence of the top 10 words over articles (gensim `u_mass`).")
            .column("exclusivity", DataTypes.DoubleType, "Mean over the top 10 words of P(word | topic) / Σ over topics of P(word | topic): "
                    + "1 = words no other topic uses.")
            .column("effective_words", DataTypes.DoubleType, "1 / Σ P(word | topic)²: how many words the topic effectively spreads over.")
            .column("stability", DataTypes.DoubleType, "Share of the `topics.stability_seeds` refits with a matching topic "
                    + "(topic_stability); null when stability is off (the default).")
            .column("stability_jaccard", DataTypes.DoubleType, "Mean Jaccard of its top 10 words with its match in each refit "
                    + "(0 where unmatched); null when stability is off.")
            .build();

    public static final ReportSpec ARTICLE_TOPICS = ReportSpec.builder("article_topics",
                    "Topic weights of each article (long form): every topic with weight ≥ `topics.article_topics_min_weight`, "
                            + "and always the dominant one. Articles without any vocabulary word have no rows.")
            .string("article_id", "Article.")
            .string(TOPIC_ID, "Topic (`en-07`): an article is scored by the model of its language.")
            .column("weight", DataTypes.DoubleType, "P(topic | article); an article's weights over all k topics sum to 1.")
            .column("rank", DataTypes.IntegerType, "1 = the article's largest weight (ties: lower topic_id first).")
            .column("dominant", DataTypes.BooleanType, "rank = 1.")
            .build();

    public static final ReportSpec TOPIC_PREVALENCE = ReportSpec.builder("topic_prevalence",
                    "Topics over time and outlet: mean weight per period, outlet and topic. Undated articles form their own bucket, "
                            + "with a null period_start.")
            .string("source", "Outlet.")
            .string(TOPIC_ID, "Topic (`en-07`); mean weights sum to 1 over the topics of one language's model.")
            .column("articles", DataTypes.LongType, "Scored articles of the period and outlet (of the topic's language).")
            .column("mean_weight", DataTypes.DoubleType, "Mean P(topic | article) over them (sums to 1 over topics).")
            .column("articles_dominant", DataTypes.LongType, "Of them, articles whose dominant topic this is.")
            .column(PERIOD_START, DataTypes.DateType, "First day of the period (`topics.period`); null for the undated articles.")
            .string(io.newslens.text.Periods.PERIOD, "Partition key: period_start as yyyy-MM-dd, or `undated`.")
            .partitionBy(io.newslens.text.Periods.PERIOD)
            .build();

    public static final ReportSpec TOPIC_MODEL_SELECTION = ReportSpec.builder("topic_model_selection",
                    "With several k (`--k 10,20,40`): each model fitted on the same training articles, scored on the same held-out "
                            + "ones; the other topic reports come from the chosen one. With one k: that model's row. One set of rows "
                            + "per language model.")
            .string(LANGUAGE, "The model's language (`mul`: pooled).")
            .column("articles", DataTypes.LongType, "Articles of the language modelled (training and held out).")
            .column("k", DataTypes.IntegerType, "Number of topics.")
            .column("coherence_npmi", DataTypes.DoubleType, "Mean over topics of coherence_npmi.")
            .column("coherence_umass", DataTypes.DoubleType, "Mean over topics of coherence_umass.")
            .column("topic_diversity", DataTypes.DoubleType, "Distinct words among all topics' top 25, divided by 25 k (Dieng et al. 2020).")
            .column("log_perplexity", DataTypes.DoubleType, "MLlib's log perplexity (upper bound, per token) on the held-out articles; "
                    + "null with one k (no hold-out).")
            .column("log_likelihood", DataTypes.DoubleType, "MLlib's lower bound on the held-out log likelihood; null with one k.")
            .column("fit_seconds", DataTypes.DoubleType, "Wall time of the LDA fit.")
            .column("chosen", DataTypes.BooleanType, "The model the other reports come from: the highest coherence_npmi.")
            .build();

    public static final ReportSpec TOPIC_TERMS_BY_PERIOD = ReportSpec.builder("topic_terms_by_period",
                    "Topics over time: each topic's top `topics.top_terms` words in each period, from the words of that period's articles "
                            + "shared among topics by the model (definitions in docs/topics.md). Undated articles are not in this report.")
            .string(TOPIC_ID, "Topic (`en-07`).")
            .column("rank", DataTypes.IntegerType, "1 = the topic's most frequent word in the period.")
            .string("term", "The word.")
            .column("weight", DataTypes.DoubleType, "P(word | topic, period): its expected count over the topic's expected words in the period.")
            .column("expected_count", DataTypes.DoubleType, "Occurrences of the word in the period's articles assigned to the topic "
                    + "(each occurrence shared by the responsibilities θ_dt φ_tw / Σ θ_dt' φ_t'w).")
            .column("articles", DataTypes.LongType, "Scored articles of the period (of the topic's language).")
            .column("shift", DataTypes.DoubleType, "1 − Jaccard of the topic's top words in this period and in its previous period; "
                    + "null for its first period. High = the topic's vocabulary changed.")
            .column("new_in_period", DataTypes.BooleanType, "The word was not among the topic's top words in its previous period (null in the first).")
            .column(PERIOD_START, DataTypes.DateType, "First day of the period (`topics.period`).")
            .build();

    public static final ReportSpec TOPIC_STABILITY = ReportSpec.builder("topic_stability",
                    "With `topics.stability_seeds` = n > 0: the chosen model refitted with seeds seed + 1 … seed + n, its topics matched "
                            + "one-to-one to each refit's by the Jaccard of their top 10 words (greedily, most similar pairs first). Empty "
                            + "when n = 0 (the default).")
            .string(TOPIC_ID, "Topic of the reported model (`en-07`).")
            .column("seed", DataTypes.LongType, "Seed of the refit.")
            .string("matched_topic_id", "The refit's topic paired with it (null when every one was taken).")
            .column("jaccard", DataTypes.DoubleType, "Jaccard of the two topics' top 10 words (0 when unpaired).")
            .column("matched", DataTypes.BooleanType, "jaccard ≥ 0.5: the refit found this topic again.")
            .build();

    private TopicReports() {
    }

    /** This stage's reports, in the order it writes them. */
    public static final java.util.List<ReportSpec> ALL = java.util.List.of(TOPICS, TOPIC_SUMMARY, ARTICLE_TOPICS, TOPIC_PREVALENCE,
            TOPIC_TERMS_BY_PERIOD, TOPIC_STABILITY, TOPIC_MODEL_SELECTION);
}
