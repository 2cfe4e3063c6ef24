package io.newslens.actors;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.util.List;

/**
 * Chinese name finding by character: an OpenNLP name finder over the characters of a sentence, whose features are
 * the characters around each one and what HanLP's segmenter says of the word holding it (position in the word, part
 * of speech, the person/place/organisation roles it recognised). The segmenter alone follows its own conventions
 * (香港 / 特别行政区 as two words, where news NER tags one place); the model learns the gold conventions on top of it.
 */
public final class ChineseNer {
    private static final ThreadLocal<Segment> SEGMENT = ThreadLocal.withInitial(() -> HanLP.newSegment()
            .enableNameRecognize(true).enableTranslatedNameRecognize(true).enableJapaneseNameRecognize(false)
            .enablePlaceRecognize(true).enableOrganizationRecognize(true).enableOffset(true));

    static final String MODEL = "/io/newslens/actors/ner-zh.bin";
    private static volatile opennlp.tools.namefind.TokenNameFinderModel model;
    // NameFinderME keeps per-document state: one per thread, the model (read-only) shared by the JVM.
    private static final ThreadLocal<opennlp.tools.namefind.NameFinderME> FINDER =
            ThreadLocal.withInitial(() -> new opennlp.tools.namefind.NameFinderME(model()));

    private ChineseNer() {
    }

    /**
     * The people, places and organisations of one sentence: character spans [start, end) of it. One-character country
     * names (中美关系, 中方, 访华) are places linked to their country, whether the model or the rules of
     * {@link ChineseEntities#abbreviations} find them.
     */
    public static List<ChineseEntities.Span> find(String sentence) {
        List<String> tokens = new java.util.ArrayList<>();
        List<Integer> starts = new java.util.ArrayList<>();
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < sentence.length(); ) {
            int cp = sentence.codePointAt(i);
            int n = Character.charCount(cp);
            if (!Character.isWhitespace(cp) && !Character.isSpaceChar(cp)) {
                tokens.add(sentence.substring(i, i + n));
                starts.add(i);
                joined.append(sentence, i, i + n);
            }
            i += n;
        }
        List<ChineseEntities.Span> out = new java.util.ArrayList<>();
        if (tokens.isEmpty()) {
            return out;
        }
        String text = joined.toString();
        // offset in the sentence of each character of the text without its spaces
        int[] at = new int[text.length() + 1];
        for (int t = 0, j = 0; t < tokens.size(); t++) {
            for (int k = 0; k < tokens.get(t).length(); k++) {
                at[j++] = starts.get(t) + k;
            }
        }
        at[text.length()] = sentence.length();
        List<Term> terms = SEGMENT.get().seg(text);
        // Sentence by sentence, as trained (the gold sets have no document boundaries).
        opennlp.tools.namefind.NameFinderME finder = FINDER.get();
        finder.clearAdaptiveData();
        java.util.BitSet taken = new java.util.BitSet();
        for (opennlp.tools.util.Span x : finder.find(tokens.toArray(String[]::new), context(tokens, terms))) {
            int start = starts.get(x.getStart());
            int end = starts.get(x.getEnd() - 1) + tokens.get(x.getEnd() - 1).length();
            taken.set(start, end);
            if (ChineseEntities.abbreviationRun(sentence.substring(start, end))) {
                // 港澳台, 中日韩: each character is a place of its own (as news annotation has it), not one name
                for (int k = start; k < end; k++) {
                    add(out, sentence, k, k + 1, "LOC");
                }
                continue;
            }
            // The model reads characters without the spaces between them: a space between two Chinese characters
            // inside what it took for one name separates names ("王涛 王海 王群", a list written with spaces).
            int from = start;
            for (int k = start + 1; k < end - 1; k++) {
                int next = k;
                while (next < end && Character.isWhitespace(sentence.charAt(next))) {
                    next++;
                }
                if (next > k && next < end && han(sentence, k - 1) && han(sentence, next)) {
                    add(out, sentence, from, k, x.getType());
                    from = next;
                }
                k = Math.max(k, next - 1);
            }
            add(out, sentence, from, end, x.getType());
        }
        // a list of names written together (李鹏乔石李瑞环…): the model's cuts inside it are not all right
        out = ChineseNameLists.split(sentence, out);
        boolean added = false;
        for (ChineseEntities.Span a : ChineseEntities.abbreviations(text, terms)) {
            int start = at[a.start()];
            int end = at[a.end() - 1] + 1;
            if (taken.nextSetBit(start) < 0 || taken.nextSetBit(start) >= end) {
                out.add(new ChineseEntities.Span(start, end, a.type(), a.link()));
                added = true;
            }
        }
        if (added) {
            out.sort(java.util.Comparator.comparingInt(ChineseEntities.Span::start));
        }
        return out;
    }

    private static void add(List<ChineseEntities.Span> out, String sentence, int start, int end, String type) {
        String link = end - start == 1 && "LOC".equals(type) ? ChineseEntities.ABBREVIATIONS.get(sentence.charAt(start)) : null;
        out.add(new ChineseEntities.Span(start, end, type, link));
    }

    private static boolean han(String s, int at) {
        return Character.UnicodeScript.of(s.codePointAt(at)) == Character.UnicodeScript.HAN;
    }

    static opennlp.tools.namefind.TokenNameFinderModel model() {
        if (model == null) {
            synchronized (ChineseNer.class) {
                if (model == null) {
                    try (java.io.InputStream in = ChineseNer.class.getResourceAsStream(MODEL)) {
                        if (in == null) {
                            throw new IllegalStateException("the Chinese name-finder model " + MODEL
                                    + " is not on the classpath; build it with data/scripts/train_ner_zh.sh");
                        }
                        model = new opennlp.tools.namefind.TokenNameFinderModel(in);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }
        }
        return model;
    }

    /**
     * Per token (a character, or a run of them such as a Latin word), the segmenter's features: B/M/E/S place in its
     * word, the word's nature, the natures of the words before and after, and the word itself when it is short.
     */
    public static String[][] context(List<String> tokens) {
        return context(tokens, SEGMENT.get().seg(String.join("", tokens)));
    }

    /** As {@link #context(List)}, from the segmentation of the tokens written together. */
    static String[][] context(List<String> tokens, List<Term> terms) {
        StringBuilder sb = new StringBuilder();
        int[] starts = new int[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            starts[i] = sb.length();
            sb.append(tokens.get(i));
        }
        String text = sb.toString();
        // term index by character offset
        int[] termAt = new int[text.length()];
        for (int k = 0; k < terms.size(); k++) {
            Term t = terms.get(k);
            for (int c = t.offset; c < t.offset + t.word.length() && c < text.length(); c++) {
                termAt[c] = k;
            }
        }
        String[][] out = new String[tokens.size()][];
        for (int i = 0; i < tokens.size(); i++) {
            int k = termAt[starts[i]];
            Term t = terms.get(k);
            int first = starts[i] == t.offset ? 1 : 0;
            int last = starts[i] + tokens.get(i).length() >= t.offset + t.word.length() ? 1 : 0;
            String place = first == 1 && last == 1 ? "S" : first == 1 ? "B" : last == 1 ? "E" : "M";
            String nature = coarse(t.nature.toString());
            String before = k > 0 ? coarse(terms.get(k - 1).nature.toString()) : "^";
            String after = k + 1 < terms.size() ? coarse(terms.get(k + 1).nature.toString()) : "$";
            String c2 = i > 1 ? tokens.get(i - 2) : "^";
            String c1 = i > 0 ? tokens.get(i - 1) : "^";
            String n1 = i + 1 < tokens.size() ? tokens.get(i + 1) : "$";
            String n2 = i + 2 < tokens.size() ? tokens.get(i + 2) : "$";
            String c = tokens.get(i);
            out[i] = new String[] {"hp=" + place, "hn=" + nature, "hpn=" + place + nature, "hn-=" + before,
                    "hn+=" + after, "hw=" + (t.word.length() <= 4 ? t.word : "long"), "hpn-=" + place + nature + before,
                    "hpn+=" + place + nature + after, "c--=" + c2 + c1, "c++=" + n1 + n2, "c-+=" + c1 + n1,
                    "c3-=" + c1 + c + n1};
        }
        return out;
    }

    /** HanLP's nature, its two letters for the name kinds (nr, ns, nt, nz, nx) and the first letter otherwise. */
    static String coarse(String nature) {
        if (nature.startsWith("nr") || nature.startsWith("ns") || nature.startsWith("nt") || nature.startsWith("nz")
                || nature.startsWith("nx")) {
            return nature.length() > 3 ? nature.substring(0, 3) : nature;
        }
        return nature.isEmpty() ? "?" : nature.substring(0, 1);
    }
}
