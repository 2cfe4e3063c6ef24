package io.newslens.actors;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;

/**
 * Finds dictionary actors in a text with one Aho-Corasick automaton over every alias (built once per JVM and
 * dictionary), then applies what the automaton cannot: token boundaries, per-alias case rules, longest match
 * first, and resolution of aliases shared by several actors.
 * <ul>
 * <li>Case: an alias written in capitals and short ("US", "U.S.", "EU", "NATO") must match exactly, so "us" is
 * not the United States; any other alias matches regardless of case except that a capitalised alias needs a
 * capital first letter in the text ("China" and "CHINA", not "china" the porcelain).</li>
 * <li>Overlaps: the longest match wins, then the earliest ("Morgan Stanley" over the Falklands' "Stanley",
 * "New Jersey" over "Jersey").</li>
 * <li>Shared aliases ("Georgia": the country and the US state) resolve to the candidate whose country the
 * article's other mentions point to; otherwise the mention is kept as ambiguous, with no actor.</li>
 * </ul>
 */
public final class Matcher {
    /**
     * One way to reach an actor: the alias, what kind of alias it is, whether case must match exactly.
     *
     * @param languages the article languages the alias is matched in; null = every language
     */
    record Target(Dictionary.Actor actor, String alias, String metonym, boolean exactCase, Set<String> languages) {
    }

    /**
     * A mention found in a text: [start, end) character offsets.
     *
     * @param origin {@link #DICTIONARY} (an alias matched), {@link #NER} (a recognised entity no dictionary name covers)
     *               or {@link #RESOLVED} (a later bare surname or acronym of a name found earlier, see {@link #surnames})
     */
    public record Found(int start, int end, String text, Dictionary.Actor actor, String metonym, List<String> candidates,
                        String origin) {
    }

    public static final String DICTIONARY = "dictionary";
    public static final String RESOLVED = "resolved";
    public static final String NER = "ner";
    /** Actor ids of recognised entities start with this: {@code ner:per:gina-raimondo}. */
    public static final String RECOGNISED_PREFIX = "ner:";

    private static final Map<String, Matcher> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every alias, lower-cased, to itself: a double-array Aho-Corasick automaton (HanLP's), read-only once built. */
    private final AhoCorasickDoubleArrayTrie<String> trie = new AhoCorasickDoubleArrayTrie<>();
    private final Map<String, List<Target>> byAlias = new HashMap<>();
    private final Map<String, Dictionary.Actor> byId = new HashMap<>();

    /**
     * One matcher per executor JVM, broadcast dictionary and options (what the Spark UDFs use): the automaton is
     * built from the broadcast value the first time a task of this JVM needs it, then shared by every task.
     */
    public static Matcher of(org.apache.spark.broadcast.Broadcast<Dictionary> dictionary, boolean capitals, boolean demonyms) {
        return CACHE.computeIfAbsent(dictionary.id() + "/" + capitals + "/" + demonyms,
                k -> new Matcher(dictionary.value(), capitals, demonyms));
    }

    /** Drops the automata built from a broadcast about to be destroyed (a long-lived JVM runs many jobs). */
    static void forget(org.apache.spark.broadcast.Broadcast<Dictionary> dictionary) {
        CACHE.keySet().removeIf(k -> k.startsWith(dictionary.id() + "/"));
    }

    public Matcher(Dictionary dictionary, boolean capitals, boolean demonyms) {
        for (Dictionary.Actor a : dictionary.actors()) {
            byId.put(a.actorId(), a);
            add(a, a.aliases(), null);
            if (demonyms) {
                add(a, a.demonyms(), "demonym");
            }
            if (capitals) {
                add(a, a.capitals(), "capital");
            }
        }
        addLocalNames(dictionary);
        java.util.TreeMap<String, String> keys = new java.util.TreeMap<>();
        byAlias.keySet().forEach(k -> keys.put(k, k));
        trie.build(keys);
    }

    /**
     * Languages whose country names (CLDR, from the JDK) every country actor gets: those detected by default but English,
     * whose names the dictionary has (curated: CLDR's "Myanmar (Burma)" or "St. Lucia" only add false matches).
     */
    static final List<String> NAME_LANGUAGES = io.newslens.config.TextOptions.DEFAULT_LANGUAGES.stream()
            .filter(l -> !l.equals("en")).toList();

    /**
     * Each country's name in each of {@link #NAME_LANGUAGES} from CLDR (the JDK's {@code Locale.getDisplayCountry}),
     * matched only in articles of that language ("Vereinigte Staaten" in German articles, "États-Unis" in French
     * ones), unless the dictionary already has the name for every language. Names need three characters or two Han
     * characters, as the dictionary's.
     */
    private void addLocalNames(Dictionary dictionary) {
        Map<String, String> alpha2 = new HashMap<>();
        for (String cc : Locale.getISOCountries()) {
            alpha2.put(new Locale("", cc).getISO3Country(), cc);
        }
        for (Dictionary.Actor a : dictionary.actors()) {
            String cc = "country".equals(a.type()) && a.countryCode() != null ? alpha2.get(a.countryCode()) : null;
            if (cc == null) {
                continue;
            }
            for (String language : NAME_LANGUAGES) {
                String name = new Locale("", cc).getDisplayCountry(Locale.forLanguageTag(language));
                if (name.equals(cc) || name.length() < 3 && !twoHan(name)) {
                    continue;
                }
                List<Target> targets = byAlias.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
                if (targets.stream().anyMatch(t -> t.languages() == null)) {
                    continue;  // the dictionary's own name, matched in every language
                }
                Target same = targets.stream().filter(t -> t.actor().actorId().equals(a.actorId())).findFirst().orElse(null);
                if (same != null) {
                    same.languages().add(language);
                } else {
                    targets.add(new Target(a, name, null, false, new java.util.TreeSet<>(Set.of(language))));
                }
            }
        }
    }

    private void add(Dictionary.Actor actor, List<String> aliases, String metonym) {
        for (String alias : aliases) {
            String key = alias.toLowerCase(Locale.ROOT);
            List<Target> targets = byAlias.computeIfAbsent(key, k -> new ArrayList<>());
            if (targets.stream().noneMatch(t -> t.actor().actorId().equals(actor.actorId()))) {
                targets.add(new Target(actor, alias, metonym, exactCase(alias), null));
            }
        }
    }

    /** Short all-capital aliases (acronyms, with or without dots) must match exactly. */
    static boolean exactCase(String alias) {
        String letters = alias.replace(".", "");
        return letters.length() <= 5 && letters.chars().allMatch(c -> Character.isUpperCase(c) || !Character.isLetter(c));
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    private static boolean isCjk(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
    }

    static boolean twoHan(String alias) {
        return alias.length() == 2 && alias.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** Does the text at [start, end) satisfy the alias's case rule and sit on token boundaries? */
    static boolean accepts(String text, int start, int end, Target t) {
        String found = text.substring(start, end);
        if (!isCjk(t.alias())) {
            if (start > 0 && isWordChar(text.charAt(start - 1)) || end < text.length() && isWordChar(text.charAt(end))) {
                return false;
            }
            // "U.S." followed by a letter is "U.S.A" or an initialism; an alias ending in a dot keeps the dot's meaning.
        }
        if (t.exactCase()) {
            return found.equals(t.alias());
        }
        char first = t.alias().charAt(0);
        return !Character.isUpperCase(first) || Character.isUpperCase(found.charAt(0));
    }

    /** All mentions in {@code text}, with the names of every language only. */
    public List<Found> find(String text) {
        return find(text, null);
    }

    /** All mentions in {@code text} of the given language, in text order, resolved in the context of the whole text. */
    public List<Found> find(String text, String language) {
        return find(text, language, List.of());
    }

    /**
     * Dictionary mentions and recognised entities of one text, resolved in the context of the whole text: a
     * dictionary name wins where it covers or crosses an entity (it links the actor and its code; an ambiguous alias
     * takes its one actor of the recognised type); an entity longer than the dictionary names inside it ("White
     * House Office of Science and Technology Policy") is an actor of its own, and the names inside keep their
     * mentions ("Bank of Japan": the bank and Japan); every other entity becomes an actor of its own
     * ({@link #recognisedActor}). Then later bare surnames and acronyms take the full form named earlier.
     */
    public List<Found> find(String text, String language, List<EntityRecognizer.Entity> recognised) {
        return find(text, language, recognised, 0);
    }

    /**
     * @param headEnd where the headline (and dateline) end: a bare surname or acronym there may take a full name the
     *                body gives later ("Raimondo presses chipmakers" ... "Commerce Secretary Gina Raimondo")
     */
    public List<Found> find(String text, String language, List<EntityRecognizer.Entity> recognised, int headEnd) {
        // Every alias occurrence, overlapping ones included, in the text lower-cased character by character (so
        // offsets stay those of the text; aliases are lower-cased when added).
        List<Object[]> emits = new ArrayList<>();
        trie.parseText(lowerCase(text), (begin, end, alias) -> emits.add(new Object[] {begin, end, alias}));
        List<Found> raw = new ArrayList<>();
        java.util.BitSet chineseWords = null;
        for (Object[] e : emits) {
            int start = (Integer) e[0];
            int end = (Integer) e[1];
            List<Target> accepted = new ArrayList<>();
            for (Target t : byAlias.get((String) e[2])) {
                if ((t.languages() == null || language != null && t.languages().contains(language)) && accepts(text, start, end, t)) {
                    // A two-character Chinese name must be a word of its own: 中国 and 美国 yes, 海地 inside 沿海/地区 no.
                    if (twoHan(t.alias())) {
                        chineseWords = chineseWords != null ? chineseWords : io.newslens.text.Analyzers.chineseWordBoundaries(text);
                        if (!chineseWords.get(start) || !chineseWords.get(end)) {
                            continue;
                        }
                    }
                    accepted.add(t);
                }
            }
            if (!accepted.isEmpty()) {
                raw.add(new Found(start, end, text.substring(start, end), accepted.size() == 1 ? accepted.get(0).actor() : null,
                        accepted.get(0).metonym(), accepted.stream().map(t -> t.actor().actorId()).toList(), DICTIONARY));
            }
        }
        List<Found> kept = longestFirst(raw);
        List<Found> linked = resolve(kept, targetsOf(kept));
        return acronyms(text, surnames(text, recognised.isEmpty() ? linked : merge(text, linked, recognised, headEnd), headEnd), headEnd);
    }

    /** Lower case character by character: the same length as the text, unlike String.toLowerCase in a few scripts. */
    private static String lowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    /** Dictionary mentions with the recognised entities no dictionary name covers (see {@link #find(String, String, List)}). */
    List<Found> merge(String text, List<Found> dictionary, List<EntityRecognizer.Entity> recognised, int headEnd) {
        List<Found> out = new ArrayList<>(dictionary);
        // Short form (surname, given name) -> where the first full name holding it ends (dictionary people and
        // recognised ones), less those two persons share: surnames() resolves none of them, so the entity stays.
        Map<String, Integer> surnameFrom = new HashMap<>();
        Map<String, String> owner = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (Found f : dictionary) {
            if (f.actor() != null && "person".equals(f.actor().type())) {
                for (String shortForm : shortNames(f.text(), text)) {
                    surnameFrom.merge(shortForm, f.end(), Math::min);
                    if (!owner.computeIfAbsent(shortForm, k -> f.actor().actorId()).equals(f.actor().actorId())) {
                        shared.add(shortForm);
                    }
                }
            }
        }
        for (EntityRecognizer.Entity e : recognised) {
            if ("PER".equals(e.type())) {
                String name = text.substring(e.start(), e.end());
                // The dictionary's person where it matched the same name ("Hillary Clinton": one person, not two).
                String id = dictionary.stream().filter(f -> f.actor() != null && "person".equals(f.actor().type())
                                && f.start() < e.end() && e.start() < f.end()).map(f -> f.actor().actorId()).findFirst()
                        .orElse(recognisedActor(name, "PER").actorId());
                for (String shortForm : shortNames(name, text)) {
                    surnameFrom.merge(shortForm, e.end(), Math::min);
                    if (!owner.computeIfAbsent(shortForm, k -> id).equals(id)) {
                        shared.add(shortForm);
                    }
                }
            }
        }
        shared.forEach(surnameFrom::remove);
        for (EntityRecognizer.Entity e : recognised) {
            String name = text.substring(e.start(), e.end());
            // Names inside a longer entity keep their mentions ("Bank of Japan": the bank and Japan, "Tokyo Stock
            // Exchange": Japan's government by its capital): they say which country a story is about. Not inside a
            // person's name: "Michael Jordan" and "Chad Smith" say nothing of Jordan or Chad.
            boolean covered = false;
            Found replaced = null;
            List<Found> insideName = new ArrayList<>();
            for (Found f : dictionary) {
                if (f.start() < e.end() && e.start() < f.end()) {
                    boolean same = f.start() == e.start() && f.end() == e.end();
                    if (e.start() <= f.start() && f.end() <= e.end() && !same) {
                        if ("PER".equals(e.type()) && (f.actor() == null || !"person".equals(f.actor().type()))) {
                            insideName.add(f);
                        }
                        continue;
                    } else if (same && f.actor() == null) {
                        // An ambiguous alias: the model's type may leave one of its actors ("Singapore": the country),
                        // or, where every reading is a demonym or capital, be a name of its own ("American": the airline).
                        List<Target> targets = byAlias.getOrDefault(f.text().toLowerCase(Locale.ROOT), List.of()).stream()
                                .filter(t -> f.candidates().contains(t.actor().actorId())).toList();
                        List<Target> typed = targets.stream().filter(t -> t.metonym() == null
                                && Actors.entityType(t.actor().type()).equals(e.type())).toList();
                        if (typed.size() == 1) {
                            out.set(out.indexOf(f), new Found(f.start(), f.end(), f.text(), typed.get(0).actor(), null,
                                    f.candidates(), f.origin()));
                        } else if (!targets.isEmpty() && targets.stream().allMatch(t -> recogniserReads(e, t.actor(), t.metonym(),
                                f.text(), headEnd, false))) {
                            replaced = f;
                            continue;
                        }
                        covered = true;
                    } else if (same && recogniserReads(e, f.actor(), f.metonym(), f.text(), headEnd, surnameFrom.containsKey(name))) {
                        replaced = f;
                    } else {
                        covered = true;
                    }
                }
            }
            Integer fullNameEnd = surnameFrom.get(name);
            // A one-word entity after a full name ending in it, or in the headline, is left to surnames().
            if (covered) {
                continue;
            }
            out.remove(replaced);
            out.removeAll(insideName);
            if (!name.contains(" ") && !hasHan(name) && fullNameEnd != null && (fullNameEnd <= e.start() || e.end() <= headEnd)) {
                continue;
            }
            // An entity the recogniser linked (美 in 中美关系) is that dictionary actor.
            Dictionary.Actor actor = e.link() != null && byId.containsKey(e.link()) ? byId.get(e.link()) : recognisedActor(name, e.type());
            out.add(new Found(e.start(), e.end(), name, actor, null, List.of(actor.actorId()), NER));
        }
        out.sort(Comparator.comparingInt(Found::start).thenComparingInt(Found::end));
        return out;
    }

    /**
     * Whether a recognised entity replaces the dictionary's match of the same words: "Barcelona won", "Houston said",
     * "Ottawa beat Boston", "American (the airline) said", "Bill Jordan ... Jordan said": a club, a company or a
     * person read in context where the dictionary only knows a city, a capital standing for its government, a
     * demonym or a country (a person only where the article names one in full with that surname or given name:
     * "Jordan said" alone stays the country). Not in a headline written in capitals, where the recogniser has lost
     * its main cue ("DETROIT AUTOMAKERS ..."); a dateline's names reach here as places (EntityRecognizer.find).
     */
    private static boolean recogniserReads(EntityRecognizer.Entity e, Dictionary.Actor actor, String metonym, String words,
                                           int headEnd, boolean personsShortForm) {
        if ("LOC".equals(e.type()) || actor == null || e.end() <= headEnd && words.equals(words.toUpperCase(Locale.ROOT))) {
            return false;
        }
        return metonym == null ? "place".equals(actor.type()) || personsShortForm && "PER".equals(e.type()) && "country".equals(actor.type())
                : "capital".equals(metonym) || "demonym".equals(metonym);
    }

    private static boolean hasHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /**
     * The actor of a recognised entity absent from the dictionary: its id is stable across articles and runs,
     * from its type and normalised name ({@code ner:per:gina-raimondo}, {@code ner:org:国家统计局}).
     */
    static Dictionary.Actor recognisedActor(String name, String entityType) {
        String clean = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ");
        String key = clean.toLowerCase(Locale.ROOT).replaceAll("^the ", "").replaceAll("[\\s_]+", "-").replaceAll("[.'’]", "");
        String type = switch (entityType) {
            case "PER" -> "person";
            case "LOC" -> "place";
            default -> "organization";
        };
        return new Dictionary.Actor(RECOGNISED_PREFIX + entityType.toLowerCase(Locale.ROOT) + ":" + key, clean, type, null, null,
                List.of(clean), List.of(), List.of(), List.of(), NER);
    }

    private static final java.util.regex.Pattern ACRONYM_AFTER = java.util.regex.Pattern.compile(
            "^\\s*[(（]\\s*(\\p{Lu}[\\p{Lu}&]{1,7}|\\p{IsHan}{2,8})\\s*[)）]");

    /**
     * "National Institute of Standards and Technology (NIST) ... NIST", "世界卫生组织（世卫组织）... 世卫组织": a short
     * form in brackets right after an organisation's name, made of its capitalised words' initials (Chinese: of its
     * characters, in order), takes that organisation wherever it occurs later in the text (a recognised entity there
     * gives way to it).
     */
    static List<Found> acronyms(String text, List<Found> found) {
        return acronyms(text, found, 0);
    }

    static List<Found> acronyms(String text, List<Found> found, int headEnd) {
        Map<String, Found> byAcronym = new HashMap<>();
        for (Found f : found) {
            if (f.actor() == null || "person".equals(f.actor().type()) || "country".equals(f.actor().type())) {
                continue;
            }
            java.util.regex.Matcher m = ACRONYM_AFTER.matcher(text.substring(f.end(), Math.min(text.length(), f.end() + 16)));
            if (m.find() && (initialsMatch(f.text(), m.group(1)) || hasHan(m.group(1)) && abbreviates(f.text(), m.group(1)))) {
                byAcronym.putIfAbsent(m.group(1), f);
            }
        }
        if (byAcronym.isEmpty()) {
            return found;
        }
        List<Found> out = new ArrayList<>();
        for (Found f : found) {
            Found full = byAcronym.get(f.text());
            // A recognised entity or a dictionary name spelt like the acronym: the organisation named in full.
            if (full != null && f != full && (f.start() > full.end() || f.end() <= headEnd)
                    && (f.actor() == null || NER.equals(f.origin()))) {
                continue;
            }
            out.add(f);
        }
        for (Map.Entry<String, Found> e : byAcronym.entrySet()) {
            String acronym = e.getKey();
            Found full = e.getValue();
            // Chinese has no spaces: a Han short form counts wherever it occurs.
            out.addAll(shortForms(text, acronym, full, headEnd, out, hasHan(acronym)));
        }
        out.sort(Comparator.comparingInt(Found::start).thenComparingInt(Found::end));
        return out;
    }

    /** Is the Chinese short form shorter than the name and made of its characters, in order (世卫组织 of 世界卫生组织)? */
    static boolean abbreviates(String name, String shortForm) {
        if (shortForm.length() >= name.length()) {
            return false;
        }
        int i = 0;
        for (int j = 0; j < name.length() && i < shortForm.length(); j++) {
            if (name.charAt(j) == shortForm.charAt(i)) {
                i++;
            }
        }
        return i == shortForm.length();
    }

    /** Are the acronym's letters the initials of the name's capitalised words, in order ("NIST", "AT&T" aside)? */
    static boolean initialsMatch(String name, String acronym) {
        StringBuilder initials = new StringBuilder();
        for (String w : name.split("[\\s-]+")) {
            if (!w.isEmpty() && Character.isUpperCase(w.charAt(0))) {
                initials.append(w.charAt(0));
            }
        }
        String letters = acronym.replace("&", "");
        return initials.toString().equals(letters);
    }

    /** Words before a name that are no given name ("President Obama", "Sen. Warren"). */
    private static final Set<String> TITLES = Set.of("President", "Vice", "Prime", "Minister", "Chancellor", "Secretary",
            "Senator", "Sen", "Rep", "Representative", "Gov", "Governor", "Mayor", "General", "Gen", "Judge", "Justice", "King",
            "Queen", "Prince", "Princess", "Pope", "Sir", "Lord", "Lady", "Mr", "Mrs", "Ms", "Dr", "Prof", "Chairman", "Chief",
            "Speaker", "Ambassador", "Commissioner", "Director", "Attorney", "Foreign", "Finance", "Defence", "Defense", "Former");

    /**
     * The short forms of a person's full name that a later bare mention in {@code text} may use: its surname (last
     * word) and its given name (first word), each of three letters or more, capitalised, letters only; a given name
     * not if it is a title, nor if {@code text} also has it as a word in lower case ("Bill", "Will", "Mark": there a
     * capitalised one may begin a sentence or name a bill).
     */
    static List<String> shortNames(String fullName, String text) {
        String[] words = fullName.trim().split("\\s+");
        if (words.length < 2) {
            return List.of();
        }
        List<String> out = new ArrayList<>(2);
        String surname = words[words.length - 1];
        if (nameWord(surname)) {
            out.add(surname);
        }
        String given = words[0];
        if (nameWord(given) && !TITLES.contains(given) && !given.equals(surname)
                && !hasWord(text, given.toLowerCase(Locale.ROOT))) {
            out.add(given);
        }
        return out;
    }

    private static boolean nameWord(String w) {
        return w.length() >= 3 && Character.isUpperCase(w.charAt(0))
                && w.chars().allMatch(c -> Character.isLetter(c) || c == '-' || c == '\'');
    }

    /** Whether {@code word} occurs in {@code text} as a whole word, exactly as written. */
    private static boolean hasWord(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int end = at + word.length();
            if ((at == 0 || !isWordChar(text.charAt(at - 1))) && (end == text.length() || !isWordChar(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A person named in full ("Gina Raimondo") is also each later bare surname ("Raimondo said") or given name
     * ("Hillary Clinton ... Hillary said", {@link #shortNames}) of the same article, unless two persons named there
     * share it (then nobody's) or a longer match already covers the word. The
     * dictionary need not list surnames: coverage then does not depend on which people were curated with one.
     */
    static List<Found> surnames(String text, List<Found> found) {
        return surnames(text, found, 0);
    }

    static List<Found> surnames(String text, List<Found> found, int headEnd) {
        Map<String, Found> bySurname = new HashMap<>();
        Set<String> shared = new HashSet<>();
        for (Found f : found) {
            if (f.actor() == null || !"person".equals(f.actor().type())) {
                continue;
            }
            for (String shortForm : shortNames(f.text(), text)) {
                Found earlier = bySurname.putIfAbsent(shortForm, f);
                if (earlier != null && !earlier.actor().actorId().equals(f.actor().actorId())) {
                    shared.add(shortForm);
                }
            }
        }
        shared.forEach(bySurname::remove);
        if (bySurname.isEmpty()) {
            return found;
        }
        List<Found> out = new ArrayList<>(found);
        for (Map.Entry<String, Found> e : bySurname.entrySet()) {
            String surname = e.getKey();
            Found full = e.getValue();
            out.addAll(shortForms(text, surname, full, headEnd, found, false));
        }
        out.sort(Comparator.comparingInt(Found::start));
        return out;
    }

    /**
     * Mentions of {@code full}'s actor by a short form of its name (a surname, an acronym): each whole-word occurrence
     * after the full name, or in the headline (before {@code headEnd}) when the full name comes in the body, that no
     * mention of {@code taken} covers; {@code inWords}: also inside words (Chinese).
     */
    private static List<Found> shortForms(String text, String shortForm, Found full, int headEnd, List<Found> taken, boolean inWords) {
        List<Found> out = new ArrayList<>();
        for (int at = text.indexOf(shortForm, full.end() > headEnd ? 0 : full.end()); at >= 0;
             at = text.indexOf(shortForm, at + shortForm.length())) {
            if (at < full.end() && at + shortForm.length() > headEnd) {
                at = full.end() - shortForm.length();  // between the headline and the full name: too early
                continue;
            }
            int start = at;
            int end = at + shortForm.length();
            boolean word = inWords
                    || (at == 0 || !isWordChar(text.charAt(at - 1))) && (end == text.length() || !isWordChar(text.charAt(end)));
            if (word && taken.stream().noneMatch(f -> start < f.end() && f.start() < end)) {
                out.add(new Found(start, end, shortForm, full.actor(), null, List.of(full.actor().actorId()), RESOLVED));
            }
        }
        return out;
    }

    private Map<Found, List<Target>> targetsOf(List<Found> found) {
        Map<Found, List<Target>> m = new HashMap<>();
        for (Found f : found) {
            if (f.actor() == null) {
                m.put(f, byAlias.get(f.text().toLowerCase(Locale.ROOT)).stream()
                        .filter(t -> f.candidates().contains(t.actor().actorId())).toList());
            }
        }
        return m;
    }

    /** Drops matches overlapping a longer (then earlier) one. */
    static List<Found> longestFirst(List<Found> raw) {
        List<Found> bySize = new ArrayList<>(raw);
        bySize.sort(Comparator.comparingInt((Found f) -> f.start() - f.end()).thenComparingInt(Found::start));
        List<Found> kept = new ArrayList<>();
        for (Found f : bySize) {
            if (kept.stream().noneMatch(k -> f.start() < k.end() && k.start() < f.end())) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingInt(Found::start));
        return kept;
    }

    /** An ambiguous mention takes the one candidate whose country the article's unambiguous mentions name. */
    private static List<Found> resolve(List<Found> found, Map<Found, List<Target>> ambiguous) {
        Set<String> countries = new HashSet<>();
        for (Found f : found) {
            if (f.actor() != null && f.actor().countryCode() != null) {
                countries.add(f.actor().countryCode());
            }
        }
        List<Found> out = new ArrayList<>(found.size());
        for (Found f : found) {
            if (f.actor() == null) {
                List<Target> supported = ambiguous.get(f).stream()
                        .filter(t -> countries.contains(t.actor().countryCode())).toList();
                if (supported.size() == 1) {
                    Target t = supported.get(0);
                    f = new Found(f.start(), f.end(), f.text(), t.actor(), t.metonym(), f.candidates(), f.origin());
                }
            }
            out.add(f);
        }
        return out;
    }

    /** The code of a found actor on the article's date (null date: its undated code). */
    public static String codeOn(Found f, LocalDate date) {
        return f.actor() == null ? null : f.actor().codeOn(date);
    }
}
