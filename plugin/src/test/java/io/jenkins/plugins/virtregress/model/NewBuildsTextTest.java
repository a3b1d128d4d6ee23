package io.jenkins.plugins.virtregress.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewBuildsTextTest {
    private static NewBuild qemu(String previous, String version) {
        return new NewBuild("qemu", version, previous, "x86_64", "updates", "sha256:abc", null);
    }

    @Test
    void shouldNameTheOldAndNewVersionAndTheRepository() {
        assertThat(NewBuildsText.describe(qemu("9.1.0-3.1", "9.1.0-4.1")))
                .isEqualTo("qemu 9.1.0-3.1 → 9.1.0-4.1 (x86_64) in updates");
    }

    @Test
    void shouldSayWhenABuildIsARebuildOrAFirstSighting() {
        assertThat(NewBuildsText.describe(qemu("9.1.0-4.1", "9.1.0-4.1"))).isEqualTo("qemu 9.1.0-4.1 (rebuild) (x86_64) in updates");
        assertThat(NewBuildsText.describe(qemu(null, "9.1.0-4.1"))).isEqualTo("qemu 9.1.0-4.1 (x86_64) in updates");
    }

    @Test
    void shouldShortenLongListsOfBuilds() {
        List<NewBuild> builds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            builds.add(new NewBuild("pkg" + i, "1." + i, null, null, null, null, null));
        }
        String text = NewBuildsText.describe(builds);
        assertThat(text).startsWith("pkg0 1.0; pkg1 1.1").contains("pkg4 1.4").doesNotContain("pkg5")
                .endsWith("; and 3 more");
        assertThat(NewBuildsText.describe(List.of())).isEqualTo("no new builds");
    }
}
