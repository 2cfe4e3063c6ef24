package io.newslens.ingest;

import io.newslens.config.ConfigException;
import io.newslens.config.InputSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/** Expands each configured input (file, folder or glob) into files, grouped by the format to read them with. */
public final class InputFiles {
    private InputFiles() {
    }

    /** Files of one input that share a format. */
    public record Group(int inputIndex, InputSpec spec, InputFormat format, List<String> files, long bytes) {
    }

    public static List<Group> resolve(List<InputSpec> inputs, Configuration hadoopConf) {
        List<Group> groups = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            InputSpec spec = inputs.get(i);
            String field = "inputs[" + i + "].path";
            Map<InputFormat, List<FileStatus>> byFormat = new LinkedHashMap<>();
            for (FileStatus file : list(spec.path(), field, hadoopConf)) {
                InputFormat format = "auto".equals(spec.format())
                        ? InputFormat.fromFileName(file.getPath().getName())
                        : InputFormat.fromConfig(spec.format());
                if (format == null) {
                    throw new ConfigException(field, "cannot tell the format of " + file.getPath()
                            + " from its name; set 'format' (jsonl, json, csv, parquet, text) for this input");
                }
                byFormat.computeIfAbsent(format, f -> new ArrayList<>()).add(file);
            }
            for (Map.Entry<InputFormat, List<FileStatus>> e : byFormat.entrySet()) {
                List<String> paths = e.getValue().stream().map(s -> s.getPath().toString()).sorted().toList();
                long bytes = e.getValue().stream().mapToLong(FileStatus::getLen).sum();
                groups.add(new Group(i, spec, e.getKey(), paths, bytes));
            }
        }
        return groups;
    }

    private static List<FileStatus> list(String pathText, String field, Configuration conf) {
        try {
            Path path = new Path(pathText);
            FileSystem fs = path.getFileSystem(conf);
            FileStatus[] matches = fs.globStatus(path);
            if (matches == null || matches.length == 0) {
                throw new ConfigException(field, "no such file or folder: " + pathText);
            }
            List<FileStatus> files = new ArrayList<>();
            for (FileStatus m : matches) {
                if (m.isDirectory()) {
                    RemoteIterator<LocatedFileStatus> it = fs.listFiles(m.getPath(), true);
                    while (it.hasNext()) {
                        LocatedFileStatus f = it.next();
                        if (!hidden(f.getPath(), m.getPath())) {
                            files.add(f);
                        }
                    }
                } else {
                    files.add(m);
                }
            }
            if (files.isEmpty()) {
                throw new ConfigException(field, "no files under " + pathText);
            }
            return files;
        } catch (IOException e) {
            throw new ConfigException(field, "cannot list " + pathText + ": " + e.getMessage());
        }
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
