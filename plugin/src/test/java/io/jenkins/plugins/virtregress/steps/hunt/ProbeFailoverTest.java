package io.jenkins.plugins.virtregress.steps.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProbeFailoverTest {
    @Test
    void shouldExcludeAFailedNodeAndRunTheProbeAgainOnTheOthers() {
        ProbeFailover failover = new ProbeFailover(List.of("agent-1", "agent-2", "agent-3"));

        ProbeFailover.Decision decision = failover.failed("1.2-1", "agent-2", ProbeFailover.Failure.DISCONNECTED,
                "channel is already closed");

        assertThat(decision.retry()).isTrue();
        assertThat(decision.note()).isEqualTo("probe 1.2-1: node agent-2 went offline during the probe (channel is"
                + " already closed): it takes no more probes of this hunt; the probe runs again on node agent-1 or"
                + " node agent-3");
        assertThat(failover.excluded()).containsExactly("agent-2");
        assertThat(failover.remaining()).containsExactly("agent-1", "agent-3");
        assertThat(failover.giveUp()).isEmpty();
    }

    @Test
    void shouldSkipOnlyWhenNoNodeIsLeftSayingWhichFailedAndHow() {
        ProbeFailover failover = new ProbeFailover(List.of("", "agent-1"));

        assertThat(failover.failed("1.1-1", "agent-1", ProbeFailover.Failure.COPY, "No space left on device")
                .retry()).isTrue();
        ProbeFailover.Decision last = failover.failed("1.1-1", "", ProbeFailover.Failure.OFFLINE, null);

        assertThat(last.retry()).isFalse();
        assertThat(last.note()).isEqualTo("skipped: no node of the label is left to run it (node agent-1 could not"
                + " take the probe's files (No space left on device); the built-in node is offline)");
        assertThat(failover.giveUp()).contains(last.note());
        assertThat(failover.remaining()).isEmpty();
    }

    @Test
    void shouldKeepTheFirstReasonOfANodeThatFailsTwice() {
        ProbeFailover failover = new ProbeFailover(List.of("a", "b"));

        failover.failed("p1", "a", ProbeFailover.Failure.FAILED, "java.nio.file.AccessDeniedException: /srv");
        ProbeFailover.Decision again = failover.failed("p2", "a", ProbeFailover.Failure.OFFLINE, null);

        assertThat(again.retry()).isTrue();
        assertThat(failover.why("a")).contains("node a could not run the probe"
                + " (java.nio.file.AccessDeniedException: /srv)");
        assertThat(failover.why("b")).isEmpty();
        assertThat(failover.excluded()).containsExactly("a");
    }

    @Test
    void shouldChooseTheNextSlotOnlyAmongTheNodesLeft() {
        ProbeNodes.Node fitting = new ProbeNodes.Node("a", true, true, true);
        ProbeNodes choice = ProbeNodes.of(List.of(fitting, new ProbeNodes.Node("b", true, true, true),
                new ProbeNodes.Node("c", true, true, true)), "a", "/r-{n}", 2).orElseThrow();
        ProbeFailover failover = new ProbeFailover(choice.nodes());

        failover.failed("p", "a", ProbeFailover.Failure.DISCONNECTED, null);

        assertThat(choice.choose(Map.of(), failover.excluded())).as("the build's node first, unless excluded")
                .contains(new ProbeNodes.Slot("b", 1));
        assertThat(choice.choose(Map.of("b", Set.of(1, 2), "c", Set.of(1, 2)), failover.excluded()))
                .as("busy: the caller waits").isEmpty();
        failover.failed("p", "b", ProbeFailover.Failure.OFFLINE, null);
        failover.failed("p", "c", ProbeFailover.Failure.OFFLINE, null);
        assertThat(choice.choose(Map.of(), failover.excluded())).isEmpty();
        assertThat(failover.giveUp()).isPresent();
    }
}
