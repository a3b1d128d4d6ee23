package io.jenkins.plugins.virtregress.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.virtregress.bisect.ProbeAbortedException;
import org.virtregress.bisect.Verdict;

class BodyVerdictsTest {
    private static Verdict verdictOf(Object value) throws ProbeAbortedException {
        return BodyVerdicts.fromReturnValue(value, Duration.ofSeconds(3)).verdict();
    }

    @Test
    void shouldReadACompletedBodyAsGood() throws Exception {
        assertThat(verdictOf(null)).isEqualTo(Verdict.GOOD);
        assertThat(verdictOf(Map.of("passed", 3))).isEqualTo(Verdict.GOOD);
    }

    @Test
    void shouldReadExplicitVerdicts() throws Exception {
        assertThat(verdictOf("skip")).isEqualTo(Verdict.SKIP);
        assertThat(verdictOf(" BAD ")).isEqualTo(Verdict.BAD);
        assertThat(verdictOf("good")).isEqualTo(Verdict.GOOD);
        assertThat(verdictOf(Boolean.FALSE)).isEqualTo(Verdict.BAD);
        assertThat(verdictOf(Boolean.TRUE)).isEqualTo(Verdict.GOOD);
    }

    @Test
    void shouldReadExitCodesAsGitBisectRunDoes() throws Exception {
        assertThat(verdictOf(0)).isEqualTo(Verdict.GOOD);
        assertThat(verdictOf(125)).isEqualTo(Verdict.SKIP);
        assertThat(verdictOf(1)).isEqualTo(Verdict.BAD);
        assertThat(verdictOf(127L)).isEqualTo(Verdict.BAD);
        assertThatThrownBy(() -> verdictOf(128)).isInstanceOf(ProbeAbortedException.class).hasMessageContaining("128");
        assertThatThrownBy(() -> verdictOf(-1)).isInstanceOf(ProbeAbortedException.class);
    }

    @Test
    void shouldStopOnAStringThatIsNoVerdict() {
        assertThatThrownBy(() -> verdictOf("godo")).isInstanceOf(ProbeAbortedException.class)
                .hasMessageContaining("'godo'");
    }

    @Test
    void shouldReadAFailedBodyAsBadAndATimeoutAsSkip() throws Exception {
        assertThat(BodyVerdicts.fromFailure(new AbortException("script returned exit code 1"), Duration.ZERO))
                .satisfies(r -> {
                    assertThat(r.verdict()).isEqualTo(Verdict.BAD);
                    assertThat(r.reason()).contains("script returned exit code 1");
                });
        assertThat(BodyVerdicts.timedOut(Duration.ofMinutes(5)).verdict()).isEqualTo(Verdict.SKIP);
    }

    @Test
    void shouldStopTheBisectionWhenTheScriptItselfFails() {
        assertThatThrownBy(() -> BodyVerdicts.fromFailure(
                new groovy.lang.MissingMethodException("shh", Object.class, new Object[0]), Duration.ZERO))
                .isInstanceOf(ProbeAbortedException.class)
                .hasMessageContaining("groovy.lang.MissingMethodException").hasMessageContaining("shh");
        assertThatThrownBy(() -> BodyVerdicts.fromFailure(new IOException("agent went away"), Duration.ZERO))
                .isInstanceOf(ProbeAbortedException.class).hasMessageContaining("agent went away");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 124, 125, 126, 127, 128, 139, 255, -1, Integer.MIN_VALUE})
    void shouldReadEveryExitCodeAsTheEngineDoes(int code) throws Exception {
        Verdict engine;
        try {
            engine = Verdict.ofExitCode(code);
        } catch (ProbeAbortedException e) {
            assertThatThrownBy(() -> verdictOf(code)).isInstanceOf(ProbeAbortedException.class)
                    .hasMessageContaining(String.valueOf(code));
            return;
        }
        assertThat(verdictOf(code)).isEqualTo(engine);
        assertThat(verdictOf((long) code)).isEqualTo(engine);
    }

    @Test
    void shouldStopOnANumberBeyondAnyExitCode() {
        assertThatThrownBy(() -> verdictOf(1L << 32)).isInstanceOf(ProbeAbortedException.class)
                .hasMessageContaining(String.valueOf(1L << 32));
    }
}
