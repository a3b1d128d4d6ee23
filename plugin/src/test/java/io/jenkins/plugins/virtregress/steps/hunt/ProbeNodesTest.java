package io.jenkins.plugins.virtregress.steps.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProbeNodesTest {
    private static ProbeNodes.Node fitting(String name) {
        return new ProbeNodes.Node(name, true, true, true);
    }

    @Test
    void shouldKeepTheHuntOnTheBuildsNodeWhenFewerThanTwoNodesFit() {
        List<ProbeNodes.Node> nodes = List.of(fitting("agent-1"), new ProbeNodes.Node("agent-2", true, false, true),
                new ProbeNodes.Node("agent-3", true, true, false), new ProbeNodes.Node("agent-4", false, true, true));

        assertThat(ProbeNodes.of(nodes, "agent-1", "/var/tmp/hunt", 4)).isEmpty();
        assertThat(ProbeNodes.of(List.of(fitting("agent-1"), fitting("agent-2")), "agent-1", null, 1))
                .as("one probe at a time needs no second node").isEmpty();
    }

    @Test
    void shouldTakeOnlyOnlineNodesOfTheLabelTheBuildMayUse() {
        List<ProbeNodes.Node> nodes = List.of(fitting("b"), new ProbeNodes.Node("c", true, false, true),
                fitting("a"), new ProbeNodes.Node("d", true, true, false), new ProbeNodes.Node("e", false, true, true));

        assertThat(ProbeNodes.of(nodes, "a", null, 3)).get().extracting(ProbeNodes::nodes)
                .isEqualTo(List.of("a", "b"));
    }

    @Test
    void shouldSpreadProbesOverIdleNodesTheBuildsNodeFirst() {
        ProbeNodes choice = ProbeNodes.of(List.of(fitting("a"), fitting("b"), fitting("c")), "b", "/r", 3)
                .orElseThrow();

        assertThat(choice.choose(Map.of())).contains(new ProbeNodes.Slot("b", 1));
        assertThat(choice.choose(Map.of("b", Set.of(1)))).contains(new ProbeNodes.Slot("a", 1));
        assertThat(choice.choose(Map.of("a", Set.of(1), "b", Set.of(1)))).contains(new ProbeNodes.Slot("c", 1));
    }

    @Test
    void shouldUseANodeForOneProbeAtATimeUnlessItsRootHoldsN() {
        ProbeNodes one = ProbeNodes.of(List.of(fitting("a"), fitting("b")), "a", "/var/tmp/hunt", 4).orElseThrow();
        ProbeNodes many = ProbeNodes.of(List.of(fitting("a"), fitting("b")), "a", "/var/tmp/hunt-{n}", 4)
                .orElseThrow();
        Map<String, Set<Integer>> bothBusy = Map.of("a", Set.of(1), "b", Set.of(1));

        assertThat(one.rootsPerNode()).isEqualTo(1);
        assertThat(one.choose(bothBusy)).isEmpty();
        assertThat(many.rootsPerNode()).isEqualTo(4);
        assertThat(many.choose(bothBusy)).contains(new ProbeNodes.Slot("a", 2));
        assertThat(many.choose(Map.of("a", Set.of(1, 3), "b", Set.of(1, 2, 4)))).contains(new ProbeNodes.Slot("a", 2));
        assertThat(many.choose(Map.of("a", Set.of(1, 2, 3, 4), "b", Set.of(1, 2, 3, 4)))).isEmpty();
    }

    @Test
    void shouldLeaveTheHuntsDirectoryAndTheWorkspacesInstallRootsOutOfTheWorkspaceCopy() {
        assertThat(ProbeNodes.copyExcludes("virt-regress-hunt", "root")).isEqualTo("virt-regress-hunt/**,root/**");
        assertThat(ProbeNodes.copyExcludes("virt-regress-hunt", "roots/hunt-{n}"))
                .isEqualTo("virt-regress-hunt/**,roots/hunt-*/**");
        assertThat(ProbeNodes.copyExcludes("virt-regress-hunt", "/var/tmp/hunt-{n}")).isEqualTo("virt-regress-hunt/**");
        assertThat(ProbeNodes.copyExcludes("virt-regress-hunt", null)).isEqualTo("virt-regress-hunt/**");
    }
}
