package org.virtregress.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.virtregress.storage.Json;

/**
 * Reads and writes a {@link RegressionReport} as JSON. Reading checks the schema version first:
 * a report written by a newer version of this code is rejected with a message saying so, rather
 * than read half-way. Unknown fields are ignored and absent optional parts read as empty.
 * Thread-safe.
 */
public final class ReportJson {
    private static final ObjectMapper MAPPER = Json.mapper();

    private ReportJson() {
    }

    /**
     * Writes a report to a file atomically.
     *
     * @param file the target file
     * @param report the report
     * @throws IOException if it cannot be written; a previous file is then unchanged
     */
    public static void write(Path file, RegressionReport report) throws IOException {
        Json.writeAtomically(file, report);
    }

    /**
     * Returns a report as indented JSON text.
     *
     * @param report the report
     * @return the JSON
     */
    public static String toJson(RegressionReport report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize report " + report.title(), e);
        }
    }

    /**
     * Reads a report from a file.
     *
     * @param file the file
     * @return the report
     * @throws ReportFormatException if the file is not a report this code can read; the message names the file
     * @throws IOException if the file cannot be read
     */
    public static RegressionReport read(Path file) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "report file not found");
        }
        return parse(bytes, file.toString());
    }

    /**
     * Reads a report from JSON text.
     *
     * @param json the JSON
     * @param source what the text came from, named in error messages
     * @return the report
     * @throws ReportFormatException if the text is not a report this code can read
     */
    public static RegressionReport fromJson(String json, String source) throws ReportFormatException {
        return parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), source);
    }

    private static RegressionReport parse(byte[] bytes, String source) throws ReportFormatException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new ReportFormatException(source + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()), e);
        } catch (IOException e) {
            throw new ReportFormatException(source + ": cannot read: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new ReportFormatException(source + ": not a report: expected a JSON object");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
            throw new ReportFormatException(source + ": not a report: no integer schemaVersion");
        }
        int schema = version.intValue();
        if (schema > RegressionReport.SCHEMA_VERSION) {
            throw new ReportFormatException(source + ": report schema version " + schema
                    + " is newer than this virt-regress reads (up to " + RegressionReport.SCHEMA_VERSION
                    + "); upgrade virt-regress to read it");
        }
        if (schema < 1) {
            throw new ReportFormatException(source + ": invalid report schema version " + schema);
        }
        try {
            return MAPPER.treeToValue(tree, RegressionReport.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String detail = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
            throw new ReportFormatException(source + ": invalid report: " + detail, e);
        }
    }
}
