package org.virtregress.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
    @Test
    void shouldWriteTheThreeFormsSoThatTheJsonReadsBack(@TempDir Path dir) throws Exception {
        RegressionReport report = RegressionReport.builder("Bisection of <qemu>", Instant.parse("2024-03-01T10:00:00Z"))
                .build();

        ReportFiles files = ReportFiles.write(report, dir.resolve("out"));

        assertThat(files.json()).isEqualTo(dir.resolve("out/report.json"));
        assertThat(ReportJson.read(files.json())).isEqualTo(report);
        assertThat(Files.readString(files.html())).startsWith("<!DOCTYPE html>").contains("Bisection of &lt;qemu&gt;");
        assertThat(files.textFile()).content().isEqualTo(files.text());
        assertThat(files.text()).contains("Bisection of <qemu>");
    }
}
