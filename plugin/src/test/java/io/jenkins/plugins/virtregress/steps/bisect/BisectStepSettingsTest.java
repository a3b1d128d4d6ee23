package io.jenkins.plugins.virtregress.steps.bisect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The Pipeline steps and the freestyle builder read the bisect fields by one set of rules. */
class BisectStepSettingsTest {
    @Test
    void shouldGiveAPipelineStepTheSettingsTheBuilderGives() throws AbortException {
        BisectStartStep step = new BisectStartStep(" v9.0.0, v9.0.1 ", " v9.1.0 ");
        step.setRepository(" qemu ");
        step.setPaths("hw/i386 block");
        step.setProbes(3);
        step.setRepeat(2);
        step.setConfirm(4);
        step.setFlaky(true);
        step.setConfidence(0.95);
        BisectRegressionBuilder builder = new BisectRegressionBuilder("v9.0.0, v9.0.1", "v9.1.0", "");
        builder.setRepository("qemu");
        builder.setPaths("hw/i386 block");
        builder.setProbes(3);
        builder.setRepeat(2);
        builder.setConfirm("4");
        builder.setFlaky(true);
        builder.setConfidence(0.95);

        BisectSettings settings = step.settings();

        assertThat(settings).isEqualTo(builder.settings(UnaryOperator.identity()));
        assertThat(settings).isEqualTo(new BisectSettings("qemu", List.of("v9.0.0", "v9.0.1"), "v9.1.0",
                List.of("hw/i386", "block"), false, 3, 2, 4, true, 0.95));
    }

    @Test
    void shouldFillTheDefaultsOfAnEmptyRepositoryAndBlankFields() throws AbortException {
        BisectStartStep step = new BisectStartStep(null, "main");
        step.setRepository("  ");
        step.setPaths(null);
        step.setConfirm(0);

        assertThat(step.getRepository()).isEqualTo(".");
        assertThat(step.getGood()).isEmpty();
        assertThat(step.settings().paths()).isEmpty();
        assertThat(step.getConfirm()).isZero();
    }

    @Test
    void shouldExpandTheBuildsVariablesForTheFreestyleStepOnly() throws AbortException {
        BisectRegressionBuilder builder = new BisectRegressionBuilder("${GOOD}", "${BAD}", "make check");
        builder.setConfirm("${CONFIRM}");
        Map<String, String> env = Map.of("${GOOD}", "v1", "${BAD}", "v2", "${CONFIRM}", "3");

        BisectSettings settings = builder.settings(value -> env.getOrDefault(value, value));

        assertThat(settings.goods()).containsExactly("v1");
        assertThat(settings.bad()).isEqualTo("v2");
        assertThat(settings.confirm()).isEqualTo(3);
    }

    @Test
    void shouldRefuseAConfirmationCountThatIsNoNumber() {
        BisectRegressionBuilder builder = new BisectRegressionBuilder("v1", "v2", "make check");
        builder.setConfirm("twice");

        assertThatThrownBy(() -> builder.settings(UnaryOperator.identity()))
                .isInstanceOf(AbortException.class).hasMessageContaining("twice");
    }
}
