package org.virtregress.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackageSpecTest {
    @Test
    void shouldReadNameAndVersion() {
        assertThat(PackageSpec.parse("qemu-system-x86=1:8.2.0-3.fc40")).isEqualTo(
                new PackageSpec("qemu-system-x86", "1:8.2.0-3.fc40"));
        assertThat(PackageSpec.parse("libvirt-daemon")).isEqualTo(new PackageSpec("libvirt-daemon", null));
        assertThat(PackageSpec.parse("xen=4.17.3+10-g091466ba55-1~deb12u1").version())
                .isEqualTo("4.17.3+10-g091466ba55-1~deb12u1");
        assertThat(PackageSpec.parse("g++=4:12.2.0-3").toString()).isEqualTo("g++=4:12.2.0-3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-y", "--root=/", "a b", "a;rm", "$(id)", "q`x`", "", "a/b", "*"})
    void shouldRefuseNamesThatCouldBeReadAsOptionsOrShellText(String name) {
        assertThatThrownBy(() -> new PackageSpec(name, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid package name '" + name + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "--oldpackage", "1.0 2.0", "1.0;id", "1.0\n", ""})
    void shouldRefuseVersionsThatCouldBeReadAsOptionsOrShellText(String version) {
        assertThatThrownBy(() -> new PackageSpec("qemu", version))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid version").hasMessageContaining("of package qemu");
    }
}
