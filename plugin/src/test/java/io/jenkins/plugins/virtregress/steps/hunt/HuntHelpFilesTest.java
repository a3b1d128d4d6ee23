package io.jenkins.plugins.virtregress.steps.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The help of the fields the freestyle action shares with the Pipeline step is written once, under the step. */
class HuntHelpFilesTest {
    @Test
    void shouldKeepTheSharedFieldsHelpOnceUnderTheStep() {
        for (String field : HuntRegressionRecorder.DescriptorImpl.SHARED_HELP) {
            assertThat(HuntRegressionStep.class.getResource("HuntRegressionStep/help-" + field + ".html"))
                    .as(field).isNotNull();
            assertThat(HuntRegressionRecorder.class.getResource("HuntRegressionRecorder/help-" + field + ".html"))
                    .as(field).isNull();
        }
    }

    @Test
    void shouldShareOnlyFieldsTheActionsFormShows() throws Exception {
        String form;
        try (var in = HuntRegressionRecorder.class.getResourceAsStream("HuntRegressionRecorder/config.jelly")) {
            assertThat(in).isNotNull();
            form = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        for (String field : HuntRegressionRecorder.DescriptorImpl.SHARED_HELP) {
            assertThat(form).as(field).contains("field=\"" + field + "\"");
        }
    }
}
