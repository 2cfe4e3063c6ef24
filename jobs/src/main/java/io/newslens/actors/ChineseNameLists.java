package io.newslens.actors;

import com.hankcs.hanlp.corpus.dictionary.item.EnumItem;
import com.hankcs.hanlp.corpus.tag.NR;
import com.hankcs.hanlp.dictionary.nr.PersonDictionary;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists of Chinese names written together, as printed news has them (委员：李鹏乔石李瑞环彭真…, 王涛王海王群): the
 * character model cuts such a run at the wrong places ("李鹏乔" + "石"), because nothing but the names themselves
 * marks where one ends. Person spans linked into a list (see {@link #split}) are split again into names of a surname
 * and one or two given characters (or a name with a middle dot, 帕巴拉·格列朗杰), choosing the split whose characters
 * best fit their roles by HanLP's person-name statistics (how often a character is a surname, a single given name,
 * the first or last of two given characters).
 */
final class ChineseNameLists {
    /** A name with a middle dot (minority and foreign names), per character: left whole rather than split. */
    private static final double DOTTED_PER_CHAR = Math.log(0.2);
    /** A name the model found that does not begin with a surname (a foreign name), per character: kept whole. */
    private static final double FOREIGN_PER_CHAR = Math.log(0.3);
    /** Names of three characters are commoner than of two (MSRA training set: 10,596 against 3,821, as
     * ChineseNerTrainer prints them). */
    private static final double TWO = Math.log(0.27);
    private static final double THREE = Math.log(0.73);
    private static final int LONGEST_DOTTED = 16;
    private static final double LIKELY_SURNAME = 0.5;
    /** Two-character surnames (复姓): a name of three or four characters begins with one. */
    private static final java.util.Set<String> COMPOUND_SURNAMES = java.util.Set.of("欧阳", "司马", "上官", "诸葛", "东方",
            "皇甫", "尉迟", "公孙", "慕容", "长孙", "令狐", "夏侯", "司徒", "司空", "宇文", "端木", "轩辕", "呼延", "南宫",
            "独孤", "西门", "申屠", "澹台", "闻人", "单于", "太史", "百里", "钟离", "拓跋", "完颜");

    private ChineseNameLists() {
    }

    /**
     * The spans with each list of person spans split into the names it lists, other spans as they are; a run of
     * touching spans that is no list is split too, a lone span is left whole (the model is mostly right there, and a
     * foreign name, 阿科皮扬, reads as two Chinese ones). {@code spans} sorted by start.
     */
    static List<ChineseEntities.Span> split(String sentence, List<ChineseEntities.Span> spans) {
        List<ChineseEntities.Span> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); ) {
            ChineseEntities.Span s = spans.get(i);
            // Linked: person spans that touch, or with a list's note or up to three characters the model left out
            // between them (任 of 任建新). Three or more, one link at least a touch or a note between names of two
            // characters or more: a list.
            int j = i;
            boolean close = false;
            while ("PER".equals(s.type()) && j + 1 < spans.size() && "PER".equals(spans.get(j + 1).type())) {
                int from = spans.get(j).end();
                int to = spans.get(j + 1).start();
                boolean touch = from == to || to - from >= 3 && note(sentence, from + 1, to - 1);
                if (!touch && !gap(sentence, spans.get(j), to)) {
                    break;
                }
                // one-character people (汤尤杯, 马列) are abbreviations, not a list's names
                close |= touch && length(spans.get(j)) > 1 && length(spans.get(j + 1)) > 1;
                j++;
            }
            if (j - i < 2 || !close) {
                j = touching(spans, i); // not a list: only spans that touch are one run
            }
            int start = s.start();
            int end = spans.get(j).end();
            boolean letters = true; // 马列, 马恩列斯: one character per person, as the model found them
            java.util.BitSet cuts = new java.util.BitSet();
            for (int k = i; k <= j; k++) {
                letters &= length(spans.get(k)) == 1;
                cuts.set(spans.get(k).start());
                cuts.set(spans.get(k).end());
            }
            List<int[]> names = j > i && !letters ? names(sentence, start, end, cuts) : null;
            if (names == null) {
                for (int k = i; k <= j; k++) {
                    if (!ethnicity(sentence, spans.get(k))) {
                        out.add(spans.get(k));
                    }
                }
            } else {
                names.forEach(n -> out.add(new ChineseEntities.Span(n[0], n[1], "PER", null)));
            }
            i = j + 1;
        }
        return out;
    }

    private static int length(ChineseEntities.Span s) {
        return s.end() - s.start();
    }

    /** A person span that is a people (维吾尔族, the note after a name in a list): no person. */
    private static boolean ethnicity(String sentence, ChineseEntities.Span s) {
        int end = s.end();
        while (end > s.start() + 1 && !nameChar(sentence.charAt(end - 1))) {
            end--;
        }
        return "PER".equals(s.type()) && sentence.charAt(end - 1) == '族';
    }

    /** The last of the person spans from {@code i} on that each begin where the one before ends. */
    private static int touching(List<ChineseEntities.Span> spans, int i) {
        int j = i;
        while ("PER".equals(spans.get(i).type()) && j + 1 < spans.size() && "PER".equals(spans.get(j + 1).type())
                && spans.get(j + 1).start() == spans.get(j).end()) {
            j++;
        }
        return j;
    }

    /**
     * One to three Chinese characters between two names of a list: a name or the surname of one (任 of 任建新), or
     * what follows a span of names run together (马建国欧阳 | 红梅).
     */
    private static boolean gap(String sentence, ChineseEntities.Span before, int to) {
        int from = before.end();
        boolean runTogether = from - before.start() >= 4 && sentence.substring(before.start(), from).indexOf('·') < 0;
        if (to - from < 1 || to - from > 3 || !runTogether && role(sentence.charAt(from), NR.B) < LIKELY_SURNAME) {
            return false;
        }
        for (int k = from; k < to; k++) {
            if (Character.UnicodeScript.of(sentence.charAt(k)) != Character.UnicodeScript.HAN) {
                return false;
            }
        }
        return true;
    }

    /**
     * The names of {@code sentence[start, end)}: [start, end) of each, in order. Characters that are neither Chinese
     * nor a middle dot (brackets of "（女）") separate parts and belong to no name; a part of one character is dropped.
     * Null if a part cannot be split.
     */
    static List<int[]> names(String sentence, int start, int end, java.util.BitSet cuts) {
        List<int[]> out = new ArrayList<>();
        int from = start;
        for (int k = start; k <= end; k++) {
            if (k == end || !nameChar(sentence.charAt(k))) {
                if (k - from >= 2 && !note(sentence, from, k)) {
                    List<int[]> part = best(sentence, from, k, cuts);
                    if (part == null) {
                        return null;
                    }
                    out.addAll(part);
                }
                from = k + 1;
            }
        }
        return out;
    }

    /** {@code sentence[from, to)} is in brackets and a note of a list of names (女, 满族), not a name. */
    private static boolean note(String sentence, int from, int to) {
        return from > 0 && to < sentence.length() && (sentence.charAt(from - 1) == '（' || sentence.charAt(from - 1) == '(')
                && (sentence.charAt(to) == '）' || sentence.charAt(to) == ')')
                && (sentence.charAt(to - 1) == '族' || to - from == 1 && sentence.charAt(from) == '女');
    }

    private static boolean nameChar(char c) {
        return c == '·' || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    /** The best split of {@code s[from, to)} into names, by dynamic programming over where each name ends. */
    private static List<int[]> best(String s, int from, int to, java.util.BitSet cuts) {
        int n = to - from;
        double[] score = new double[n + 1];
        int[] back = new int[n + 1];
        java.util.Arrays.fill(score, Double.NEGATIVE_INFINITY);
        score[0] = 0;
        for (int e = 2; e <= n; e++) {
            for (int b = Math.max(0, e - LONGEST_DOTTED); b <= e - 2; b++) {
                if (score[b] == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                double piece = piece(s, from + b, from + e, cuts);
                if (score[b] + piece > score[e]) {
                    score[e] = score[b] + piece;
                    back[e] = b;
                }
            }
        }
        if (score[n] == Double.NEGATIVE_INFINITY) {
            return null;
        }
        List<int[]> out = new ArrayList<>();
        for (int e = n; e > 0; e = back[e]) {
            out.add(0, new int[] {from + back[e], from + e});
        }
        return out;
    }

    /** Log-score of {@code s[b, e)} as one name; negative infinity if it cannot be one. */
    private static double piece(String s, int b, int e, java.util.BitSet cuts) {
        String name = s.substring(b, e);
        if (cuts.get(b) && cuts.get(e) && cuts.nextSetBit(b + 1) == e && role(name.charAt(0), NR.B) < LIKELY_SURNAME) {
            // one name as the model found it that does not begin with a surname: a foreign name (普里马科夫) kept whole
            return FOREIGN_PER_CHAR * name.length();
        }
        int dot = name.indexOf('·');
        if (dot >= 0) {
            // the dot inside, not at an edge, and not two dots together
            return dot == 0 || name.endsWith("·") || name.contains("··") ? Double.NEGATIVE_INFINITY
                    : DOTTED_PER_CHAR * name.length();
        }
        if (name.length() >= 3 && COMPOUND_SURNAMES.contains(name.substring(0, 2))) {
            // 欧阳修, 欧阳红梅: the given name's characters as after a one-character surname
            return name.length() == 3 ? TWO + Math.log(role(name.charAt(2), NR.E))
                    : name.length() == 4 ? THREE + Math.log(role(name.charAt(2), NR.C)) + Math.log(role(name.charAt(3), NR.D))
                    : Double.NEGATIVE_INFINITY;
        }
        if (name.length() > 3) {
            return Double.NEGATIVE_INFINITY;
        }
        double surname = role(name.charAt(0), NR.B);
        return name.length() == 2 ? TWO + Math.log(surname) + Math.log(role(name.charAt(1), NR.E))
                : THREE + Math.log(surname) + Math.log(role(name.charAt(1), NR.C)) + Math.log(role(name.charAt(2), NR.D));
    }

    private static final NR[] ROLES = {NR.B, NR.C, NR.D, NR.E};

    /** How often character {@code c} plays {@code role} among its roles in a Chinese name (smoothed). */
    static double role(char c, NR role) {
        EnumItem<NR> item = PersonDictionary.dictionary.get(String.valueOf(c));
        double total = 0;
        double count = 0;
        if (item != null) {
            for (NR r : ROLES) {
                total += item.getFrequency(r);
            }
            count = item.getFrequency(role);
        }
        return (count + 0.5) / (total + 2);
    }
}
