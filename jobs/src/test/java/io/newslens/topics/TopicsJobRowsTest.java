package io.newslens.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** The rows TopicsJob builds from fitted candidates (choice, topic_model_selection, topic_summary), by hand. */
class TopicsJobRowsTest {
    private static final String[] VOCAB = {"a", "b", "c"};
    /** P(w | t): topic 0 favours a, topic 1 favours c. */
    private static final double[][] P = {{0.5, 0.3, 0.2}, {0.1, 0.1, 0.8}};

    private static TopicsJob.Candidate candidate(int k, double npmi, double fitSeconds) {
        return new TopicsJob.Candidate(k, null, P, Topics.topWords(P, VOCAB, 3),
                Map.of(0, new double[] {0.1, -1.0}, 1, new double[] {0.2, -2.0}), npmi, -1.5, 0.9, 7.5, -300.0, fitSeconds);
    }

    @Test
    void theMostCoherentCandidateIsChosenTheFirstOfEquals() {
        List<TopicsJob.Candidate> c = List.of(candidate(10, 0.1, 1), candidate(20, 0.3, 1), candidate(40, 0.3, 1));
        assertEquals(20, TopicsJob.choose(c).k());
        List<Row> rows = TopicsJob.selectionRows("en", 100, c, c.get(1));
        assertEquals(List.of(false, true, false), rows.stream().map(r -> r.getBoolean(9)).toList());
    }

    @Test
    void selectionRowsCarryTheScoresAndTheFitTimeToTheMillisecond() {
        TopicsJob.Candidate c = candidate(2, 0.25, 1.23456);
        assertEquals("[zh,40,2,0.25,-1.5,0.9,7.5,-300.0,1.235,true]", TopicsJob.selectionRows("zh", 40, List.of(c), c).get(0).toString());
    }

    @Test
    void summaryRowsByHand() {
        // Labels: topic 0 a / b / c; topic 1 c / a / b (a and b tie at 0.1: vocabulary order).
        // Exclusivity, mean of P(w|t) / Σ_t' P(w|t'): topic 0 (0.5/0.6 + 0.3/0.4 + 0.2/1.0) / 3 = 0.594444...;
        // topic 1 (0.8/1.0 + 0.1/0.6 + 0.1/0.4) / 3 = 0.405555...
        // Effective words 1 / Σ p²: topic 0 1 / 0.38; topic 1 1 / 0.66. Topic 1 has no share: 0 and 0 articles.
        // Topic 1's collocation "c a" (7 times) leads its label; stability [matched share, mean Jaccard] for topic 0 only.
        List<Row> rows = TopicsJob.summaryRows("en", candidate(2, 0.15, 1), Map.of(0, new Object[] {0.7, 3L}), VOCAB,
                Map.of(1, Map.of("c a", 7L)), Map.of(0, new double[] {0.5, 0.6}));
        Row t0 = rows.get(0);
        Row t1 = rows.get(1);
        assertEquals(List.of("en-0", "en", "a / b / c", 0.7, 3L, 0.1, -1.0), List.of(t0.get(0), t0.get(1), t0.get(2), t0.get(3), t0.get(4), t0.get(5), t0.get(6)));
        assertEquals(List.of("en-1", "en", "c a / b", 0.0, 0L, 0.2, -2.0), List.of(t1.get(0), t1.get(1), t1.get(2), t1.get(3), t1.get(4), t1.get(5), t1.get(6)));
        assertEquals((0.5 / 0.6 + 0.75 + 0.2) / 3, t0.getDouble(7), 1e-12);
        assertEquals((0.8 + 0.1 / 0.6 + 0.25) / 3, t1.getDouble(7), 1e-12);
        assertEquals(1 / 0.38, t0.getDouble(8), 1e-12);
        assertEquals(1 / 0.66, t1.getDouble(8), 1e-12);
        assertEquals(List.of(0.5, 0.6), List.of(t0.get(9), t0.get(10)));
        assertEquals(java.util.Arrays.asList(null, null), java.util.Arrays.asList(t1.get(9), t1.get(10)), "stability off for it: null");
    }
}
