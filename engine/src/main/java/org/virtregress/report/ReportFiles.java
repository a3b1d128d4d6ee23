package org.virtregress.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.virtregress.storage.AtomicFile;

/**
 * A report written in its three forms into one directory: {@code report.json} (what
 * {@link ReportJson#read} reads back), {@code report.html} (a self-contained page) and
 * {@code report.txt}. Each file is written atomically.
 *
 * @param json the JSON file
 * @param html the HTML page
 * @param textFile the plain-text file
 * @param text the plain text itself, for a console
 */
public record ReportFiles(Path json, Path html, Path textFile, String text) {
    /**
     * Writes the three files.
     *
     * @param report the report
     * @param directory the directory, created when missing
     * @return the files
     * @throws IOException if a file cannot be written
     */
    public static ReportFiles write(RegressionReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path json = directory.resolve("report.json");
        Path html = directory.resolve("report.html");
        Path textFile = directory.resolve("report.txt");
        String text = TextReport.render(report);
        ReportJson.write(json, report);
        AtomicFile.write(html, HtmlReport.page(report).getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(textFile, text.getBytes(StandardCharsets.UTF_8));
        return new ReportFiles(json, html, textFile, text);
    }
}
