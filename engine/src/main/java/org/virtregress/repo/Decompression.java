package org.virtregress.repo;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.virtregress.io.CappedInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * Opens metadata compressed with gzip, xz, zstd or bzip2 (or not compressed), recognized by its
 * leading magic bytes, with a cap on the decompressed size so that a decompression bomb stops
 * with an error. xz goes through the system's {@code xz} when there is one ({@link XzProcess}).
 */
final class Decompression {
    private Decompression() {
    }

    /**
     * Wraps a raw stream into a decompressing, size-capped stream.
     *
     * @param raw the compressed bytes
     * @param cap the maximum number of decompressed bytes
     * @param what the input's name (URL) for error messages
     * @param tooLarge the message once more than {@code cap} bytes came out
     * @return the decompressed stream
     * @throws IOException if the stream cannot be opened
     */
    static InputStream open(InputStream raw, long cap, String what, String tooLarge) throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 65536);
        in.mark(8);
        byte[] magic = in.readNBytes(6);
        in.reset();
        InputStream decompressed;
        try {
            if (startsWith(magic, 0x1f, 0x8b)) {
                decompressed = new GZIPInputStream(in, 65536);
            } else if (startsWith(magic, 0xfd, '7', 'z', 'X', 'Z', 0)) {
                InputStream external = XzProcess.open(in, what);
                decompressed = external != null ? external : new XZInputStream(in);
            } else if (startsWith(magic, 0x28, 0xb5, 0x2f, 0xfd)) {
                decompressed = new ZstdInputStream(in);
            } else if (startsWith(magic, 'B', 'Z', 'h')) {
                decompressed = new BZip2CompressorInputStream(in);
            } else {
                decompressed = in;
            }
        } catch (IOException e) {
            throw new RepositoryException("cannot decompress " + what + ": "
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
        }
        return new CappedInputStream(new BufferedInputStream(decompressed, 65536), cap, tooLarge);
    }

    private static boolean startsWith(byte[] data, int... magic) {
        if (data.length < magic.length) {
            return false;
        }
        for (int k = 0; k < magic.length; k++) {
            if ((data[k] & 0xff) != magic[k]) {
                return false;
            }
        }
        return true;
    }
}
