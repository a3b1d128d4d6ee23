package io.jenkins.plugins.virtregress.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.virtregress.model.BisectReportAction;
import java.nio.file.Path;
import java.util.List;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class BisectReportITest {
    private static final String HOSTILE = "<script>alert('culprit')</script> break the boot";

    @Test
    void shouldShowTheCulpritOnTheBuildPageAndTheReportPage(JenkinsRule j, @TempDir Path directory) throws Exception {
        List<String> history = Fixtures.history(directory.resolve("upstream"), 12, 7, HOSTILE);
        FreeStyleProject project = j.createFreeStyleProject("bisect");
        BisectRegressionBuilder bisect = new BisectRegressionBuilder(history.get(0), "main",
                "sh -c \"test ! -e broken\"");
        bisect.setRepository(directory.resolve("upstream").toString());
        bisect.setProbes(2);
        bisect.setConfirm("2");
        project.getBuildersList().add(bisect);

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        BisectReportAction action = build.getAction(BisectReportAction.class);
        assertThat(action.getOutcome()).isEqualTo("COMPLETE");
        assertThat(history.get(6)).startsWith(action.getCulprit());
        assertThat(action.getReport().commitBisection().probes()).isNotEmpty();

        JenkinsRule.WebClient web = j.createWebClient();
        HtmlPage summary = web.getPage(build);
        assertThat(summary.asNormalizedText()).contains("Bisection: COMPLETE").contains(action.getCulprit())
                .contains(HOSTILE);
        HtmlPage report = web.getPage(build, action.getUrlName());
        assertThat(report.asNormalizedText()).contains(action.getCulprit()).contains(HOSTILE)
                .contains("parent 2/2 good, culprit 2/2 bad");
        for (DomElement script : report.getElementsByTagName("script")) {
            assertThat(script.getTextContent()).doesNotContain("alert('culprit')");
        }
    }

    @Test
    void shouldMarkTheBuildUnstableWhenTheFailureDoesNotReproduce(JenkinsRule j, @TempDir Path directory)
            throws Exception {
        List<String> history = Fixtures.history(directory.resolve("upstream"), 4, 3, "harmless");
        FreeStyleProject project = j.createFreeStyleProject("unreproducible");
        BisectRegressionBuilder bisect = new BisectRegressionBuilder(history.get(0), "main", "true");
        bisect.setRepository(directory.resolve("upstream").toString());
        project.getBuildersList().add(bisect);

        FreeStyleBuild build = j.assertBuildStatus(hudson.model.Result.UNSTABLE, project.scheduleBuild2(0));

        assertThat(build.getAction(BisectReportAction.class).getOutcome()).isEqualTo("UNREPRODUCIBLE");
    }
}
