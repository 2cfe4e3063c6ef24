package io.newslens.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which topic models a corpus gets: one per language with at least {@code topics.min_articles_per_language}
 * articles (a model mixing languages spends its topics on telling the languages apart: "元 / 一 / 万" next to
 * English topics); the other languages' articles pooled in one model named {@value #POOLED} when they are as many
 * together; otherwise left out (the manifest says which).
 */
public final class TopicLanguages {
    public static final String POOLED = "mul";

    private TopicLanguages() {
    }

    /** @param languages the languages it covers; name is the model's language in topic ids */
    public record Group(String name, List<String> languages, long articles) {
    }

    /** @param perLanguage articles per language; the largest languages first (ties by code) */
    public static List<Group> groups(Map<String, Long> perLanguage, int minArticles) {
        List<Group> groups = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        long restArticles = 0;
        List<Map.Entry<String, Long>> entries = new ArrayList<>(perLanguage.entrySet());
        entries.sort((a, b) -> !a.getValue().equals(b.getValue()) ? Long.compare(b.getValue(), a.getValue())
                : a.getKey().compareTo(b.getKey()));
        for (Map.Entry<String, Long> e : entries) {
            if (e.getValue() >= minArticles) {
                groups.add(new Group(e.getKey(), List.of(e.getKey()), e.getValue()));
            } else {
                rest.add(e.getKey());
                restArticles += e.getValue();
            }
        }
        if (!rest.isEmpty() && restArticles >= minArticles) {
            groups.add(new Group(POOLED, List.copyOf(rest), restArticles));
        }
        return groups;
    }

    /** The languages no model covers, for the manifest. */
    public static List<String> leftOut(Map<String, Long> perLanguage, List<Group> groups) {
        List<String> out = new ArrayList<>(new java.util.TreeSet<>(perLanguage.keySet()));
        groups.forEach(g -> out.removeAll(g.languages()));
        return out;
    }
}
