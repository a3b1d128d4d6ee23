package org.virtregress.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sweep registered before a command's process starts: it knows only the run id, and kills the
 * processes that carry it (real processes, found in /proc), never the others.
 */
class ProcessSweepTest {
    @Test
    void shouldKillWhatCarriesTheRunIdBeforeTheRootIsKnown() throws Exception {
        String runId = UUID.randomUUID().toString();
        ProcessSweep sweep = ProcessSweep.beforeStart(runId);
        ProcessBuilder marked = new ProcessBuilder("sh", "-c", "sleep 300 & wait");
        marked.environment().put(ProcessRunner.RUN_MARKER, "outer," + runId);
        Process ours = marked.start();
        ProcessBuilder other = new ProcessBuilder("sleep", "300");
        other.environment().put(ProcessRunner.RUN_MARKER, UUID.randomUUID().toString());
        Process theirs = other.start();
        try {
            assertThat(sweep.root()).isEqualTo(-1);
            for (int i = 0; i < 200 && sweep.alive().size() < 2; i++) {
                Thread.sleep(10);
            }
            assertThat(sweep.alive()).as("the shell and its sleep").hasSize(2);

            assertThat(sweep.killAll()).isZero();

            assertThat(ours.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(sweep.alive()).isEmpty();
            assertThat(theirs.isAlive()).as("a process of another run").isTrue();
        } finally {
            ours.destroyForcibly();
            theirs.destroyForcibly();
        }
    }
}
