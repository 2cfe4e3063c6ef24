package io.newslens.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The shared text layer: language detection and tokenisation.
 *
 * @param languages       ISO 639-1 codes the detector chooses among (fewer = faster, fewer mistakes)
 * @param stem            English: Porter stemming (other languages use their Lucene analyzer's own stemmer)
 * @param minTokenLength  shorter tokens are dropped (not applied to Chinese, Japanese, Korean)
 * @param keepNumbers     keep tokens made only of digits and punctuation
 * @param stopwords       extra stop words, removed in every language
 * @param boilerplate     find each outlet's boilerplate (word trigrams in ≥ boilerplateMinShare of its articles and
 *                        boilerplateMinRatio times as common as elsewhere) and leave it out of the analysis
 * @param boilerplateMinShare  see boilerplate
 * @param boilerplateMinRatio  see boilerplate
 * @param newsStopWords   remove English news function words (said, will, also, ...) from the term and topic
 *                        reports, in every language (the list: io/newslens/text/news-stopwords-en.txt)
 */
public record TextOptions(
        List<String> languages,
        Boolean stem,
        @JsonProperty("min_token_length") Integer minTokenLength,
        @JsonProperty("keep_numbers") Boolean keepNumbers,
        List<String> stopwords,
        @JsonProperty("news_stop_words") Boolean newsStopWords,
        Boolean boilerplate,
        @JsonProperty("boilerplate_min_share") Double boilerplateMinShare,
        @JsonProperty("boilerplate_min_ratio") Double boilerplateMinRatio) implements java.io.Serializable {

    public static final List<String> DEFAULT_LANGUAGES = List.of(
            "en", "zh", "de", "fr", "es", "it", "pt", "nl", "ru", "ar", "ja", "ko", "tr", "pl", "sv", "id");

    public TextOptions {
        languages = languages == null ? DEFAULT_LANGUAGES : List.copyOf(languages);
        stem = stem != null && stem;
        minTokenLength = minTokenLength == null ? 2 : minTokenLength;
        keepNumbers = keepNumbers != null && keepNumbers;
        stopwords = stopwords == null ? List.of() : List.copyOf(stopwords);
        newsStopWords = newsStopWords == null || newsStopWords;
        boilerplate = boilerplate == null || boilerplate;
        boilerplateMinShare = boilerplateMinShare == null ? 0.1 : boilerplateMinShare;
        boilerplateMinRatio = boilerplateMinRatio == null ? 50.0 : boilerplateMinRatio;
    }

    public static TextOptions defaults() {
        return new TextOptions(null, null, null, null, null, null, null, null, null);
    }
}
