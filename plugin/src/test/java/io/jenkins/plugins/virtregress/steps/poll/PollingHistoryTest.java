package io.jenkins.plugins.virtregress.steps.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PollingHistoryTest {
    @Test
    void shouldKeepThePollThatStartedABuildAfterManyQuietPolls(@TempDir Path directory) throws Exception {
        PollingHistory history = new PollingHistory(directory.resolve("polls"));
        Path starter = history.newLog(1_000);
        Files.writeString(starter, "New builds: demo 1.0-1");
        history.finish(starter, true);
        for (int i = 0; i < PollingHistory.KEPT + 5; i++) {
            Path quiet = history.newLog(2_000 + i);
            Files.writeString(quiet, "No new builds. " + i);
            history.finish(quiet, false);
        }

        assertThat(history.logs()).hasSize(PollingHistory.KEPT + 1);
        assertThat(history.texts().get(0)).isEqualTo("No new builds. " + (PollingHistory.KEPT + 4));
        assertThat(history.texts()).last().isEqualTo("[started a build]\nNew builds: demo 1.0-1");
        assertThat(history.texts()).noneMatch(t -> t.equals("No new builds. 4"));
    }

    @Test
    void shouldGiveTwoPollsOfOneMillisecondTheirOwnFiles(@TempDir Path directory) throws Exception {
        PollingHistory history = new PollingHistory(directory);
        assertThat(history.newLog(5)).isNotEqualTo(history.newLog(5));
        assertThat(history.logs()).hasSize(2);
    }
}
