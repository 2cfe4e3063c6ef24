package io.newslens.ingest;

import java.util.Locale;

/** The record layouts ingest reads; each may be compressed with any codec Hadoop knows (gzip, bzip2, ...). */
public enum InputFormat {
    /** One JSON object per line (JSON Lines / NDJSON). */
    JSONL,
    /** A JSON document per file: one object (one article) or an array of objects. */
    JSON,
    /** CSV with a header row; quoted fields may hold newlines. */
    CSV,
    PARQUET,
    /** One article per plain-text file. */
    TEXT;

    private static final String[] CODEC_SUFFIXES = {".gz", ".bz2", ".deflate", ".zst", ".lz4", ".snappy"};

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InputFormat fromConfig(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    /** The format a file name's extension says, ignoring a compression suffix; null when it says none. */
    public static InputFormat fromFileName(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        for (String codec : CODEC_SUFFIXES) {
            if (n.endsWith(codec)) {
                n = n.substring(0, n.length() - codec.length());
                break;
            }
        }
        if (n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".jsonlines")) {
            return JSONL;
        }
        if (n.endsWith(".json")) {
            return JSON;
        }
        if (n.endsWith(".csv") || n.endsWith(".tsv")) {
            return CSV;
        }
        if (n.endsWith(".parquet") || n.endsWith(".parq")) {
            return PARQUET;
        }
        if (n.endsWith(".txt") || n.endsWith(".text")) {
            return TEXT;
        }
        return null;
    }
}
