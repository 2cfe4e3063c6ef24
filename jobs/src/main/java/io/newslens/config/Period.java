package io.newslens.config;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** The calendar periods reports are counted by (config value: day, week, month). Declared once. */
public enum Period {
    /** A calendar day. */
    DAY,
    /** An ISO week, Monday to Sunday. */
    WEEK,
    /** A calendar month. */
    MONTH;

    public String configName() {
        return ConfigEnums.configName(this);
    }

    /** The period a config value names; {@link ConfigException} naming the field otherwise. */
    public static Period of(String field, String value) {
        return ConfigEnums.of(Period.class, field, "period", value);
    }

    /** First day of the period that holds {@code date}. */
    public LocalDate start(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(DayOfWeek.MONDAY);
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    /** Last day of the period that starts on {@code start}. */
    public LocalDate end(LocalDate start) {
        return switch (this) {
            case DAY -> start;
            case WEEK -> start.plusDays(6);
            case MONTH -> start.plusMonths(1).minusDays(1);
        };
    }
}
