package io.jenkins.plugins.virtregress.steps.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Result;
import io.jenkins.plugins.virtregress.model.BisectReportAction;
import io.jenkins.plugins.virtregress.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Pipeline bisections end cleanly however they end, and never take a script error for a verdict. */
@WithJenkins
class PipelineBisectionLifecycleITest {
    private static final String PROBE = "return sh(returnStatus: true, script: 'if git -C \"%1$s\" cat-file -e"
            + " \"$VIRT_REGRESS_COMMIT:broken\" 2>/dev/null; then exit 1; fi')";

    private static WorkflowJob pipeline(JenkinsRule j, String name, String script) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    @Test
    void shouldReleaseAFinishedBisectionAndRunItInTheSandbox(JenkinsRule j, @TempDir Path directory) throws Exception {
        Path upstream = directory.resolve("upstream");
        List<String> history = Fixtures.history(upstream, 8, 5, "break the boot");
        WorkflowJob job = pipeline(j, "released", """
                node {
                  def verdict = bisectRegression(repository: '%1$s', good: '%2$s', bad: 'main', confirm: 1) {
                    %3$s
                  }
                  echo "culprit: ${verdict.culprit}"
                }
                """.formatted(upstream, history.get(0), PROBE.formatted(upstream)));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        BisectReportAction action = run.getAction(BisectReportAction.class);
        assertThat(history.get(4)).startsWith(action.getCulprit());
        assertThat(DistributedBisection.isHeld(run, action.getId())).isFalse();
        j.assertLogNotContains("GroovySourceFileAllowlist", run);
    }

    @Test
    void shouldStopTheBisectionWhenTheBodyHasAScriptError(JenkinsRule j, @TempDir Path directory) throws Exception {
        Path upstream = directory.resolve("upstream");
        List<String> history = Fixtures.history(upstream, 8, 5, "break the boot");
        WorkflowJob job = pipeline(j, "typo", """
                node {
                  bisectRegression(repository: '%1$s', good: '%2$s', bad: 'main', confirm: 0) {
                    shh 'true'
                  }
                }
                """.formatted(upstream, history.get(0)));

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("shh", run);
        j.assertLogNotContains(": BAD (body failed", run);
        BisectReportAction action = run.getAction(BisectReportAction.class);
        if (action != null) {
            assertThat(action.getOutcome()).isEqualTo("ABORTED");
            assertThat(action.getReason()).contains("MissingMethodException");
        }
    }

    @Test
    void shouldStopWaitingProbesWhenTheBuildIsAborted(JenkinsRule j, @TempDir Path directory) throws Exception {
        Path upstream = directory.resolve("upstream");
        List<String> history = Fixtures.history(upstream, 8, 5, "break the boot");
        WorkflowJob job = pipeline(j, "stopped", """
                node {
                  bisectRegression(repository: '%1$s', good: '%2$s', bad: 'main') {
                    echo 'probe started'
                    sleep(time: 10, unit: 'MINUTES')
                  }
                }
                """.formatted(upstream, history.get(0)));
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("probe started", run);

        run.doStop();

        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(run));
        assertThat(DistributedBisection.isHeld(run, "virt-regress-bisect")).isFalse();
    }

    @Test
    void shouldGiveEachOfTwoParallelBisectionsItsOwnReport(JenkinsRule j, @TempDir Path directory) throws Exception {
        Path first = directory.resolve("first");
        Path second = directory.resolve("second");
        List<String> one = Fixtures.history(first, 6, 2, "first culprit");
        List<String> two = Fixtures.history(second, 6, 5, "second culprit");
        WorkflowJob job = pipeline(j, "parallel", """
                node {
                  def results = [:]
                  parallel a: {
                    results.a = bisectRegression(repository: '%1$s', good: '%2$s', bad: 'main', confirm: 0,
                        command: 'sh -c "test ! -e broken"')
                  }, b: {
                    results.b = bisectRegression(repository: '%3$s', good: '%4$s', bad: 'main', confirm: 0,
                        command: 'sh -c "test ! -e broken"')
                  }
                  echo "a: ${results.a.subject}; b: ${results.b.subject}"
                }
                """.formatted(first, one.get(0), second, two.get(0)));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("a: first culprit; b: second culprit", run);
        assertThat(run.getActions(BisectReportAction.class)).extracting(BisectReportAction::getId).doesNotHaveDuplicates()
                .hasSize(2);
    }

    @Test
    void shouldRefuseAnArchiveOutsideTheJobWhenTheControllerPolls(JenkinsRule j, @TempDir Path directory)
            throws Exception {
        WorkflowJob job = pipeline(j, "archive", """
                pollPackages(repositories: 'https://127.0.0.1:1/repo/', packages: 'demo', archive: '%s')
                """.formatted(directory.resolve("elsewhere")));

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("is absolute", run);
        assertThat(directory.resolve("elsewhere")).doesNotExist();
    }
}
