package io.jenkins.plugins.virtregress.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtregress.suite.CaseAttempt;
import org.virtregress.suite.CaseResult;
import org.virtregress.suite.CaseStatus;
import org.virtregress.suite.SuiteResult;

class FailurePolicyTest {
    private static SuiteResult suite(CaseResult... cases) {
        return SuiteResult.of("boot", List.of(cases), List.of(), Duration.ofSeconds(9), null, null);
    }

    private static CaseResult passed() {
        return CaseResult.of("1", "boots", CaseStatus.PASS, Duration.ofSeconds(1), null, null);
    }

    private static CaseResult failed() {
        return CaseResult.of("2", "net", CaseStatus.FAIL, Duration.ofSeconds(1), "no link", null);
    }

    @Test
    void shouldApplyThePolicyToRealFailures() {
        assertThat(FailurePolicy.UNSTABLE.resultFor(suite(passed(), failed()))).isEqualTo("UNSTABLE");
        assertThat(FailurePolicy.FAILURE.resultFor(suite(passed(), failed()))).isEqualTo("FAILURE");
        assertThat(FailurePolicy.SUCCESS.resultFor(suite(passed(), failed()))).isEqualTo("SUCCESS");
    }

    @Test
    void shouldIgnoreFlakyCases() {
        CaseResult flaky = failed().withRerun(new CaseAttempt(2, CaseStatus.PASS, Duration.ofSeconds(1), null, null,
                List.of()));
        assertThat(FailurePolicy.FAILURE.resultFor(suite(passed(), flaky))).isEqualTo("SUCCESS");
    }

    @Test
    void shouldFailTheBuildWhenTheSuiteDidNotComplete() {
        assertThat(FailurePolicy.SUCCESS.resultFor(suite())).isEqualTo("FAILURE");
    }

    @Test
    void shouldReadPolicyNames() {
        assertThat(FailurePolicy.fromName(" failure ")).isEqualTo(FailurePolicy.FAILURE);
        assertThat(FailurePolicy.fromName("")).isEqualTo(FailurePolicy.UNSTABLE);
        assertThatThrownBy(() -> FailurePolicy.fromName("red")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UNSTABLE, FAILURE or SUCCESS");
    }
}
