package io.jenkins.plugins.virtregress.steps.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Label;
import hudson.model.Node;
import hudson.model.Queue;
import hudson.model.Result;
import hudson.model.User;
import hudson.model.queue.CauseOfBlockage;
import hudson.model.queue.QueueTaskDispatcher;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.slaves.DumbSlave;
import hudson.slaves.OfflineCause;
import hudson.util.FormValidation;
import io.jenkins.plugins.virtregress.config.VirtRegressConfiguration;
import io.jenkins.plugins.virtregress.model.BisectReportAction;
import io.jenkins.plugins.virtregress.steps.install.InstallPackagesBuilder;
import io.jenkins.plugins.virtregress.steps.poll.PackageRepositoryTrigger;
import io.jenkins.plugins.virtregress.steps.suite.GuestTestsBuilder;
import io.jenkins.plugins.virtregress.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.TestExtension;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.access.AccessDeniedException;

/**
 * {@code huntRegression} with a label two agents carry (the freestyle job's own, or the Pipeline
 * step's {@code label}): the probes of the first two levels run on both agents, the culprit is the
 * one a hunt on one node names, and an agent that goes offline during a probe hands its probes to
 * the other.
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

    /**
     * The Pipeline's suite: the first probe on the agent that goes offline waits there until the
     * test has disconnected and reconnected that agent; the probes elsewhere wait as well once it
     * has started, so that the hunt ends only with both agents online.
     */
    private static final String DISCONNECTING_SUITE = """
            root="${VIRT_REGRESS_ROOT:-$WORKSPACE/root}"
            if [ "$NODE_NAME" = "%1$s" ] && [ ! -e "%2$s" ]; then
              touch "%2$s"
              while [ ! -e "%3$s" ]; do sleep 1; done
            elif [ -e "%2$s" ]; then
              while [ ! -e "%3$s" ]; do sleep 1; done
            fi
            v=$(cat "$root/usr/share/demo/version")
            echo 1..1
            echo "# demo $v on $NODE_NAME"
            case "$v" in
              1.0-*|1.1-*) echo "ok 1 - boots" ;;
              *) echo "not ok 1 - boots" ;;
            esac
            """;

    /** Builds on the agent the trigger polls on; the hunt's probes spread over the step's label. */
    private static final String PIPELINE = """
            node('%1$s') {
              installPackages(packages: 'demo', manager: 'dnf', repositories: '%2$s', root: 'root', gpgCheck: false)
              guestTests(command: 'sh %3$s', name: 'boot')
              if (currentBuild.resultIsWorseOrEqualTo('UNSTABLE')) {
                def verdict = huntRegression(command: 'sh %3$s', suite: 'boot', manager: 'dnf', root: 'root',
                    gpgCheck: false, confirm: 1, probes: 2, label: 'virt-host')
                echo "verdict: ${verdict}"
              }
            }
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

    @Test
    void shouldRerunTheProbesOfAnAgentThatGoesOfflineOnTheOtherAgentOfTheStepsLabel(JenkinsRule j,
            @TempDir Path directory) throws Exception {
        Label label = Label.get("virt-host");
        DumbSlave first = j.createOnlineSlave(label);
        DumbSlave second = j.createOnlineSlave(label);
        VirtRegressConfiguration.get().setAllowFileRepositories(true);
        Path repository = Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.0", "1");
        Path started = directory.resolve("probe-started-on-second");
        Path reconnected = directory.resolve("second-reconnected");
        Path suite = directory.resolve("suite.sh");
        Files.writeString(suite, DISCONNECTING_SUITE.formatted(second.getNodeName(), started, reconnected));
        WorkflowJob job = j.createProject(WorkflowJob.class, "pipeline-on-agents");
        job.setDefinition(new CpsFlowDefinition(PIPELINE.formatted(first.getNodeName(), repository.toUri(), suite),
                true));
        PackageRepositoryTrigger trigger = new PackageRepositoryTrigger(NEVER, repository.toUri().toString(), "demo");
        trigger.setAgent(first.getNodeName());
        job.addTrigger(trigger);
        for (String version : new String[] {"1.0", "1.1"}) {
            if (!version.equals("1.0")) {
                Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", version, "1");
            }
            assertThat(trigger.pollAndSchedule(job)).isNotEmpty();
            j.waitUntilNoActivity();
            assertThat(job.getLastBuild().getResult()).isEqualTo(Result.SUCCESS);
        }
        Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.2", "1");
        assertThat(trigger.pollAndSchedule(job)).isNotEmpty();
        WorkflowRun failing = job.getBuildByNumber(3);
        while (failing == null) {
            Thread.sleep(100);
            failing = job.getBuildByNumber(3);
        }
        while (!Files.exists(started) && failing.isBuilding()) {
            Thread.sleep(100);
        }
        assertThat(started).as("a probe ran on the second agent").exists();

        // the second agent goes away in the middle of its probe, and comes back for the final restore
        second.toComputer().disconnect(new OfflineCause.ChannelTermination(new IOException("unplugged"))).get();
        j.waitOnline(second); // launches it again
        Files.writeString(reconnected, "");
        j.waitForCompletion(failing);

        j.assertLogContains("the probes of the first two levels run on the nodes of virt-host", failing);
        j.assertLogContains("node " + second.getNodeName() + " went offline during the probe", failing);
        j.assertLogContains("it takes no more probes of this hunt; the probe runs again on node "
                + first.getNodeName(), failing);
        j.assertLogContains("after node " + second.getNodeName() + " went offline during the probe", failing);
        j.assertLogContains("verdict: culprit: demo 1.2-1", failing);
        j.assertLogNotContains("no node of the label is left", failing);
        BisectReportAction verdict = failing.getAction(BisectReportAction.class);
        assertThat(verdict.getOutcome()).isEqualTo("BUILD");
        assertThat(verdict.getCulprit()).as("the culprit of the hunt on one node").isEqualTo("demo 1.2-1");
        j.assertLogContains("restoring on node " + second.getNodeName(), failing);
        assertThat(second.getWorkspaceFor(job).child("root/usr/share/demo/version").readToString())
                .as("the agent that came back is left at the failing set").startsWith("1.2-1");
    }

    @Test
    void shouldCheckTheLabelFieldForUsersWhoMayConfigureTheJobAndStopAHuntOnABadLabel(JenkinsRule j)
            throws Exception {
        j.createOnlineSlave(Label.get("virt-host"));
        FreeStyleProject project = j.createFreeStyleProject("label-form");
        HuntRegressionRecorder hunt = new HuntRegressionRecorder();
        hunt.setLabel(" virt-host ");
        project.getPublishersList().add(hunt);
        j.configRoundtrip(project);
        assertThat(project.getPublishersList().get(HuntRegressionRecorder.class).getLabel()).isEqualTo("virt-host");
        WorkflowJob job = j.createProject(WorkflowJob.class, "bad-label");
        job.setDefinition(new CpsFlowDefinition("node { huntRegression(command: 'true', label: 'virt-host &&') }",
                true));
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE, Item.BUILD).everywhere().to("configurer"));
        HuntRegressionRecorder.DescriptorImpl action = j.jenkins.getDescriptorByType(
                HuntRegressionRecorder.DescriptorImpl.class);
        HuntRegressionStep.DescriptorImpl step = j.jenkins.getDescriptorByType(HuntRegressionStep.DescriptorImpl.class);

        try (ACLContext ignored = ACL.as2(User.getById("configurer", true).impersonate2())) {
            assertThat(step.doCheckLabel(job, "virt-host").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(step.doCheckLabel(job, "").kind).isEqualTo(FormValidation.Kind.OK);
            FormValidation bad = action.doCheckLabel(project, "virt-host &&");
            assertThat(bad.kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(bad.getMessage()).contains("Not a label expression");
            FormValidation nobody = action.doCheckLabel(project, "virt-host && aarch64");
            assertThat(nobody.kind).isEqualTo(FormValidation.Kind.WARNING);
            assertThat(nobody.getMessage()).contains("No node has the label");
            assertThatThrownBy(() -> step.doCheckLabel(null, "virt-host")).as("outside a job: administrators only")
                    .isInstanceOf(AccessDeniedException.class);
        }
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertThatThrownBy(() -> step.doCheckLabel(job, "virt-host")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> action.doCheckLabel(project, "virt-host"))
                    .isInstanceOf(AccessDeniedException.class);
        }

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("huntRegression: label 'virt-host &&' is not a label expression", run);
    }
}
