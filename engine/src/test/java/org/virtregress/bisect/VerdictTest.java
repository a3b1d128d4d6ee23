package org.virtregress.bisect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerdictTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 42, 124, 126, 127})
    void shouldReadCodesFromOneTo127ExceptSkipAsBad(int code) throws ProbeAbortedException {
        assertThat(Verdict.ofExitCode(code)).isEqualTo(Verdict.BAD);
    }

    @ParameterizedTest
    @ValueSource(ints = {0})
    void shouldReadZeroAsGood(int code) throws ProbeAbortedException {
        assertThat(Verdict.ofExitCode(code)).isEqualTo(Verdict.GOOD);
    }

    @ParameterizedTest
    @ValueSource(ints = {125})
    void shouldRead125AsSkip(int code) throws ProbeAbortedException {
        assertThat(Verdict.ofExitCode(code)).isEqualTo(Verdict.SKIP);
    }

    @ParameterizedTest
    @ValueSource(ints = {128, 130, 137, 255, 256, -1, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void shouldStopTheBisectionForCodesOf128AndAboveOrNegative(int code) {
        assertThatThrownBy(() -> Verdict.ofExitCode(code)).isInstanceOf(ProbeAbortedException.class)
                .hasMessageContaining("exit code " + code).hasMessageContaining("stops the bisection");
    }
}
