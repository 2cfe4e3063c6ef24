package io.newslens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newslens.config.NewslensConfig;
import io.newslens.ingest.InputFiles;
import io.newslens.report.RunManifest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * What a run's result depends on, as one digest: newslens's code, the command and its options, the resolved
 * config, and the state (path, length, modification time) of every input file, dictionary file and saved
 * model read. Two runs with the same digest compute the same reports, so the second need not: it publishes
 * the first one's again (see {@link Main}). Computed before Spark starts, from file listings only.
 */
public final class RunState {
    private RunState() {
    }

    /** The digest and what it covers, as the manifest's {@code input_state}. */
    public static Map<String, Object> of(CommandLine cl, NewslensConfig config, InputFiles.Listing inputs, Configuration conf) {
        List<String> parts = new ArrayList<>();
        parts.add("newslens " + RunManifest.newslensVersion() + " " + codeState());
        parts.add("command " + cl.command() + " keep_duplicates " + cl.keepDuplicates() + " since " + cl.since() + " k " + cl.k()
                + " skip " + new java.util.TreeSet<>(cl.skip()) + " reports " + new java.util.TreeSet<>(cl.reports())
                + " allow_empty " + cl.allowEmpty() + " refit " + cl.refit());
        try {
            parts.add("config " + new ObjectMapper().writeValueAsString(config));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise the config", e);
        }
        long files = 0;
        long bytes = 0;
        for (InputFiles.Group g : inputs.groups()) {
            parts.add("input " + g.inputIndex() + " " + g.format().configName() + " " + g.state());
            files += g.files().size();
            bytes += g.bytes();
        }
        for (String d : config.actors().dictionaries()) {
            parts.add("dictionary " + tree(d, conf));
        }
        if (cl.model() != null) {
            parts.add("model " + tree(cl.model(), conf));
        }
        Map<String, Object> state = new TreeMap<>();
        state.put("fingerprint", sha256(String.join("\n", parts)));
        state.put("files", files);
        state.put("bytes", bytes);
        return state;
    }

    /** Path, length and modification time of every file under {@code path} (a file or a folder). */
    private static String tree(String path, Configuration conf) {
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(conf);
            if (!fs.exists(p)) {
                return path + " missing";
            }
            List<String> lines = new ArrayList<>();
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(p, true);
            while (it.hasNext()) {
                FileStatus f = it.next();
                lines.add(f.getPath() + "\t" + f.getLen() + "\t" + f.getModificationTime());
            }
            lines.sort(null);
            return sha256(String.join("\n", lines));
        } catch (IOException e) {
            return path + " unreadable: " + e.getMessage();
        }
    }

    /** The jar (or, in a build tree, the class folder) newslens runs from: a rebuilt newslens is another state. */
    private static String codeState() {
        try {
            java.nio.file.Path code = java.nio.file.Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (java.nio.file.Files.isRegularFile(code)) {
                return java.nio.file.Files.size(code) + " " + java.nio.file.Files.getLastModifiedTime(code).toMillis();
            }
            try (java.util.stream.Stream<java.nio.file.Path> all = java.nio.file.Files.walk(code)) {
                long newest = 0;
                long count = 0;
                for (java.nio.file.Path f : all.filter(java.nio.file.Files::isRegularFile).toList()) {
                    newest = Math.max(newest, java.nio.file.Files.getLastModifiedTime(f).toMillis());
                    count++;
                }
                return count + " " + newest;
            }
        } catch (Exception e) {
            return "unknown";
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
