package io.jenkins.plugins.virtregress.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionChangesTest {
    @Test
    void shouldListInstalledUpgradedAndRemovedPackagesOnly() {
        Map<String, String> changes = VersionChanges.between(
                Map.of("qemu", "9.1.0-3.1", "libvirt", "10.7.0-1", "xen", "4.19-1"),
                Map.of("qemu", "9.1.0-4.1", "libvirt", "10.7.0-1", "qemu-tools", "9.1.0-4.1"));

        assertThat(changes).containsExactly(
                Map.entry("qemu", "9.1.0-3.1 → 9.1.0-4.1"),
                Map.entry("qemu-tools", "(none) → 9.1.0-4.1"),
                Map.entry("xen", "4.19-1 → (none)"));
    }

    @Test
    void shouldLeaveOutAZeroEpochAndKeepAnyOther() {
        Map<String, String> changes = VersionChanges.between(
                Map.of("qemu", "2:9.1.0-3.1"),
                Map.of("qemu", "2:9.1.0-4.1", "vrtest", "0:1.0-1", "kernel", "0:6.1-1, 0:6.2-1"));

        assertThat(changes).containsExactly(
                Map.entry("kernel", "(none) → 6.1-1, 6.2-1"),
                Map.entry("qemu", "2:9.1.0-3.1 → 2:9.1.0-4.1"),
                Map.entry("vrtest", "(none) → 1.0-1"));
    }
}
