package org.virtregress.cli.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Unpacks the uncompressed kernel ({@code vmlinux}) out of a bzImage so that qemu can start it
 * directly through its PVH entry point. Under TCG, a bzImage spends most of a short guest boot
 * decompressing itself with emulated instructions; the host does it once in a fraction of a
 * second, and the demo's guests then boot about three times faster. Only an image whose ELF notes
 * name a PVH entry point ({@code XEN_ELFNOTE_PHYS32_ENTRY}) is used; otherwise the bzImage is.
 */
final class PvhKernel {
    private static final int PT_NOTE = 4;
    private static final int XEN_ELFNOTE_PHYS32_ENTRY = 18;
    private static final long OUTPUT_CAP = 512L << 20;
    private static final byte[] XZ = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
    private static final byte[] GZIP = {0x1f, (byte) 0x8b, 0x08};

    private PvhKernel() {
    }

    /**
     * Returns the kernel to boot: {@code vmlinux-pvh} next to the bzImage (unpacked on first use)
     * when the image can start through PVH, else the bzImage itself.
     *
     * @param bzImage the compressed kernel
     * @return the kernel file to hand qemu's {@code -kernel}
     */
    static Path preferred(Path bzImage) {
        Path target = bzImage.resolveSibling("vmlinux-pvh");
        try {
            if (Files.isRegularFile(target) && hasPvhEntry(target)) {
                return target;
            }
            Path unpacked = unpack(bzImage, target);
            return unpacked == null ? bzImage : unpacked;
        } catch (IOException | RuntimeException e) {
            return bzImage;
        }
    }

    private static Path unpack(Path bzImage, Path target) throws IOException {
        byte[] image = Files.readAllBytes(bzImage);
        ByteBuffer header = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        if (image.length < 0x250 || header.getInt(0x202) != 0x53726448) {
            return null;
        }
        int setupSectors = image[0x1f1] & 0xff;
        int protectedMode = ((setupSectors == 0 ? 4 : setupSectors) + 1) * 512;
        int payloadOffset = protectedMode + header.getInt(0x248);
        int payloadLength = header.getInt(0x24c);
        if (payloadOffset <= 0 || payloadLength <= 0 || payloadOffset + payloadLength > image.length) {
            return null;
        }
        byte[] payload = Arrays.copyOfRange(image, payloadOffset, payloadOffset + payloadLength);
        Path partial = Files.createTempFile(target.getParent(), "vmlinux-pvh", ".partial");
        try {
            try (InputStream in = decompressor(payload); OutputStream out = Files.newOutputStream(partial)) {
                if (in == null) {
                    return null;
                }
                copyCapped(in, out);
            }
            if (!hasPvhEntry(partial)) {
                return null;
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static InputStream decompressor(byte[] payload) throws IOException {
        InputStream raw = new ByteArrayInputStream(payload);
        if (startsWith(payload, XZ)) {
            return new XZInputStream(raw);
        }
        if (startsWith(payload, GZIP)) {
            return new GZIPInputStream(raw);
        }
        return null;
    }

    private static void copyCapped(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > OUTPUT_CAP) {
                throw new IOException("the unpacked kernel exceeds " + (OUTPUT_CAP >> 20) + " MiB");
            }
            out.write(buffer, 0, n);
        }
    }

    /** Tells whether an ELF64 little-endian file has a Xen note naming a PVH entry point. */
    static boolean hasPvhEntry(Path elf) throws IOException {
        try (RandomAccessFile file = new RandomAccessFile(elf.toFile(), "r")) {
            byte[] ident = new byte[64];
            if (file.length() < 64) {
                return false;
            }
            file.readFully(ident);
            ByteBuffer header = ByteBuffer.wrap(ident).order(ByteOrder.LITTLE_ENDIAN);
            if (header.getInt(0) != 0x464c457f || ident[4] != 2 || ident[5] != 1) {
                return false;
            }
            long phoff = header.getLong(0x20);
            int phentsize = header.getShort(0x36) & 0xffff;
            int phnum = header.getShort(0x38) & 0xffff;
            for (int i = 0; i < phnum; i++) {
                byte[] entry = new byte[56];
                file.seek(phoff + (long) i * phentsize);
                file.readFully(entry);
                ByteBuffer ph = ByteBuffer.wrap(entry).order(ByteOrder.LITTLE_ENDIAN);
                long size = ph.getLong(0x20);
                if (ph.getInt(0) == PT_NOTE && size > 0 && size < (1 << 20)) {
                    byte[] notes = new byte[(int) size];
                    file.seek(ph.getLong(0x08));
                    file.readFully(notes);
                    if (hasPvhNote(ByteBuffer.wrap(notes).order(ByteOrder.LITTLE_ENDIAN))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private static boolean hasPvhNote(ByteBuffer notes) {
        while (notes.remaining() >= 12) {
            int nameSize = notes.getInt();
            int descSize = notes.getInt();
            int type = notes.getInt();
            int nameSpan = (nameSize + 3) & ~3;
            int descSpan = (descSize + 3) & ~3;
            if (nameSize < 0 || descSize < 0 || nameSpan + descSpan > notes.remaining()) {
                return false;
            }
            byte[] name = new byte[nameSize];
            notes.get(name);
            notes.position(notes.position() - nameSize + nameSpan + descSpan);
            if (type == XEN_ELFNOTE_PHYS32_ENTRY && new String(name, StandardCharsets.US_ASCII).startsWith("Xen")) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
