package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PackageSelectorTest {
    @Test
    void shouldMatchExactNamesAndGlobs() {
        PackageSelector selector = PackageSelector.of(List.of("qemu-*", "libvirt-daemon", "xen-[lt]*s", "g++"));

        assertThat(selector).accepts("qemu-kvm", "qemu-", "libvirt-daemon", "xen-libs", "xen-tools", "g++");
        assertThat(selector).rejects("qemu", "libvirt-daemon-kvm", "xen-devel", "gxx", "QEMU-kvm");
    }

    @Test
    void shouldRejectEmptyAndMalformedPatterns() {
        assertThatThrownBy(() -> PackageSelector.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PackageSelector.of(List.of(" "))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PackageSelector.of(List.of("xen-[lt"))).hasMessageContaining("xen-[lt");
    }
}
