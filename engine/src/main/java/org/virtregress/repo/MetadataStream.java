package org.virtregress.repo;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import org.virtregress.io.CappedInputStream;
import org.virtregress.io.LimitExceededException;

/**
 * A metadata file being streamed: downloaded, optionally copied to disk, checksummed as
 * published (compressed) and as opened (decompressed), decompressed with a size cap. Call
 * {@link #finish()} after reading to verify sizes and checksums, or {@link #fail(Exception)} to
 * turn a read error into the right exception.
 */
final class MetadataStream implements Closeable {
    private final URI uri;
    private final Checksum checksum;
    private final long size;
    private final Checksum openChecksum;
    private final long openSize;
    private final InputStream raw;
    private final MessageDigest rawDigest;
    private final MessageDigest openDigest;
    private final long cap;
    private final String tooLarge;
    private CappedInputStream content;
    private final OutputStream copy;
    private long rawCount;
    private boolean contentAddressed;

    private MetadataStream(Fetcher fetcher, URI uri, Checksum checksum, long size, Checksum openChecksum,
            long openSize, long limit, Path copyTo) throws RepositoryException {
        this.uri = uri;
        this.checksum = checksum;
        this.size = size;
        this.openChecksum = openChecksum;
        this.openSize = openSize;
        InputStream in = fetcher.open(uri);
        try {
            this.copy = copyTo == null ? null : Files.newOutputStream(copyTo);
            this.rawDigest = checksum == null ? null : Sha256Process.forFile(checksum, size, uri.toString());
            this.openDigest = openChecksum == null ? null : openChecksum.newDigest();
            this.raw = new FilterInputStream(in) {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                // synchronized: a decompressor may read on a thread of its own while a failure is examined
                @Override
                public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    if (n > 0) {
                        rawCount += n;
                        if (rawDigest != null) {
                            rawDigest.update(buffer, offset, n);
                        }
                        if (copy != null) {
                            copy.write(buffer, offset, n);
                        }
                    }
                    return n;
                }
            };
            this.cap = openSize >= 0 ? openSize : limit;
            this.tooLarge = openSize >= 0
                    ? uri + " decompresses to more than the " + openSize + " bytes its index states; refusing to read further"
                    : uri + " is larger than the limit of " + limit + " bytes once decompressed; refusing to read further";
        } catch (IOException e) {
            closeQuietly(in);
            throw e instanceof RepositoryException r ? r
                    : new RepositoryException("cannot read " + uri + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts streaming a metadata file.
     *
     * @param limit the limit on the decompressed size; the file may not grow past its stated
     *     open size either, and a stated open size above the limit is refused before any download
     * @throws TooLargeException if the stated open size is above the limit
     */
    static MetadataStream open(Fetcher fetcher, URI uri, Checksum checksum, long size, Checksum openChecksum,
            long openSize, long limit, Path copyTo) throws RepositoryException {
        if (openSize > limit) {
            throw new TooLargeException("the index states that " + uri + " decompresses to " + openSize
                    + " bytes, above the limit of " + limit + " bytes; refusing to read it");
        }
        try {
            return new MetadataStream(fetcher, uri, checksum, size, openChecksum, openSize, limit, copyTo);
        } catch (NotFoundException e) {
            throw new PublishingInProgressException(uri + " is listed in the index but does not exist");
        }
    }

    /**
     * Opens a file if it exists. A content-addressed file (Debian {@code by-hash}) cannot be
     * caught mid-publication, so a mismatch of its checksum or size is a plain repository error
     * (a corrupt mirror), not publishing in progress.
     *
     * @param limit the limit on the decompressed size, as for {@link #open}
     * @return the stream, or null if the file does not exist
     * @throws TooLargeException if the stated open size is above the limit
     */
    static MetadataStream openIfExists(Fetcher fetcher, URI uri, boolean contentAddressed, Checksum checksum,
            long size, Checksum openChecksum, long openSize, long limit, Path copyTo) throws RepositoryException {
        if (openSize > limit) {
            throw new TooLargeException("the index states that " + uri + " decompresses to " + openSize
                    + " bytes, above the limit of " + limit + " bytes; refusing to read it");
        }
        try {
            MetadataStream stream = new MetadataStream(fetcher, uri, checksum, size, openChecksum, openSize, limit,
                    copyTo);
            stream.contentAddressed = contentAddressed;
            return stream;
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** The error for content that does not match the index: publishing, or for a by-hash file, corruption. */
    private RepositoryException mismatch(String message) {
        return contentAddressed
                ? new RepositoryException(message + "; the file is named by its checksum, so the mirror serves a"
                        + " corrupt file")
                : new PublishingInProgressException(message);
    }

    /**
     * Returns the decompressed content; closing it does nothing (parsers close what they read).
     *
     * @throws IOException if the data cannot be decompressed
     */
    InputStream content() throws IOException {
        if (content == null) {
            InputStream decompressed = Decompression.open(raw, cap, uri.toString(), tooLarge);
            InputStream digested = openDigest == null ? decompressed : new DigestInputStream(decompressed, openDigest);
            content = new CappedInputStream(digested, Long.MAX_VALUE, uri.toString());
        }
        return new FilterInputStream(content) {
            @Override
            public void close() {
                // the stream is closed by MetadataStream.close, after verification
            }
        };
    }

    /**
     * Reads what is left and verifies sizes and checksums.
     *
     * @throws PublishingInProgressException if they do not match the index
     * @throws RepositoryException if the rest cannot be read
     */
    void finish() throws RepositoryException {
        try {
            content().transferTo(OutputStream.nullOutputStream());
            raw.transferTo(OutputStream.nullOutputStream());
        } catch (RepositoryException e) {
            throw e;
        } catch (IOException e) {
            fail(e);
        }
        if (rawDigest != null && !checksum.matches(rawDigest(rawDigest))) {
            throw mismatch("checksum of " + uri + " does not match the index (expected "
                    + checksum + ")");
        }
        if (size >= 0 && rawCount != size) {
            throw mismatch("size of " + uri + " is " + rawCount + " bytes, the index says "
                    + size);
        }
        if (openDigest != null && !openChecksum.matches(openDigest.digest())) {
            throw mismatch("open checksum of " + uri + " does not match the index");
        }
        if (openSize >= 0 && content.count() != openSize) {
            throw mismatch("decompressed size of " + uri + " is " + content.count()
                    + " bytes, the index says " + openSize);
        }
    }

    /**
     * Turns a failure while reading into the exception to throw: publishing in progress when the
     * published checksum does not match (a truncated or replaced file), otherwise an error naming
     * the URL.
     *
     * @param cause the failure
     * @return never returns normally
     * @throws RepositoryException always
     */
    RepositoryException fail(Exception cause) throws RepositoryException {
        for (Throwable t = cause; t != null; t = next(t)) {
            if (t instanceof TooLargeException tooLargeException) {
                throw tooLargeException;
            }
        }
        LimitExceededException limit = LimitExceededException.findIn(cause);
        if (limit != null) {
            throw new TooLargeException(limit.getMessage());
        }
        if (rawDigest != null) {
            try {
                raw.transferTo(OutputStream.nullOutputStream());
                if (!checksum.matches(rawDigest(rawDigest))) {
                    throw mismatch("checksum of " + uri + " does not match the index");
                }
            } catch (RepositoryException e) {
                throw e;
            } catch (IOException e) {
                // fall through to the original failure
            }
        }
        String reason = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        throw new RepositoryException("cannot read " + uri + ": " + reason, cause);
    }

    /** The digest of the file as published; a failure of the program computing it names the file. */
    private static byte[] rawDigest(MessageDigest digest) throws RepositoryException {
        try {
            return digest.digest();
        } catch (java.io.UncheckedIOException e) {
            throw new RepositoryException(e.getMessage(), e.getCause());
        }
    }

    private static Throwable next(Throwable t) {
        if (t.getCause() != null) {
            return t.getCause();
        }
        return t instanceof javax.xml.stream.XMLStreamException x ? x.getNestedException() : null;
    }

    @Override
    public void close() {
        if (rawDigest instanceof Sha256Process process) {
            process.end();
        }
        closeQuietly(raw);
        if (copy != null) {
            closeQuietly(copy);
        }
    }

    private static void closeQuietly(Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // nothing more to do with a stream being discarded
        }
    }
}
