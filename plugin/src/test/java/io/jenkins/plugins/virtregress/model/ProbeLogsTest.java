package io.jenkins.plugins.virtregress.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeLogsTest {
    @Test
    void shouldLinkAProbeLogCopiedIntoTheBuild(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("001-0123abcd.log"), "make check\n");

        assertThat(ProbeLogs.link(directory, "/home/agent/workspace/fs1/virt-regress-bisect/state-1-logs/001-0123abcd.log"))
                .isEqualTo("log/001-0123abcd.log");
        assertThat(ProbeLogs.find(directory, "001-0123abcd.log")).hasContent("make check");
    }

    @Test
    void shouldGiveNoLinkForALogThatWasNotCopied(@TempDir Path directory) {
        assertThat(ProbeLogs.link(directory, "/agent/x/002-ffff.log")).isNull();
        assertThat(ProbeLogs.link(directory, null)).isNull();
    }

    @Test
    void shouldServeNothingOutsideTheLogDirectory(@TempDir Path directory) throws Exception {
        Path logs = Files.createDirectories(directory.resolve("logs"));
        Files.writeString(directory.resolve("build.xml"), "<build/>");
        Files.createSymbolicLink(logs.resolve("link.log"), directory.resolve("build.xml"));

        assertThat(ProbeLogs.find(logs, "../build.xml")).isNull();
        assertThat(ProbeLogs.find(logs, "..")).isNull();
        assertThat(ProbeLogs.find(logs, "link.log")).isNull();
        assertThat(ProbeLogs.find(logs, "")).isNull();
    }
}
