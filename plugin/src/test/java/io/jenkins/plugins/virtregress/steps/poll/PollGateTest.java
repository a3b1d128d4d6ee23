package io.jenkins.plugins.virtregress.steps.poll;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PollGateTest {
    @Test
    void shouldLetOnePollOfAJobRunAtATime() {
        String job = "folder/gate-" + System.nanoTime();
        assertThat(PollGate.enter(job)).isTrue();
        try {
            assertThat(PollGate.enter(job)).isFalse();
            assertThat(PollGate.enter(job + "-other")).isTrue();
        } finally {
            PollGate.leave(job);
            PollGate.leave(job + "-other");
        }
        assertThat(PollGate.enter(job)).isTrue();
        PollGate.leave(job);
    }
}
