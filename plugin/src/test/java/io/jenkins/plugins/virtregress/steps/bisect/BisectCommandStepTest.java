package io.jenkins.plugins.virtregress.steps.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Pipeline step without a body runs the freestyle builder, filled with every field the step was given. */
class BisectCommandStepTest {
    @Test
    void shouldFillTheBuilderWithEveryField() {
        BisectCommandStep command = new BisectCommandStep(" v9.0.0 v9.0.1 ", "v9.1.0", " ./probe.sh --quick ");
        command.setRepository("qemu");
        command.setPaths("hw/i386");
        command.setFirstParent(true);
        command.setProbes(3);
        command.setRepeat(2);
        command.setConfirm(2);
        command.setFlaky(true);
        command.setConfidence(0.9);
        command.setTimeoutMinutes(5);

        BisectRegressionBuilder builder = command.toBuilder();

        assertThat(builder.getGood()).isEqualTo("v9.0.0 v9.0.1");
        assertThat(builder.getBad()).isEqualTo("v9.1.0");
        assertThat(builder.getCommand()).isEqualTo("./probe.sh --quick");
        assertThat(builder.getRepository()).isEqualTo("qemu");
        assertThat(builder.getPaths()).isEqualTo("hw/i386");
        assertThat(builder.isFirstParent()).isTrue();
        assertThat(builder.getProbes()).isEqualTo(3);
        assertThat(builder.getRepeat()).isEqualTo(2);
        assertThat(builder.getConfirm()).isEqualTo("2");
        assertThat(builder.isFlaky()).isTrue();
        assertThat(builder.getConfidence()).isEqualTo(0.9);
        assertThat(builder.getTimeoutMinutes()).isEqualTo(5);
    }

    @Test
    void shouldLeaveTheConfirmationCountToTheGlobalDefaultWhenTheStepDoesNotSay() {
        BisectRegressionBuilder builder = new BisectCommandStep("v1", "v2", "make check").toBuilder();

        assertThat(builder.getConfirm()).isEmpty();
        assertThat(builder.getRepository()).isEqualTo(".");
        assertThat(builder.getTimeoutMinutes()).isEqualTo(BisectRegressionBuilder.DEFAULT_TIMEOUT_MINUTES);
    }
}
