package io.newslens.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.lucene.analysis.CharArraySet;

/**
 * The fast path of language identification for Latin-script text: a vote of function words (the stop lists
 * Lucene ships for each language: Snowball's and its analyzers' own). News prose is a third or more function
 * words, so a few hundred characters decide between languages with certainty; a text the vote does not settle
 * clearly (close languages, a language without a list, mixed or odd text) goes to the n-gram detector.
 */
final class FunctionWords {
    /** Lucene's stop list per ISO 639-1 code (Latin-script languages only; other scripts are told by script). */
    private static final Map<String, Supplier<CharArraySet>> LISTS = Map.ofEntries(
            Map.entry("en", () -> Analyzers.ENGLISH_STOP_WORDS),
            Map.entry("de", org.apache.lucene.analysis.de.GermanAnalyzer::getDefaultStopSet),
            Map.entry("fr", org.apache.lucene.analysis.fr.FrenchAnalyzer::getDefaultStopSet),
            Map.entry("es", org.apache.lucene.analysis.es.SpanishAnalyzer::getDefaultStopSet),
            Map.entry("it", org.apache.lucene.analysis.it.ItalianAnalyzer::getDefaultStopSet),
            Map.entry("pt", org.apache.lucene.analysis.pt.PortugueseAnalyzer::getDefaultStopSet),
            Map.entry("nl", org.apache.lucene.analysis.nl.DutchAnalyzer::getDefaultStopSet),
            Map.entry("sv", org.apache.lucene.analysis.sv.SwedishAnalyzer::getDefaultStopSet),
            Map.entry("da", org.apache.lucene.analysis.da.DanishAnalyzer::getDefaultStopSet),
            Map.entry("no", org.apache.lucene.analysis.no.NorwegianAnalyzer::getDefaultStopSet),
            Map.entry("fi", org.apache.lucene.analysis.fi.FinnishAnalyzer::getDefaultStopSet),
            Map.entry("hu", org.apache.lucene.analysis.hu.HungarianAnalyzer::getDefaultStopSet),
            Map.entry("id", org.apache.lucene.analysis.id.IndonesianAnalyzer::getDefaultStopSet),
            Map.entry("tr", org.apache.lucene.analysis.tr.TurkishAnalyzer::getDefaultStopSet),
            Map.entry("ro", org.apache.lucene.analysis.ro.RomanianAnalyzer::getDefaultStopSet),
            Map.entry("ca", org.apache.lucene.analysis.ca.CatalanAnalyzer::getDefaultStopSet),
            Map.entry("cs", org.apache.lucene.analysis.cz.CzechAnalyzer::getDefaultStopSet),
            Map.entry("gl", org.apache.lucene.analysis.gl.GalicianAnalyzer::getDefaultStopSet),
            Map.entry("eu", org.apache.lucene.analysis.eu.BasqueAnalyzer::getDefaultStopSet),
            Map.entry("et", org.apache.lucene.analysis.et.EstonianAnalyzer::getDefaultStopSet),
            Map.entry("lt", org.apache.lucene.analysis.lt.LithuanianAnalyzer::getDefaultStopSet),
            Map.entry("lv", org.apache.lucene.analysis.lv.LatvianAnalyzer::getDefaultStopSet));
    /** Words a text needs before the vote counts: fewer is a headline fragment, left to the n-gram detector. */
    static final int MIN_WORDS = 12;
    /** The leading language's function words are at least this share of the words ... */
    static final double MIN_SHARE = 0.2;
    /** ... and its score (each word weighted by one over the number of languages listing it) this many times the runner-up's. */
    static final double MIN_MARGIN = 3.0;

    private final List<String> codes = new ArrayList<>();
    /** Word -> bit set of the languages (index into {@link #codes}) whose list holds it. */
    private final org.apache.lucene.analysis.CharArrayMap<Long> languagesOf = new org.apache.lucene.analysis.CharArrayMap<>(4096, false);

    FunctionWords(List<String> configured) {
        for (String code : configured) {
            Supplier<CharArraySet> list = LISTS.get(code);
            if (list == null || codes.size() == 64) {
                continue;
            }
            long bit = 1L << codes.size();
            codes.add(code);
            for (Object word : list.get()) {
                String w = new String((char[]) word).toLowerCase(Locale.ROOT);
                Long had = languagesOf.get(w);
                languagesOf.put(w, had == null ? bit : had | bit);
            }
        }
    }

    /** Whether these languages have lists at all (a configuration of only other scripts has none). */
    boolean isEmpty() {
        return codes.isEmpty();
    }

    /**
     * The language the function words of this sample clearly point to, with the leader's share of the two
     * leading scores as confidence; null when the vote is not clear.
     */
    LanguageDetector.Result vote(String sample) {
        int[] hits = new int[codes.size()];
        // A word several languages list is weaker evidence for each (que: Spanish, Portuguese, French).
        double[] score = new double[codes.size()];
        int words = 0;
        // Words are looked up in place (no string per word): letters lower-cased into a buffer.
        char[] word = new char[32];
        int length = 0;
        for (int i = 0, n = sample.length(); i <= n; i++) {
            char c = i < n ? sample.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                if (length < word.length) {
                    word[length] = Character.toLowerCase(c);
                }
                length++;
                continue;
            }
            if (length > 0) {
                words++;
                Long bits = length <= word.length ? languagesOf.get(word, 0, length) : null;
                if (bits != null) {
                    double weight = 1.0 / Long.bitCount(bits);
                    for (long b = bits; b != 0; b &= b - 1) {
                        hits[Long.numberOfTrailingZeros(b)]++;
                        score[Long.numberOfTrailingZeros(b)] += weight;
                    }
                }
                length = 0;
            }
        }
        int best = -1;
        double second = 0;
        for (int k = 0; k < score.length; k++) {
            if (best < 0 || score[k] > score[best]) {
                second = best < 0 ? 0 : Math.max(second, score[best]);
                best = k;
            } else {
                second = Math.max(second, score[k]);
            }
        }
        if (best < 0 || words < MIN_WORDS || hits[best] < MIN_SHARE * words || score[best] < MIN_MARGIN * second) {
            return null;
        }
        return new LanguageDetector.Result(codes.get(best), score[best] / (score[best] + second));
    }
}
