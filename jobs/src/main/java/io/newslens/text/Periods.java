package io.newslens.text;

import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.trunc;

import io.newslens.config.Period;
import java.time.LocalDate;
import org.apache.spark.sql.Column;

/** Calendar periods (day, ISO week from Monday, month), shared by every report over time. */
public final class Periods {
    private Periods() {
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
