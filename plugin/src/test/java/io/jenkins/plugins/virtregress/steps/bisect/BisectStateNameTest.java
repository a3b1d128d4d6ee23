package io.jenkins.plugins.virtregress.steps.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtregress.bisect.BisectFingerprint;

class BisectStateNameTest {
    private static final String GOOD = "1".repeat(40);
    private static final String BAD = "2".repeat(40);

    private static BisectFingerprint fingerprint(String bad, List<String> command, int repeat, int confirm) {
        return new BisectFingerprint("/srv/git/qemu", List.of(GOOD), bad, 12, List.of(), false, command,
                Duration.ofMinutes(60), repeat, false, false, null, confirm);
    }

    @Test
    void shouldNameTheSameBisectionTheSameWay() {
        assertThat(BisectStateName.of(fingerprint(BAD, List.of("./probe.sh"), 1, 3), null))
                .isEqualTo(BisectStateName.of(fingerprint(BAD, List.of("./probe.sh"), 1, 3), null))
                .matches("state-[0-9a-f]{16}");
    }

    @Test
    void shouldStartAfreshWhenTheBadEndMovedUnderTheSameRevisionAsTyped() {
        assertThat(BisectStateName.of(fingerprint("3".repeat(40), List.of("./probe.sh"), 1, 3), null))
                .isNotEqualTo(BisectStateName.of(fingerprint(BAD, List.of("./probe.sh"), 1, 3), null));
    }

    @Test
    void shouldStartAfreshWhenASettingThatDecidesAVerdictChanged() {
        String base = BisectStateName.of(fingerprint(BAD, List.of("./probe.sh"), 1, 3), null);

        assertThat(BisectStateName.of(fingerprint(BAD, List.of("./other.sh"), 1, 3), null)).isNotEqualTo(base);
        assertThat(BisectStateName.of(fingerprint(BAD, List.of("./probe.sh"), 3, 3), null)).isNotEqualTo(base);
        assertThat(BisectStateName.of(fingerprint(BAD, List.of("./probe.sh"), 1, 0), null)).isNotEqualTo(base);
    }

    @Test
    void shouldKeepTheStateOfAFlakyAwareSearchApart() {
        String deterministic = BisectStateName.of(fingerprint(BAD, List.of("./probe.sh"), 1, 3), null);

        assertThat(BisectStateName.of(fingerprint(BAD, List.of("./probe.sh"), 1, 3), 0.95)).isNotEqualTo(deterministic)
                .isNotEqualTo(BisectStateName.of(fingerprint(BAD, List.of("./probe.sh"), 1, 3), 0.99));
    }
}
