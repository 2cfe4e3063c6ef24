package io.newslens.report;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** One line per stage on stderr, whatever the user's log4j configuration says. */
public final class Progress {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private Progress() {
    }

    public static void log(String message) {
        System.err.println("[newslens " + LocalTime.now().format(CLOCK) + "] " + message);
    }

    /** A path as a user typed it: a local one without its {@code file:} scheme, others as they are. */
    public static String path(String path) {
        return path.startsWith("file:") ? new org.apache.hadoop.fs.Path(path).toUri().getPath() : path;
    }

    /** Seconds as people read them: 0.02 s, 1.5 s, 27 s, 4 min 05 s. */
    public static String seconds(double s) {
        if (s < 0.1) {
            return String.format(Locale.ROOT, "%.2f s", s);
        }
        if (s < 10) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        if (s < 60) {
            return Math.round(s) + " s";
        }
        long whole = Math.round(s);
        return String.format(Locale.ROOT, "%d min %02d s", whole / 60, whole % 60);
    }
}
