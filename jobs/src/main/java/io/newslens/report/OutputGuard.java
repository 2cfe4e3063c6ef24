package io.newslens.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/**
 * newslens replaces only what newslens wrote. The output folder carries a marker ({@value #MARKER}) listing
 * the reports newslens published there; a folder that holds anything else is refused, and so is a
 * report-named entry the marker does not list. One run per output at a time: {@value #LOCK} holds the
 * owner's run id, host, pid and start, and is touched every {@value #HEARTBEAT_SECONDS} s; a lock whose
 * process is gone (same host) or that nobody touched for {@value #STALE_AFTER_SECONDS} s is taken over.
 * All checks happen before Spark starts; nothing here needs it.
 */
public final class OutputGuard implements AutoCloseable {
    public static final String MARKER = ".newslens-output";
    public static final String LOCK = ".newslens-lock";
    static final long HEARTBEAT_SECONDS = 30;
    static final long STALE_AFTER_SECONDS = 600;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FileSystem fs;
    private final Path output;
    private final String runId;
    private final TreeSet<String> owned;
    private ScheduledExecutorService heartbeat;
    private final List<String> notes = new ArrayList<>();

    private OutputGuard(FileSystem fs, Path output, String runId, TreeSet<String> owned) {
        this.fs = fs;
        this.output = output;
        this.runId = runId;
        this.owned = owned;
    }

    /**
     * Checks that {@code outputDir} is new, empty or newslens's own, creates it with its marker when needed,
     * and takes the lock. {@code known}: every name newslens may publish in an output folder.
     *
     * @throws OutputException naming the cause when the output cannot be used
     */
    public static OutputGuard claim(String outputDir, Collection<String> known, Configuration conf, String runId) {
        Path given = new Path(outputDir);
        FileSystem fs;
        Path output;
        try {
            fs = raw(given.getFileSystem(conf));
            output = fs.makeQualified(given);
        } catch (IOException e) {
            throw new OutputException("output: cannot use " + outputDir + ": " + e.getMessage(), e);
        }
        TreeSet<String> owned = new TreeSet<>();
        try {
            if (!fs.exists(output)) {
                create(fs, output, outputDir);
            } else if (!fs.getFileStatus(output).isDirectory()) {
                throw new OutputException("output: " + outputDir + " is a file, not a folder; give a folder path");
            } else {
                owned.addAll(ownedEntries(fs, output, outputDir, known));
            }
            checkWritable(output, outputDir);
            OutputGuard guard = new OutputGuard(fs, output, runId, owned);
            guard.lock();
            try {
                if (!fs.exists(new Path(output, MARKER))) {
                    guard.writeMarker();
                }
            } catch (IOException | RuntimeException e) {
                guard.close();
                throw e;
            }
            return guard;
        } catch (IOException e) {
            throw new OutputException("output: cannot use " + outputDir + ": " + cause(e), e);
        }
    }

    /** Hadoop's local file system writes a .crc beside every file; the marker and lock do not need one. */
    private static FileSystem raw(FileSystem fs) {
        return fs instanceof LocalFileSystem local ? local.getRaw() : fs;
    }

    private static boolean local(Path p) {
        return "file".equals(p.toUri().getScheme());
    }

    private static String cause(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException || e instanceof org.apache.hadoop.security.AccessControlException
                || String.valueOf(e.getMessage()).contains("Permission denied")) {
            return "permission denied (" + e.getMessage() + ")";
        }
        return e.getMessage();
    }

    /** Creates the output folder, naming the real cause when it cannot be (a file in the way, no permission). */
    private static void create(FileSystem fs, Path output, String outputDir) throws IOException {
        Path existing = output.getParent();
        while (existing != null && !fs.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !fs.getFileStatus(existing).isDirectory()) {
            throw new OutputException("output: cannot create " + outputDir + ": " + existing.toUri().getPath()
                    + " is a file, not a folder");
        }
        if (existing != null && local(existing) && !Files.isWritable(java.nio.file.Path.of(existing.toUri()))) {
            throw new OutputException("output: cannot create " + outputDir + ": permission denied (" + existing.toUri().getPath()
                    + " is not writable by " + System.getProperty("user.name") + ")");
        }
        try {
            if (!fs.mkdirs(output)) {
                throw new OutputException("output: cannot create " + outputDir);
            }
        } catch (IOException e) {
            throw new OutputException("output: cannot create " + outputDir + ": " + cause(e), e);
        }
    }

    private static void checkWritable(Path output, String outputDir) {
        if (local(output) && !Files.isWritable(java.nio.file.Path.of(output.toUri()))) {
            throw new OutputException("output: " + outputDir + " is not writable by " + System.getProperty("user.name")
                    + " (permission denied)");
        }
    }

    /**
     * What of an existing folder newslens may replace: the marker's list; an output of a newslens version
     * before the marker (it has {@code _manifest.json}) is adopted with its report-named entries. A folder
     * with anything else in it, or a report-named entry the marker does not list, is refused.
     */
    private static List<String> ownedEntries(FileSystem fs, Path output, String outputDir, Collection<String> known)
            throws IOException {
        FileStatus[] entries = fs.listStatus(output);
        Path marker = new Path(output, MARKER);
        List<String> names = new ArrayList<>();
        for (FileStatus st : entries) {
            names.add(st.getPath().getName());
        }
        List<String> owned = new ArrayList<>();
        if (names.contains(MARKER) || names.contains(MARKER + ".tmp")) {
            // A run killed while rewriting the marker leaves only the new one, under its temporary name.
            try (InputStream in = fs.open(names.contains(MARKER) ? marker : new Path(output, MARKER + ".tmp"))) {
                JsonNode node = JSON.readTree(in);
                node.path("reports").forEach(n -> owned.add(n.asText()));
            } catch (IOException e) {
                throw new OutputException("output: " + outputDir + "/" + MARKER + " is not newslens's marker ("
                        + e.getMessage() + "); newslens does not write into a folder it cannot tell it owns");
            }
        } else if (names.contains(RunOutput.MANIFEST)) {
            names.stream().filter(known::contains).forEach(owned::add);
        } else if (!names.stream().allMatch(n -> n.equals(LOCK))) {
            // Empty (or holding only a dead run's lock) is fine; anything else may be the user's.
            List<String> sample = names.stream().sorted().limit(5).toList();
            throw new OutputException("output: " + outputDir + " already holds files newslens did not write ("
                    + String.join(", ", sample) + (names.size() > 5 ? ", ..." : "") + "); newslens writes only into a new or"
                    + " empty folder, or one it wrote before: choose another --output");
        }
        for (String n : names) {
            if (known.contains(n) && !owned.contains(n)) {
                throw new OutputException("output: " + outputDir + "/" + n + " was not written by newslens, and a run"
                        + " would replace it with its " + n + " report; move it away or choose another --output");
            }
        }
        return owned;
    }

    /** Lists {@code names} in the marker before they are moved into place, so a kill halfway leaves them ours. */
    public void own(Collection<String> names) {
        if (owned.addAll(names)) {
            try {
                writeMarker();
            } catch (IOException e) {
                throw new OutputException("cannot update " + new Path(output, MARKER) + ": " + e.getMessage(), e);
            }
        }
    }

    private void writeMarker() throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("written_by", "newslens");
        m.put("note", "newslens replaces only the entries listed here; do not put your own files in this folder");
        m.put("reports", owned);
        Path tmp = new Path(output, MARKER + ".tmp");
        try (OutputStream os = fs.create(tmp, true)) {
            os.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(m));
        }
        Path marker = new Path(output, MARKER);
        if (fs.exists(marker)) {
            fs.delete(marker, false);
        }
        if (!fs.rename(tmp, marker)) {
            throw new IOException("cannot rename " + tmp + " to " + marker);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void lock() throws IOException {
        Path lock = new Path(output, LOCK);
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("run_id", runId);
        me.put("host", host());
        me.put("pid", ProcessHandle.current().pid());
        me.put("started_at", Instant.now().toString());
        me.put("jvm", ManagementFactory.getRuntimeMXBean().getName());
        byte[] content = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(me);
        for (int attempt = 0; attempt < 2; attempt++) {
            if (createExclusive(lock, content)) {
                heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "newslens-lock-heartbeat");
                    t.setDaemon(true);
                    return t;
                });
                heartbeat.scheduleAtFixedRate(this::touch, HEARTBEAT_SECONDS, HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                return;
            }
            JsonNode holder = readLock(lock);
            long age = (System.currentTimeMillis() - fs.getFileStatus(lock).getModificationTime()) / 1000;
            String who = "run " + holder.path("run_id").asText("?") + " (host " + holder.path("host").asText("?")
                    + ", pid " + holder.path("pid").asText("?") + ", started " + holder.path("started_at").asText("?") + ")";
            String gone = stale(holder, age);
            if (gone == null) {
                throw new OutputException("output: " + output.toUri().getPath() + " is in use by " + who
                        + "; wait for it to finish or choose another --output (if no run is going on, delete "
                        + LOCK + " in that folder)");
            }
            notes.add("took over the lock of " + who + ": " + gone);
            Progress.log("output: took over the lock of " + who + ": " + gone);
            fs.delete(lock, false);
        }
        throw new OutputException("output: " + output.toUri().getPath() + " is being locked by another run at the same time");
    }

    /** Why a lock holder is gone, or null while it may be running. */
    private static String stale(JsonNode holder, long ageSeconds) {
        if (host().equals(holder.path("host").asText()) && holder.path("pid").canConvertToLong()) {
            boolean alive = ProcessHandle.of(holder.path("pid").asLong()).map(ProcessHandle::isAlive).orElse(false);
            return alive ? null : "its process is no longer running";
        }
        return ageSeconds > STALE_AFTER_SECONDS ? "its lock was last touched " + ageSeconds + " s ago" : null;
    }

    private JsonNode readLock(Path lock) {
        try (InputStream in = fs.open(lock)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private boolean createExclusive(Path lock, byte[] content) throws IOException {
        if (local(lock)) {
            // O_EXCL: of two runs starting at once, exactly one creates the file.
            try (OutputStream os = Files.newOutputStream(java.nio.file.Path.of(lock.toUri()),
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                os.write(content);
                return true;
            } catch (FileAlreadyExistsException e) {
                return false;
            }
        }
        try (OutputStream os = fs.create(lock, false)) {
            os.write(content);
            return true;
        } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        }
    }

    private volatile boolean touchFailed;

    private void touch() {
        try {
            fs.setTimes(new Path(output, LOCK), System.currentTimeMillis(), -1);
        } catch (IOException | UnsupportedOperationException e) {
            // Object stores may not set times: say so once; a lock there goes stale only when its process is gone.
            if (!touchFailed) {
                touchFailed = true;
                Progress.log("note: cannot refresh " + LOCK + " on this file system (" + e.getMessage() + ")");
            }
        }
    }

    /** What the user should know about the output (a lock taken over). */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Releases the lock if it is still this run's. */
    @Override
    public void close() {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        Path lock = new Path(output, LOCK);
        try {
            if (fs.exists(lock) && runId.equals(readLock(lock).path("run_id").asText())) {
                fs.delete(lock, false);
            }
        } catch (IOException e) {
            Progress.log("could not remove " + lock + ": " + e.getMessage());
        }
    }
}
