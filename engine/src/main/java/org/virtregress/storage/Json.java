package org.virtregress.storage;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The JSON mapper of the engine: ISO-8601 times, indented output, unknown properties tolerated
 * so that newer files can be read by older code. The mapper is thread-safe once built.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    /** Returns the shared mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Writes a value as JSON to a file atomically.
     *
     * @param target the file
     * @param value the value
     * @throws IOException if it cannot be written; the previous file is then unchanged
     */
    public static void writeAtomically(Path target, Object value) throws IOException {
        AtomicFile.write(target, MAPPER.writeValueAsBytes(value));
    }
}
