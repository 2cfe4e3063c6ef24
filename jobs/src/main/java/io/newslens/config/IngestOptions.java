package io.newslens.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How records become articles, and when a run's input is too broken to publish.
 *
 * @param quarantineRecordChars raw records kept in the quarantine report are cut to this many characters
 * @param maxInvalidUtf8Share   a record with more undecodable bytes than this share of its characters is
 *                              quarantined; fewer are replaced by U+FFFD and the article is flagged
 * @param keepDuplicates        downstream reports include articles marked as duplicates
 * @param textTitleFromFirstLine plain-text files: the first non-blank line is the title
 * @param allowEmpty            publish (empty) reports when an input yields no records, instead of failing
 * @param warnQuarantinedShare  warn when more than this share of an input's records is quarantined
 * @param warnUndatedShare      warn when more than this share of an input's dates cannot be read
 * @param outlets               source spelling -> the outlet name to use (wins over newslens's own merging)
 */
public record IngestOptions(
        @JsonProperty("quarantine_record_chars") Integer quarantineRecordChars,
        @JsonProperty("max_invalid_utf8_share") Double maxInvalidUtf8Share,
        @JsonProperty("keep_duplicates") Boolean keepDuplicates,
        @JsonProperty("text_title_from_first_line") Boolean textTitleFromFirstLine,
        @JsonProperty("allow_empty") Boolean allowEmpty,
        @JsonProperty("warn_quarantined_share") Double warnQuarantinedShare,
        @JsonProperty("warn_undated_share") Double warnUndatedShare,
        java.util.Map<String, String> outlets) {

    public IngestOptions {
        quarantineRecordChars = quarantineRecordChars == null ? 10_000 : quarantineRecordChars;
        maxInvalidUtf8Share = maxInvalidUtf8Share == null ? 0.01 : maxInvalidUtf8Share;
        keepDuplicates = keepDuplicates != null && keepDuplicates;
        textTitleFromFirstLine = textTitleFromFirstLine == null || textTitleFromFirstLine;
        allowEmpty = allowEmpty != null && allowEmpty;
        warnQuarantinedShare = warnQuarantinedShare == null ? 0.05 : warnQuarantinedShare;
        warnUndatedShare = warnUndatedShare == null ? 0.05 : warnUndatedShare;
        outlets = outlets == null ? java.util.Map.of() : java.util.Map.copyOf(outlets);
    }

    public static IngestOptions defaults() {
        return new IngestOptions(null, null, null, null, null, null, null, null);
    }

    public IngestOptions withKeepDuplicates(boolean keep) {
        return new IngestOptions(quarantineRecordChars, maxInvalidUtf8Share, keep, textTitleFromFirstLine, allowEmpty,
                warnQuarantinedShare, warnUndatedShare, outlets);
    }

    public IngestOptions withAllowEmpty(boolean allow) {
        return new IngestOptions(quarantineRecordChars, maxInvalidUtf8Share, keepDuplicates, textTitleFromFirstLine, allow,
                warnQuarantinedShare, warnUndatedShare, outlets);
    }
}
