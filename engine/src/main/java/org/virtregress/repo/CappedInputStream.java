package org.virtregress.repo;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops reading with an error once more than a given number of bytes came through. */
final class CappedInputStream extends FilterInputStream {
    private final long cap;
    private final String what;
    private long count;

    CappedInputStream(InputStream in, long cap, String what) {
        super(in);
        this.cap = cap;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            add(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            add(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        add(skipped);
        return skipped;
    }

    private void add(long n) throws IOException {
        count += n;
        if (count > cap) {
            throw new TooLargeException(what + " is larger than the limit of " + cap
                    + " bytes once decompressed; refusing to read further");
        }
    }

    long count() {
        return count;
    }
}
