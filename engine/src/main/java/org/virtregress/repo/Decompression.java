package org.virtregress.repo;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.virtregress.io.CappedInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.tukaani.xz.XZIOException;
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
        return open(raw, cap, what, tooLarge, !"java".equals(System.getProperty(XzProcess.PROPERTY)));
    }

    /**
     * As {@link #open(InputStream, long, String, String)}, choosing the xz decoder.
     *
     * @param systemXz whether xz data goes through the system's {@code xz} when there is one;
     *     false for the Java decoder
     */
    static InputStream open(InputStream raw, long cap, String what, String tooLarge, boolean systemXz)
            throws IOException {
        BufferedInputStream in = new BufferedInputStream(raw, 65536);
        in.mark(8);
        byte[] magic = in.readNBytes(6);
        in.reset();
        InputStream decompressed;
        try {
            if (startsWith(magic, 0x1f, 0x8b)) {
                decompressed = new GZIPInputStream(in, 65536);
            } else if (startsWith(magic, 0xfd, '7', 'z', 'X', 'Z', 0)) {
                InputStream external = systemXz ? XzProcess.open(in, what) : null;
                decompressed = external != null ? external : new NamedErrors(new XZInputStream(in), what);
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

    /** A decoder whose read errors name the input, as {@link XzProcess}'s do. */
    private static final class NamedErrors extends FilterInputStream {
        private final String what;

        NamedErrors(InputStream in, String what) {
            super(in);
            this.what = what;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw named(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw named(e);
            }
        }

        private IOException named(IOException e) {
            // the decoder's own findings; a failure of the download underneath stays as it is
            if (!(e instanceof XZIOException || e instanceof java.io.EOFException)) {
                return e;
            }
            return new RepositoryException("cannot decompress " + what + ": it is not valid xz data ("
                    + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()) + ")", e);
        }
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
