package io.newslens.text;

import io.newslens.config.TextOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * A normalised text into sentences and tokens. Tokens come in <em>chunks</em>: runs of adjacent kept
 * tokens within one sentence. A removed stop word, number or short token ends a chunk, so n-grams and
 * collocations never join words that were not next to each other ("Bank of England" gives no "bank
 * england").
 */
public final class Tokenizer {
    private final TextOptions options;
    private final Set<String> extraStopwords;

    private static final java.util.Map<TextOptions, Tokenizer> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** One tokenizer per JVM and options (what the Spark UDFs use). */
    public static Tokenizer of(TextOptions options) {
        return CACHE.computeIfAbsent(options, Tokenizer::new);
    }

    public Tokenizer(TextOptions options) {
        this.options = options;
        this.extraStopwords = new HashSet<>(options.stopwords().stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
    }

    /**
     * Sentence boundaries as [start, end) character offsets of {@code text}: the JDK's BreakIterator,
     * except that a break right after a title, a company suffix, a month or initials ("Mr.", "Corp.",
     * "Feb.", "U.S.") is not a sentence end; news writes those mid-sentence far more often than last.
     */
    public static List<int[]> sentences(String text, String language) {
        BreakIterator it = BreakIterator.getSentenceInstance(language == null ? Locale.ENGLISH : Locale.forLanguageTag(language));
        List<int[]> result = new ArrayList<>();
        // A blank line (title and body, paragraphs without a full stop) always ends a sentence; so does every line
        // break of a text written a paragraph per line (a caption, a subheading or a byline line is not glued to the
        // next paragraph's first sentence). A hard-wrapped text keeps its line breaks inside sentences.
        java.util.regex.Matcher para = (paragraphPerLine(text) ? LINE_BREAK : PARAGRAPH_BREAK).matcher(text);
        int from = 0;
        while (from < text.length()) {
            int to = para.find() ? para.start() : text.length();
            sentences(it, text, from, to, result);
            from = to < text.length() ? para.end() : to;
        }
        return result;
    }

    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\n\\s*\\n");
    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\n\\s*");

    /**
     * Lines longer than any hard-wrapping writes (wire copy, e-mail and Usenet text wrap at 60 to 80 characters) mean
     * that the text's line breaks end paragraphs.
     */
    static final int PARAGRAPH_LINE_CHARS = 150;

    /** Whether {@code text} has a line break and a line longer than {@link #PARAGRAPH_LINE_CHARS}. */
    static boolean paragraphPerLine(String text) {
        if (text.indexOf('\n') < 0) {
            return false;
        }
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int end = text.indexOf('\n', lineStart);
            end = end < 0 ? text.length() : end;
            if (end - lineStart > PARAGRAPH_LINE_CHARS) {
                return true;
            }
            lineStart = end + 1;
        }
        return false;
    }

    private static void sentences(BreakIterator it, String text, int from, int to, List<int[]> result) {
        String paragraph = text.substring(from, to);
        it.setText(paragraph);
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; end = it.next()) {
            if (end < paragraph.length() && endsWithAbbreviation(paragraph, start, end)) {
                continue;
            }
            if (!paragraph.substring(start, end).isBlank()) {
                result.add(new int[] {from + start, from + end});
            }
            start = end;
        }
    }

    /**
     * Whether {@code text[start, end)} ends with an abbreviation ({@link #ABBREVIATION_END}). The pattern is
     * anchored at the end and its longest alternative is 6 characters after any trailing white space, so only
     * the tail is searched (with the text before it visible to {@code \b}): searching the whole sentence tried
     * the pattern at every position, quadratic work for nothing.
     */
    static boolean endsWithAbbreviation(String text, int start, int end) {
        int k = end;
        while (k > start && Character.isWhitespace(text.charAt(k - 1))) {
            k--;
        }
        int from = Math.max(start, k - 12);
        java.util.regex.Matcher m = ABBREVIATION_END.matcher(text);
        // The sentence's own start is a word boundary, as when the sentence was matched on its own.
        m.region(from, end).useTransparentBounds(from > start).useAnchoringBounds(true);
        return m.find();
    }

    private static final Pattern ABBREVIATION_END = Pattern.compile(
            "(?:\\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Adm|St|Mt|Jr|Sr|Inc|Co|Corp|Ltd|Bros|No|Nos|vs|etc"
                    + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.|\\b(?:\\p{Lu}\\.){1,3})\\s*$");

    /**
     * What is not prose: web addresses (with a scheme, www., or a bare domain of a common top-level domain, with
     * its path: "pic.twitter.com/x", "politi.co/2d"), e-mail addresses and social-media handles. Cut out of the
     * analysis (never out of articles.text) and a chunk break, so "see http://x.co/ab today" gives no "see today".
     */
    static final Pattern NOT_PROSE = Pattern.compile(
            "(?:https?://|ftp://|www\\.)\\S+"
                    + "|[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"
                    // A bare domain: one of the link top-level domains, or any with a path ("cnn.it/2d"); not "end.It".
                    + "|\\b(?:[a-z0-9-]+\\.)+(?:com|org|net|gov|edu|co|io|ly|gl|ws|tv|fm|news|info)\\b(?:/\\S*)?"
                    + "|\\b(?:[a-z0-9-]+\\.)+[a-z]{2,6}/\\S+"
                    + "|(?<![\\w@])@\\w{1,30}"
                    // Clock times with their zone ("3:14 PM CET", "10 a.m. ET"): datelines, not words ("pm cet").
                    + "|\\b\\d{1,2}(?::\\d{2}){1,2}\\s*(?:[ap]\\.?m\\b\\.?)?(?:\\s*(?:cet|cest|utc|gmt|bst|[a-z]{1,2}t)\\b)?"
                    + "|\\b\\d{1,2}\\s*[ap]\\.?m\\b\\.?(?:\\s*(?:cet|cest|utc|gmt|bst|[a-z]{1,2}t)\\b)?",
            Pattern.CASE_INSENSITIVE);

    /** Chunks of tokens of an already normalised text, sentence by sentence, in order. */
    public List<List<String>> chunks(String text, String language) {
        return chunks(text, language, null);
    }

    /** As {@link #chunks(String, String)}, with the occurrences of the outlet's boilerplate trigrams cut out too. */
    public List<List<String>> chunks(String text, String language, java.util.Collection<String> boilerplate) {
        Analyzer analyzer = Analyzers.forLanguage(language, options);
        boolean cjk = Analyzers.isCjk(language);
        List<int[]> cuts = cuts(text, boilerplate);
        List<List<String>> chunks = new ArrayList<>();
        int c = 0;
        for (int[] s : sentences(text, language)) {
            int from = s[0];
            while (c < cuts.size() && cuts.get(c)[1] <= from) {
                c++;
            }
            for (int k = c; k < cuts.size() && cuts.get(k)[0] < s[1]; k++) {
                int to = Math.max(from, cuts.get(k)[0]);
                if (to > from) {
                    tokenize(analyzer, text.substring(from, to), cjk, chunks);
                }
                from = Math.max(from, Math.min(cuts.get(k)[1], s[1]));
            }
            if (s[1] > from) {
                tokenize(analyzer, text.substring(from, s[1]), cjk, chunks);
            }
        }
        return chunks;
    }

    /** What is cut out of the analysis, as sorted, merged [start, end) spans: not prose, and boilerplate. */
    static List<int[]> cuts(String text, java.util.Collection<String> boilerplate) {
        List<int[]> spans = new ArrayList<>(Boilerplate.spans(text, boilerplate));
        spans.addAll(notProse(text));
        spans.sort(java.util.Comparator.comparingInt(a -> a[0]));
        List<int[]> merged = new ArrayList<>();
        for (int[] sp : spans) {
            int[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && sp[0] <= last[1]) {
                last[1] = Math.max(last[1], sp[1]);
            } else {
                merged.add(new int[] {sp[0], sp[1]});
            }
        }
        return merged;
    }

    /**
     * The spans {@link #NOT_PROSE} finds in the text, as {@code find()} from the start finds them, but tried only
     * where a match can start. Every alternative of the pattern starts inside a run of non-space characters that
     * holds an '@', '/', ':', a digit or a '.' inside it (a web or e-mail address, a handle, a
     * clock time), and most words of prose hold none: searching all of a text tried the pattern's address
     * alternatives at every letter, most of the text stage's time.
     */
    static List<int[]> notProse(String text) {
        List<int[]> spans = new ArrayList<>();
        java.util.regex.Matcher m = NOT_PROSE.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int n = text.length();
        int next = 0; // where the next match may start: after the previous one, as find() continues
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            boolean candidate = false;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                char c = text.charAt(i);
                if (c == '@' || c == '/' || c == ':' || Character.isDigit(c)
                        || c == '.' && i + 1 < n && !Character.isWhitespace(text.charAt(i + 1))) {
                    candidate = true;
                }
                i++;
            }
            if (!candidate) {
                continue;
            }
            for (int p = Math.max(start, next); p < i; p++) {
                m.region(p, n);
                if (m.lookingAt()) {
                    spans.add(new int[] {m.start(), m.end()});
                    next = m.end();
                    p = next - 1; // the same word may hold another match after this one
                }
            }
            // A match may run on past this word (a clock time's zone); the scan continues after it.
            i = Math.max(i, next);
        }
        return spans;
    }

    /** Appends the chunks of one stretch of prose. */
    private void tokenize(Analyzer analyzer, String prose, boolean cjk, List<List<String>> chunks) {
        List<String> current = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", prose)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String t = term.toString();
                boolean gap = inc.getPositionIncrement() > 1;
                if (gap || !keep(t, cjk)) {
                    flush(chunks, current);
                    current = new ArrayList<>();
                }
                if (keep(t, cjk)) {
                    current.add(t);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        flush(chunks, current);
    }

    private static void flush(List<List<String>> chunks, List<String> current) {
        if (!current.isEmpty()) {
            chunks.add(current);
        }
    }

    private boolean keep(String token, boolean cjk) {
        if (!cjk && token.codePointCount(0, token.length()) < options.minTokenLength()) {
            return false;
        }
        if (!options.keepNumbers() && token.codePoints().noneMatch(Character::isLetter)) {
            return false;
        }
        // English words turn up in news of every language (quotes, names, tables): its stop words go too.
        return !extraStopwords.contains(token) && !Analyzers.ENGLISH_STOP_WORDS.contains(token)
                && !(options.newsStopWords() && Analyzers.NEWS_STOP_WORDS.contains(token));
    }
}
