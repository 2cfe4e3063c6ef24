package io.newslens.text;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Language of a text among the configured languages, cheapest evidence first: the script (Han without kana,
 * kana, Hangul, a script only one configured language uses), then a vote of function words for Latin-script
 * text ({@link FunctionWords}), and only where neither is clear Lingua's n-gram models (no network). A few
 * microseconds for most news articles instead of a millisecond or more. One detector per JVM and language set:
 * built once per executor, shared by its threads.
 */
public final class LanguageDetector {
    /** Detection reads at most this much of a text: as accurate as 2,000 on sogou_zh and Reuters, 40% faster. */
    static final int SAMPLE_CHARS = 600;
    private static final Map<List<String>, com.github.pemistahl.lingua.api.LanguageDetector> DETECTORS = new ConcurrentHashMap<>();

    public record Result(String language, double confidence) {
    }

    private LanguageDetector() {
    }

    private static com.github.pemistahl.lingua.api.LanguageDetector detector(List<String> codes) {
        return DETECTORS.computeIfAbsent(List.copyOf(codes), c -> {
            Language[] langs = c.stream()
                    .map(code -> Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT))))
                    .toArray(Language[]::new);
            // Low-accuracy mode uses trigram models only: a tenth of the memory, and news texts are long enough.
            return LanguageDetectorBuilder.fromLanguages(langs).withLowAccuracyMode().build();
        });
    }

    /** Languages written in a script of their own among the news languages (Latin-script ones are not listed). */
    private static final Map<Character.UnicodeScript, List<String>> SCRIPT_LANGUAGES = Map.ofEntries(
            Map.entry(Character.UnicodeScript.HANGUL, List.of("ko")),
            Map.entry(Character.UnicodeScript.CYRILLIC, List.of("ru", "uk", "bg", "sr", "mk", "be", "kk", "mn")),
            Map.entry(Character.UnicodeScript.ARABIC, List.of("ar", "fa", "ur")),
            Map.entry(Character.UnicodeScript.GREEK, List.of("el")),
            Map.entry(Character.UnicodeScript.HEBREW, List.of("he")),
            Map.entry(Character.UnicodeScript.THAI, List.of("th")),
            Map.entry(Character.UnicodeScript.DEVANAGARI, List.of("hi", "mr", "ne")),
            Map.entry(Character.UnicodeScript.GEORGIAN, List.of("ka")),
            Map.entry(Character.UnicodeScript.ARMENIAN, List.of("hy")),
            Map.entry(Character.UnicodeScript.BENGALI, List.of("bn")),
            Map.entry(Character.UnicodeScript.TAMIL, List.of("ta")),
            Map.entry(Character.UnicodeScript.TELUGU, List.of("te")),
            Map.entry(Character.UnicodeScript.GUJARATI, List.of("gu")),
            Map.entry(Character.UnicodeScript.GURMUKHI, List.of("pa")));
    private static final Map<List<String>, FunctionWords> FUNCTION_WORDS = new ConcurrentHashMap<>();

    /**
     * The language the script alone tells, among the configured ones; null when it does not. Han text with
     * (almost) no kana is Chinese: Japanese prose always has kana (a third or more), and Lingua (1.2.2) calls
     * Han text Japanese when it holds a few characters of its Japanese-only list, which news with stray mojibake
     * does (38 of 166 sogou_zh articles). A script only one configured language is written in (Hangul: Korean;
     * Cyrillic when Russian is the only Cyrillic language configured) names that language.
     */
    static Result byScript(String sample, List<String> codes) {
        int letters = 0;
        int han = 0;
        int kana = 0;
        Map<Character.UnicodeScript, Integer> others = new java.util.EnumMap<>(Character.UnicodeScript.class);
        for (int i = 0; i < sample.length(); ) {
            int cp = sample.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            letters++;
            if (cp < 0x250) {
                continue; // Latin (and the ASCII most news holds): the common case, no script lookup
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.HAN) {
                han++;
            } else if (script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA) {
                kana++;
            } else if (script != Character.UnicodeScript.LATIN) {
                others.merge(script, 1, Integer::sum);
            }
        }
        if (letters < 10) {
            return null;
        }
        // Japanese prose is a third kana or more; a stray kana or two is mojibake.
        if (codes.contains("zh") && kana <= 0.02 * letters && han >= 0.5 * letters) {
            return new Result("zh", han / (double) letters);
        }
        if (codes.contains("ja") && kana >= 0.1 * letters && han + kana >= 0.5 * letters) {
            return new Result("ja", (han + kana) / (double) letters);
        }
        for (Map.Entry<Character.UnicodeScript, Integer> e : others.entrySet()) {
            if (e.getValue() >= 0.5 * letters) {
                List<String> candidates = SCRIPT_LANGUAGES.getOrDefault(e.getKey(), List.of()).stream()
                        .filter(codes::contains).toList();
                if (candidates.size() == 1) {
                    return new Result(candidates.get(0), e.getValue() / (double) letters);
                }
            }
        }
        return null;
    }

    /** Checks that every code is one Lingua knows; returns the first that is not, or null. */
    public static String unknownCode(List<String> codes) {
        for (String code : codes) {
            try {
                Language.getByIsoCode639_1(IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT)));
            } catch (RuntimeException e) {
                return code;
            }
        }
        return null;
    }

    /** Undetermined (ISO 639-2's code): a text too short to tell, rather than a guess. */
    public static final String UNDETERMINED = "und";
    /**
     * Fewer letters than this is too short to tell (a headline fragment, an HTML snippet's few words): Lingua's
     * low-accuracy mode guesses on a few words, and sure of itself ("Hola mundo" came out Portuguese with confidence
     * 1.0, IngestBadInputTest), so such texts get {@link #UNDETERMINED}. Han text is told by script at 10 letters.
     */
    static final int MIN_LETTERS = 20;

    /**
     * As {@link #detect}, from raw article text: only the beginning is normalised (the whole text when it holds
     * markup, which may hide the prose anywhere).
     */
    public static Result detectRaw(String raw, List<String> codes) {
        if (raw != null && raw.length() > 2 * SAMPLE_CHARS && !TextNormalizer.hasMarkup(raw)) {
            String head = TextNormalizer.normalize(raw.substring(0, 2 * SAMPLE_CHARS));
            if (head.length() >= SAMPLE_CHARS) {
                return detect(head, codes);
            }
        }
        return detect(TextNormalizer.normalize(raw), codes);
    }

    /** Lingua alone on the sample (the detector before the fast paths; for the benchmark's comparison). */
    public static Result detectByNgrams(String text, List<String> codes) {
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        SortedMap<Language, Double> values = detector(codes).computeLanguageConfidenceValues(sample);
        if (values.isEmpty()) {
            return new Result(UNDETERMINED, 0.0);
        }
        Language best = values.firstKey();
        return new Result(best.getIsoCode639_1().toString().toLowerCase(Locale.ROOT), values.get(best));
    }

    /** The most likely language and its confidence (0..1); {@link #UNDETERMINED} with confidence 0 for text too short to tell. */
    public static Result detect(String text, List<String> codes) {
        if (text == null || text.isBlank()) {
            return new Result(UNDETERMINED, 0.0);
        }
        String sample = text.length() > SAMPLE_CHARS ? text.substring(0, SAMPLE_CHARS) : text;
        Result byScript = byScript(sample, codes);
        if (byScript != null) {
            return byScript;
        }
        if (sample.codePoints().filter(Character::isLetter).limit(MIN_LETTERS).count() < MIN_LETTERS) {
            return new Result(UNDETERMINED, 0.0);
        }
        Result byWords = FUNCTION_WORDS.computeIfAbsent(List.copyOf(codes), FunctionWords::new).vote(sample);
        if (byWords != null) {
            return byWords;
        }
        return detectByNgrams(sample, codes);
    }
}
