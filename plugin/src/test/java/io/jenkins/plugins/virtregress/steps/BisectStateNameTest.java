package io.jenkins.plugins.virtregress.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BisectStateNameTest {
    private static final String GOOD = "1".repeat(40);
    private static final String BAD = "2".repeat(40);
    private static final List<String> COMMAND = List.of("./probe.sh");

    private static BisectSettings settings(String bad, int probes, int repeat, int confirm) {
        return new BisectSettings("qemu", List.of("v9.0.0"), bad, List.of(), false, probes, repeat, confirm);
    }

    @Test
    void shouldNameTheSameBisectionTheSameWay() {
        assertThat(BisectStateName.of(List.of(GOOD), BAD, settings("HEAD", 2, 1, 3), COMMAND, 60))
                .isEqualTo(BisectStateName.of(List.of(GOOD), BAD, settings("HEAD", 2, 1, 3), COMMAND, 60))
                .matches("state-[0-9a-f]{16}");
    }

    @Test
    void shouldStartAfreshWhenTheBadEndMovedUnderTheSameRevisionAsTyped() {
        String moved = "3".repeat(40);

        assertThat(BisectStateName.of(List.of(GOOD), moved, settings("HEAD", 2, 1, 3), COMMAND, 60))
                .isNotEqualTo(BisectStateName.of(List.of(GOOD), BAD, settings("HEAD", 2, 1, 3), COMMAND, 60));
    }

    @Test
    void shouldStartAfreshWhenASettingThatDecidesAVerdictChanged() {
        String base = BisectStateName.of(List.of(GOOD), BAD, settings("main", 2, 1, 3), COMMAND, 60);

        assertThat(BisectStateName.of(List.of(GOOD), BAD, settings("main", 2, 3, 3), COMMAND, 60)).isNotEqualTo(base);
        assertThat(BisectStateName.of(List.of(GOOD), BAD, settings("main", 2, 1, 0), COMMAND, 60)).isNotEqualTo(base);
        assertThat(BisectStateName.of(List.of(GOOD), BAD, settings("main", 2, 1, 3), List.of("./other.sh"), 60))
                .isNotEqualTo(base);
        assertThat(BisectStateName.of(List.of(GOOD), BAD, settings("main", 2, 1, 3), COMMAND, 5)).isNotEqualTo(base);
        assertThat(BisectStateName.of(List.of(GOOD), BAD, new BisectSettings("qemu", List.of("v9.0.0"), "main",
                List.of("hw/"), false, 2, 1, 3), COMMAND, 60)).isNotEqualTo(base);
    }

    @Test
    void shouldResumeWhateverTheNumberOfProbesAtOnce() {
        assertThat(BisectStateName.of(List.of(GOOD), BAD, settings("main", 4, 1, 3), COMMAND, 60))
                .isEqualTo(BisectStateName.of(List.of(GOOD), BAD, settings("main", 1, 1, 3), COMMAND, 60));
    }
}
