package io.jenkins.plugins.virtregress.steps.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.virtregress.model.BisectReportAction;
import io.jenkins.plugins.virtregress.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlLink;
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
    void shouldServeAReportPageThatTheContentSecurityPolicyAllows(JenkinsRule j, @TempDir Path directory)
            throws Exception {
        List<String> history = Fixtures.history(directory.resolve("upstream"), 6, 4, HOSTILE);
        FreeStyleProject project = j.createFreeStyleProject("csp");
        BisectRegressionBuilder bisect = new BisectRegressionBuilder(history.get(0), "main",
                "sh -c \"test ! -e broken\"");
        bisect.setRepository(directory.resolve("upstream").toString());
        project.getBuildersList().add(bisect);
        FreeStyleBuild build = j.buildAndAssertSuccess(project);
        BisectReportAction action = build.getAction(BisectReportAction.class);

        JenkinsRule.WebClient web = j.createWebClient();
        HtmlPage report = web.getPage(build, action.getUrlName());

        DomElement body = report.getFirstByXPath("//div[@class='virt-regress-report']");
        assertThat(body).isNotNull();
        assertThat(body.asXml()).doesNotContain("<style").doesNotContain("style=\"").doesNotContain("<script");
        HtmlLink style = report.getFirstByXPath("//link[contains(@href,'org/virtregress/report/report.css')]");
        assertThat(style).isNotNull();
        assertThat(web.getPage(report.getFullyQualifiedUrl(style.getHrefAttribute())).getWebResponse()
                .getContentAsString()).contains(".virt-regress-report");
        // the build page's summary box, too, needs nothing inline
        assertThat(web.getPage(build).asXml()).doesNotContain("<style>\n.virt-regress-report");
    }

    @Test
    void shouldFillTheNarrowingChartAndServeProbeLogsFromTheBuild(JenkinsRule j, @TempDir Path directory)
            throws Exception {
        List<String> history = Fixtures.history(directory.resolve("upstream"), 10, 6, "break the boot");
        FreeStyleProject project = j.createFreeStyleProject("logs");
        BisectRegressionBuilder bisect = new BisectRegressionBuilder(history.get(0), "main",
                "sh -c \"echo probing; test ! -e broken\"");
        bisect.setRepository(directory.resolve("upstream").toString());
        bisect.setConfirm("1");
        project.getBuildersList().add(bisect);

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        BisectReportAction action = build.getAction(BisectReportAction.class);
        var probes = action.getReport().commitBisection().probes();
        assertThat(probes).isNotEmpty().allSatisfy(p -> assertThat(p.remaining()).isNotNull().isPositive());
        j.assertLogNotContains("? left", build);
        assertThat(probes).allSatisfy(p -> assertThat(p.log()).startsWith("log/"));
        JenkinsRule.WebClient web = j.createWebClient();
        String log = web.goTo(build.getUrl() + action.getUrlName() + "/" + probes.get(0).log(), "text/plain")
                .getWebResponse().getContentAsString();
        assertThat(log).contains("probing");
        web.setThrowExceptionOnFailingStatusCode(false);
        assertThat(web.goTo(build.getUrl() + action.getUrlName() + "/log/..%2Fbuild.xml", null)
                .getWebResponse().getStatusCode()).isEqualTo(404);
    }

    @Test
    void shouldResumeAStoppedBisectionAndStartAfreshOtherwise(JenkinsRule j, @TempDir Path directory)
            throws Exception {
        Path upstream = directory.resolve("upstream");
        List<String> history = Fixtures.history(upstream, 8, 5, "break the boot");
        Path mark = directory.resolve("first-probe-done");
        Path block = directory.resolve("block");
        FreeStyleProject project = j.createFreeStyleProject("again");
        // while the block file is there, the first probe runs at once and every later one waits
        BisectRegressionBuilder bisect = new BisectRegressionBuilder(history.get(0), "main",
                "sh -c \"if test -e " + mark + " && test -e " + block + "; then sleep 300; fi; touch " + mark
                        + "; test ! -e broken\"");
        bisect.setRepository(upstream.toString());
        bisect.setConfirm("0");
        project.getBuildersList().add(bisect);

        java.nio.file.Files.createFile(block);
        FreeStyleBuild stopped = project.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Probe of " + history.get(7), stopped);
        stopped.doStop();
        j.assertBuildStatus(hudson.model.Result.ABORTED, j.waitForCompletion(stopped));
        j.assertLogContains("Starting a new bisection", stopped);
        java.nio.file.Files.delete(block);

        FreeStyleBuild resumed = j.buildAndAssertSuccess(project);
        j.assertLogContains("Resuming the bisection of an earlier build", resumed);
        j.assertLogContains("Replayed from the state file, not run again: " + history.get(7), resumed);
        j.assertLogNotContains("Probe of " + history.get(7), resumed);
        assertThat(resumed.getAction(BisectReportAction.class).getReplayed()).isEqualTo(1);
        assertThat(j.createWebClient().getPage(resumed).asNormalizedText())
                .contains("1 of").contains("verdicts replayed from the state file of an earlier build");
        assertThat(history.get(4)).startsWith(resumed.getAction(BisectReportAction.class).getCulprit());

        FreeStyleBuild rebuilt = j.buildAndAssertSuccess(project);
        j.assertLogContains("Starting a new bisection", rebuilt); // a finished bisection is not replayed
        assertThat(rebuilt.getAction(BisectReportAction.class).getReplayed()).isZero();

        Fixtures.run(upstream, "git", "-c", "user.name=Ann Example", "-c", "user.email=ann@example.org", "commit",
                "--quiet", "--allow-empty", "-m", "one more upstream commit");
        FreeStyleBuild moved = j.buildAndAssertSuccess(project);
        j.assertLogContains("Starting a new bisection", moved);
        j.assertLogNotContains("belongs to another bisection", moved);
        assertThat(history.get(4)).startsWith(moved.getAction(BisectReportAction.class).getCulprit());
    }

    @Test
    void shouldExportTheVerdictToTheRestApi(JenkinsRule j, @TempDir Path directory) throws Exception {
        List<String> history = Fixtures.history(directory.resolve("upstream"), 6, 3, "break the boot");
        FreeStyleProject project = j.createFreeStyleProject("rest");
        BisectRegressionBuilder bisect = new BisectRegressionBuilder(history.get(0), "main",
                "sh -c \"test ! -e broken\"");
        bisect.setRepository(directory.resolve("upstream").toString());
        bisect.setConfirm("1");
        project.getBuildersList().add(bisect);
        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        String json = j.getJSON(build.getUrl() + "api/json?depth=1").getContentAsString();

        assertThat(json).contains("\"outcome\":\"COMPLETE\"")
                .contains("\"culprit\":\"" + build.getAction(BisectReportAction.class).getCulprit() + "\"")
                .contains("\"confidence\":\"parent 1/1 good, culprit 1/1 bad\"").contains("\"candidates\":");
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
