package io.newslens.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/** The topic-model stop lists: of the usual size, applied per language, English everywhere. */
class TopicStopWordsTest {
    private static scala.collection.Seq<scala.collection.Seq<String>> chunks(List<List<String>> chunks) {
        List<scala.collection.Seq<String>> inner = chunks.stream()
                .<scala.collection.Seq<String>>map(c -> CollectionConverters.asScala(c).toSeq()).toList();
        return CollectionConverters.asScala(inner).toSeq();
    }

    @Test
    void theListsHaveTheUsualSize() {
        // the sizes docs/topics.md gives: 301 stdlib + 20 news words + Snowball's 174 + the term reports' 135 news
        // function words, overlapping, = 415; zh 794 + 415, overlapping
        assertEquals(415, TopicStopWords.of("en").size());
        assertEquals(1209, TopicStopWords.of("zh").size());
        assertTrue(TopicStopWords.of("de").contains("nicht") && TopicStopWords.of("de").contains("would"));
        assertEquals(TopicStopWords.of("en"), TopicStopWords.of("xx"), "a language without a list: English only");
    }

    /** What "also / will / new" labels were made of is gone; content words, numbers' rules and CJK words as before. */
    @Test
    void modelWordsLeaveOutTheStopListOfTheArticlesLanguage() {
        assertEquals(List.of("crude", "opec", "prices", "barrel"), Topics.modelWords(chunks(List.of(
                List.of("also", "crude", "will", "opec"), List.of("said", "new", "prices", "one", "barrel", "us", "1987", "oil's"))), "en", 3));
        assertEquals(List.of("中国", "经济", "美国"), Topics.modelWords(chunks(List.of(
                List.of("的", "中国", "一个", "经济", "我们", "美国", "also"))), "zh", 3));
        assertEquals(List.of("regierung"), Topics.modelWords(chunks(List.of(List.of("nicht", "regierung", "would"))), "de", 3));
        assertEquals(List.of(), Topics.modelWords(null, "en", 3));
    }
}
