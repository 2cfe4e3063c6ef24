package io.newslens.text;

import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.trunc;

import io.newslens.config.Period;
import java.time.LocalDate;
import org.apache.spark.sql.Column;

/** Calendar periods (day, ISO week from Monday, month), shared by every report over time. */
public final class Periods {
    /** The partition column of reports that hold undated articles: a period start as yyyy-MM-dd, or {@link #UNDATED}. */
    public static final String PERIOD = "period";
    public static final String UNDATED = "undated";

    private Periods() {
    }

    /**
     * The partition key of a period start: its date as yyyy-MM-dd, {@code undated} for null. A null partition value
     * would be written as __HIVE_DEFAULT_PARTITION__, which DuckDB then reads as text and turns every period_start into
     * a VARCHAR; partitioning by this string keeps period_start a DATE (stored in the files, null when undated).
     * "undated" sorts after every date, so incremental runs always rewrite that bucket.
     */
    public static Column key(Column periodStart) {
        return org.apache.spark.sql.functions.coalesce(
                org.apache.spark.sql.functions.date_format(periodStart, "yyyy-MM-dd"),
                org.apache.spark.sql.functions.lit(UNDATED));
    }

    /** First day of the period a date falls in. */
    public static Column start(Column date, String period) {
        return switch (period) {
            case "day" -> date;
            case "week" -> date_trunc("week", date.cast("timestamp")).cast("date");
            default -> trunc(date, "month");
        };
    }

    /** First day (yyyy-MM-dd) of the period that holds a date. */
    public static String startOf(String date, String period) {
        return Period.of("period", period).start(LocalDate.parse(date)).toString();
    }

    /** Last day (yyyy-MM-dd) of the period that starts on {@code start}. */
    public static String endOf(String start, String period) {
        return Period.of("period", period).end(LocalDate.parse(start)).toString();
    }
}
