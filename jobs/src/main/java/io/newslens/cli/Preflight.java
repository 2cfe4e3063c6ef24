package io.newslens.cli;

import io.newslens.actors.Dictionary;
import io.newslens.config.ConfigException;
import io.newslens.config.NewslensConfig;
import io.newslens.ingest.InputFiles;
import io.newslens.ingest.InputSample;
import io.newslens.report.OutputGuard;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Everything that can be checked before Spark starts, in the order a user fixes things: inputs exist and
 * match files, input and output do not overlap, a sample of each input has the mapped fields, dictionary
 * files parse, and the output is newslens's to write (which also takes its lock). Fails with
 * {@link ConfigException} or {@link io.newslens.report.OutputException}, both exit code 2.
 */
public final class Preflight {
    private Preflight() {
    }

    /** What the run starts from: the input files, warnings about them, and the locked output. */
    public record Checked(InputFiles.Listing inputs, OutputGuard output) {
    }

    public static Checked run(NewslensConfig config, String runId) {
        Configuration conf = hadoopConfiguration();
        InputFiles.Listing inputs = InputFiles.list(config.inputs(), conf);
        Path output = qualified(config.output(), conf);
        checkOverlap(inputs.matches(), output, config);
        InputSample.check(inputs.groups(), conf);
        if (!config.actors().dictionaries().isEmpty()) {
            Dictionary.load(false, config.actors().dictionaries());
        }
        OutputGuard guard = OutputGuard.claim(config.output(), ReportCatalog.names(), conf, runId);
        return new Checked(inputs, guard);
    }

    /** Hadoop settings as Spark would give them: {@code spark.hadoop.*} properties (spark-submit sets them). */
    static Configuration hadoopConfiguration() {
        Configuration conf = new Configuration();
        // The session's file system for local paths (Spark.configure), unless spark.hadoop.fs.file.impl says otherwise:
        // the first file: file system made is cached for the whole JVM, so a plain Configuration here would give
        // the session Hadoop's, with its chmod and ls processes.
        conf.set(Spark.LOCAL_FILE_SYSTEM.substring("spark.hadoop.".length()), io.newslens.report.NioLocalFileSystem.class.getName());
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("spark.hadoop."))
                .forEach(k -> conf.set(k.substring("spark.hadoop.".length()), System.getProperty(k)));
        return conf;
    }

    private static Path qualified(String path, Configuration conf) {
        try {
            Path p = new Path(path);
            return p.getFileSystem(conf).makeQualified(p);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("output", "cannot use " + path + ": " + e.getMessage());
        }
    }

    /** An output inside an input would be read back as input; an input inside the output would be replaced. */
    static void checkOverlap(List<InputFiles.Match> inputMatches, Path output, NewslensConfig config) {
        URI out = real(output);
        for (InputFiles.Match m : inputMatches) {
            Path match = m.path();
            URI in = real(match);
            if (!sameFileSystem(in, out)) {
                continue;
            }
            String inPath = in.getPath();
            String outPath = out.getPath();
            String field = "inputs[" + m.inputIndex() + "].path";
            if (within(outPath, inPath)) {
                throw new ConfigException(field, "the output folder " + config.output() + " is inside the input "
                        + match.toUri().getPath() + ": a run would read its own reports back as input; put the output elsewhere");
            }
            if (within(inPath, outPath)) {
                throw new ConfigException(field, "the input " + match.toUri().getPath() + " is inside the output folder "
                        + config.output() + ": a run would replace it with its reports; put the output elsewhere");
            }
        }
    }

    private static boolean sameFileSystem(URI a, URI b) {
        return java.util.Objects.equals(a.getScheme(), b.getScheme()) && java.util.Objects.equals(a.getAuthority(), b.getAuthority());
    }

    /** {@code inner} is {@code outer} or below it, path component by path component. */
    static boolean within(String inner, String outer) {
        String o = outer.endsWith("/") ? outer : outer + "/";
        return inner.equals(outer) || (inner + "/").startsWith(o);
    }

    /** Local paths with symbolic links resolved as far as they exist, so a link cannot hide an overlap. */
    private static URI real(Path p) {
        URI uri = p.toUri();
        if (!"file".equals(uri.getScheme())) {
            return uri;
        }
        java.nio.file.Path local = java.nio.file.Path.of(uri).normalize();
        java.nio.file.Path existing = local;
        while (existing != null && !java.nio.file.Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return local.toUri();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(local)).normalize().toUri();
        } catch (IOException e) {
            return local.toUri();
        }
    }
}
