package io.jenkins.plugins.virtregress.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportSectionsTest {
    @Test
    void shouldMapNewBuildsWithTheirPreviousVersion() {
        assertThat(ReportSections.newBuilds(List.of(new NewBuild("qemu", "9.1.0-4.1", "9.1.0-3.1", "x86_64", "updates",
                "sha256:ab", "0123abc")))).singleElement().satisfies(b -> {
                    assertThat(b.oldVersion()).isEqualTo("9.1.0-3.1");
                    assertThat(b.newVersion()).isEqualTo("9.1.0-4.1");
                    assertThat(b.sourceCommit()).isEqualTo("0123abc");
                });
    }
}
