package org.virtregress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code virt-regress} in a JVM with a small heap on an input too large for it. */
class OutOfMemoryITest {
    @Test
    void shouldExitWithTheOutOfMemoryCodeAndNoStackTrace(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("report.json");
        try (OutputStream out = Files.newOutputStream(input)) {
            out.write("{\"schemaVersion\":1,\"title\":\"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 64; i++) {
                out.write(chunk);
            }
            out.write("\"}".getBytes(StandardCharsets.US_ASCII));
        }
        Path log = dir.resolve("cli.log");
        Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "report", "--input", input.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();

        assertThat(cli.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(cli.exitValue()).as(Files.readString(log)).isEqualTo(ExitCodes.OUT_OF_MEMORY);
        assertThat(Files.readString(log)).startsWith("virt-regress report: out of memory while running report")
                .contains("raise -Xmx").doesNotContain("\tat ");
    }
}
