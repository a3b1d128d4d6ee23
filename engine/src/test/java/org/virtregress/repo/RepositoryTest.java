package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepositoryTest {
    @Test
    void shouldRecognizeTheFormatFromTheUrl() {
        Repository rpm = Repository.parse("https://download.opensuse.org/repositories/Virtualization/16.0");
        Repository suite = Repository.parse("https://deb.debian.org/debian/dists/bookworm");
        Repository flat = Repository.parse("deb:https://example.org/flat/");

        assertThat(rpm.format()).isEqualTo(PackageFormat.RPM);
        assertThat(rpm.base()).hasToString("https://download.opensuse.org/repositories/Virtualization/16.0/");
        assertThat(suite.format()).isEqualTo(PackageFormat.DEB);
        assertThat(suite.isDebianSuite()).isTrue();
        assertThat(flat.format()).isEqualTo(PackageFormat.DEB);
        assertThat(flat.isDebianSuite()).isFalse();
        assertThat(flat.spec()).isEqualTo("deb:https://example.org/flat/");
    }

    @Test
    void shouldReadAnAptSourceLine() {
        Repository suite = Repository.parse("https://deb.debian.org/debian  bookworm main contrib");
        Repository flat = Repository.parse("https://example.org/flat ./");
        Repository sub = Repository.parse("https://example.org/repo debian/");

        assertThat(suite.spec()).isEqualTo("https://deb.debian.org/debian bookworm main contrib");
        assertThat(suite.base()).hasToString("https://deb.debian.org/debian/dists/bookworm/");
        assertThat(suite.isDebianSuite()).isTrue();
        assertThat(suite.selection().components()).containsExactly("main", "contrib");
        assertThat(suite.withSelection(IndexSelection.parse(List.of("arm64"), List.of())).selection())
                .isEqualTo(new IndexSelection(List.of("arm64"), List.of("main", "contrib")));
        assertThat(flat.format()).isEqualTo(PackageFormat.DEB);
        assertThat(flat.isDebianSuite()).isFalse();
        assertThat(flat.base()).hasToString("https://example.org/flat/");
        assertThat(sub.base()).hasToString("https://example.org/repo/debian/");
        assertThatThrownBy(() -> Repository.parse("https://example.org/flat ./ main"))
                .hasMessageContaining("has no components");
        assertThatThrownBy(() -> Repository.parse("https://example.org/debian ../../etc main"))
                .hasMessageContaining("is not a suite name");
    }

    @Test
    void shouldRefuseComponentsOfARepositoryThatIsNotASuiteAndOddArchitectureNames() {
        Repository rpm = Repository.parse("https://example.org/rpm/");

        assertThatThrownBy(() -> rpm.withSelection(IndexSelection.parse(List.of(), List.of("main"))))
                .hasMessageContaining("is not a Debian suite");
        assertThatThrownBy(() -> IndexSelection.parse(List.of("../x"), List.of())).hasMessageContaining("'../x'");
        assertThatThrownBy(() -> IndexSelection.parse(List.of("any,amd64"), List.of()))
                .hasMessageContaining("cannot be combined");
        assertThat(IndexSelection.parse(List.of("amd64, all", "amd64"), List.of()).architectures())
                .containsExactly("amd64", "all");
    }

    @Test
    void shouldTurnAPathIntoAFileUrl() {
        Repository local = Repository.parse("some/dir");

        assertThat(local.base()).hasToString(Path.of("some/dir").toAbsolutePath().toUri() + "/");
        assertThat(local.base().toString()).endsWith("/");
    }

    @Test
    void shouldRejectOtherSchemes() {
        assertThatThrownBy(() -> Repository.parse("ftp://example.org/repo")).hasMessageContaining("ftp://example.org/repo");
        assertThatThrownBy(() -> Repository.parse("http://exa^mple.org/")).hasMessageContaining("malformed");
    }

    @Test
    void shouldSerializeABuildAsJsonAndBack() throws Exception {
        Build build = new Build("qemu-kvm", "2:9.1.0-1", "x86_64", PackageFormat.RPM, "https://example.org/repo",
                "https://example.org/repo/Packages/q.rpm", new Checksum("SHA256", "AB12"), 42,
                java.time.Instant.parse("2024-10-02T10:00:00Z"), "qemu-9.1.0-1.src.rpm", null);

        String json = org.virtregress.storage.Json.mapper().writeValueAsString(build);

        assertThat(json).contains("\"evr\" : \"2:9.1.0-1\"").contains("\"buildTime\" : \"2024-10-02T10:00:00Z\"")
                .contains("\"type\" : \"sha256\"").doesNotContain("key").doesNotContain("nevra");
        assertThat(org.virtregress.storage.Json.mapper().readValue(json, Build.class)).isEqualTo(build);
        assertThat(build.nevra()).isEqualTo("qemu-kvm-2:9.1.0-1.x86_64");
        assertThat(build.key()).isEqualTo("qemu-kvm.x86_64");
    }
}
