package io.jenkins.plugins.virtregress.steps.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.virtregress.config.BasicAuth;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.process.ProcessRunner;

/** The configured upstream sources as the build's node sees them. */
class NodeUpstreamSourcesTest {
    private static NodeUpstreamSources sources(Path directory) {
        return new NodeUpstreamSources(List.of(
                new UpstreamTarget("qemu", "https://gitlab.com/qemu-project/qemu.git", new BasicAuth("qa", "s3cret"),
                        "v%{version}"),
                new UpstreamTarget("seabios", "https://review.coreboot.org/seabios.git", null, null),
                new UpstreamTarget("qemu", "https://example.org/second.git", null, "other-%{version}")),
                directory, false, new ProcessRunner());
    }

    @Test
    void shouldNameThePackagesWithASourceAndTheirTagTemplates(@TempDir Path directory) {
        NodeUpstreamSources sources = sources(directory);

        assertThat(sources.has("qemu")).isTrue();
        assertThat(sources.has("libvirt")).isFalse();
        assertThat(sources.tagTemplate("qemu")).isEqualTo("v%{version}"); // the first one configured
        assertThat(sources.tagTemplate("seabios")).isNull();
        assertThat(sources.howToName("libvirt")).contains("upstream source for libvirt")
                .contains("Manage Jenkins » System » virt-regress");
    }

    @Test
    void shouldCloneEachPackageIntoOneSafeDirectory() {
        assertThat(NodeUpstreamSources.directoryName("qemu-kvm")).isEqualTo("qemu-kvm");
        assertThat(NodeUpstreamSources.directoryName("../etc")).isEqualTo("_._etc");
        assertThat(NodeUpstreamSources.directoryName("a/b")).doesNotContain("/");
    }

    @Test
    void shouldRefuseAPackageWithoutASource(@TempDir Path directory) {
        assertThatThrownBy(() -> sources(directory).fetch("libvirt")).isInstanceOf(IOException.class)
                .hasMessageContaining("no upstream source is configured for libvirt");
    }

    @Test
    void shouldNeverShowThePasswordOfATarget() {
        assertThat(new UpstreamTarget("qemu", "https://x.example.org/q.git", new BasicAuth("qa", "s3cret"), null)
                .toString()).doesNotContain("s3cret");
    }
}
