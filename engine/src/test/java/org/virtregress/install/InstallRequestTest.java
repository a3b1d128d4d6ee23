package org.virtregress.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InstallRequestTest {
    @Test
    void shouldCheckSignaturesUnlessToldOtherwise() {
        InstallRequest request = InstallRequest.builder().install("qemu", "8.2.0-1").build();

        assertThat(request.gpgCheck()).isTrue();
        assertThat(request.timeout()).isEqualTo(InstallRequest.DEFAULT_TIMEOUT);
        assertThat(request.root()).isNull();
    }

    @Test
    void shouldDescribeWhatItDoes() {
        InstallRequest request = InstallRequest.builder().install("qemu", "8.2.0-1").install("xen", null)
                .remove("libvirt").root(Path.of("/srv/root/../root")).build();

        assertThat(request.describe()).isEqualTo("qemu=8.2.0-1 xen -libvirt in /srv/root");
        assertThat(request.names()).containsExactlyInAnyOrder("qemu", "xen", "libvirt");
    }

    @Test
    void shouldRefuseAnEmptyRequest() {
        assertThatThrownBy(() -> InstallRequest.builder().build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nothing to do");
    }

    @Test
    void shouldRefuseAPackageAskedForTwice() {
        assertThatThrownBy(() -> InstallRequest.builder().install("qemu", "1-1").install("qemu", "2-1").build())
                .hasMessageContaining("package qemu is asked for twice");
        assertThatThrownBy(() -> InstallRequest.builder().install("qemu", "1-1").remove("qemu").build())
                .hasMessageContaining("package qemu is both installed and removed");
    }

    @Test
    void shouldRefuseRemovalsThatLookLikeOptions() {
        assertThatThrownBy(() -> InstallRequest.builder().remove("--all").build())
                .hasMessageContaining("invalid package name '--all'");
    }

    @Test
    void shouldAcceptRepositoryUrlsOnly() {
        assertThat(InstallRequest.builder().install("qemu", null).repository("http://127.0.0.1:8080/repo")
                .repository("https://deb.example.org/debian bookworm main contrib").build().repositories())
                .hasSize(2);
        assertThatThrownBy(() -> InstallRequest.builder().install("qemu", null).repository("--plus-repo=x").build())
                .hasMessageContaining("invalid repository '--plus-repo=x'");
        assertThatThrownBy(() -> InstallRequest.builder().install("qemu", null)
                .repository("http://x/repo\ndeb http://evil/ ./").build())
                .hasMessageContaining("invalid repository");
    }
}
