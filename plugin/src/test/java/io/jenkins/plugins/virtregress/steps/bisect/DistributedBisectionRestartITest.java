package io.jenkins.plugins.virtregress.steps.bisect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.virtregress.model.BisectReportAction;
import io.jenkins.plugins.virtregress.testing.Fixtures;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** A bisection whose probes are Pipeline bodies goes on after a controller restart without repeating probes. */
class DistributedBisectionRestartITest {
    private static final String SCRIPT = """
            node {
              def verdict = bisectRegression(repository: '%1$s', good: '%2$s', bad: 'main', probes: 2, confirm: 1) {
                sleep(time: 3, unit: 'SECONDS')
                return sh(returnStatus: true,
                    script: 'if git -C "%1$s" cat-file -e "$VIRT_REGRESS_COMMIT:broken" 2>/dev/null; then exit 1; fi')
              }
              echo "culprit: ${verdict.culprit} (${verdict.outcome})"
            }
            """;
    private static final Pattern PROBE = Pattern.compile("Probe of ([0-9a-f]{40}): (GOOD|BAD|SKIP)");

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void shouldFinishAfterARestartWithoutRepeatingProbes(@TempDir Path directory) throws Throwable {
        Path upstream = directory.resolve("upstream");
        List<String> history = Fixtures.history(upstream, 16, 11, "break the boot");
        sessions.then(j -> {
            WorkflowJob job = j.createProject(WorkflowJob.class, "resume");
            job.setDefinition(new CpsFlowDefinition(SCRIPT.formatted(upstream, history.get(0)), true));
            WorkflowRun run = job.scheduleBuild2(0).waitForStart();
            j.waitForMessage("Probe of " + history.get(15), run);
        });
        sessions.then(j -> {
            WorkflowRun run = j.jenkins.getItemByFullName("resume", WorkflowJob.class).getBuildByNumber(1);
            j.assertBuildStatusSuccess(j.waitForCompletion(run));

            BisectReportAction action = run.getAction(BisectReportAction.class);
            assertThat(action.getOutcome()).isEqualTo("COMPLETE");
            assertThat(history.get(10)).startsWith(action.getCulprit());
            Matcher probes = PROBE.matcher(run.getLog());
            Map<String, Long> bodies = probes.results().map(m -> m.group(1))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            // the culprit and its parent run again for the confirmation; nothing else runs twice
            bodies.remove(history.get(10));
            bodies.remove(history.get(9));
            assertThat(bodies).isNotEmpty().allSatisfy((commit, runs) -> assertThat(runs).isEqualTo(1L));
        });
    }
}
