package io.jenkins.plugins.virtregress.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.virtregress.repo.Build;
import org.virtregress.repo.BuildChange;
import org.virtregress.repo.Checksum;
import org.virtregress.repo.PackageFormat;
import org.virtregress.repo.PollResult;

class NewBuildsTest {
    private static final String SPEC = "http://127.0.0.1:8080/repo/";

    private static Build qemu(String evr, String checksum) {
        return new Build("qemu", evr, "x86_64", PackageFormat.RPM, SPEC, "x86_64/qemu-" + evr + ".rpm",
                new Checksum("sha256", checksum), 100, Instant.EPOCH, "qemu", null);
    }

    @Test
    void shouldKeepNewVersionsRebuildsAndFirstSightingsOnly() {
        PollResult result = new PollResult(List.of(), List.of(
                new BuildChange(BuildChange.Kind.NEW_VERSION, qemu("9.1.0-4.1", "bb"), qemu("9.1.0-3.1", "aa")),
                new BuildChange(BuildChange.Kind.REBUILD, qemu("9.1.0-4.1", "cc"), qemu("9.1.0-4.1", "bb")),
                new BuildChange(BuildChange.Kind.DOWNGRADE, qemu("9.0.0-1.1", "dd"), qemu("9.1.0-4.1", "cc")),
                new BuildChange(BuildChange.Kind.NEW, qemu("9.1.0-5.1", "ee"), null)));

        List<NewBuild> builds = NewBuilds.from(result, Map.of(SPEC, "updates"));

        assertThat(builds).extracting(NewBuild::getVersion).containsExactly("9.1.0-4.1", "9.1.0-4.1", "9.1.0-5.1");
        assertThat(builds.get(0).getPreviousVersion()).isEqualTo("9.1.0-3.1");
        assertThat(builds.get(0).getRepository()).isEqualTo("updates");
        assertThat(builds.get(0).getChecksum()).isEqualTo("sha256:bb");
        assertThat(builds.get(1).isRebuild()).isTrue();
        assertThat(builds.get(2).getPreviousVersion()).isNull();
    }

    @Test
    void shouldMergeALaterPollIntoBuildsStillWaiting() {
        NewBuild qemu1 = new NewBuild("qemu", "9.1.0-4.1", "9.1.0-3.1", "x86_64", "updates", "sha256:aa", null);
        NewBuild libvirt = new NewBuild("libvirt", "10.7.0-1", null, "x86_64", "updates", "sha256:bb", null);
        NewBuild qemu2 = new NewBuild("qemu", "9.1.0-5.1", "9.1.0-4.1", "x86_64", "updates", "sha256:cc", null);
        NewBuild qemuArm = new NewBuild("qemu", "9.1.0-5.1", null, "aarch64", "updates", "sha256:dd", null);

        assertThat(NewBuilds.merge(List.of(qemu1, libvirt), List.of(qemu2, qemuArm)))
                .containsExactly(libvirt, qemu2, qemuArm);
    }
}
