package io.newslens.report;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.io.nativeio.NativeIO;

/**
 * Hadoop's local file system (checksums included), but permissions are set and read through java.nio instead of a
 * {@code chmod} or {@code ls -ld} process. Without Hadoop's native library (not shipped with Spark's jars) every
 * directory and file a write creates starts a {@code chmod}, and every file a recursive listing returns an {@code ls}:
 * about 6 ms each here, thousands per run. Registered for {@code file:} paths by {@code Spark.configure}; other file
 * systems are untouched, and where java.nio cannot do it (no POSIX attributes, a sticky bit) Hadoop's own code runs.
 */
public class NioLocalFileSystem extends LocalFileSystem {
    public NioLocalFileSystem() {
        super(new Raw());
    }

    /** The raw (checksum-less) layer, where Hadoop sets and reads permissions. */
    public static class Raw extends RawLocalFileSystem {
        @Override
        public void setPermission(Path p, FsPermission permission) throws IOException {
            java.nio.file.Path file = pathToFile(p).toPath();
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            // "rwxr-x---" as both name it. Sticky bit, no POSIX view (Windows) or the native library present: Hadoop's own way.
            if (view == null || permission.getStickyBit() || NativeIO.isAvailable()) {
                super.setPermission(p, permission);
                return;
            }
            view.setPermissions(PosixFilePermissions.fromString(permission.toString()));
        }

        /** As Hadoop's status of a local path (length, times, qualified path), its permission and owners read at once. */
        @Override
        public FileStatus getFileStatus(Path p) throws IOException {
            if (NativeIO.isAvailable()) {
                return super.getFileStatus(p);
            }
            File file = pathToFile(p);
            Map<String, Object> a;
            try {
                a = Files.readAttributes(file.toPath(), "unix:mode,size,lastModifiedTime,lastAccessTime,isDirectory,owner,group");
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                return super.getFileStatus(p);
            } catch (NoSuchFileException e) {
                throw new FileNotFoundException("File " + p + " does not exist");
            }
            return new FileStatus((Long) a.get("size"), (Boolean) a.get("isDirectory"), 1, getDefaultBlockSize(p),
                    ((FileTime) a.get("lastModifiedTime")).toMillis(), ((FileTime) a.get("lastAccessTime")).toMillis(),
                    new FsPermission((short) ((Integer) a.get("mode") & 07777)), ((UserPrincipal) a.get("owner")).getName(),
                    ((GroupPrincipal) a.get("group")).getName(),
                    new Path(file.getPath()).makeQualified(getUri(), getWorkingDirectory()));
        }
    }
}
