package io.newslens.actors;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tokens as the English name finder was trained on them (CoNLL-2003 / Penn Treebank style): "U.S." and "Corp."
 * whole, "Germany's" as "Germany" + "'s", every other punctuation mark a token of its own; with character offsets.
 */
public final class EntityTokens {
    public record Token(String text, int start, int end) {
    }

    private static final Pattern TOKEN = Pattern.compile(
            "n['’]t\\b"                                                // clitic of don't
            + "|(?:\\p{L}\\.){2,}"                                    // U.S., U.K.
            + "|\\p{Lu}\\.(?=\\s)"                                    // an initial: "M. Johnson"
            + "|\\p{Lu}['’]\\p{Lu}\\p{L}+"                            // O'Neill, D'Alema
            + "|\\p{L}[\\p{L}\\p{M}\\p{N}]*(?:[-.&][\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}]*)*"  // words, Al-Qaeda, AT&T
            + "|\\p{N}+(?:[-.,:/]\\p{N}+)*\\p{L}*"                      // numbers, dates, scores (2-0), 1990s
            + "|-{2,}|\\.{2,}"                                         // dashes, ellipses
            + "|['’](?:s|S|re|ve|ll|d|m)\\b"                          // clitics
            + "|\\S");
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "corp", "inc", "co", "ltd", "st",
            "jr", "sr", "gen", "gov", "sen", "rep", "lt", "col", "capt", "prof", "rev", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "bros", "plc", "mt", "ft", "messrs");

    private EntityTokens() {
    }

    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        java.util.regex.Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            int start = m.start();
            int end = m.end();
            String word = m.group();
            // "don't": the word before n't ends one letter earlier.
            if (end + 2 < text.length() + 1 && word.endsWith("n") && end < text.length() - 1
                    && (text.charAt(end) == '\'' || text.charAt(end) == '’') && text.charAt(end + 1) == 't'
                    && word.length() > 1 && Character.isLetter(word.charAt(0))) {
                out.add(new Token(word.substring(0, word.length() - 1), start, end - 1));
                m.region(end - 1, text.length());
                continue;
            }
            if (end < text.length() && text.charAt(end) == '.' && ABBREVIATIONS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                end++;
                m.region(end, text.length());
            }
            out.add(new Token(text.substring(start, end), start, end));
        }
        return out;
    }
}
