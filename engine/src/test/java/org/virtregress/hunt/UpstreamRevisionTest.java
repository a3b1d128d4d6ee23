package org.virtregress.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.virtregress.repo.Build;
import org.virtregress.repo.Checksum;
import org.virtregress.repo.PackageFormat;

class UpstreamRevisionTest {
    @Test
    void shouldPreferTheRecordedSourceCommitThenTheVersionThenTheTagThenTheUser() {
        assertThat(UpstreamRevision.of(build("9.1.0-1", "abc1234def"), "v%{version}", "main").orElseThrow().revision())
                .isEqualTo("abc1234def");
        assertThat(UpstreamRevision.of(build("4.17.5+72-g01140da4e8-1", null), "v%{version}", null).orElseThrow()
                .revision()).isEqualTo("01140da4e8");
        assertThat(UpstreamRevision.of(build("1:9.1.0-3.1", null), "v%{version}", "main").orElseThrow())
                .isEqualTo(new UpstreamRevision("v9.1.0", "tag template 'v%{version}' for qemu-1:9.1.0-3.1.x86_64"));
        assertThat(UpstreamRevision.of(build("9.1.0-3", null), null, "main").orElseThrow().revision()).isEqualTo("main");
        assertThat(UpstreamRevision.of(build("9.1.0-3", null), null, null)).isEmpty();
    }

    @Test
    void shouldTellAReleaseOnlyChangeFromAnUpstreamOne() {
        assertThat(UpstreamRevision.sameSource(build("9.1.0-1", null), build("9.1.0-2", null))).isTrue();
        assertThat(UpstreamRevision.sameSource(build("9.1.0-1", "abc1234"), build("9.1.0-2", "abc1234ffff"))).isTrue();
        assertThat(UpstreamRevision.sameSource(build("9.1.0-1", "abc1234"), build("9.1.0-2", "def5678"))).isFalse();
        assertThat(UpstreamRevision.sameSource(build("9.1.0-1", null), build("9.1.1-1", null))).isFalse();
    }

    private static Build build(String evr, String commit) {
        return new Build("qemu", evr, "x86_64", PackageFormat.RPM, "r", "https://repo.example/q.rpm",
                new Checksum("sha256", "00"), 1, Instant.EPOCH, null, commit);
    }
}
