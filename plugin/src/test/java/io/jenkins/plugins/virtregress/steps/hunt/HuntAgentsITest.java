package io.jenkins.plugins.virtregress.steps.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.queue.CauseOfBlockage;
import hudson.model.queue.QueueTaskDispatcher;
import hudson.slaves.DumbSlave;
import io.jenkins.plugins.virtregress.config.VirtRegressConfiguration;
import io.jenkins.plugins.virtregress.model.BisectReportAction;
import io.jenkins.plugins.virtregress.steps.install.InstallPackagesBuilder;
import io.jenkins.plugins.virtregress.steps.poll.PackageRepositoryTrigger;
import io.jenkins.plugins.virtregress.steps.suite.GuestTestsBuilder;
import io.jenkins.plugins.virtregress.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * {@code huntRegression} in a job restricted to a label two agents carry: the probes of the first
 * two levels run on both agents, the culprit is the one a hunt on one node names.
 */
@WithJenkins
class HuntAgentsITest {
    /** A schedule that never fires (February 31st), so that only the test polls. */
    private static final String NEVER = "H H 31 2 *";

    /** Boots with demo 1.0 and 1.1; 1.2 and later break it. */
    private static final String SUITE = """
            v=$(cat "$VIRT_REGRESS_ROOT/usr/share/demo/version")
            echo 1..1
            echo "# demo $v on $NODE_NAME"
            case "$v" in
              1.0-*|1.1-*) echo "ok 1 - boots" ;;
              *) echo "not ok 1 - boots" ;;
            esac
            """;

    /** Keeps the builds on the agent the trigger polls on (the archive's node); probes go anywhere. */
    @TestExtension("shouldRunTheProbesOnBothAgentsOfTheLabelAndNameTheSameCulprit")
    public static class BuildsOnThePollingAgent extends QueueTaskDispatcher {
        @Override
        public CauseOfBlockage canTake(Node node, Queue.BuildableItem item) {
            String polling = item.task instanceof FreeStyleProject project
                    && project.getTrigger(PackageRepositoryTrigger.class) != null
                    ? project.getTrigger(PackageRepositoryTrigger.class).getAgent() : null;
            return polling == null || node.getNodeName().equals(polling) ? null : new CauseOfBlockage() {
                @Override
                public String getShortDescription() {
                    return "builds run on the agent the trigger polls on";
                }
            };
        }
    }

    @Test
    void shouldRunTheProbesOnBothAgentsOfTheLabelAndNameTheSameCulprit(JenkinsRule j, @TempDir Path directory)
            throws Exception {
        Label label = Label.get("hunt");
        DumbSlave first = j.createOnlineSlave(label);
        DumbSlave second = j.createOnlineSlave(label);
        VirtRegressConfiguration.get().setAllowFileRepositories(true);
        Path repository = Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.0", "1");
        Path suite = directory.resolve("suite.sh");
        Files.writeString(suite, SUITE);
        FreeStyleProject project = j.createFreeStyleProject("boot-on-agents");
        project.setAssignedLabel(label);
        PackageRepositoryTrigger trigger = new PackageRepositoryTrigger(NEVER, repository.toUri().toString(), "demo");
        trigger.setAgent(first.getNodeName());
        project.addTrigger(trigger);
        InstallPackagesBuilder install = new InstallPackagesBuilder("demo");
        install.setManager("dnf");
        install.setRepositories(repository.toUri().toString());
        install.setRoot("root");
        install.setGpgCheck(false);
        project.getBuildersList().add(install);
        GuestTestsBuilder tests = new GuestTestsBuilder("sh " + suite);
        tests.setName("boot");
        project.getBuildersList().add(tests);
        HuntRegressionRecorder hunt = new HuntRegressionRecorder();
        hunt.setConfirm(1);
        hunt.setProbes(2);
        project.getPublishersList().add(hunt);
        for (String version : new String[] {"1.0", "1.1", "1.2"}) {
            if (!version.equals("1.0")) {
                Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", version, "1");
            }
            assertThat(project.getTrigger(PackageRepositoryTrigger.class).pollAndSchedule(project)).isNotEmpty();
            j.waitUntilNoActivity();
        }

        FreeStyleBuild failing = project.getLastBuild();

        assertThat(failing.getResult()).isEqualTo(Result.UNSTABLE);
        assertThat(failing.getBuiltOnStr()).isEqualTo(first.getNodeName());
        j.assertLogContains("the probes of the first two levels run on the nodes of hunt", failing);
        j.assertLogContains("on node " + first.getNodeName(), failing);
        j.assertLogContains("on node " + second.getNodeName(), failing);
        j.assertLogContains("restoring on node " + second.getNodeName(), failing);
        BisectReportAction verdict = failing.getAction(BisectReportAction.class);
        assertThat(verdict.getOutcome()).isEqualTo("BUILD");
        assertThat(verdict.getCulprit()).as("the culprit of the hunt on one node").isEqualTo("demo 1.2-1");
        assertThat(second.getWorkspaceFor(project).child("root/usr/share/demo/version").readToString())
                .as("the second agent's root is left at the failing set").startsWith("1.2-1");
    }
}
