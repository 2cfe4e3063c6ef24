package io.newslens.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One name per outlet. A host becomes its outlet's registered domain ("edition.cnn.com" -> "cnn.com"), an outlet's
 * own link shortener its outlet ("cnn.it" -> "cnn.com", from outlet-aliases.tsv), a generic shortener ("goo.gl")
 * no outlet at all. Across a run, spellings of one outlet ("eagle-rising", "eaglerising.com") are merged into one
 * name, the domain where one is known ({@link #merges}).
 */
public final class Outlets {
    /** A generic shortener: the link names no outlet. */
    static final String NONE = "-";
    private static final Map<String, String> ALIASES = load();
    /** Second-level labels under which a country's domains are registered (bbc.co.uk, abc.net.au). */
    private static final Set<String> SECOND_LEVEL = Set.of("co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go");
    private static final Pattern DOMAIN = Pattern.compile("(?i)^(?:[a-z0-9-]+\\.)+[a-z]{2,24}$");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Outlets() {
    }

    private static Map<String, String> load() {
        Map<String, String> aliases = new HashMap<>();
        try (InputStream in = Outlets.class.getResourceAsStream("outlet-aliases.tsv")) {
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t");
                    aliases.put(f[0].strip(), f[1].strip());
                }
            }
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("outlet-aliases.tsv is missing from the jar", e);
        }
        return Map.copyOf(aliases);
    }

    /** Whether a source value is a host name ("eaglerising.com") rather than an outlet's name or slug. */
    public static boolean isHost(String value) {
        return value != null && DOMAIN.matcher(value.strip()).matches();
    }

    /** The outlet a host stands for: its alias, else its registered domain; null for a generic shortener. */
    public static String ofHost(String host) {
        if (host == null || host.isBlank()) {
            return null;
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        String alias = ALIASES.get(h);
        if (alias == null && h.startsWith("www.")) {
            alias = ALIASES.get(h.substring(4));
        }
        if (alias != null) {
            return NONE.equals(alias) ? null : alias;
        }
        String[] labels = h.split("\\.");
        int keep = labels.length >= 3 && labels[labels.length - 1].length() == 2
                && SECOND_LEVEL.contains(labels[labels.length - 2]) ? 3 : 2;
        if (labels.length <= keep) {
            return h;
        }
        return String.join(".", List.of(labels).subList(labels.length - keep, labels.length));
    }

    /** What two spellings of one outlet share: letters and digits of the name without its public suffix. */
    static String key(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (isHost(n)) {
            String[] labels = n.split("\\.");
            int suffix = labels.length >= 3 && labels[labels.length - 1].length() == 2
                    && SECOND_LEVEL.contains(labels[labels.length - 2]) ? 2 : 1;
            n = String.join("", List.of(labels).subList(0, labels.length - suffix));
        }
        return NOT_ALNUM.matcher(n).replaceAll("");
    }

    /**
     * The renames of one run: every source spelling that is not its outlet's canonical name, mapped to it. Your
     * {@code overrides} (variant -> name) win; among the spellings that share a {@link #key}, a host name is
     * canonical, else the commonest spelling (then the first in order).
     *
     * @param articles articles per source as ingest found them
     */
    public static Map<String, String> merges(Map<String, Long> articles, Map<String, String> overrides) {
        Map<String, List<String>> byKey = new TreeMap<>();
        for (String s : new java.util.TreeSet<>(articles.keySet())) {
            String named = overrides.getOrDefault(s, s);
            byKey.computeIfAbsent(key(named), k -> new java.util.ArrayList<>()).add(s);
        }
        Map<String, String> renames = new LinkedHashMap<>();
        for (List<String> spellings : byKey.values()) {
            String canonical = null;
            for (String s : spellings) {
                if (overrides.containsKey(s)) {
                    canonical = overrides.get(s);
                    break;
                }
            }
            if (canonical == null) {
                canonical = spellings.stream()
                        .min(java.util.Comparator.comparing((String s) -> !isHost(s))
                                .thenComparing(s -> -articles.get(s))
                                .thenComparing(s -> s))
                        .orElseThrow();
            }
            for (String s : spellings) {
                if (!s.equals(canonical)) {
                    renames.put(s, canonical);
                }
            }
        }
        return renames;
    }

    /** {@code column} with every renamed spelling replaced by its outlet's name. */
    public static org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rename(
            org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> df, String column, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return df;
        }
        org.apache.spark.sql.Column table = org.apache.spark.sql.functions.map_from_arrays(
                org.apache.spark.sql.functions.array(renames.keySet().stream().map(org.apache.spark.sql.functions::lit)
                        .toArray(org.apache.spark.sql.Column[]::new)),
                org.apache.spark.sql.functions.array(renames.values().stream().map(org.apache.spark.sql.functions::lit)
                        .toArray(org.apache.spark.sql.Column[]::new)));
        org.apache.spark.sql.Column c = org.apache.spark.sql.functions.col(column);
        return df.withColumn(column, org.apache.spark.sql.functions.coalesce(
                org.apache.spark.sql.functions.element_at(table, c), c));
    }
}
