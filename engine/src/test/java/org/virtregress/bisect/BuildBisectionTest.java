package org.virtregress.bisect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildBisectionTest {
    @Test
    void shouldBisectAnOrderedListOfBuilds() throws Exception {
        List<String> builds = List.of("qemu-8.0.0-1", "qemu-8.0.0-2", "qemu-8.0.2-1", "qemu-8.1.0-1", "qemu-8.1.0-2");
        BisectRange range = BuildBisection.of(builds);

        BisectResult result = Bisector.builder().build().run(range, build -> build.id().compareTo("qemu-8.0.2-1") >= 0
                ? ProbeResult.bad("crash", "") : ProbeResult.good(""));

        assertThat(range.goods()).containsExactly("qemu-8.0.0-1");
        assertThat(range.size()).isEqualTo(4);
        assertThat(result.outcome()).isEqualTo(Outcome.COMPLETE);
        assertThat(result.culprit().id()).isEqualTo("qemu-8.0.2-1");
        assertThat(result.confirmation()).filteredOn(p -> p.candidate().equals("qemu-8.0.0-2")).hasSize(3);
    }

    @Test
    void shouldFindThePackageWhoseUpdateBrokeIt() throws Exception {
        Map<String, String> good = Map.of("qemu", "8.0.0", "libvirt", "9.0.0", "xen", "4.17", "edk2", "2023.05");
        Map<String, String> bad = Map.of("qemu", "8.1.0", "libvirt", "9.1.0", "xen", "4.17", "edk2", "2023.11",
                "seabios", "1.16");
        PackageUpdateChain chain = PackageUpdateChain.between(good, bad);

        BisectResult result = Bisector.builder().build().run(chain.range(), state ->
                chain.state(state.id()).versions().get("qemu").equals("8.1.0")
                        ? ProbeResult.bad("crash", "") : ProbeResult.good(""));

        assertThat(chain.states()).extracting(PackageUpdateChain.PartialState::lastApplied)
                .containsExactly(null, "edk2", "libvirt", "qemu", "seabios");
        assertThat(chain.states().get(4).versions()).isEqualTo(bad);
        assertThat(result.culprit().subject()).isEqualTo("update qemu to 8.1.0");
        assertThat(chain.state(result.culprit().id()).lastApplied()).isEqualTo("qemu");
    }

    @Test
    void shouldRejectAListWithoutBothEnds() {
        assertThatThrownBy(() -> BuildBisection.of(List.of("only"))).hasMessageContaining("good and a bad");
        assertThatThrownBy(() -> BuildBisection.of(List.of("a", "b", "a"))).hasMessageContaining("twice");
    }
}
