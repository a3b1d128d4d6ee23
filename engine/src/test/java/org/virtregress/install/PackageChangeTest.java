package org.virtregress.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackageChangeTest {
    @Test
    void shouldListInstalledUpgradedAndRemovedPackagesOnly() {
        List<PackageChange> changes = PackageChange.changesBetween(
                Map.of("qemu", "9.1.0-3.1", "libvirt", "10.7.0-1", "xen", "4.19-1"),
                Map.of("qemu", "9.1.0-4.1", "libvirt", "10.7.0-1", "qemu-tools", "9.1.0-4.1"));

        assertThat(changes).containsExactly(
                new PackageChange("qemu", "9.1.0-3.1", "9.1.0-4.1"),
                new PackageChange("qemu-tools", null, "9.1.0-4.1"),
                new PackageChange("xen", "4.19-1", null));
        assertThat(changes).extracting(PackageChange::summary)
                .containsExactly("9.1.0-3.1 → 9.1.0-4.1", "(none) → 9.1.0-4.1", "4.19-1 → (none)");
        assertThat(changes.get(1).added()).isTrue();
        assertThat(changes.get(2).removed()).isTrue();
    }

    @Test
    void shouldListEveryPackageWithWhetherItChanged() {
        List<PackageChange> all = PackageChange.between(Map.of("a", "1-1", "b", "1-1"), Map.of("a", "1-1", "b", "2-1"));

        assertThat(all).extracting(PackageChange::name, PackageChange::changed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", false),
                        org.assertj.core.groups.Tuple.tuple("b", true));
    }

    @Test
    void shouldWriteVersionsWithoutAZeroEpoch() {
        assertThat(new PackageChange("vrtest", null, "0:1.0-1").summary()).isEqualTo("(none) → 1.0-1");
        assertThat(PackageChange.displayVersion("2:8.2.2-1.fc40")).isEqualTo("2:8.2.2-1.fc40");
        assertThat(PackageChange.displayVersion("10:1.0-1")).isEqualTo("10:1.0-1");
        assertThat(PackageChange.displayVersion("0:1.0-1, 0:2.0-1")).isEqualTo("1.0-1, 2.0-1");
        assertThat(PackageChange.displayVersion("1.0+0:1-1")).isEqualTo("1.0+0:1-1");
        assertThat(PackageChange.displayVersion(null)).isNull();
    }

    @Test
    void shouldGiveTheChangesOfAnInstallResult() {
        InstallResult result = new InstallResult("dnf", null, List.of(new PackageSpec("vrtest", "1.1-1")), List.of(),
                List.of(), Map.of("vrtest", "0:1.0-1", "glibc", "0:2.39-1"), Map.of("vrtest", "0:1.1-1",
                "glibc", "0:2.39-1"), List.of(), true, false, List.of(), null, null, Instant.EPOCH, Duration.ZERO);

        assertThat(result.changes()).containsExactly(new PackageChange("vrtest", "0:1.0-1", "0:1.1-1"));
        assertThat(result.changes().get(0).summary()).isEqualTo("1.0-1 → 1.1-1");
    }
}
