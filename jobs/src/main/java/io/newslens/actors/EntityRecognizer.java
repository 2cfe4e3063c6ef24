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
 * OpenNLP name finder trained on CoNLL-2003 eng.train ({@code data/scripts/train_ner.sh}), Chinese with HanLP
 * ({@link ChineseEntities}). Other languages get none (their actors come from the dictionary only).
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
        List<Entity> out = new ArrayList<>();
        if ("en".equals(language)) {
            NameFinderME finder = FINDER.get();
            finder.clearAdaptiveData();
            for (int[] s : sentences) {
                List<EntityTokens.Token> tokens = EntityTokens.tokens(text.substring(s[0], s[1]));
                if (tokens.isEmpty()) {
                    continue;
                }
                String[] words = tokens.stream().map(EntityTokens.Token::text).toArray(String[]::new);
                for (opennlp.tools.util.Span x : finder.find(words)) {
                    if (NerEvaluation.TYPES.contains(x.getType())) {
                        out.add(new Entity(s[0] + tokens.get(x.getStart()).start(), s[0] + tokens.get(x.getEnd() - 1).end(), x.getType()));
                    }
                }
            }
        } else if ("zh".equals(language)) {
            for (int[] s : sentences) {
                for (ChineseEntities.Span x : ChineseEntities.find(text.substring(s[0], s[1]))) {
                    out.add(new Entity(s[0] + x.start(), s[0] + x.end(), x.type(), x.link()));
                }
            }
        }
        return out;
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
