package io.jenkins.plugins.virtregress.steps.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import java.util.List;
import java.util.Set;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The bisect fields' help exists once, and the builder's form and both steps still show it. */
@WithJenkins
class HelpFilesITest {
    private static final Set<String> COMMAND_ONLY = Set.of("command", "timeoutMinutes");

    @Test
    void shouldServeTheSharedHelpToBothSteps(JenkinsRule j) throws Exception {
        JenkinsRule.WebClient web = j.createWebClient();
        StepDescriptor start = j.jenkins.getDescriptorByType(BisectStartStep.DescriptorImpl.class);
        StepDescriptor command = j.jenkins.getDescriptorByType(BisectCommandStep.DescriptorImpl.class);

        for (String field : BisectRegressionBuilder.DescriptorImpl.SHARED_HELP) {
            String help = text(web, "descriptor/" + command.getId() + "/help/" + field);
            assertThat(help).as(field).contains("<div");
            if (!COMMAND_ONLY.contains(field)) {
                assertThat(text(web, "descriptor/" + start.getId() + "/help/" + field)).as(field).isEqualTo(help);
            }
        }
    }

    @Test
    void shouldPointTheBuilderFormAtTheSharedHelp(JenkinsRule j) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        project.getBuildersList().add(new BisectRegressionBuilder("v1", "v2", "make check"));
        JenkinsRule.WebClient web = j.createWebClient();
        HtmlPage configure = web.getPage(project, "configure");
        List<String> links = configure.getByXPath("//a[@helpURL]").stream()
                .map(link -> ((DomElement) link).getAttribute("helpURL")).toList();
        String command = j.jenkins.getDescriptorByType(BisectCommandStep.DescriptorImpl.class).getId();

        for (String field : BisectRegressionBuilder.DescriptorImpl.SHARED_HELP) {
            String expected = j.contextPath + "/descriptor/" + command + "/help/" + field;
            assertThat(links).as(field).contains(expected);
            assertThat(text(web, expected.substring(j.contextPath.length() + 1))).as(field).contains("<div");
        }
    }

    private static String text(JenkinsRule.WebClient web, String path) throws Exception {
        return web.goTo(path, null).getWebResponse().getContentAsString();
    }
}
