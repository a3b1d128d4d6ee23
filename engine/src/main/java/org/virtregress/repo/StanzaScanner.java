package org.virtregress.repo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * Streams the stanzas (paragraphs) of a Debian control file such as a Packages index, keeping
 * only a few fields of the stanzas a predicate wants. Works on bytes: the lines of a stanza
 * whose {@code Package} is not wanted are skipped without being decoded or stored, so memory
 * stays at one buffer however large the index is. Every line is capped, and every stanza; an
 * oversize one is an error naming the input, the line number and the byte offset. Not
 * thread-safe: one scanner reads one stream.
 */
final class StanzaScanner {
    /** Receives the kept fields of one wanted stanza. */
    @FunctionalInterface
    interface StanzaHandler {
        /**
         * Handles one stanza.
         *
         * @param fields the values of the requested fields, in the order they were requested;
         *     null where the stanza lacks one
         * @throws RepositoryException if the stanza is unusable
         */
        void accept(String[] fields) throws RepositoryException;
    }

    private static final int INITIAL_BUFFER = 1 << 16;

    private final InputStream in;
    private final String what;
    private final byte[][] keys;
    private final int nameField;
    private final int maxLine;
    private final int maxStanza;
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private int start;
    private int end;
    private boolean eof;
    private long line;
    private long consumed;

    /**
     * Creates a scanner.
     *
     * @param in the decompressed control file
     * @param what its name (URL) for messages
     * @param fields the fields to keep, matched case-sensitively as Debian writes them
     * @param nameField the field whose value the predicate is asked about (usually {@code Package})
     * @param limits the line and stanza caps
     */
    StanzaScanner(InputStream in, String what, List<String> fields, String nameField, ReadLimits limits) {
        this.in = in;
        this.what = what;
        this.keys = fields.stream().map(f -> f.getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
        this.nameField = fields.indexOf(nameField);
        if (this.nameField < 0) {
            throw new IllegalArgumentException(nameField + " is not among the fields " + fields);
        }
        this.maxLine = limits.maxDebianLineBytes();
        this.maxStanza = limits.maxDebianStanzaBytes();
    }

    /**
     * Reads every stanza and hands the wanted ones to a handler.
     *
     * @param wanted tells by the value of the name field whether a stanza is kept
     * @param handler receives the kept fields of each wanted stanza, in file order
     * @throws IOException if the input cannot be read, a line or stanza is oversize, or a line
     *     is not a field
     */
    void scan(Predicate<String> wanted, StanzaHandler handler) throws IOException {
        String[] values = new String[keys.length];
        boolean inStanza = false;
        boolean skipping = false;
        long stanzaStart = 0;
        long stanzaLine = 0;
        while (true) {
            int eol = nextLine();
            if (eol < 0) {
                break;
            }
            int lineStart = start;
            int lineEnd = eol > lineStart && buffer[eol - 1] == '\r' ? eol - 1 : eol;
            long offset = consumed;
            start = Math.min(eol + 1, end);
            consumed += start - lineStart;
            if (blank(lineStart, lineEnd)) {
                if (inStanza && !skipping) {
                    finish(values, wanted, handler);
                }
                inStanza = false;
                skipping = false;
                continue;
            }
            if (!inStanza) {
                inStanza = true;
                stanzaStart = offset;
                stanzaLine = line;
                Arrays.fill(values, null);
            } else if (consumed - stanzaStart > maxStanza) {
                throw new TooLargeException(what + ": the stanza at line " + stanzaLine + " (byte " + stanzaStart
                        + ") is longer than the limit of " + maxStanza + " bytes");
            }
            if (skipping || buffer[lineStart] == ' ' || buffer[lineStart] == '\t') {
                continue;
            }
            int colon = indexOf(lineStart, lineEnd, (byte) ':');
            if (colon <= lineStart) {
                throw new RepositoryException(what + " is not a Packages index: unexpected line " + line + " (byte "
                        + offset + ") '" + abbreviate(lineStart, lineEnd) + "'");
            }
            int field = field(lineStart, colon);
            if (field >= 0) {
                values[field] = value(colon + 1, lineEnd);
                if (field == nameField && !wanted.test(values[field])) {
                    skipping = true;
                }
            }
        }
        if (inStanza && !skipping) {
            finish(values, wanted, handler);
        }
    }

    private void finish(String[] values, Predicate<String> wanted, StanzaHandler handler) throws RepositoryException {
        if (values[nameField] != null && wanted.test(values[nameField])) {
            handler.accept(values.clone());
        }
    }

    /**
     * Makes sure a whole line is in the buffer from {@code start} and returns the index of its
     * newline (or of the end of the data for a last line without one), -1 at the end of input.
     */
    private int nextLine() throws IOException {
        int scanFrom = start;
        while (true) {
            for (int k = scanFrom; k < end; k++) {
                if (buffer[k] == '\n') {
                    checkLength(k - start);
                    line++;
                    return k;
                }
            }
            checkLength(end - start);
            if (eof) {
                if (start < end) {
                    line++;
                    return end;
                }
                return -1;
            }
            int scanned = end - start;
            fill();
            scanFrom = start + scanned;
        }
    }

    private void checkLength(int length) throws TooLargeException {
        if (length > maxLine) {
            throw new TooLargeException(what + ": line " + (line + 1) + " (byte " + consumed
                    + ") is longer than the limit of " + maxLine + " bytes");
        }
    }

    /** Moves the unread bytes to the front, grows the buffer when it is full, and reads more. */
    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, (int) Math.max(buffer.length + 1,
                    Math.min((long) buffer.length * 2, (long) maxLine + 2)));
        }
        int n = in.read(buffer, end, buffer.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    private boolean blank(int from, int to) {
        for (int k = from; k < to; k++) {
            if (buffer[k] != ' ' && buffer[k] != '\t') {
                return false;
            }
        }
        return true;
    }

    private int indexOf(int from, int to, byte b) {
        for (int k = from; k < to; k++) {
            if (buffer[k] == b) {
                return k;
            }
        }
        return -1;
    }

    private int field(int from, int colon) {
        int length = colon - from;
        for (int f = 0; f < keys.length; f++) {
            byte[] key = keys[f];
            if (key.length == length && Arrays.equals(buffer, from, colon, key, 0, length)) {
                return f;
            }
        }
        return -1;
    }

    private String value(int from, int to) {
        while (from < to && (buffer[from] == ' ' || buffer[from] == '\t')) {
            from++;
        }
        while (to > from && (buffer[to - 1] == ' ' || buffer[to - 1] == '\t')) {
            to--;
        }
        return new String(buffer, from, to - from, StandardCharsets.UTF_8);
    }

    private String abbreviate(int from, int to) {
        String text = new String(buffer, from, Math.min(to - from, 80), StandardCharsets.UTF_8);
        return to - from > 80 ? text + "..." : text;
    }
}
