package org.virtregress.suite;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.SingleXZInputStream;

/**
 * Extracts the uncompressed ELF kernel ({@code vmlinux}) from a compressed x86 {@code bzImage} so
 * that qemu can boot it directly through its PVH entry point. Under TCG this skips the kernel's
 * self-decompression, which is the slowest part of a boot. Only kernels with a PVH entry note
 * ({@code XEN_ELFNOTE_PHYS32_ENTRY}, present in distribution kernels built with Xen PVH support)
 * qualify.
 */
final class PvhKernel {
    private static final byte[] XZ_MAGIC = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b, 0x08};
    private static final int PHYS32_ENTRY = 18;
    private static final long MAX_VMLINUX = 512L << 20;

    private PvhKernel() {
    }

    /**
     * Returns the uncompressed, PVH-bootable kernel of a bzImage, extracting it into a cache
     * directory on first use.
     *
     * @param bzImage the compressed kernel
     * @param cacheDirectory where the extracted kernel is kept
     * @return the uncompressed kernel, or {@code null} when this kernel has no PVH entry or
     *     uses a compression this reader does not know
     * @throws IOException if the kernel cannot be read or the cache written
     */
    static Path extract(Path bzImage, Path cacheDirectory) throws IOException {
        Path target = cacheDirectory.resolve(bzImage.getFileName() + ".pvh-vmlinux");
        if (Files.isRegularFile(target)
                && Files.getLastModifiedTime(target).compareTo(Files.getLastModifiedTime(bzImage)) >= 0) {
            return target;
        }
        Path none = cacheDirectory.resolve(bzImage.getFileName() + ".no-pvh");
        if (Files.isRegularFile(none)
                && Files.getLastModifiedTime(none).compareTo(Files.getLastModifiedTime(bzImage)) >= 0) {
            return null;
        }
        Files.createDirectories(cacheDirectory);
        byte[] image = Files.readAllBytes(bzImage);
        Path partial = Files.createTempFile(cacheDirectory, target.getFileName().toString(), ".partial");
        try {
            boolean written = decompress(image, XZ_MAGIC, partial) || decompress(image, GZIP_MAGIC, partial);
            if (!written || !hasPvhEntry(partial)) {
                Files.deleteIfExists(partial);
                Files.write(none, new byte[0]);
                return null;
            }
            Files.setPosixFilePermissions(partial, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static boolean decompress(byte[] image, byte[] magic, Path target) throws IOException {
        for (int at = indexOf(image, magic, 0); at >= 0; at = indexOf(image, magic, at + 1)) {
            InputStream raw = new java.io.ByteArrayInputStream(image, at, image.length - at);
            try (InputStream in = new BufferedInputStream(
                         magic == XZ_MAGIC ? new SingleXZInputStream(raw) : new GZIPInputStream(raw), 1 << 16);
                 OutputStream out = Files.newOutputStream(target)) {
                byte[] head = in.readNBytes(4);
                if (head.length == 4 && head[0] == 0x7f && head[1] == 'E' && head[2] == 'L' && head[3] == 'F') {
                    out.write(head);
                    copyCapped(in, out);
                    return true;
                }
            } catch (IOException e) {
                // not the payload: a byte sequence that only looks like the magic; try the next one
            }
        }
        return false;
    }

    private static void copyCapped(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > MAX_VMLINUX) {
                throw new IOException("uncompressed kernel exceeds " + (MAX_VMLINUX >> 20) + " MiB");
            }
            out.write(buffer, 0, n);
        }
    }

    /** Tells whether a 64-bit little-endian ELF file has a Xen PHYS32_ENTRY (PVH) note. */
    static boolean hasPvhEntry(Path elf) throws IOException {
        try (FileChannel channel = FileChannel.open(elf, StandardOpenOption.READ)) {
            if (channel.size() < 64) {
                return false;
            }
            ByteBuffer header = read(channel, 0, 64);
            if (header.getInt(0) != 0x464c457f || header.get(4) != 2 || header.get(5) != 1) {
                return false;
            }
            long phoff = header.getLong(32);
            int phentsize = Short.toUnsignedInt(header.getShort(54));
            int phnum = Short.toUnsignedInt(header.getShort(56));
            for (int i = 0; i < phnum; i++) {
                ByteBuffer ph = read(channel, phoff + (long) i * phentsize, 56);
                if (ph.getInt(0) == 4 && notesHavePvh(read(channel, ph.getLong(8), (int) Math.min(ph.getLong(32), 1 << 20)))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static boolean notesHavePvh(ByteBuffer notes) {
        int at = 0;
        while (at + 12 <= notes.limit()) {
            int nameSize = notes.getInt(at);
            int descSize = notes.getInt(at + 4);
            int type = notes.getInt(at + 8);
            if (nameSize < 0 || descSize < 0) {
                return false;
            }
            boolean xen = nameSize == 4 && notes.get(at + 12) == 'X' && notes.get(at + 13) == 'e'
                    && notes.get(at + 14) == 'n';
            if (xen && type == PHYS32_ENTRY) {
                return true;
            }
            at += 12 + align(nameSize) + align(descSize);
        }
        return false;
    }

    private static int align(int size) {
        return (size + 3) & ~3;
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
            // keep reading
        }
        buffer.flip();
        if (buffer.limit() < length) {
            throw new IOException("ELF file is truncated");
        }
        return buffer;
    }

    private static int indexOf(byte[] data, byte[] magic, int from) {
        outer:
        for (int i = from; i <= data.length - magic.length; i++) {
            for (int j = 0; j < magic.length; j++) {
                if (data[i + j] != magic[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
