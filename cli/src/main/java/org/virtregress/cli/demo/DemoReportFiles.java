package org.virtregress.cli.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.virtregress.report.HtmlReport;
import org.virtregress.report.RegressionReport;
import org.virtregress.report.ReportJson;
import org.virtregress.report.TextReport;
import org.virtregress.storage.AtomicFile;

/**
 * The report of a demo run in its three forms, written atomically.
 *
 * @param json the JSON file
 * @param html the self-contained HTML page
 * @param textFile the plain-text file
 * @param text the plain text itself, for the console
 */
record DemoReportFiles(Path json, Path html, Path textFile, String text) {
    /**
     * Writes {@code report.json}, {@code report.html} and {@code report.txt} into a directory.
     *
     * @param report the report
     * @param directory the directory, created when missing
     * @return the files
     * @throws IOException if a file cannot be written
     */
    static DemoReportFiles write(RegressionReport report, Path directory) throws IOException {
        Files.createDirectories(directory);
        Path json = directory.resolve("report.json");
        Path html = directory.resolve("report.html");
        Path textFile = directory.resolve("report.txt");
        String text = TextReport.render(report);
        ReportJson.write(json, report);
        AtomicFile.write(html, HtmlReport.page(report).getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(textFile, text.getBytes(StandardCharsets.UTF_8));
        return new DemoReportFiles(json, html, textFile, text);
    }
}
