package io.newslens.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** Digests of what results depend on: newslens's own build, and files by path, length and modification time. */
public final class Fingerprints {
    private Fingerprints() {
    }

    /** The newslens version and the jar (or, in a build tree, the class folder) it runs from: a rebuild is another build. */
    public static String build() {
        return "newslens " + RunManifest.newslensVersion() + " " + codeState();
    }

    private static String codeState() {
        try {
            java.nio.file.Path code = java.nio.file.Path.of(Fingerprints.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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

    /**
     * {@code path} as its file system qualifies it ({@code file:/home/me/data/in} for {@code data/in} run from
     * {@code /home/me}; the default file system's URI on a cluster): one path however it was written, for a store's
     * key. An unqualifiable path (an unknown scheme) is returned as written.
     */
    public static String qualified(String path, Configuration conf) {
        try {
            Path p = new Path(path);
            return p.getFileSystem(conf).makeQualified(p).toString();
        } catch (IOException | IllegalArgumentException e) {
            return path;
        }
    }

    /** Path, length and modification time of every file under {@code path} (a file or a folder), as one digest. */
    public static String tree(String path, Configuration conf) {
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

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
