package io.newslens.actors;

import io.newslens.text.Analyzers;
import io.newslens.text.TextNormalizer;
import io.newslens.text.Tokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One article read for actors: its text in zones (title, dateline, body), sentences, mentions, candidate
 * phrases and lexicon tone. Offsets refer to {@link #text}: normalised title, a blank line, the normalised
 * dateline and a blank line when there is one, then the normalised body.
 */
public final class ActorText {
    public record Sentence(int start, int end, String zone) {
    }

    public record Mention(Matcher.Found found, int sentence, String zone, String code) {
    }

    /**
     * A name no dictionary actor covers, one per occurrence: a recognised entity (type person, organization or
     * place; {@code alias} is the surname or acronym when the occurrence was resolved to it) or, in a language
     * without a recogniser, a capitalised phrase (type from its words).
     */
    public record Candidate(String phrase, String type, String alias, String actorId) {
    }

    public final String text;
    public final List<Sentence> sentences = new ArrayList<>();
    public final List<Mention> mentions = new ArrayList<>();
    /** Names not in the dictionary, one entry per occurrence. */
    public final List<Candidate> candidates = new ArrayList<>();
    /** Mean lexicon valence per sentence (null: no lexicon word). */
    public final List<Double> sentenceTone = new ArrayList<>();
    public double toneSum;
    public int toneWords;
    /** The language of the tone lexicon (VADER): only articles in it get a tone. */
    static final String LEXICON_LANGUAGE = "en";

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}']*");
    private static final Pattern PHRASE = Pattern.compile(
            "(?:\\p{Lu}\\p{Ll}+|\\p{Lu}{2,})(?:(?:\\s+(?:of|for|and|de|von|van|bin|al))?\\s+(?:\\p{Lu}\\p{Ll}+|\\p{Lu}{2,}))*");
    private static final Set<String> CONNECTORS = Set.of("of", "for", "and", "de", "von", "van", "bin", "al");
    private static final Set<String> NOT_NAMES = Set.of("mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday",
            "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
            "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs", "ms", "dr", "he", "she", "we", "they",
            "i", "his", "her", "its", "our", "their", "this", "that", "these", "those", "but", "and", "the", "in", "on",
            "at", "for", "with", "as", "by", "after", "before", "while", "when", "if", "it", "there", "here", "also",
            "reuter", "reuters", "said", "says", "pct", "mln", "dlrs", "billion", "million");

    /** The text mentions' offsets refer to, and its sentences (title, dateline, then the body's). */
    public record Layout(String text, List<Sentence> sentences) {
    }

    public static Layout layout(String title, String dateline, String body, String language) {
        List<Sentence> sentences = new ArrayList<>();
        String t = TextNormalizer.normalize(title == null ? "" : title).strip();
        String d = TextNormalizer.normalize(dateline == null ? "" : dateline).strip();
        String b = TextNormalizer.normalize(body == null ? "" : body);
        StringBuilder sb = new StringBuilder();
        if (!t.isEmpty()) {
            sentences.add(new Sentence(0, t.length(), "title"));
            sb.append(t).append("\n\n");
        }
        if (!d.isEmpty()) {
            sentences.add(new Sentence(sb.length(), sb.length() + d.length(), "dateline"));
            sb.append(d).append("\n\n");
        }
        int bodyStart = sb.length();
        sb.append(b);
        boolean lead = true;
        for (int[] s : Tokenizer.sentences(b, language)) {
            sentences.add(new Sentence(bodyStart + s[0], bodyStart + s[1], lead ? "lead" : "body"));
            lead = false;
        }
        return new Layout(sb.toString(), sentences);
    }

    public ActorText(String title, String dateline, String body, String language, LocalDate date, Matcher matcher) {
        this(title, dateline, body, language, date, matcher, false);
    }

    /** @param recognise also recognise people, organisations and places the dictionary lacks (en, zh: {@link EntityRecognizer}) */
    public ActorText(String title, String dateline, String body, String language, LocalDate date, Matcher matcher,
                     boolean recognise) {
        Layout layout = layout(title, dateline, body, language);
        sentences.addAll(layout.sentences());
        text = layout.text();
        boolean recognising = recognise && EntityRecognizer.supports(language);
        // A dateline says where the story was filed: its names are places ("LOS ANGELES, March 3" is no club).
        List<EntityRecognizer.Entity> entities = recognising
                ? EntityRecognizer.find(text, sentences.stream().map(x -> new int[] {x.start(), x.end()}).toList(), language,
                        offset -> "dateline".equals(zoneAt(offset)))
                : List.of();
        int headEnd = sentences.stream().filter(x -> x.zone().equals("title") || x.zone().equals("dateline"))
                .mapToInt(Sentence::end).max().orElse(0);
        for (Matcher.Found f : matcher.find(text, language, entities, headEnd)) {
            int idx = sentenceOf(f.start());
            mentions.add(new Mention(f, idx, idx < 0 ? "body" : sentences.get(idx).zone(), Matcher.codeOn(f, date)));
        }
        // The VADER lexicon is English: another language gets no tone (null), not one from a stray English word.
        Map<String, Double> lexicon = LEXICON_LANGUAGE.equals(language) ? lexicon() : Map.of();
        for (Sentence s : sentences) {
            double sum = 0;
            int n = 0;
            java.util.regex.Matcher w = WORD.matcher(text.substring(s.start(), s.end()));
            while (!lexicon.isEmpty() && w.find()) {
                Double v = lexicon.get(w.group().toLowerCase(Locale.ROOT));
                if (v != null) {
                    sum += v;
                    n++;
                }
            }
            sentenceTone.add(n == 0 ? null : sum / n);
            toneSum += sum;
            toneWords += n;
        }
        if (recognising) {
            for (Mention m : mentions) {
                Dictionary.Actor a = m.found().actor();
                if (a != null && Matcher.NER.equals(a.origin())) {
                    candidates.add(new Candidate(a.name(), a.type(),
                            Matcher.RESOLVED.equals(m.found().origin()) ? m.found().text() : null, a.actorId()));
                }
            }
        } else if (!Analyzers.isCjk(language)) {
            findCandidates();
        }
    }

    private String zoneAt(int offset) {
        int i = sentenceOf(offset);
        return i < 0 ? "body" : sentences.get(i).zone();
    }

    private int sentenceOf(int offset) {
        for (int i = 0; i < sentences.size(); i++) {
            if (offset >= sentences.get(i).start() && offset < sentences.get(i).end()) {
                return i;
            }
        }
        return -1;
    }

    /** Capitalised phrases of body sentences that no dictionary mention overlaps. */
    private void findCandidates() {
        for (Sentence s : sentences) {
            if (!s.zone().equals("lead") && !s.zone().equals("body")) {
                continue;
            }
            String sentence = text.substring(s.start(), s.end());
            if (sentence.chars().filter(Character::isLowerCase).count() < sentence.length() / 4) {
                continue; // headlines, tables and shouting: capitals mean nothing there
            }
            java.util.regex.Matcher m = PHRASE.matcher(sentence);
            while (m.find()) {
                int start = s.start() + m.start();
                int end = s.start() + m.end();
                String phrase = trimNonNames(m.group(), m.start() == firstWordStart(sentence));
                if (phrase == null || overlapsMention(start, end)) {
                    continue;
                }
                candidates.add(new Candidate(phrase, suggestType(phrase), null, null));
            }
        }
    }

    private static int firstWordStart(String sentence) {
        int i = 0;
        while (i < sentence.length() && !Character.isLetter(sentence.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Drops leading words that are not names; a lone sentence-initial word is not a name either. */
    private static String trimNonNames(String phrase, boolean sentenceStart) {
        List<String> words = new ArrayList<>(List.of(phrase.split("\\s+")));
        boolean first = sentenceStart;
        // "Officials of Acme Corp" at a sentence start: the first word is capitalised only by position.
        if (sentenceStart && words.size() > 2 && CONNECTORS.contains(words.get(1))) {
            words.subList(0, 2).clear();
            first = false;
        }
        while (!words.isEmpty() && NOT_NAMES.contains(words.get(0).toLowerCase(Locale.ROOT))) {
            words.remove(0);
            first = false;
        }
        while (!words.isEmpty() && NOT_NAMES.contains(words.get(words.size() - 1).toLowerCase(Locale.ROOT))) {
            words.remove(words.size() - 1);
        }
        if (words.isEmpty() || words.size() > 5 || words.size() == 1 && (first || words.get(0).length() < 3)) {
            return null;
        }
        return String.join(" ", words);
    }

    private boolean overlapsMention(int start, int end) {
        for (Mention m : mentions) {
            if (start < m.found().end() && m.found().start() < end) {
                return true;
            }
        }
        return false;
    }

    private static volatile Map<String, Double> lexicon;

    /** The VADER lexicon (Hutto &amp; Gilbert 2014, MIT): token → mean valence in [-4, 4]. */
    public static Map<String, Double> lexicon() {
        if (lexicon == null) {
            synchronized (ActorText.class) {
                if (lexicon == null) {
                    Map<String, Double> m = new HashMap<>();
                    try (InputStream in = ActorText.class.getResourceAsStream("/io/newslens/actors/vader_lexicon.txt");
                         BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            String[] f = line.split("\t");
                            if (f.length >= 2 && WORD.matcher(f[0]).matches()) {
                                m.put(f[0].toLowerCase(Locale.ROOT), Double.parseDouble(f[1]));
                            }
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    lexicon = m;
                }
            }
        }
        return lexicon;
    }

    private static final Set<String> COMPANY_WORDS = Set.of("Corp", "Corporation", "Inc", "Co", "Ltd", "Group", "Bank",
            "Holdings", "Airlines", "Motors", "Industries", "Plc", "PLC", "AG", "SA", "NV", "Company", "Securities", "Capital",
            "Partners", "Technologies", "Energy", "Oil", "Petroleum");
    private static final Set<String> GOVERNMENT_WORDS = Set.of("Ministry", "Department", "Agency", "Commission", "Council",
            "Parliament", "Court", "Office", "Bureau", "Authority", "Senate", "Cabinet", "Government", "Administration", "Army",
            "Navy", "Police");
    private static final Set<String> GROUP_WORDS = Set.of("Union", "Organization", "Organisation", "Association", "Federation",
            "Fund", "Alliance", "Front", "Movement", "Institute", "University", "Committee");
    private static final java.util.regex.Pattern WHITE_SPACE = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern NAME_WORD = java.util.regex.Pattern.compile("\\p{Lu}\\p{Ll}+");

    /**
     * Suggested dictionary type of a candidate phrase, from its words: a company, government or group word
     * anywhere in it (in that order of precedence), "Party", or two or three capitalised words (a person).
     */
    public static String suggestType(String phrase) {
        String[] words = WHITE_SPACE.split(phrase.strip());
        List<String> all = List.of(words);
        if (all.stream().anyMatch(COMPANY_WORDS::contains)) {
            return "company";
        }
        if (all.stream().anyMatch(GOVERNMENT_WORDS::contains)) {
            return "government body";
        }
        if (all.contains("Party")) {
            return "party";
        }
        if (all.stream().anyMatch(GROUP_WORDS::contains)) {
            return "group";
        }
        if (words.length >= 2 && words.length <= 3 && all.stream().allMatch(w -> NAME_WORD.matcher(w).matches())) {
            return "person";
        }
        return "unknown";
    }
}
