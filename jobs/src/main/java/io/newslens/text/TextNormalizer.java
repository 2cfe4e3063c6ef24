package io.newslens.text;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Text as analysis needs it: UTF-8 damaged by a Latin-1 or Windows-1252 decoding repaired ({@link Mojibake}), markup
 * turned into text (only when the body holds some), entities decoded, Unicode NFKC (full-width digits and letters, ligatures), white space folded with paragraph
 * breaks kept. The stored {@code articles.text} is never changed; this is applied on the way in.
 */
public final class TextNormalizer {
    private static final Pattern MARKUP = Pattern.compile(
            "<(?:p|div|br|span|a|html|body|b|i|em|strong|h[1-6]|li|ul|ol|table|tr|td|script|style|img|figure|section|article)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTITY = Pattern.compile("&(?:[a-zA-Z]{2,8}|#\\d{2,6}|#x[0-9a-fA-F]{2,6});");
    private static final Pattern SPACES = Pattern.compile("[\\p{Zs}\\t\\x0B\\f\\r]+");
    private static final Pattern SPACE_AROUND_NEWLINE = Pattern.compile(" ?\\n ?");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private TextNormalizer() {
    }

    public static boolean hasMarkup(String s) {
        return s.indexOf('<') >= 0 && MARKUP.matcher(s).find();
    }

    public static String normalize(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String text = Mojibake.repair(s);
        if (hasMarkup(text)) {
            text = htmlToText(text);
        } else if (text.indexOf('&') >= 0 && ENTITY.matcher(text).find()) {
            text = Parser.unescapeEntities(text, false);
        }
        // NFKC leaves ASCII as it is, and most text is already normalised: checking is cheaper than normalising.
        if (!nfkcStableChars(text) && !Normalizer.isNormalized(text, Normalizer.Form.NFKC)) {
            text = Normalizer.normalize(text, Normalizer.Form.NFKC);
        }
        return foldSpaces(text);
    }

    /** Characters below U+0250 (Latin) that NFKC leaves as they are, worked out once from the JDK's own tables. */
    private static final java.util.BitSet STABLE_LATIN = new java.util.BitSet(0x250);

    static {
        for (char c = 0; c < 0x250; c++) {
            String one = String.valueOf(c);
            STABLE_LATIN.set(c, Normalizer.normalize(one, Normalizer.Form.NFKC).equals(one));
        }
    }

    /** Whether every character is one NFKC keeps (then the text is normalised): Latin text without ligatures. */
    static boolean nfkcStableChars(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x250 || !STABLE_LATIN.get(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * In one pass what {@link #foldSpacesByRegex} does with three: runs of spaces, tabs and other horizontal
     * white space become one space, spaces next to a line break go, more than one blank line becomes one, and
     * the ends are stripped.
     */
    static String foldSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean space = false;
        int newlines = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                newlines++;
                space = false;
            } else if (c == ' ' || c == '\t' || c == '\u000B' || c == '\f' || c == '\r'
                    || c > 0x7f && Character.getType(c) == Character.SPACE_SEPARATOR) {
                space = true; // dropped if a line break follows or came before: those are written instead
            } else {
                if (out.length() > 0) {
                    if (newlines > 0) {
                        out.append(newlines == 1 ? "\n" : "\n\n");
                    } else if (space) {
                        out.append(' ');
                    }
                }
                newlines = 0;
                space = false;
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    /** The definition {@link #foldSpaces} implements (kept for its test). */
    static String foldSpacesByRegex(String text) {
        text = SPACES.matcher(text).replaceAll(" ");
        text = SPACE_AROUND_NEWLINE.matcher(text).replaceAll("\n");
        text = BLANK_LINES.matcher(text).replaceAll("\n\n");
        return text.strip();
    }

    private static String htmlToText(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("script, style, noscript, iframe, svg").remove();
        // wholeText() already renders <br> as a newline; blocks get paragraph breaks.
        for (Element block : doc.select("p, div, li, h1, h2, h3, h4, h5, h6, tr, blockquote, section, article, header, footer")) {
            block.prepend("\n\n");
            block.append("\n\n");
        }
        return doc.body().wholeText();
    }
}
