package org.virtregress.io;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A stream of a head, then a filler repeated up to a length, then a tail, generated as it is
 * read so that a test can feed gigabytes without holding or writing them.
 */
final class GeneratedInput extends InputStream {
    private final byte[] head;
    private final byte[] filler;
    private final byte[] tail;
    private final long fillerBytes;
    private long position;

    GeneratedInput(String head, String filler, long fillerBytes, String tail) {
        this.head = head.getBytes(StandardCharsets.UTF_8);
        this.filler = filler.getBytes(StandardCharsets.UTF_8);
        this.tail = tail.getBytes(StandardCharsets.UTF_8);
        this.fillerBytes = fillerBytes;
    }

    /** Returns the number of bytes handed out so far. */
    long position() {
        return position;
    }

    @Override
    public int read() {
        long p = position;
        int b;
        if (p < head.length) {
            b = head[(int) p] & 0xff;
        } else if (p - head.length < fillerBytes) {
            b = filler[(int) ((p - head.length) % filler.length)] & 0xff;
        } else if (p - head.length - fillerBytes < tail.length) {
            b = tail[(int) (p - head.length - fillerBytes)] & 0xff;
        } else {
            return -1;
        }
        position++;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        int n = 0;
        while (n < length) {
            int b = read();
            if (b < 0) {
                return n == 0 ? -1 : n;
            }
            buffer[offset + n++] = (byte) b;
        }
        return n;
    }
}
