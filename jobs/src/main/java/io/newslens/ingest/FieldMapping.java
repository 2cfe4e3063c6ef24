package io.newslens.ingest;

import io.newslens.config.InputSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which input field fills each canonical field: the explicit mapping of the input first, else the
 * preset's candidates in order (the first non-blank one wins per record).
 */
public final class FieldMapping {
    public static final List<String> CANONICAL = InputSpec.CANONICAL_FIELDS;

    private static final Map<String, List<String>> CANONICAL_PRESET = Map.of(
            "id", List.of("article_id", "id"), "title", List.of("title"), "text", List.of("text"),
            "published", List.of("published_at", "published"), "source", List.of("source"), "url", List.of("url"),
            "authors", List.of("authors"), "language", List.of("language"));

    // news-please (fhamborg/news-please) article fields.
    private static final Map<String, List<String>> NEWS_PLEASE = Map.of(
            "id", List.of("id"), "title", List.of("title"), "text", List.of("maintext", "description"),
            "published", List.of("date_publish", "date_modify", "date_download"), "source", List.of("source_domain"),
            "url", List.of("url"), "authors", List.of("authors"), "language", List.of("language"));

    // newspaper3k Article fields as dumped to JSON (e.g. FakeNewsNet).
    private static final Map<String, List<String>> NEWSPAPER3K = Map.of(
            "id", List.of("id"), "title", List.of("title"), "text", List.of("text"),
            "published", List.of("publish_date"), "source", List.of("source", "source_url"),
            "url", List.of("url", "canonical_link"), "authors", List.of("authors"), "language", List.of("meta_lang"));

    // Everything above and the names CSV exports and crawlers commonly use.
    private static final Map<String, List<String>> AUTO = Map.of(
            "id", List.of("article_id", "id", "_id", "uuid", "guid", "doc_id"),
            "title", List.of("title", "headline", "Title", "Headline"),
            "text", List.of("text", "maintext", "body", "content", "article_text", "body_text", "article", "Text", "Body", "Content"),
            "published", List.of("published_at", "published", "date_publish", "publish_date", "pubdate", "pub_date",
                    "publication_date", "date", "datetime", "timestamp", "created_at", "Date"),
            "source", List.of("source", "source_domain", "outlet", "publisher", "site_name", "site", "domain", "Source"),
            "url", List.of("url", "link", "canonical_link", "canonical_url", "URL"),
            "authors", List.of("authors", "author", "byline", "creator", "Author"),
            "language", List.of("language", "lang", "meta_lang"));

    private FieldMapping() {
    }

    /** Candidate input fields per canonical field, in order of preference. */
    public static Map<String, List<String>> candidates(InputSpec spec) {
        Map<String, List<String>> preset = switch (spec.preset()) {
            case "canonical" -> CANONICAL_PRESET;
            case "news-please" -> NEWS_PLEASE;
            case "newspaper3k" -> NEWSPAPER3K;
            default -> AUTO;
        };
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String field : CANONICAL) {
            String explicit = spec.mapping().get(field);
            result.put(field, explicit != null ? List.of(explicit) : preset.get(field));
        }
        return result;
    }
}
