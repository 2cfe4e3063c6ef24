package io.newslens.topics;

import io.newslens.report.ReportSpec;
import org.apache.spark.sql.types.DataTypes;

/** Reports of the topics capability: names and declarations in one place. */
public final class TopicReports {
    public static final String TOPIC_ID = "topic_id";
    public static final String PERIOD_START = "period_start";
    public static final String MODEL_DIR = "topic_model";

    public static final ReportSpec TOPICS = ReportSpec.builder("topics",
                    "The top `topics.top_terms` words of each topic of the fitted LDA model.")
            .column(TOPIC_ID, DataTypes.IntegerType, "Topic, 0 to k − 1.")
            .column("rank", DataTypes.IntegerType, "1 = the topic's most probable word.")
            .string("term", "The word.")
            .column("weight", DataTypes.DoubleType, "P(word | topic).")
            .build();

    public static final ReportSpec TOPIC_SUMMARY = ReportSpec.builder("topic_summary",
                    "One row per topic: a label, how much of the corpus it covers, and quality measures (definitions in docs/topics.md).")
            .column(TOPIC_ID, DataTypes.IntegerType, "Topic.")
            .string("label", "Its three most probable words, joined by ` / `.")
            .column("prevalence", DataTypes.DoubleType, "Mean topic weight over the scored articles (the topics' prevalences sum to 1).")
            .column("articles_dominant", DataTypes.LongType, "Articles whose largest topic weight is this topic.")
            .column("coherence_npmi", DataTypes.DoubleType, "Mean NPMI of the top 10 words' pairs over boolean sliding windows of 10 tokens (gensim `c_npmi`).")
            .column("coherence_umass", DataTypes.DoubleType, "UMass coherence of the top 10 words over articles (gensim `u_mass`).")
            .column("exclusivity", DataTypes.DoubleType, "Mean over the top 10 words of P(word | topic) / Σ over topics of P(word | topic): "
                    + "1 = words no other topic uses.")
            .column("effective_words", DataTypes.DoubleType, "1 / Σ P(word | topic)²: how many words the topic effectively spreads over.")
            .build();

    public static final ReportSpec ARTICLE_TOPICS = ReportSpec.builder("article_topics",
                    "Topic weights of each article (long form): every topic with weight ≥ `topics.article_topics_min_weight`, "
                            + "and always the dominant one. Articles without any vocabulary word have no rows.")
            .string("article_id", "Article.")
            .column(TOPIC_ID, DataTypes.IntegerType, "Topic.")
            .column("weight", DataTypes.DoubleType, "P(topic | article); an article's weights over all k topics sum to 1.")
            .column("rank", DataTypes.IntegerType, "1 = the article's largest weight (ties: lower topic_id first).")
            .column("dominant", DataTypes.BooleanType, "rank = 1.")
            .build();

    public static final ReportSpec TOPIC_PREVALENCE = ReportSpec.builder("topic_prevalence",
                    "Topics over time and outlet: mean weight per period, outlet and topic. Undated articles are not in this report.")
            .string("source", "Outlet.")
            .column(TOPIC_ID, DataTypes.IntegerType, "Topic.")
            .column("articles", DataTypes.LongType, "Scored articles of the period and outlet.")
            .column("mean_weight", DataTypes.DoubleType, "Mean P(topic | article) over them (sums to 1 over topics).")
            .column("articles_dominant", DataTypes.LongType, "Of them, articles whose dominant topic this is.")
            .column(PERIOD_START, DataTypes.DateType, "First day of the period (`topics.period`).")
            .partitionBy(PERIOD_START)
            .build();

    public static final ReportSpec TOPIC_MODEL_SELECTION = ReportSpec.builder("topic_model_selection",
                    "With several k (`--k 10,20,40`): each model fitted on the same training articles, scored on the same held-out "
                            + "ones; the other topic reports come from the chosen one. With one k: that model's row.")
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

    private TopicReports() {
    }

    /** This stage's reports, in the order it writes them. */
    public static final java.util.List<ReportSpec> ALL = java.util.List.of(TOPICS, TOPIC_SUMMARY, ARTICLE_TOPICS, TOPIC_PREVALENCE, TOPIC_MODEL_SELECTION);
}
