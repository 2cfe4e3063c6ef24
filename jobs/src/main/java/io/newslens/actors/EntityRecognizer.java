package io.newslens.actors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * Statistical named-entity recognition of people (PER), organisations (ORG) and places (LOC): English with an
 * OpenNLP name finder trained on CoNLL-2003 eng.train ({@code data/scripts/train_ner.sh}), Chinese with one over
 * characters trained on the MSRA training set ({@link ChineseNer}, {@code data/scripts/train_ner_zh.sh}). Other
 * languages get none (their actors come from the dictionary only).
 */
public final class EntityRecognizer {
    /**
     * An entity: characters [start, end) of the text; {@code link} is a dictionary actor id when the recogniser
     * already knows whom it names (Chinese one-character country abbreviations), else null.
     */
    public record Entity(int start, int end, String type, String link) {
        public Entity(int start, int end, String type) {
            this(start, end, type, null);
        }
    }

    static final String ENGLISH_MODEL = "/io/newslens/actors/ner-en.bin";
    /**
     * Wire-service names: a line of its own with one of them ("... said.\n Reuter\n&#3;") is the agency's sign-off,
     * on every article, not an actor of the story ("told Reuters" still is one).
     */
    static final java.util.Set<String> CREDITS = java.util.Set.of("reuter", "reuters", "ap", "afp", "upi", "xinhua",
            "dpa", "kyodo", "tass", "itar-tass", "ansa", "efe", "pti", "yonhap", "aap", "anp", "ap-dow jones");
    private static volatile TokenNameFinderModel english;
    // NameFinderME keeps per-document state: one per thread, the model (read-only) shared by the JVM.
    private static final ThreadLocal<NameFinderME> FINDER = ThreadLocal.withInitial(() -> new NameFinderME(englishModel()));

    private EntityRecognizer() {
    }

    /** Does the recogniser know this language? */
    public static boolean supports(String language) {
        return "en".equals(language) || "zh".equals(language);
    }

    /** The entities of one article's text, sentence by sentence ([start, end) character ranges of the text). */
    public static List<Entity> find(String text, List<int[]> sentences, String language) {
        return find(text, sentences, language, offset -> false);
    }

    /**
     * @param placeAt true at offsets where every name is a place whatever the model reads (a dateline says where the
     *                story was filed: "DETROIT, March 3 -" is no club), applied before a name's reading spreads
     */
    public static List<Entity> find(String text, List<int[]> sentences, String language, java.util.function.IntPredicate placeAt) {
        List<Entity> out = new ArrayList<>();
        if ("en".equals(language)) {
            NameFinderME finder = FINDER.get();
            finder.clearAdaptiveData();
            for (int[] s : sentences) {
                List<EntityTokens.Token> tokens = EntityTokens.tokens(text.substring(s[0], s[1]));
                if (!mayNameSomeone(tokens)) {
                    continue;
                }
                String[] words = tokens.stream().map(EntityTokens.Token::text).toArray(String[]::new);
                for (opennlp.tools.util.Span x : finder.find(words)) {
                    int last = x.getEnd() - 1;
                    // "Reuter &" (a sign-off before "&#3;"): an entity does not end on a symbol.
                    while (last > x.getStart() && !Character.isLetterOrDigit(tokens.get(last).text().charAt(0))) {
                        last--;
                    }
                    int start = s[0] + tokens.get(x.getStart()).start();
                    int end = s[0] + tokens.get(last).end();
                    if (NerEvaluation.TYPES.contains(x.getType()) && !signOff(text, s, start, end)) {
                        out.add(new Entity(start, end, placeAt.test(start) ? "LOC" : x.getType()));
                    }
                }
            }
            return consistent(text, out);
        } else if ("zh".equals(language)) {
            for (int[] s : sentences) {
                for (ChineseEntities.Span x : ChineseNer.find(text.substring(s[0], s[1]))) {
                    out.add(new Entity(s[0] + x.start(), s[0] + x.end(), x.type(), x.link()));
                }
            }
        }
        return out;
    }

    /**
     * A name the model recognised somewhere in the article is an entity wherever else the article writes it the same
     * way (the model can miss it in a short or odd sentence), with the type the model gave it most often (ties: the
     * first). What the model found keeps its type: relabelling every occurrence to the majority cost 0.007 F1 on
     * CoNLL eng.testb, adding the missed ones gains 0.001-0.002.
     */
    static List<Entity> consistent(String text, List<Entity> found) {
        if (found.isEmpty()) {
            return found;
        }
        java.util.Map<String, java.util.Map<String, Integer>> types = new java.util.LinkedHashMap<>();
        for (Entity e : found) {
            types.computeIfAbsent(text.substring(e.start(), e.end()), k -> new java.util.LinkedHashMap<>()).merge(e.type(), 1, Integer::sum);
        }
        java.util.Map<String, String> majority = new java.util.HashMap<>();
        types.forEach((name, counts) -> majority.put(name, counts.entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey()));
        List<Entity> out = new ArrayList<>(found);
        java.util.BitSet taken = new java.util.BitSet(text.length());
        found.forEach(e -> taken.set(e.start(), e.end()));
        for (String name : majority.keySet()) {
            if (name.length() < 3 || !Character.isUpperCase(name.codePointAt(0))) {
                continue;
            }
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                int end = at + name.length();
                boolean word = (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                        && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
                if (word && taken.nextSetBit(at) < 0 || word && taken.nextSetBit(at) >= end) {
                    out.add(new Entity(at, end, majority.get(name)));
                    taken.set(at, end);
                }
            }
        }
        out.sort(java.util.Comparator.comparingInt(Entity::start));
        return out;
    }

    /**
     * Can an English sentence hold a name? Not where no word is capitalised but the first and the first is a function
     * word ("The company said it would ..."): the model, which costs most of the actors stage, is not run on it. A
     * capitalised first word that is no function word ("Raimondo declined ...") or is written in capitals ("US",
     * "WHO") may be a name, and the sentence is read.
     */
    static boolean mayNameSomeone(List<EntityTokens.Token> tokens) {
        int f = 0; // the first word: an opening quote or bracket is none
        while (f < tokens.size() && !Character.isLetterOrDigit(tokens.get(f).text().codePointAt(0))) {
            f++;
        }
        if (f == tokens.size()) {
            return false;
        }
        for (int i = f + 1; i < tokens.size(); i++) {
            if (Character.isUpperCase(tokens.get(i).text().codePointAt(0))) {
                return true;
            }
        }
        String first = tokens.get(f).text();
        boolean acronym = first.length() > 1 && first.equals(first.toUpperCase(java.util.Locale.ROOT)); // "US", "WHO"
        return Character.isUpperCase(first.codePointAt(0))
                && (acronym || !io.newslens.text.Analyzers.ENGLISH_STOP_WORDS.contains(first.toLowerCase(java.util.Locale.ROOT)));
    }

    /** Is the entity a wire service's name standing alone in its sentence (letters aside from it: none)? */
    static boolean signOff(String text, int[] sentence, int start, int end) {
        if (!CREDITS.contains(text.substring(start, end).toLowerCase(java.util.Locale.ROOT))) {
            return false;
        }
        String rest = text.substring(sentence[0], start) + text.substring(end, sentence[1]);
        return rest.codePoints().noneMatch(Character::isLetter);
    }

    static TokenNameFinderModel englishModel() {
        if (english == null) {
            synchronized (EntityRecognizer.class) {
                if (english == null) {
                    try (InputStream in = EntityRecognizer.class.getResourceAsStream(ENGLISH_MODEL)) {
                        if (in == null) {
                            throw new IllegalStateException("the English name-finder model " + ENGLISH_MODEL
                                    + " is not on the classpath; build it with data/scripts/train_ner.sh");
                        }
                        english = new TokenNameFinderModel(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
        }
        return english;
    }
}
