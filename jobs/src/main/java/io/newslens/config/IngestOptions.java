package io.newslens.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How records become articles.
 *
 * @param quarantineRecordChars raw records kept in the quarantine report are cut to this many characters
 * @param maxInvalidUtf8Share   a record with more undecodable bytes than this share of its characters is
 *                              quarantined; fewer are replaced by U+FFFD and the article is flagged
 * @param keepDuplicates        downstream reports include articles marked as duplicates
 * @param textTitleFromFirstLine plain-text files: the first non-blank line is the title
 */
public record IngestOptions(
        @JsonProperty("quarantine_record_chars") Integer quarantineRecordChars,
        @JsonProperty("max_invalid_utf8_share") Double maxInvalidUtf8Share,
        @JsonProperty("keep_duplicates") Boolean keepDuplicates,
        @JsonProperty("text_title_from_first_line") Boolean textTitleFromFirstLine) {

    public IngestOptions {
        quarantineRecordChars = quarantineRecordChars == null ? 10_000 : quarantineRecordChars;
        maxInvalidUtf8Share = maxInvalidUtf8Share == null ? 0.01 : maxInvalidUtf8Share;
        keepDuplicates = keepDuplicates != null && keepDuplicates;
        textTitleFromFirstLine = textTitleFromFirstLine == null || textTitleFromFirstLine;
    }

    public static IngestOptions defaults() {
        return new IngestOptions(null, null, null, null);
    }

    public IngestOptions withKeepDuplicates(boolean keep) {
        return new IngestOptions(quarantineRecordChars, maxInvalidUtf8Share, keep, textTitleFromFirstLine);
    }
}
