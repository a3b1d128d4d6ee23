package org.virtregress.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Lets at most a set number of bytes through, then fails with a {@link LimitExceededException}:
 * it reads at most one byte past the cap from the stream it wraps, so that an oversized input
 * (a decompression bomb, a runaway result file) costs no more than the cap. Closing it closes the
 * wrapped stream unless made with {@link #leavingOpen}. Not thread-safe.
 */
public final class CappedInputStream extends FilterInputStream {
    private final long cap;
    private final String message;
    private final boolean closesWrapped;
    private long count;

    /**
     * Wraps a stream.
     *
     * @param in the stream to read
     * @param cap the largest number of bytes accepted
     * @param message the message of the failure once more than {@code cap} bytes came, naming
     *     the input and the limit
     */
    public CappedInputStream(InputStream in, long cap, String message) {
        this(in, cap, message, true);
    }

    private CappedInputStream(InputStream in, long cap, String message, boolean closesWrapped) {
        super(in);
        if (cap < 0) {
            throw new IllegalArgumentException("cap must not be negative: " + cap);
        }
        this.cap = cap;
        this.message = message;
        this.closesWrapped = closesWrapped;
    }

    /**
     * Wraps a stream that belongs to the caller: closing the capped stream leaves it open.
     *
     * @param in the stream to read
     * @param cap the largest number of bytes accepted
     * @param message the message of the failure once more than {@code cap} bytes came
     * @return the capped stream
     */
    public static CappedInputStream leavingOpen(InputStream in, long cap, String message) {
        return new CappedInputStream(in, cap, message, false);
    }

    @Override
    public void close() throws IOException {
        if (closesWrapped) {
            super.close();
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (count >= cap) {
            int b = read();
            if (b < 0) {
                return -1;
            }
            buffer[offset] = (byte) b;
            return 1;
        }
        int n = super.read(buffer, offset, (int) Math.min(length, cap - count));
        if (n > 0) {
            count(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(Math.min(n, cap - count + 1));
        count(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Returns the number of bytes read so far. */
    public long count() {
        return count;
    }

    private void count(long n) throws LimitExceededException {
        count += n;
        if (count > cap) {
            throw new LimitExceededException(message);
        }
    }
}
