package org.virtregress.suite;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails with an {@link IOException} once more than a set number of bytes has been read. */
final class CappedInputStream extends FilterInputStream {
    private final long cap;
    private long count;

    CappedInputStream(InputStream in, long cap) {
        super(in);
        this.cap = cap;
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
        long skipped = super.skip(n);
        count(skipped);
        return skipped;
    }

    @Override
    public void close() {
        // the caller owns the underlying stream
    }

    private void count(long n) throws IOException {
        count += n;
        if (count > cap) {
            throw new IOException("input exceeds the size cap of " + cap + " bytes");
        }
    }
}
