package io.jenkins.plugins.virtregress.steps.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each bisect field's help is written once, under the steps' shared superclass. */
class BisectHelpFilesTest {
    private static final Pattern FIELD = Pattern.compile("field=\"(\\w+)\"");

    @Test
    void shouldKeepEveryFieldsHelpOnceUnderTheSharedSettings() {
        for (String field : BisectRegressionBuilder.DescriptorImpl.SHARED_HELP) {
            assertThat(BisectStepSettings.class.getResource("BisectStepSettings/help-" + field + ".html"))
                    .as(field).isNotNull();
            for (Class<?> copy : List.of(BisectRegressionBuilder.class, BisectCommandStep.class, BisectStartStep.class)) {
                assertThat(copy.getResource(copy.getSimpleName() + "/help-" + field + ".html"))
                        .as(copy.getSimpleName() + " " + field).isNull();
            }
        }
    }

    @Test
    void shouldRedirectEveryFieldTheBuilderFormShows() throws IOException {
        String form = read("BisectRegressionBuilder/config.jelly") + read("/lib/virtregress/bisectFields.jelly");

        List<String> fields = FIELD.matcher(form).results().map(match -> match.group(1)).distinct().toList();

        assertThat(fields).containsExactlyInAnyOrderElementsOf(BisectRegressionBuilder.DescriptorImpl.SHARED_HELP);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = BisectRegressionBuilder.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
