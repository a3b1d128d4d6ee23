package io.jenkins.plugins.virtregress.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NewBuildsEnvironmentTest {
    @Test
    void shouldPutEveryBuildIntoTheJsonVariable() throws Exception {
        Map<String, String> variables = NewBuildsEnvironment.variables(List.of(
                new NewBuild("qemu-kvm", "9.1.0-4.1", "9.1.0-3.1", "x86_64", "updates", "sha256:ab", "0123abcd"),
                new NewBuild("libvirt", "10.7.0-1.1", null, "x86_64", "updates", "sha256:cd", null)));

        JsonNode json = new ObjectMapper().readTree(variables.get("VIRT_REGRESS_NEW_BUILDS"));
        assertThat(json).hasSize(2);
        assertThat(json.get(0).get("name").asText()).isEqualTo("qemu-kvm");
        assertThat(json.get(0).get("previousVersion").asText()).isEqualTo("9.1.0-3.1");
        assertThat(json.get(0).get("sourceCommit").asText()).isEqualTo("0123abcd");
        assertThat(json.get(1).has("previousVersion")).isFalse();
        assertThat(json.get(1).get("rebuild").asBoolean()).isFalse();
    }

    @Test
    void shouldGiveEachPackageAVersionVariable() {
        Map<String, String> variables = NewBuildsEnvironment.variables(List.of(
                new NewBuild("qemu-kvm", "9.1.0-4.1", null, null, null, null, null),
                new NewBuild("libvirt-daemon.x86", "10.7.0", null, null, null, null, null)));

        assertThat(variables).containsEntry("VIRT_REGRESS_VERSION_QEMU_KVM", "9.1.0-4.1")
                .containsEntry("VIRT_REGRESS_VERSION_LIBVIRT_DAEMON_X86", "10.7.0")
                .containsKey("VIRT_REGRESS_NEW_BUILDS").hasSize(3);
    }

    @Test
    void shouldWriteAnEmptyArrayWhenNothingIsNew() {
        assertThat(NewBuildsEnvironment.variables(List.of())).containsExactly(Map.entry("VIRT_REGRESS_NEW_BUILDS", "[]"));
    }
}
