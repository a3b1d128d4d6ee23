package org.virtregress.io;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Bounds what an XML parser has to hold at once: fails once more than a set number of bytes
 * came without a new {@code <}, or inside one comment, CDATA section or processing instruction
 * (where {@code <} may appear). Every text node, run of whitespace, tag with its attributes and
 * comment is therefore at most that long, whatever the parser buffers. Not thread-safe.
 */
final class MarkupRunGuard extends FilterInputStream {
    private static final int TEXT = 0;
    private static final int OPENING = 1;
    private static final int COMMENT = 2;
    private static final int CDATA = 3;
    private static final int INSTRUCTION = 4;
    private static final byte[] COMMENT_OPEN = {'!', '-', '-'};
    private static final byte[] CDATA_OPEN = {'!', '[', 'C', 'D', 'A', 'T', 'A', '['};

    private final long cap;
    private final String what;
    private long offset;
    private long runStart;
    private int state = TEXT;
    private int opened;
    private int last1 = -1;
    private int last2 = -1;

    MarkupRunGuard(InputStream in, long cap, String what) {
        super(in);
        this.cap = cap;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            see((byte) b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int off, int length) throws IOException {
        int n = super.read(buffer, off, length);
        int k = 0;
        while (k < n) {
            if (state == TEXT) {
                int start = k;
                while (k < n && buffer[off + k] != '<') {
                    k++;
                }
                offset += k - start;
                check();
                if (k < n) {
                    see(buffer[off + k++]);
                }
            } else {
                see(buffer[off + k++]);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 8192)];
        int read = read(scratch, 0, scratch.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void see(byte b) throws LimitExceededException {
        switch (state) {
            case TEXT -> {
                if (b == '<') {
                    restart();
                    state = OPENING;
                    opened = 0;
                }
            }
            case OPENING -> opening(b);
            case COMMENT -> close(b, '-', '-');
            case CDATA -> close(b, ']', ']');
            case INSTRUCTION -> close(b, '?', -1);
            default -> throw new IllegalStateException("state " + state);
        }
        offset++;
        check();
    }

    private void check() throws LimitExceededException {
        if (offset - runStart > cap) {
            throw new LimitExceededException(what + ": more than " + cap + " bytes of one text node, tag or comment"
                    + " from byte " + runStart + "; refusing to read further");
        }
    }

    private void opening(byte b) {
        if (b == '<') {
            restart();
            opened = 0;
        } else if (opened == 0 && b == '?') {
            state = INSTRUCTION;
        } else if (opened < CDATA_OPEN.length && b == CDATA_OPEN[opened]) {
            opened++;
            state = opened == CDATA_OPEN.length ? CDATA : OPENING;
        } else if (opened < COMMENT_OPEN.length && b == COMMENT_OPEN[opened]) {
            opened++;
            state = opened == COMMENT_OPEN.length ? COMMENT : OPENING;
        } else {
            state = TEXT;
        }
        last1 = -1;
        last2 = -1;
    }

    /** Ends a comment ({@code -->}), CDATA section ({@code ]]>}) or instruction ({@code ?>}). */
    private void close(byte b, int first, int second) {
        if (b == '>' && last1 == first && (second < 0 || last2 == second)) {
            state = TEXT;
            restart();
        }
        last2 = last1;
        last1 = b;
    }

    private void restart() {
        runStart = offset;
    }
}
