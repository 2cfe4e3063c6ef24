package io.newslens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newslens.config.NewslensConfig;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which period reports a corpus's dates can fill, and the warning that names the others. */
class DatedCheckTest {
    private static final NewslensConfig DEFAULTS = NewslensConfig.empty();

    @Test
    void anUndatedCorpusNamesEveryReportThatComparesPeriods() {
        DatedCheck.Result r = DatedCheck.of(Set.of(), 1627, DEFAULTS);
        assertEquals(1, r.warnings().size());
        String w = r.warnings().get(0);
        assertTrue(w.startsWith("no analysed article has a date: empty reports: trending_terms"), w);
        assertTrue(w.contains("keyness each_period") && w.contains("topic_terms_by_period") && w.contains("default_published"), w);
        assertEquals(1627L, r.counts().get("undated_articles"));
        assertEquals(0, r.counts().get("term_periods"));
    }

    @Test
    void onePeriodLeavesOnlyTheComparisonsEmpty() {
        // Two dates in one month: one monthly period, enough for topic_terms_by_period, not for trends.
        DatedCheck.Result r = DatedCheck.of(Set.of(LocalDate.of(2016, 9, 1), LocalDate.of(2016, 9, 30)), 5, DEFAULTS);
        String w = r.warnings().get(0);
        assertTrue(w.startsWith("the dated articles fall in 1 month period: empty reports: trending_terms"), w);
        assertTrue(!w.contains("topic_terms_by_period"), w);
        assertEquals(1, r.counts().get("topic_periods"));
    }

    @Test
    void twoPeriodsNeedNoWarning() {
        DatedCheck.Result r = DatedCheck.of(Set.of(LocalDate.of(2016, 9, 1), LocalDate.of(2016, 10, 1)), 0, DEFAULTS);
        assertEquals(java.util.List.of(), r.warnings());
        assertEquals(2, r.counts().get("term_periods"));
    }
}
