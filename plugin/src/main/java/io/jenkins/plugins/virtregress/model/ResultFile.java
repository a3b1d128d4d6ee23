package io.jenkins.plugins.virtregress.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.virtregress.report.RegressionReport;
import org.virtregress.report.ReportJson;

/**
 * A regression report kept as JSON in its own file under a build's directory
 * ({@code <build>/virt-regress/<id>.json}), so that {@code build.xml} keeps only a summary and the
 * full report is read when a page needs it.
 */
public final class ResultFile {
    /** The directory under the build directory that holds the report files. */
    public static final String DIRECTORY = "virt-regress";

    private ResultFile() {
    }

    /**
     * Locates a report file.
     *
     * @param buildDirectory the build's root directory
     * @param id the report's id within the build, a plain file name without extension
     * @return the path of the JSON file
     * @throws IllegalArgumentException if the id is not a plain file name
     */
    public static Path of(Path buildDirectory, String id) {
        if (!id.matches("[A-Za-z0-9_.-]+") || id.startsWith(".")) {
            throw new IllegalArgumentException("report id " + id + " is not a plain file name");
        }
        return buildDirectory.resolve(DIRECTORY).resolve(id + ".json");
    }

    /**
     * Writes a report atomically.
     *
     * @param buildDirectory the build's root directory
     * @param id the report's id within the build
     * @param report the report
     * @throws IOException if it cannot be written; a previous file is then unchanged
     */
    public static void write(Path buildDirectory, String id, RegressionReport report) throws IOException {
        Files.createDirectories(buildDirectory.resolve(DIRECTORY));
        ReportJson.write(of(buildDirectory, id), report);
    }

    /**
     * Reads a report.
     *
     * @param buildDirectory the build's root directory
     * @param id the report's id within the build
     * @return the report
     * @throws IOException if the file is missing or not a report, naming the file
     */
    public static RegressionReport read(Path buildDirectory, String id) throws IOException {
        return ReportJson.read(of(buildDirectory, id));
    }
}
