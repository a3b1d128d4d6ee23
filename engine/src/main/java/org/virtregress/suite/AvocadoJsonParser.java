package org.virtregress.suite;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.virtregress.io.CappedInputStream;

/**
 * Reads avocado's {@code results.json}: {@code tests[]} entries with {@code id}, {@code name},
 * {@code status}, {@code fail_reason}, {@code time} and {@code logdir}/{@code logfile}, and the
 * job totals ({@code total}, {@code pass}, {@code failures}, {@code errors}, {@code skip}, ...),
 * which are checked against the entries read. Streams the {@code tests} array one entry at a
 * time and caps the input size. A case's name is the test reference without the job position
 * prefix ({@code 1-}), which is what {@code avocado run} accepts to rerun it. Thread-safe.
 */
public final class AvocadoJsonParser implements ResultParser {
    private static final Pattern POSITION = Pattern.compile("^\\d+-(?=\\S)");
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(64).maxStringLength(16 << 20).maxNumberLength(64).build())
            .build());

    private final long sizeCap;

    /** Creates a parser with the default size cap. */
    public AvocadoJsonParser() {
        this(DEFAULT_SIZE_CAP);
    }

    /**
     * Creates a parser.
     *
     * @param sizeCap the largest input accepted, in bytes
     */
    public AvocadoJsonParser(long sizeCap) {
        this.sizeCap = sizeCap;
    }

    @Override
    public ParsedCases parse(InputStream input, String source) {
        List<CaseResult> cases = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        long total = -1;
        boolean testsSeen = false;
        JsonParser parser = null;
        try {
            parser = MAPPER.getFactory().createParser(CappedInputStream.leavingOpen(input, sizeCap,
                    "input exceeds the size cap of " + sizeCap + " bytes"));
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("expected a JSON object (avocado results.json)");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("tests".equals(field) && value == JsonToken.START_ARRAY) {
                    testsSeen = true;
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        cases.add(toCase(parser.readValueAsTree(), cases.size() + 1));
                    }
                } else if ("total".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
                    total = parser.getLongValue();
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT) {
                throw new IOException("unexpected " + parser.currentToken());
            }
            if (!testsSeen) {
                errors.add(source + ": no \"tests\" array: not an avocado results.json");
            } else if (total >= 0 && total != cases.size()) {
                errors.add(source + ": totals say " + total + " tests but " + cases.size() + " are listed");
            }
        } catch (IOException | RuntimeException e) {
            errors.add(position(source, parser) + message(e));
        } finally {
            if (parser != null) {
                try {
                    parser.close();
                } catch (IOException ignored) {
                    // nothing left to release
                }
            }
        }
        return new ParsedCases(cases, errors);
    }

    private static CaseResult toCase(JsonNode test, int index) {
        String id = text(test, "id");
        if (id == null) {
            id = text(test, "test");
        }
        String name = text(test, "name");
        if (id == null) {
            id = name != null ? name : "test " + index;
        }
        String reference = POSITION.matcher(name != null ? name : id).replaceFirst("");
        CaseStatus status = status(text(test, "status"));
        String reason = text(test, "fail_reason");
        if (reason != null && (reason.isBlank() || "<unknown>".equals(reason) || "None".equals(reason))) {
            reason = null;
        }
        if (reason == null && status.failing()) {
            reason = status.name();
        }
        Duration duration = Duration.ZERO;
        JsonNode time = test.get("time");
        if (time != null && time.isNumber() && time.asDouble() >= 0 && time.asDouble() < 1e9) {
            duration = Duration.ofNanos((long) (time.asDouble() * 1e9));
        }
        List<String> logs = new ArrayList<>();
        for (String field : List.of("logdir", "logfile")) {
            String path = text(test, field);
            if (path != null && !"<unknown>".equals(path)) {
                logs.add(path);
            }
        }
        return new CaseResult(id, reference, status, duration, reason, null, logs, List.of(), null);
    }

    private static CaseStatus status(String value) {
        if (value == null) {
            return CaseStatus.ERROR;
        }
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "PASS" -> CaseStatus.PASS;
            case "FAIL" -> CaseStatus.FAIL;
            case "SKIP" -> CaseStatus.SKIP;
            case "WARN" -> CaseStatus.WARN;
            case "CANCEL" -> CaseStatus.CANCEL;
            case "INTERRUPTED", "INTERRUPT" -> CaseStatus.INTERRUPT;
            default -> CaseStatus.ERROR;
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static String position(String source, JsonParser parser) {
        if (parser == null) {
            return source + ": ";
        }
        JsonLocation at = parser.currentLocation();
        return source + ":" + at.getLineNr() + ":" + at.getColumnNr() + ": ";
    }

    private static String message(Exception e) {
        if (e instanceof JsonProcessingException json) {
            return json.getOriginalMessage();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
