package org.virtregress.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.repo.Archive;
import org.virtregress.repo.ArchivedBuild;
import org.virtregress.repo.Build;
import org.virtregress.repo.Checksum;
import org.virtregress.repo.PackageFormat;
import org.virtregress.storage.Json;

class HuntSetsTest {
    @Test
    void shouldTakeTheNewestArchivedBuildWhenTheFailingSetNamesNone(@TempDir Path dir) throws Exception {
        Archive archive = archive(dir, build("qemu", "9.0.0-1", "x86_64"), build("qemu", "9.1.0-1", "x86_64"),
                build("qemu", "9.1.0-2", "x86_64"), build("seabios", "1.16-1", "x86_64"));

        HuntSets sets = HuntSets.find(archive, Map.of("qemu", "9.0.0-1", "seabios", "1.16-1"), Map.of(), null);

        assertThat(sets.arch()).isEqualTo("x86_64");
        assertThat(HuntSets.versions(sets.bad())).containsEntry("qemu", "9.1.0-2").containsEntry("seabios", "1.16-1");
        assertThat(sets.changed()).containsExactly("qemu");
    }

    @Test
    void shouldNameAGoodBuildMissingFromTheArchive(@TempDir Path dir) throws Exception {
        Archive archive = archive(dir, build("qemu", "9.1.0-1", "x86_64"));

        assertThatThrownBy(() -> HuntSets.find(archive, Map.of("qemu", "9.0.0-1"), Map.of(), null))
                .hasMessageContaining("good build qemu 9.0.0-1 is not in the archive").hasMessageContaining("9.1.0-1");
    }

    @Test
    void shouldNameABuildOfAnotherArchitecture(@TempDir Path dir) throws Exception {
        Archive archive = archive(dir, build("qemu", "9.0.0-1", "aarch64"), build("qemu", "9.1.0-1", "x86_64"));

        assertThatThrownBy(() -> HuntSets.find(archive, Map.of("qemu", "9.0.0-1"), Map.of(), "x86_64"))
                .hasMessage("good build qemu 9.0.0-1 is in the archive only for aarch64, not for x86_64");
    }

    @Test
    void shouldAskForTheArchitectureWhenTheFailingBuildsComeInSeveral(@TempDir Path dir) throws Exception {
        Archive archive = archive(dir, build("qemu", "9.0.0-1", "x86_64"), build("qemu", "9.1.0-1", "x86_64"),
                build("qemu", "9.1.0-1", "aarch64"));

        assertThatThrownBy(() -> HuntSets.find(archive, Map.of("qemu", "9.0.0-1"), Map.of(), null))
                .hasMessageContaining("several architectures (aarch64, x86_64)").hasMessageContaining("--arch");
    }

    @Test
    void shouldRefuseAPackageTheArchiveDoesNotHoldAndIdenticalSets(@TempDir Path dir) throws Exception {
        Archive archive = archive(dir, build("qemu", "9.0.0-1", "x86_64"));

        assertThatThrownBy(() -> HuntSets.find(archive, Map.of("libvirt", "10.0-1"), Map.of(), null))
                .hasMessageContaining("package libvirt is not in the archive").hasMessageContaining("(it holds qemu)");
        assertThatThrownBy(() -> HuntSets.find(archive, Map.of("qemu", "9.0.0-1"), Map.of(), null))
                .hasMessageContaining("the good and the failing set are the same");
    }

    private static Build build(String name, String evr, String arch) {
        return new Build(name, evr, arch, PackageFormat.RPM, "https://repo.example/", "https://repo.example/" + name
                + "-" + evr + "." + arch + ".rpm", new Checksum("sha256", Integer.toHexString((name + evr + arch)
                .hashCode()) + "00000000"), 10, Instant.parse("2026-01-01T00:00:00Z"), null, null);
    }

    private static Archive archive(Path dir, Build... builds) throws Exception {
        List<ArchivedBuild> archived = java.util.Arrays.stream(builds).map(b -> new ArchivedBuild(b,
                "packages/" + b.name() + "/" + b.nevra() + ".rpm", null, Instant.parse("2026-01-02T00:00:00Z"))).toList();
        Json.writeAtomically(dir.resolve(Archive.INDEX), Map.of("builds", archived));
        return Archive.open(dir);
    }
}
