package io.newslens.ingest;

import io.newslens.config.ConfigException;
import io.newslens.config.InputSpec;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Expands each configured input (file, folder or glob) into files, grouped by the format to read them with.
 * Files found under a folder pass the input's include/exclude globs; files named directly or by a glob are
 * read as given.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * Files of one input that share a format. {@code state}: a digest of every file's path, length and
     * modification time, which changes when a file is added, removed, replaced or rewritten.
     */
    public record Group(int inputIndex, InputSpec spec, InputFormat format, List<String> files, long bytes, String state) {
    }

    /** A path an input's pattern matched (a file or a folder). */
    public record Match(int inputIndex, Path path) {
    }

    /**
     * What the inputs expand to: the groups, each input's glob matches, what the user should know, and every
     * file's state (path -> "length TAB modification time"), to tell the next run what changed.
     */
    public record Listing(List<Group> groups, List<Match> matches, List<String> warnings, java.util.SortedMap<String, String> fileStates) {
    }

    public static Listing list(List<InputSpec> inputs, Configuration hadoopConf) {
        List<Group> groups = new ArrayList<>();
        List<Match> matches = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        java.util.SortedMap<String, String> fileStates = new java.util.TreeMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            InputSpec spec = inputs.get(i);
            String field = "inputs[" + i + "].path";
            Map<InputFormat, List<FileStatus>> byFormat = new LinkedHashMap<>();
            for (FileStatus file : files(i, spec, field, hadoopConf, matches, warnings)) {
                InputFormat format = "auto".equals(spec.format())
                        ? InputFormat.fromFileName(file.getPath().getName())
                        : InputFormat.fromConfig(spec.format());
                if (format == null) {
                    throw new ConfigException(field, "cannot tell the format of " + file.getPath()
                            + " from its name; set 'format' (jsonl, json, csv, parquet, text) for this input"
                            + ", or leave the file out with 'exclude'");
                }
                byFormat.computeIfAbsent(format, f -> new ArrayList<>()).add(file);
                fileStates.put(file.getPath().toString(), file.getLen() + "\t" + file.getModificationTime());
            }
            if (byFormat.size() > 1) {
                List<String> parts = new ArrayList<>();
                byFormat.forEach((f, list) -> parts.add(list.size() + " " + f.configName() + " (e.g. "
                        + list.get(0).getPath().getName() + ")"));
                warnings.add("inputs[" + i + "]: " + spec.path() + " holds files of several formats, each read by its "
                        + "extension: " + String.join(", ", parts) + "; use include/exclude to read only the articles");
            }
            for (Map.Entry<InputFormat, List<FileStatus>> e : byFormat.entrySet()) {
                List<String> paths = e.getValue().stream().map(s -> s.getPath().toString()).sorted().toList();
                long bytes = e.getValue().stream().mapToLong(FileStatus::getLen).sum();
                groups.add(new Group(i, spec, e.getKey(), paths, bytes, state(e.getValue())));
            }
        }
        return new Listing(groups, matches, warnings, java.util.Collections.unmodifiableSortedMap(fileStates));
    }

    /** SHA-256 of path, length and modification time of each file, in path order. */
    static String state(List<FileStatus> files) {
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            files.stream().sorted(java.util.Comparator.comparing(f -> f.getPath().toString())).forEach(f -> sha.update(
                    (f.getPath() + "\t" + f.getLen() + "\t" + f.getModificationTime() + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return java.util.HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<FileStatus> files(int index, InputSpec spec, String field, Configuration conf, List<Match> matchesOut,
                                          List<String> warnings) {
        String pathText = spec.path();
        try {
            Path path = new Path(pathText);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(path);
            if (matches == null || matches.length == 0) {
                throw new ConfigException(field, (isGlob(pathText) ? "the glob matches no file: " : "no such file or folder: ")
                        + pathText);
            }
            List<PathMatcher> include = matchers(spec.include());
            List<PathMatcher> exclude = matchers(spec.exclude());
            List<FileStatus> files = new ArrayList<>();
            int skipped = 0;
            String example = null;
            for (FileStatus m : matches) {
                matchesOut.add(new Match(index, m.getPath()));
                if (m.isDirectory()) {
                    List<LocatedFileStatus> found = new ArrayList<>();
                    RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
                    while (it.hasNext()) {
                        found.add(it.next());
                    }
                    // Listing order depends on the file system; sorted, messages and file lists are repeatable.
                    found.sort(java.util.Comparator.comparing(f -> f.getPath().toString()));
                    for (LocatedFileStatus f : found) {
                        if (hidden(f.getPath(), m.getPath())) {
                            continue;
                        }
                        String relative = relative(f.getPath(), m.getPath());
                        if (include != null && !matches(include, relative) || matches(exclude, relative)) {
                            skipped++;
                            example = example == null ? relative : example;
                        } else {
                            files.add(f);
                        }
                    }
                } else {
                    files.add(m);
                }
            }
            if (files.isEmpty()) {
                throw new ConfigException(field, "no files to read under " + pathText
                        + (skipped > 0 ? " (" + skipped + " left out by include/exclude, e.g. " + example + ")" : ""));
            }
            if (skipped > 0) {
                warnings.add(field + ": " + skipped + " file(s) left out by include/exclude (e.g. " + example + ")");
            }
            return files;
        } catch (IOException e) {
            throw new ConfigException(field, "cannot list " + pathText + ": " + e.getMessage());
        }
    }

    static boolean isGlob(String path) {
        return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** Globs match a file's path below the folder input, or its name when they hold no '/'; case does not matter. */
    private static List<PathMatcher> matchers(List<String> globs) {
        if (globs == null) {
            return null;
        }
        return globs.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g.toLowerCase(Locale.ROOT)))
                .toList();
    }

    static boolean matches(List<PathMatcher> globs, String relative) {
        if (globs == null) {
            return false;
        }
        String lower = relative.toLowerCase(Locale.ROOT);
        java.nio.file.Path asPath = java.nio.file.Path.of(lower);
        java.nio.file.Path name = asPath.getFileName();
        for (PathMatcher m : globs) {
            if (m.matches(asPath) || name != null && m.matches(name)) {
                return true;
            }
        }
        return false;
    }

    private static String relative(Path file, Path root) {
        String f = file.toUri().getPath();
        String r = root.toUri().getPath();
        return f.startsWith(r + "/") ? f.substring(r.length() + 1) : file.getName();
    }

    /** Names starting with '.' or '_' (checksums, _SUCCESS, staging folders) are not data, as in Spark. */
    private static boolean hidden(Path file, Path root) {
        for (Path p = file; p != null && !p.equals(root); p = p.getParent()) {
            String n = p.getName();
            if (n.startsWith(".") || n.startsWith("_")) {
                return true;
            }
        }
        return false;
    }
}
