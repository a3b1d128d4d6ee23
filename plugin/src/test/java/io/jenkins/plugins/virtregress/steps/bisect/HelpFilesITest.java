package io.jenkins.plugins.virtregress.steps.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Descriptor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The bisect fields' help exists once, and every bisect form still shows it. */
@WithJenkins
class HelpFilesITest {
    @Test
    void shouldServeTheSharedBisectHelpToTheBuilderAndTheSteps(JenkinsRule j) throws Exception {
        List<Descriptor<?>> descriptors = List.of(
                j.jenkins.getDescriptorByType(BisectRegressionBuilder.DescriptorImpl.class),
                j.jenkins.getDescriptorByType(BisectStartStep.DescriptorImpl.class),
                j.jenkins.getDescriptorByType(BisectCommandStep.DescriptorImpl.class));
        JenkinsRule.WebClient web = j.createWebClient();
        String probes = web.goTo("descriptor/" + descriptors.get(1).getId() + "/help/probes", null)
                .getWebResponse().getContentAsString();
        assertThat(probes).isNotBlank();

        for (Descriptor<?> descriptor : descriptors) {
            for (String field : BisectRegressionBuilder.DescriptorImpl.SHARED_HELP) {
                String help = web.goTo("descriptor/" + descriptor.getId() + "/help/" + field, null)
                        .getWebResponse().getContentAsString();
                assertThat(help).as(descriptor.getId() + " " + field).isNotBlank();
            }
            assertThat(web.goTo("descriptor/" + descriptor.getId() + "/help/probes", null).getWebResponse()
                    .getContentAsString()).isEqualTo(probes);
        }
    }
}
