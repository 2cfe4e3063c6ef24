package io.newslens.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The ingest part of the article store: every record a run read (accepted or quarantined) after the per-record
 * work (parsing, mapping, dates, encoding repair, language detection), as Parquet batches under
 * {@code OUTPUT/.store/ingest/batch=RUN/}, one per run that read new files, which each version lists in
 * {@code _store/ingest.json} with the store's key. The next run reads only the input files the published run had not
 * seen and takes every other record from the batches it lists, then marks duplicates, names outlets, counts and
 * gates over all records exactly as a full run does: the reports are the same.
 *
 * <p>The store is reused only when its key (the newslens build and every setting the per-record work reads) is
 * unchanged and no input file the published run read has changed or gone; else every file is read again and the
 * store starts over with one batch.
 */
public final class IngestStore {
    public static final String NAME = "ingest";
    /** The partition column: the id of the run that read the record's file. */
    public static final String BATCH = "batch";

    private IngestStore() {
    }

    /**
     * What a run reads and what it takes from the store.
     *
     * @param key          the store key of this run's settings
     * @param reusedRun    the published run whose store is reused, or null (every file is read)
     * @param batches      the batches of that store (runs' ids)
     * @param seen         files whose records come from the store (not read again)
     * @param whyNotReused when nothing is reused: why (for the manifest), else null
     */
    public record Plan(String key, String reusedRun, List<String> batches, Set<String> seen, String whyNotReused) {
        public static Plan readAll(String key, String why) {
            return new Plan(key, null, List.of(), Set.of(), why);
        }

        public boolean reuses() {
            return reusedRun != null;
        }

        /** The files of a group this run must read, as a group of their own; null when there are none. */
        InputFiles.Group unread(InputFiles.Group g) {
            List<String> files = new ArrayList<>();
            for (String f : g.files()) {
                if (!seen.contains(f)) {
                    files.add(f);
                }
            }
            if (files.isEmpty()) {
                return null;
            }
            // Only the file list is read from a group (its byte count and digest are the pre-flight's).
            return files.size() == g.files().size() ? g
                    : new InputFiles.Group(g.inputIndex(), g.spec(), g.format(), List.copyOf(files), -1, null);
        }
    }
}
