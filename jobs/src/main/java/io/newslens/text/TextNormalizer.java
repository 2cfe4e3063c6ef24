package io.newslens.text;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Text as analysis needs it: markup turned into text (only when the body holds some), entities
 * decoded, Unicode NFKC (full-width digits and letters, ligatures), white space folded with paragraph
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
        return MARKUP.matcher(s).find();
    }

    public static String normalize(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String text = s;
        if (hasMarkup(text)) {
            text = htmlToText(text);
        } else if (ENTITY.matcher(text).find()) {
            text = Parser.unescapeEntities(text, false);
        }
        text = Normalizer.normalize(text, Normalizer.Form.NFKC);
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
