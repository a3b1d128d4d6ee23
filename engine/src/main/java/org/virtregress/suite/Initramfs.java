package org.virtregress.suite;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveOutputStream;
import org.apache.commons.compress.archivers.cpio.CpioConstants;

/**
 * Writes an uncompressed initramfs (cpio "newc") from files and directory trees, every entry
 * owned by root. Later files with the same path replace earlier ones when the kernel unpacks it;
 * a directory already defined, as a directory or as a symbolic link (such as {@code bin -> usr/bin}
 * in a merged-/usr install root), is not written again, so files added under it later land where
 * the link points. Not thread-safe; close it to finish the archive.
 */
final class Initramfs implements AutoCloseable {
    private final CpioArchiveOutputStream cpio;
    private final Set<String> defined = new HashSet<>();
    private final long sizeCap;
    private long size;

    Initramfs(OutputStream out, long sizeCap) {
        this.cpio = new CpioArchiveOutputStream(new BufferedOutputStream(out), CpioConstants.FORMAT_NEW);
        this.sizeCap = sizeCap;
    }

    /** Adds a directory and its missing parents. */
    void directory(String path) throws IOException {
        String name = strip(path);
        if (name.isEmpty() || defined.contains(name)) {
            return;
        }
        int slash = name.lastIndexOf('/');
        if (slash > 0) {
            directory(name.substring(0, slash));
        }
        defined.add(name);
        CpioArchiveEntry entry = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, name, 0);
        entry.setMode(CpioConstants.C_ISDIR | 0755);
        entry.setNumberOfLinks(2);
        cpio.putArchiveEntry(entry);
        cpio.closeArchiveEntry();
    }

    /** Adds a regular file with the given content and permission bits. */
    void file(String path, byte[] content, int permissions) throws IOException {
        String name = strip(path);
        parent(name);
        count(content.length);
        CpioArchiveEntry entry = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, name, content.length);
        entry.setMode(CpioConstants.C_ISREG | (permissions & 07777));
        entry.setNumberOfLinks(1);
        cpio.putArchiveEntry(entry);
        cpio.write(content);
        cpio.closeArchiveEntry();
    }

    /** Adds a host file, keeping its permission bits. */
    void copy(Path source, String path) throws IOException {
        long length = Files.size(source);
        count(length);
        String name = strip(path);
        parent(name);
        CpioArchiveEntry entry = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, name, length);
        entry.setMode(CpioConstants.C_ISREG | permissions(source));
        entry.setNumberOfLinks(1);
        cpio.putArchiveEntry(entry);
        size -= length;
        Files.copy(source, cpio);
        size += length;
        cpio.closeArchiveEntry();
    }

    /** Adds a symbolic link. */
    void symlink(String path, String target) throws IOException {
        String name = strip(path);
        parent(name);
        defined.add(name);
        byte[] data = target.getBytes(StandardCharsets.UTF_8);
        CpioArchiveEntry entry = new CpioArchiveEntry(CpioConstants.FORMAT_NEW, name, data.length);
        entry.setMode(CpioConstants.C_ISLNK | 0777);
        entry.setNumberOfLinks(1);
        cpio.putArchiveEntry(entry);
        cpio.write(data);
        cpio.closeArchiveEntry();
    }

    /**
     * Adds every directory, regular file and symbolic link of a host tree under a guest directory.
     * Other file types (devices, sockets) are left out.
     */
    void tree(Path root, String under) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted().toList();
        }
        for (Path path : paths) {
            String relative = root.relativize(path).toString();
            String guest = relative.isEmpty() ? under : under + "/" + relative;
            if (Files.isSymbolicLink(path)) {
                symlink(guest, Files.readSymbolicLink(path).toString());
            } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                directory(guest);
            } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                copy(path, guest);
            }
        }
    }

    @Override
    public void close() throws IOException {
        cpio.close();
    }

    private void parent(String name) throws IOException {
        int slash = name.lastIndexOf('/');
        if (slash > 0) {
            directory(name.substring(0, slash));
        }
    }

    private void count(long bytes) throws IOException {
        size += bytes;
        if (size > sizeCap) {
            throw new IOException("initramfs would exceed " + (sizeCap >> 20) + " MiB");
        }
    }

    private static String strip(String path) {
        String name = path;
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.equals("..") || name.startsWith("../") || name.contains("/../")) {
            throw new IllegalArgumentException("initramfs path leaves the root: " + path);
        }
        return name;
    }

    private static int permissions(Path file) throws IOException {
        int mode = 0;
        for (PosixFilePermission p : Files.getPosixFilePermissions(file)) {
            mode |= switch (p) {
                case OWNER_READ -> 0400;
                case OWNER_WRITE -> 0200;
                case OWNER_EXECUTE -> 0100;
                case GROUP_READ -> 040;
                case GROUP_WRITE -> 020;
                case GROUP_EXECUTE -> 010;
                case OTHERS_READ -> 04;
                case OTHERS_WRITE -> 02;
                case OTHERS_EXECUTE -> 01;
            };
        }
        return mode;
    }
}
