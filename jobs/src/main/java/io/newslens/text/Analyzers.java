package io.newslens.text;

import io.newslens.config.TextOptions;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.id.IndonesianAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The Lucene analyzer for each language, created once per JVM (Lucene analyzers are thread-safe and
 * reuse their token streams per thread). English: standard tokenizer, possessives, lower case, the
 * Snowball English stop list, optional Porter stemming. Chinese: smartcn word segmentation. Others: the
 * matching Lucene analyzer where one exists, else the standard analyzer.
 */
public final class Analyzers {
    private static final Map<String, Analyzer> CACHE = new ConcurrentHashMap<>();

    /** Snowball's English stop list (174 words), shipped with Lucene. */
    public static final CharArraySet ENGLISH_STOP_WORDS = loadSnowball("english_stop.txt");

    /** English news function words (said, will, also, ...): see news-stopwords-en.txt. */
    public static final CharArraySet NEWS_STOP_WORDS = loadOwn("news-stopwords-en.txt");

    /**
     * News function words that are names when capitalised: the pronoun "us" (not the US), the modal "may" (not May),
     * the adjective "new" (not New York). Removed only as written in lower case, before lower-casing.
     */
    public static final CharArraySet LOWER_CASE_ONLY_STOP_WORDS = CharArraySet.unmodifiableSet(
            new CharArraySet(java.util.List.of("us", "may", "new"), false));

    /** smartcn's punctuation list plus newslens' list of Chinese function words (stopwords-zh.txt). */
    public static final CharArraySet CHINESE_STOP_WORDS = chineseStopWords();

    private Analyzers() {
    }

    private static CharArraySet chineseStopWords() {
        CharArraySet set = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
        try (Reader r = new InputStreamReader(Analyzers.class.getResourceAsStream("stopwords-zh.txt"), StandardCharsets.UTF_8)) {
            set.addAll(WordlistLoader.getWordSet(r, "#"));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("stopwords-zh.txt is missing from the jar", e);
        }
        return CharArraySet.unmodifiableSet(set);
    }

    private static CharArraySet loadOwn(String name) {
        try (Reader r = new InputStreamReader(Analyzers.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            return CharArraySet.unmodifiableSet(WordlistLoader.getWordSet(r, "#"));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException(name + " is missing from the jar", e);
        }
    }

    private static CharArraySet loadSnowball(String name) {
        try (Reader r = new InputStreamReader(SnowballFilter.class.getResourceAsStream(name), StandardCharsets.UTF_8)) {
            return CharArraySet.unmodifiableSet(WordlistLoader.getSnowballWordSet(r));
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("Lucene's Snowball stop list " + name + " is missing", e);
        }
    }

    public static Analyzer forLanguage(String language, TextOptions options) {
        // Undetermined (too short to tell): analysed as English, news's most common language, as before detection said so
        String lang = language == null || LanguageDetector.UNDETERMINED.equals(language) ? "en" : language;
        return CACHE.computeIfAbsent(lang + "|" + options.stem() + "|" + options.newsStopWords(),
                k -> create(lang, options.stem(), options.newsStopWords()));
    }

    private static Analyzer create(String lang, boolean stem, boolean news) {
        return switch (lang) {
            case "en" -> english(stem, news);
            case "zh" -> new SmartChineseAnalyzer(CHINESE_STOP_WORDS);
            case "ja", "ko" -> new CJKAnalyzer();
            case "de" -> new GermanAnalyzer();
            case "fr" -> new FrenchAnalyzer();
            case "es" -> new SpanishAnalyzer();
            case "it" -> new ItalianAnalyzer();
            case "pt" -> new PortugueseAnalyzer();
            case "nl" -> new DutchAnalyzer();
            case "ru" -> new RussianAnalyzer();
            case "ar" -> new ArabicAnalyzer();
            case "tr" -> new TurkishAnalyzer();
            case "sv" -> new SwedishAnalyzer();
            case "id" -> new IndonesianAnalyzer();
            default -> new StandardAnalyzer(CharArraySet.EMPTY_SET);
        };
    }

    private static Analyzer english(boolean stem, boolean news) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer source = new StandardTokenizer();
                TokenStream result = new EnglishPossessiveFilter(source);
                if (news) {
                    result = new StopFilter(result, LOWER_CASE_ONLY_STOP_WORDS);
                }
                result = new LowerCaseFilter(result);
                result = new StopFilter(result, ENGLISH_STOP_WORDS);
                if (stem) {
                    result = new PorterStemFilter(result);
                }
                return new TokenStreamComponents(source, result);
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /**
     * Start and end offsets of smartcn's Chinese words in {@code text} (HMM segmentation, as the Chinese analyzer's):
     * lets a two-character name such as 海地 (Haiti) be told from the middle of 沿海/地区.
     */
    public static java.util.BitSet chineseWordBoundaries(String text) {
        java.util.BitSet bounds = new java.util.BitSet(text.length() + 1);
        try (org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer words = new org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer()) {
            words.setReader(new java.io.StringReader(text));
            org.apache.lucene.analysis.tokenattributes.OffsetAttribute offset =
                    words.addAttribute(org.apache.lucene.analysis.tokenattributes.OffsetAttribute.class);
            words.reset();
            while (words.incrementToken()) {
                bounds.set(offset.startOffset());
                bounds.set(offset.endOffset());
            }
            words.end();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bounds;
    }

    /** Languages whose words may be a single character (min_token_length does not apply). */
    public static boolean isCjk(String language) {
        return "zh".equals(language) || "ja".equals(language) || "ko".equals(language);
    }
}
