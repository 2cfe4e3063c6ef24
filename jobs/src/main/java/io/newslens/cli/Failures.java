package io.newslens.cli;

import io.newslens.report.RunFailure;
import java.io.EOFException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A failed run's cause in one line a user can act on, instead of Spark's nested exceptions. */
final class Failures {
    private static final Pattern FILE = Pattern.compile("((?:file|hdfs|s3a|gs|abfss?|wasbs?):/[^\\s,;'\"]+)");

    private Failures() {
    }

    static String explain(Throwable e) {
        if (e instanceof RunFailure) {
            return e.getMessage();
        }
        Throwable root = e;
        String file = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            root = t;
            Matcher m = FILE.matcher(String.valueOf(t.getMessage()));
            if (file == null && m.find()) {
                // Spark ends its sentence right after the path.
                file = m.group(1).replaceAll("[.)]+$", "");
            }
        }
        String rootMessage = String.valueOf(root.getMessage());
        if (file != null && file.contains("/" + io.newslens.report.RunOutput.STORE + "/")) {
            return "the article store cannot be read (" + io.newslens.report.Progress.path(file) + ": " + firstLine(rootMessage)
                    + "); run again with --force, which reads every input again and writes the store anew";
        }
        if (root instanceof EOFException || rootMessage.contains("Unexpected end of input stream")) {
            if (file != null) {
                return io.newslens.report.Progress.path(file) + " is truncated: its compressed stream ends at byte " + size(file)
                        + " before the end marker (a download or copy cut short?); replace the file or leave it out";
            }
            return "an input file is truncated (" + rootMessage + ")";
        }
        String first = e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
        return first + (root == e ? "" : " (cause: " + root.getClass().getSimpleName() + ": " + firstLine(rootMessage) + ")");
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static String size(String file) {
        try {
            org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(file);
            return String.valueOf(p.getFileSystem(Preflight.hadoopConfiguration()).getFileStatus(p).getLen());
        } catch (Exception ex) {
            return "?";
        }
    }
}
