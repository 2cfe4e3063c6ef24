package io.newslens.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which input files were added, changed (another length or modification time) or removed since the published
 * run, from the listing each run leaves in its version folder ({@value #FILE}: path, length, modification time
 * per line). A {@code --since} run over changed or removed files would keep partitions computed from their old
 * content beside new ones: {@link Main} recomputes every partition instead, and says so.
 */
public record InputChanges(List<String> added, List<String> changed, List<String> removed, List<String> unchanged) {
    public static final String FILE = "_input_files.tsv";
    private static final int EXAMPLES = 5;

    /** The listing as {@value #FILE} holds it. */
    public static String listing(SortedMap<String, String> fileStates) {
        StringBuilder sb = new StringBuilder("path\tlength\tmodified_ms\n");
        fileStates.forEach((path, state) -> sb.append(path).append('\t').append(state).append('\n'));
        return sb.toString();
    }

    /** What changed from the published listing to this run's file states. */
    public static InputChanges between(String publishedListing, SortedMap<String, String> now) {
        SortedMap<String, String> before = new TreeMap<>();
        String[] lines = publishedListing.split("\n");
        for (int i = 1; i < lines.length; i++) {
            int tab = lines[i].indexOf('\t');
            if (tab > 0) {
                before.put(lines[i].substring(0, tab), lines[i].substring(tab + 1));
            }
        }
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        now.forEach((path, state) -> {
            String old = before.get(path);
            if (old == null) {
                added.add(path);
            } else if (!old.equals(state)) {
                changed.add(path);
            } else {
                unchanged.add(path);
            }
        });
        before.keySet().stream().filter(p -> !now.containsKey(p)).forEach(removed::add);
        return new InputChanges(added, changed, removed, unchanged);
    }

    public boolean oldContentChanged() {
        return !changed.isEmpty() || !removed.isEmpty();
    }

    /** The manifest's {@code input_changes}: counts and a few examples of each. */
    public Map<String, Object> toManifest(String sinceRun) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("since_run", sinceRun);
        m.put("added", added.size());
        m.put("changed", changed.size());
        m.put("removed", removed.size());
        m.put("examples", Map.of("added", head(added), "changed", head(changed), "removed", head(removed)));
        return m;
    }

    private static List<String> head(List<String> paths) {
        return List.copyOf(paths.subList(0, Math.min(EXAMPLES, paths.size())));
    }

    /** One line for a warning: counts and the first example of each kind. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!changed.isEmpty()) {
            parts.add(changed.size() + " changed (e.g. " + changed.get(0) + ")");
        }
        if (!removed.isEmpty()) {
            parts.add(removed.size() + " removed (e.g. " + removed.get(0) + ")");
        }
        return String.join(", ", parts);
    }
}
