package org.virtregress.cli.demo;

import java.io.IOException;
import java.nio.file.Path;
import org.virtregress.report.RegressionReport;
import org.virtregress.report.ReportFiles;

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
        ReportFiles files = ReportFiles.write(report, directory);
        return new DemoReportFiles(files.json(), files.html(), files.textFile(), files.text());
    }
}
