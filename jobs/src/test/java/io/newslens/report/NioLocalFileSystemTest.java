package io.newslens.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.newslens.SparkTestSession;
import java.io.FileNotFoundException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same files, permissions and statuses as Hadoop's own local file system gives, without its chmod and ls processes. */
class NioLocalFileSystemTest {
    @TempDir
    java.nio.file.Path dir;

    private static <T extends FileSystem> T init(T fs) throws Exception {
        fs.initialize(URI.create("file:///"), new Configuration());
        return fs;
    }

    private static String perms(java.nio.file.Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    private static String status(FileStatus s) {
        return String.join(" ", s.getPath().toString().replace("/hadoop/", "/ours/"), String.valueOf(s.getLen()),
                String.valueOf(s.isDirectory()), String.valueOf(s.getReplication()), String.valueOf(s.getBlockSize()),
                String.valueOf(s.getModificationTime()), s.getPermission().toString(), s.getOwner(), s.getGroup());
    }

    @Test
    void runsAreConfiguredWithIt() throws Exception {
        Configuration conf = SparkTestSession.get().sparkContext().hadoopConfiguration();
        assertEquals(NioLocalFileSystem.class, FileSystem.newInstance(URI.create("file:///"), conf).getClass());
    }

    @Test
    void permissionsAndStatusesAreHadoops() throws Exception {
        RawLocalFileSystem hadoop = init(new RawLocalFileSystem());
        RawLocalFileSystem ours = init(new NioLocalFileSystem.Raw());
        for (var fs : List.of(hadoop, ours)) {
            Path base = new Path(dir.resolve(fs == hadoop ? "hadoop" : "ours").toUri());
            fs.mkdirs(new Path(base, "a/b"), new FsPermission((short) 0750));
            try (var out = fs.create(new Path(base, "a/b/file.txt"))) {
                out.write("twelve bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            fs.create(new Path(base, "a/other.txt")).close();
            fs.setPermission(new Path(base, "a/other.txt"), new FsPermission((short) 0604));
        }
        for (String p : List.of("a", "a/b", "a/b/file.txt", "a/other.txt")) {
            assertEquals(perms(dir.resolve("hadoop").resolve(p)), perms(dir.resolve("ours").resolve(p)), p);
        }
        assertEquals("rwxr-x---", perms(dir.resolve("ours/a/b")));
        assertEquals("rw----r--", perms(dir.resolve("ours/a/other.txt")));
        // Same modification times, so that statuses compare whole.
        for (String p : List.of("a", "a/b", "a/b/file.txt", "a/other.txt")) {
            Files.setLastModifiedTime(dir.resolve("ours").resolve(p), Files.getLastModifiedTime(dir.resolve("hadoop").resolve(p)));
        }
        for (String p : List.of("a", "a/b", "a/b/file.txt", "a/other.txt")) {
            assertEquals(status(hadoop.getFileStatus(new Path(dir.resolve("hadoop").resolve(p).toUri()))),
                    status(ours.getFileStatus(new Path(dir.resolve("ours").resolve(p).toUri()))), p);
        }
        assertEquals(Arrays.stream(hadoop.listStatus(new Path(dir.resolve("hadoop/a").toUri()))).map(NioLocalFileSystemTest::status).sorted().toList(),
                Arrays.stream(ours.listStatus(new Path(dir.resolve("ours/a").toUri()))).map(NioLocalFileSystemTest::status).sorted().toList());
        assertThrows(FileNotFoundException.class, () -> hadoop.getFileStatus(new Path(dir.resolve("hadoop/none").toUri())));
        assertThrows(FileNotFoundException.class, () -> ours.getFileStatus(new Path(dir.resolve("ours/none").toUri())));
    }
}
