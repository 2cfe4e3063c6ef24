package io.newslens.cli;

import static org.apache.spark.sql.functions.col;

import io.newslens.config.NewslensConfig;
import io.newslens.config.Period;
import io.newslens.text.Articles;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Which reports over time an analysed corpus can fill. Undated articles are analysed everywhere (their own
 * bucket in the period reports), but a report that compares periods needs at least one or two dated ones:
 * the run says which of those will be empty and why, instead of leaving a BI user with 0 rows.
 */
final class DatedCheck {
    private DatedCheck() {
    }

    /** Dates of the corpus and the warnings they call for (manifest counts under "dates"). */
    record Result(Map<String, Object> counts, List<String> warnings) {
    }

    /** One small aggregation: the corpus's distinct publication dates (a few thousand rows at most). */
    static Result check(Dataset<Row> corpus, NewslensConfig config) {
        long undated = 0;
        Set<LocalDate> dates = new TreeSet<>();
        for (Row r : corpus.groupBy(col(Articles.PUBLISHED_DATE)).count().collectAsList()) {
            if (r.isNullAt(0)) {
                undated = r.getLong(1);
            } else {
                dates.add(r.getDate(0).toLocalDate());
            }
        }
        return of(dates, undated, config);
    }

    /** The rule itself, on plain values (unit-tested). */
    static Result of(Set<LocalDate> dates, long undated, NewslensConfig config) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("undated_articles", undated);
        counts.put("distinct_dates", dates.size());
        List<String> empty = new ArrayList<>();
        int termPeriods = periods(dates, config.terms().period());
        int topicPeriods = periods(dates, config.topics().period());
        counts.put("term_periods", termPeriods);
        counts.put("topic_periods", topicPeriods);
        counts.put("actor_periods", periods(dates, config.actors().period()));
        if (termPeriods < 2) {
            empty.add("trending_terms (needs earlier periods to compare with)");
        }
        if (termPeriods < 2 && config.terms().keyness().contains("each_period")) {
            empty.add("keyness each_period (needs two periods)");
        }
        if (topicPeriods == 0) {
            empty.add("topic_terms_by_period");
        }
        List<String> warnings = new ArrayList<>();
        String dated = dates.isEmpty() ? "no analysed article has a date"
                : "the dated articles fall in " + termPeriods + " " + config.terms().period() + " period" + (termPeriods == 1 ? "" : "s");
        if (!empty.isEmpty()) {
            warnings.add(dated + ": empty reports: " + String.join(", ", empty) + ". Undated articles are analysed as "
                    + "their own bucket (period_start null) in term_frequencies, topic_prevalence and actor_attention; "
                    + "give dates with inputs[].mapping.published or inputs[].default_published");
        }
        return new Result(counts, warnings);
    }

    private static int periods(Set<LocalDate> dates, String period) {
        Period p = Period.of("period", period);
        Set<LocalDate> starts = new TreeSet<>();
        for (LocalDate d : dates) {
            starts.add(p.start(d));
        }
        return starts.size();
    }
}
