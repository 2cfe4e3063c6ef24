package io.newslens.topics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Is a topic a property of the corpus or an accident of the seed? The reported model's topics are matched one-to-one
 * to a refit's by the Jaccard of their top words, most similar pairs first (ties: lower topic numbers first); a
 * pair with Jaccard ≥ {@value #MATCH} counts as the same topic found again.
 */
public final class TopicStability {
    public static final double MATCH = 0.5;

    private TopicStability() {
    }

    /** One topic of the reported model against one refit. */
    public record Pairing(int topic, Integer matched, double jaccard) {
        public boolean isMatch() {
            return jaccard >= MATCH;
        }
    }

    /** @return one pairing per topic of {@code reference}, in topic order */
    public static List<Pairing> match(Map<Integer, List<String>> reference, Map<Integer, List<String>> refit) {
        record Pair(int a, int b, double j) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (Map.Entry<Integer, List<String>> a : reference.entrySet()) {
            for (Map.Entry<Integer, List<String>> b : refit.entrySet()) {
                pairs.add(new Pair(a.getKey(), b.getKey(), jaccard(a.getValue(), b.getValue())));
            }
        }
        pairs.sort((x, y) -> x.j() != y.j() ? Double.compare(y.j(), x.j())
                : x.a() != y.a() ? Integer.compare(x.a(), y.a()) : Integer.compare(x.b(), y.b()));
        Map<Integer, Pairing> byTopic = new java.util.TreeMap<>();
        Set<Integer> taken = new HashSet<>();
        for (Pair p : pairs) {
            if (!byTopic.containsKey(p.a()) && !taken.contains(p.b())) {
                byTopic.put(p.a(), new Pairing(p.a(), p.b(), p.j()));
                taken.add(p.b());
            }
        }
        for (Integer t : reference.keySet()) {
            byTopic.putIfAbsent(t, new Pairing(t, null, 0.0));
        }
        return new ArrayList<>(byTopic.values());
    }

    static double jaccard(List<String> a, List<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        Set<String> both = new HashSet<>(a);
        both.retainAll(new HashSet<>(b));
        return union.isEmpty() ? 0 : both.size() / (double) union.size();
    }
}
