package io.newslens.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One input: a file, a folder or a glob, with how to read it.
 *
 * @param path       file, folder (read recursively) or glob; any Hadoop file system URI
 * @param format     auto (by file extension), jsonl, json, csv, parquet or text
 * @param preset     field-name preset: auto, canonical, news-please or newspaper3k
 * @param mapping    canonical field -> input field name; wins over the preset
 * @param source     outlet name for records that carry none
 * @param timezone   zone for dates written without one (default: the run's timezone)
 * @param csvDelimiter delimiter of CSV files
 * @param dateFormat date patterns (java.time, e.g. {@code dd/MM/yyyy}) tried before the built-in forms
 * @param include    folder inputs: read only files matching one of these globs (null: every file)
 * @param exclude    folder inputs: skip files matching one of these globs (null: {@link #DEFAULT_EXCLUDE})
 * @param defaultPublished date (yyyy-MM-dd) for this input's records that carry none (an undated collection
 *                   known to come from one day or period); null: such records stay undated
 */
public record InputSpec(
        String path,
        String format,
        String preset,
        Map<String, String> mapping,
        String source,
        String timezone,
        @JsonProperty("csv_delimiter") String csvDelimiter,
        @JsonProperty("date_format") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> dateFormat,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> include,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> exclude,
        @JsonProperty("default_published") String defaultPublished) {

    /** The canonical article fields a mapping may fill, in the order ingest reads them. Declared once. */
    public static final List<String> CANONICAL_FIELDS =
            List.of("id", "title", "text", "published", "source", "url", "authors", "language");

    /** Files in a folder input that describe the data rather than hold it (matched case-insensitively). */
    public static final List<String> DEFAULT_EXCLUDE = List.of("readme*", "license*", "licence*", "copying*",
            "notice*", "changelog*", "changes*", "authors*", "contributors*", "citation*");

    public InputSpec {
        format = format == null ? "auto" : format;
        preset = preset == null ? "auto" : preset;
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
        csvDelimiter = csvDelimiter == null ? "," : csvDelimiter;
        dateFormat = dateFormat == null ? List.of() : List.copyOf(dateFormat);
        include = include == null ? null : List.copyOf(include);
        exclude = exclude == null ? DEFAULT_EXCLUDE : List.copyOf(exclude);
    }

    public static InputSpec of(String path) {
        return new InputSpec(path, null, null, null, null, null, null, null, null, null, null);
    }

    public InputSpec withFormat(String newFormat) {
        return new InputSpec(path, newFormat, preset, mapping, source, timezone, csvDelimiter, dateFormat, include, exclude, defaultPublished);
    }

    public InputSpec withPreset(String newPreset) {
        return new InputSpec(path, format, newPreset, mapping, source, timezone, csvDelimiter, dateFormat, include, exclude, defaultPublished);
    }
}
