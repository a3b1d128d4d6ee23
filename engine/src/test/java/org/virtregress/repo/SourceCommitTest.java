package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SourceCommitTest {
    @ParameterizedTest
    @CsvSource({
        "9.1.0+git20241002.abc1234, abc1234",
        "9.1.0~git20241002.gabc1234, abc1234",
        "9.1.0+git20241002T101010.abc1234, abc1234",
        "9.1.0+git.1727862178.abc1234def, abc1234def",
        "8.2.0+git12.gabc1234, abc1234",
        "1.2.3.45.gABC1234, abc1234",
        "10.0.0-rc1-5-gdeadbeef, deadbeef",
        "9.1.0+gitabc1234, abc1234",
        "9.1.0^20241002gitabc1234, abc1234",
        "2024.10~git0123456789abcdef0123456789abcdef01234567, 0123456789abcdef0123456789abcdef01234567",
    })
    void shouldFindTheCommitInASnapshotVersion(String version, String commit) {
        assertThat(SourceCommit.fromVersion(version)).contains(commit);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9.1.0", "9.1.0+git20241002", "1.0.good1234", "2.0+gitlab", "9.1.0+git1234567", "1.0-g12"})
    void shouldFindNoCommitInAReleaseVersion(String version) {
        assertThat(SourceCommit.fromVersion(version)).isEmpty();
    }

    @Test
    void shouldReadTheVcsTag() {
        assertThat(SourceCommit.fromVcsTag("git+https://gitlab.com/qemu-project/qemu.git#abcdef0123456789"))
                .contains("abcdef0123456789");
        assertThat(SourceCommit.fromVcsTag("https://github.com/libvirt/libvirt/commit/abcdef0")).contains("abcdef0");
        assertThat(SourceCommit.fromVcsTag("(none)")).isEmpty();
        assertThat(SourceCommit.fromVcsTag("git+https://example.org/qemu.git")).isEmpty();
        assertThat(SourceCommit.fromVcsTag(null)).isEmpty();
    }
}
