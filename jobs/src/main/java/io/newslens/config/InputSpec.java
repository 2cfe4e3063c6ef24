package io.newslens.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One input: a file, a folder or a glob, with how to read it.
 *
 * @param path     file, folder (read recursively) or glob; any Hadoop file system URI
 * @param format   auto (by file extension), jsonl, json, csv, parquet or text
 * @param preset   field-name preset: auto, canonical, news-please or newspaper3k
 * @param mapping  canonical field -> input field name; wins over the preset
 * @param source   outlet name for records that carry none
 * @param timezone zone for dates written without one (default: the run's timezone)
 * @param csvDelimiter delimiter of CSV files
 */
public record InputSpec(
        String path,
        String format,
        String preset,
        Map<String, String> mapping,
        String source,
        String timezone,
        @JsonProperty("csv_delimiter") String csvDelimiter) {

    public InputSpec {
        format = format == null ? "auto" : format;
        preset = preset == null ? "auto" : preset;
        mapping = mapping == null ? Map.of() : Map.copyOf(mapping);
        csvDelimiter = csvDelimiter == null ? "," : csvDelimiter;
    }

    public static InputSpec of(String path) {
        return new InputSpec(path, null, null, null, null, null, null);
    }

    public InputSpec withFormat(String newFormat) {
        return new InputSpec(path, newFormat, preset, mapping, source, timezone, csvDelimiter);
    }

    public InputSpec withPreset(String newPreset) {
        return new InputSpec(path, format, newPreset, mapping, source, timezone, csvDelimiter);
    }
}
