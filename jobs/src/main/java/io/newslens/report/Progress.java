package io.newslens.report;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** One line per stage on stderr, whatever the user's log4j configuration says. */
public final class Progress {
    private Progress() {
    }

    public static void log(String message) {
        System.err.println("[newslens " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }
}
