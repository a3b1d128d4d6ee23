package io.jenkins.plugins.virtregress.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.virtregress.config.VirtRegressConfiguration;
import io.jenkins.plugins.virtregress.model.BisectReportAction;
import io.jenkins.plugins.virtregress.model.GuestTestsAction;
import io.jenkins.plugins.virtregress.model.InstalledPackagesAction;
import io.jenkins.plugins.virtregress.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class PipelineITest {
    private static final String SCRIPT = """
            node {
              def builds = pollPackages(repositories: '%1$s', packages: 'demo')
              echo "polled: ${builds.collect { it.name + ' ' + it.version }}"
              installPackages(packages: "demo=${builds[0].version}", manager: 'dnf', repositories: '%1$s',
                  root: 'root', gpgCheck: false)
              writeFile file: 'suite.sh', text: 'echo 1..2; echo ok 1 - boots; echo ok 2 - version is installed'
              guestTests(command: 'sh suite.sh', name: 'smoke')
              def verdict = bisectRegression(repository: '%2$s', good: '%3$s', bad: 'main', probes: 2, confirm: 1) {
                return sh(returnStatus: true,
                    script: 'if git -C "%2$s" cat-file -e "$VIRT_REGRESS_COMMIT:broken" 2>/dev/null; then exit 1; fi')
              }
              echo "culprit: ${verdict.culprit} (${verdict.outcome})"
            }
            """;

    @Test
    void shouldPollInstallTestAndBisectInOnePipeline(JenkinsRule j, @TempDir Path directory) throws Exception {
        Path repository = Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.0", "1");
        List<String> history = Fixtures.history(directory.resolve("upstream"), 9, 6, "break the boot");
        VirtRegressConfiguration.get().setAllowFileRepositories(true);
        WorkflowJob job = j.createProject(WorkflowJob.class, "loop");
        job.setDefinition(new CpsFlowDefinition(SCRIPT.formatted(repository.toUri(), directory.resolve("upstream"),
                history.get(0)), true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("polled: [demo 1.0-1]", run);
        InstalledPackagesAction install = run.getAction(InstalledPackagesAction.class);
        assertThat(install.isSuccess()).isTrue();
        assertThat(install.getChanges()).containsEntry("demo", "(none) → 1.0-1");
        Path installed = Path.of(j.jenkins.getWorkspaceFor(job).child("root/usr/share/demo/version").getRemote());
        assertThat(Files.readString(installed)).isEqualTo("1.0-1\n");
        GuestTestsAction tests = run.getAction(GuestTestsAction.class);
        assertThat(tests.getStatus()).isEqualTo("PASSED");
        assertThat(tests.getTotal()).isEqualTo(2);
        assertThat(j.jenkins.getWorkspaceFor(job).child("virt-regress-results/smoke.xml").exists()).isTrue();
        BisectReportAction bisect = run.getAction(BisectReportAction.class);
        assertThat(bisect.getOutcome()).isEqualTo("COMPLETE");
        assertThat(history.get(5)).startsWith(bisect.getCulprit());
        assertThat(bisect.getCulpritSubject()).isEqualTo("break the boot");
        assertThat(bisect.getConfidence()).isEqualTo("parent 1/1 good, culprit 1/1 bad");
        j.assertLogContains("culprit: " + bisect.getCulprit() + " (COMPLETE)", run);
    }
}
