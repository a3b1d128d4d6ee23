package org.virtregress.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.virtregress.io.CappedInputStream;

/**
 * Reads a TAP file or stream with a {@link TapStream}, capping the input size and the length of a
 * line kept in memory. Thread-safe.
 */
public final class TapParser implements ResultParser {
    /** Characters kept of one line; the rest of a longer line is dropped. */
    public static final int LINE_CAP = 64 * 1024;

    private final long sizeCap;

    /** Creates a parser with the default size cap. */
    public TapParser() {
        this(DEFAULT_SIZE_CAP);
    }

    /**
     * Creates a parser.
     *
     * @param sizeCap the largest input accepted, in bytes
     */
    public TapParser(long sizeCap) {
        this.sizeCap = sizeCap;
    }

    @Override
    public ParsedCases parse(InputStream input, String source) {
        TapStream tap = new TapStream(source);
        String failure = null;
        long lines = 0;
        InputStream capped = CappedInputStream.leavingOpen(input, sizeCap,
                "input exceeds the size cap of " + sizeCap + " bytes");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(capped,
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE)))) {
            StringBuilder line = new StringBuilder();
            int c;
            boolean pending = false;
            while ((c = reader.read()) >= 0) {
                if (c == '\n') {
                    lines++;
                    tap.accept(line.toString());
                    line.setLength(0);
                    pending = false;
                } else {
                    pending = true;
                    if (line.length() < LINE_CAP) {
                        line.append((char) c);
                    }
                }
            }
            if (pending) {
                tap.accept(line.toString());
            }
        } catch (IOException e) {
            failure = source + ":" + (lines + 1) + ": " + e.getMessage();
        }
        ParsedCases parsed = tap.finish();
        if (failure == null) {
            return parsed;
        }
        List<String> errors = new ArrayList<>();
        errors.add(failure);
        errors.addAll(parsed.errors());
        return new ParsedCases(parsed.cases(), errors);
    }
}
