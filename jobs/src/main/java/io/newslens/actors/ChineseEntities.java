package io.newslens.actors;

import com.hankcs.hanlp.seg.common.Term;
import java.util.ArrayList;
import java.util.List;

/** The rules of Chinese news for one-character country names, over HanLP's segmentation ({@link ChineseNer}). */
public final class ChineseEntities {
    /** An entity: characters [start, end) of the text, type PER, ORG or LOC; {@code link}: the country it abbreviates. */
    public record Span(int start, int end, String type, String link) {
    }

    /**
     * One-character country names of Chinese news, in pairs (中美关系, 中日, 美俄) or as a side (中方, 美方): each
     * character is its country. Only unambiguous ones (澳 is Australia or Macao, 巴 Pakistan or Brazil: left out).
     */
    static final java.util.Map<Character, String> ABBREVIATIONS = java.util.Map.ofEntries(
            java.util.Map.entry('中', "CHN"), java.util.Map.entry('华', "CHN"), java.util.Map.entry('美', "USA"),
            java.util.Map.entry('日', "JPN"), java.util.Map.entry('俄', "RUS"), java.util.Map.entry('英', "GBR"),
            java.util.Map.entry('法', "FRA"), java.util.Map.entry('德', "DEU"), java.util.Map.entry('韩', "KOR"),
            java.util.Map.entry('朝', "PRK"), java.util.Map.entry('印', "IND"), java.util.Map.entry('港', "HKG"),
            java.util.Map.entry('台', "TWN"), java.util.Map.entry('加', "CAN"), java.util.Map.entry('意', "ITA"),
            java.util.Map.entry('越', "VNM"), java.util.Map.entry('菲', "PHL"), java.util.Map.entry('泰', "THA"),
            java.util.Map.entry('苏', "SUN"));
    /** What follows a pair of abbreviations inside one segmented word (中美关系, 中日两国). */
    private static final java.util.Set<String> PAIR_SUFFIXES = java.util.Set.of("关系", "两国", "双方", "合作", "贸易",
            "友好", "之间", "会谈", "峰会", "战略", "经贸", "联合", "建交", "两军", "元首");
    /** Verbs after which 华 is China: 访华, 来华, 在华, 驻华. */
    private static final java.util.Set<Character> BEFORE_HUA = java.util.Set.of('访', '来', '在', '驻', '援', '侵', '旅', '赴', '抵');

    private ChineseEntities() {
    }

    /**
     * One-character country names in a segmented sentence: a pair of them as a word or before a pair suffix
     * (中美关系, 中日两国, 中/日/友好), one as a side (中方, 美方), 华 after a verb of travel (访华, 来华). Spans of
     * {@code text}, type LOC, linked to the country.
     */
    static List<Span> abbreviations(String text, List<Term> terms) {
        List<Span> out = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            Term t = terms.get(i);
            int pair = pairLength(t.word);
            if (pair > 0) {
                for (int k = 0; k < pair; k++) {
                    out.add(new Span(t.offset + k, t.offset + k + 1, "LOC", ABBREVIATIONS.get(t.word.charAt(k))));
                }
            } else if (t.word.length() == 2 && t.word.charAt(1) == '方' && ABBREVIATIONS.containsKey(t.word.charAt(0))
                    || t.word.equals("华") && t.offset > 0 && BEFORE_HUA.contains(text.charAt(t.offset - 1))
                    || singleInRun(terms, i)) {
                out.add(new Span(t.offset, t.offset + 1, "LOC", ABBREVIATIONS.get(t.word.charAt(0))));
            } else if (t.word.length() == 2 && t.word.charAt(1) == '华' && BEFORE_HUA.contains(t.word.charAt(0))) {
                out.add(new Span(t.offset + 1, t.offset + 2, "LOC", "CHN"));  // 访华, 来华 as one word
            }
        }
        return out;
    }

    /** Places abbreviated to one character that are ambiguous (澳: Australia or Macao): no link, still places. */
    private static final java.util.Set<Character> AMBIGUOUS = java.util.Set.of('澳', '巴', '新', '西');

    /** Two to four one-character place names of different places in a row and nothing else (港澳台, 中日韩)? */
    static boolean abbreviationRun(String name) {
        if (name.length() < 2 || name.length() > 4) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!ABBREVIATIONS.containsKey(c) && !AMBIGUOUS.contains(c)) {
                return false;
            }
        }
        // 中华 is one name of one country, not a list
        java.util.List<String> countries = name.chars().mapToObj(c -> ABBREVIATIONS.get((char) c)).filter(java.util.Objects::nonNull).toList();
        return !countries.isEmpty() && new java.util.HashSet<>(countries).size() == countries.size();
    }

    /** Length of the leading run of abbreviations when the word is a pair of them, alone or with a pair suffix; else 0. */
    static int pairLength(String word) {
        int n = 0;
        while (n < word.length() && n < 3 && ABBREVIATIONS.containsKey(word.charAt(n))) {
            n++;
        }
        if (n < 2 || n < word.length() && !PAIR_SUFFIXES.contains(word.substring(n))) {
            return 0;
        }
        return n;
    }

    /** A one-character word in a run of two or three of them, all abbreviations, followed by a pair suffix (中/日/友好). */
    private static boolean singleInRun(List<Term> terms, int i) {
        int first = i;
        while (first > 0 && isSingleAbbreviation(terms.get(first - 1)) && i - first < 2) {
            first--;
        }
        int last = i;
        while (last + 1 < terms.size() && isSingleAbbreviation(terms.get(last + 1)) && last - first < 2) {
            last++;
        }
        return isSingleAbbreviation(terms.get(i)) && last > first && last + 1 < terms.size()
                && PAIR_SUFFIXES.contains(terms.get(last + 1).word);
    }

    private static boolean isSingleAbbreviation(Term t) {
        return t.word.length() == 1 && ABBREVIATIONS.containsKey(t.word.charAt(0));
    }
}
