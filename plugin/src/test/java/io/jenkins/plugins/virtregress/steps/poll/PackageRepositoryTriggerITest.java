package io.jenkins.plugins.virtregress.steps.poll;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.slaves.DumbSlave;
import hudson.util.FormValidation;
import io.jenkins.plugins.virtregress.config.VirtRegressConfiguration;
import io.jenkins.plugins.virtregress.model.NewBuild;
import io.jenkins.plugins.virtregress.model.NewBuildsAction;
import io.jenkins.plugins.virtregress.model.NewBuildsCause;
import io.jenkins.plugins.virtregress.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.CaptureEnvironmentBuilder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class PackageRepositoryTriggerITest {
    /** A schedule that never fires (February 31st), so that only the test polls. */
    private static final String NEVER = "H H 31 2 *";

    private static FreeStyleProject watching(JenkinsRule j, String name, Path repository) throws Exception {
        VirtRegressConfiguration.get().setAllowFileRepositories(true);
        FreeStyleProject project = j.createFreeStyleProject(name);
        project.addTrigger(new PackageRepositoryTrigger(NEVER, repository.toUri().toString(), "demo other-*"));
        return project;
    }

    @Test
    void shouldStartABuildForEachPollThatFindsNewBuilds(JenkinsRule j, @TempDir Path directory) throws Exception {
        Path work = directory.resolve("work");
        Path repository = Fixtures.publishRpm(work, directory.resolve("repo"), "demo", "1.0", "1");
        List<Path> scratchBefore = scratchDirectories();
        FreeStyleProject project = watching(j, "watch", repository);
        j.configRoundtrip(project); // saving the job starts its triggers, as in real use
        // added after the round trip: the capturing builder has no form of its own
        CaptureEnvironmentBuilder environment = new CaptureEnvironmentBuilder();
        project.getBuildersList().add(environment);
        PackageRepositoryTrigger trigger = project.getTrigger(PackageRepositoryTrigger.class);

        assertThat(trigger.pollAndSchedule(project)).extracting(NewBuild::getVersion).containsExactly("1.0-1");
        j.waitUntilNoActivity();
        FreeStyleBuild first = project.getLastBuild();
        assertThat(first.getNumber()).isEqualTo(1);
        assertThat(first.getCause(NewBuildsCause.class).getShortDescription())
                .isEqualTo("New package builds: demo 1.0-1 (noarch) in " + repository.toUri());
        assertThat(environment.getEnvVars()).containsEntry("VIRT_REGRESS_VERSION_DEMO", "1.0-1");
        assertThat(environment.getEnvVars().get("VIRT_REGRESS_NEW_BUILDS")).contains("\"name\":\"demo\"");

        assertThat(trigger.pollAndSchedule(project)).isEmpty();
        Fixtures.publishRpm(work, repository, "demo", "1.1", "1");
        assertThat(trigger.pollAndSchedule(project)).singleElement()
                .satisfies(build -> assertThat(build.getPreviousVersion()).isEqualTo("1.0-1"));
        j.waitUntilNoActivity();

        FreeStyleBuild second = project.getLastBuild();
        assertThat(second.getNumber()).isEqualTo(2);
        assertThat(second.getCause(NewBuildsCause.class).getShortDescription()).contains("demo 1.0-1 → 1.1-1");
        assertThat(second.getAction(NewBuildsAction.class).getVariables())
                .containsEntry("VIRT_REGRESS_VERSION_DEMO", "1.1-1");
        assertThat(j.createWebClient().getPage(project, "virt-regress-polling").asNormalizedText())
                .contains("new: demo 1.0-1 → 1.1-1");
        // the polls leave no scratch directory behind (their lock files included)
        assertThat(scratchDirectories()).isSubsetOf(scratchBefore);
    }

    private static List<Path> scratchDirectories() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("virt-regress-poll")).toList();
        }
    }

    @Test
    void shouldKeepTheNewBuildsOfADisabledJobUntilItIsEnabled(JenkinsRule j, @TempDir Path directory)
            throws Exception {
        Path repository = Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.0", "1");
        FreeStyleProject project = watching(j, "disabled", repository);
        PackageRepositoryTrigger trigger = project.getTrigger(PackageRepositoryTrigger.class);
        project.disable();

        assertThat(trigger.pollAndSchedule(project)).isEmpty();
        assertThat(project.getLastBuild()).isNull();
        assertThat(new PollingLogAction(project).getLog()).contains("Could not schedule a build");

        project.enable();
        assertThat(trigger.pollAndSchedule(project)).extracting(NewBuild::getVersion).containsExactly("1.0-1");
        j.waitUntilNoActivity();
        assertThat(project.getLastBuild().getCause(NewBuildsCause.class).getShortDescription()).contains("demo 1.0-1");
    }

    @Test
    void shouldKeepThePollThatStartedABuildAfterLaterPolls(JenkinsRule j, @TempDir Path directory) throws Exception {
        Path repository = Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.0", "1");
        FreeStyleProject project = watching(j, "history", repository);
        PackageRepositoryTrigger trigger = project.getTrigger(PackageRepositoryTrigger.class);

        trigger.pollAndSchedule(project);
        j.waitUntilNoActivity();
        for (int i = 0; i < PollingHistory.KEPT + 2; i++) {
            trigger.pollAndSchedule(project);
        }

        PollingLogAction log = new PollingLogAction(project);
        assertThat(log.getLog()).contains("No new builds.");
        assertThat(log.getLogs()).anySatisfy(text -> assertThat(text).startsWith("[started a build]")
                .contains("new: demo 1.0-1").contains("Scheduled a build."));
        assertThat(j.createWebClient().getPage(project, "virt-regress-polling").asNormalizedText())
                .contains("[started a build]");
    }

    @Test
    void shouldLogAnUnreadableRepositoryAndStartNothing(JenkinsRule j, @TempDir Path directory) throws Exception {
        VirtRegressConfiguration.get().setAllowFileRepositories(true);
        FreeStyleProject project = j.createFreeStyleProject("broken");
        project.addTrigger(new PackageRepositoryTrigger(NEVER, directory.resolve("missing").toUri().toString(),
                "demo"));

        assertThat(project.getTrigger(PackageRepositoryTrigger.class).pollAndSchedule(project)).isEmpty();
        j.waitUntilNoActivity();

        assertThat(project.getLastBuild()).isNull();
        assertThat(new PollingLogAction(project).getLog()).contains("Polling failed").contains("missing");
    }

    @Test
    void shouldNotReadControllerFilesAsARepositoryUnlessAllowed(JenkinsRule j, @TempDir Path directory)
            throws Exception {
        Path repository = Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.0", "1");
        FreeStyleProject project = j.createFreeStyleProject("file-url");
        project.addTrigger(new PackageRepositoryTrigger(NEVER, repository.toUri().toString(), "demo"));

        assertThat(project.getTrigger(PackageRepositoryTrigger.class).pollAndSchedule(project)).isEmpty();

        assertThat(new PollingLogAction(project).getLog()).contains("Polling failed")
                .contains("file: repositories are allowed only when an administrator allows them");
        assertThat(project.getLastBuild()).isNull();
    }

    @Test
    void shouldKeepAControllerArchiveInsideTheJobDirectory(JenkinsRule j, @TempDir Path directory) throws Exception {
        Path repository = Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.0", "1");
        FreeStyleProject project = watching(j, "archive", repository);
        PackageRepositoryTrigger trigger = project.getTrigger(PackageRepositoryTrigger.class);
        Path outside = directory.resolve("outside");
        trigger.setArchive(outside.toString());

        assertThat(trigger.pollAndSchedule(project)).isEmpty();
        assertThat(new PollingLogAction(project).getLog()).contains("is absolute");
        assertThat(outside).doesNotExist();

        trigger.setArchive("../../escape");
        assertThat(trigger.pollAndSchedule(project)).isEmpty();
        assertThat(new PollingLogAction(project).getLog()).contains("leaves the job's directory");

        trigger.setArchive("archive");
        assertThat(trigger.pollAndSchedule(project)).hasSize(1);
        PackageRepositoryTrigger.DescriptorImpl form = j.jenkins.getDescriptorByType(
                PackageRepositoryTrigger.DescriptorImpl.class);
        assertThat(form.doCheckArchive(outside.toString(), "", project).kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(form.doCheckArchive(outside.toString(), "poller", project).kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(form.doCheckArchive("archive", "", project).kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(project.getRootDir().toPath().resolve("archive")).isDirectory();
    }

    @Test
    void shouldPollOnAnAgentOnlyWhenTheJobMayBuildThere(JenkinsRule j, @TempDir Path directory) throws Exception {
        Path repository = Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.0", "1");
        DumbSlave agent = j.createOnlineSlave();
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, hudson.model.Item.READ, hudson.model.Item.BUILD).everywhere().to("bob"));
        FreeStyleProject project = watching(j, "on-agent", repository);
        QueueItemAuthenticatorConfiguration.get().getAuthenticators().add(new MockQueueItemAuthenticator()
                .authenticate("on-agent", hudson.model.User.getById("bob", true).impersonate2()));
        PackageRepositoryTrigger trigger = project.getTrigger(PackageRepositoryTrigger.class);
        trigger.setAgent(agent.getNodeName());

        assertThat(trigger.pollAndSchedule(project)).isEmpty();
        assertThat(new PollingLogAction(project).getLog()).contains("may not build on it");
        PackageRepositoryTrigger.DescriptorImpl form = j.jenkins.getDescriptorByType(
                PackageRepositoryTrigger.DescriptorImpl.class);
        assertThat(form.doCheckAgent(agent.getNodeName(), project).kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(form.doCheckAgent("no-such-node", project).kind).isEqualTo(FormValidation.Kind.ERROR);

        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, hudson.model.Item.READ, hudson.model.Item.BUILD, hudson.model.Computer.BUILD)
                .everywhere().to("bob"));
        assertThat(form.doCheckAgent(agent.getNodeName(), project).kind).isEqualTo(FormValidation.Kind.OK);
        assertThat(trigger.pollAndSchedule(project)).extracting(NewBuild::getVersion).containsExactly("1.0-1");
        // the default archive of an agent's poll: under the agent's root, in a directory of the job
        Path archive = Path.of(agent.getRootPath().getRemote(), PackageRepositoryTrigger.AGENT_ARCHIVES, "on-agent",
                PackageRepositoryTrigger.DEFAULT_ARCHIVE);
        assertThat(trigger.archiveOnNode(project)).isEqualTo(archive.toString());
        assertThat(archive.resolve("index.json")).isRegularFile();
    }

    @Test
    void shouldArchiveInTheJobDirectoryUnlessTurnedOff(JenkinsRule j, @TempDir Path directory) throws Exception {
        Path repository = Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.0", "1");
        FreeStyleProject project = watching(j, "default-archive", repository);
        j.configRoundtrip(project); // the form keeps the default

        PackageRepositoryTrigger trigger = project.getTrigger(PackageRepositoryTrigger.class);
        assertThat(trigger.getArchive()).isEqualTo(PackageRepositoryTrigger.DEFAULT_ARCHIVE);
        assertThat(trigger.pollAndSchedule(project)).hasSize(1);
        assertThat(project.getRootDir().toPath().resolve(PackageRepositoryTrigger.DEFAULT_ARCHIVE)
                .resolve("index.json")).isRegularFile();

        trigger.setArchive("");
        j.configRoundtrip(project); // shown and saved again with the field empty: still off
        assertThat(project.getConfigFile().asString()).contains("<archive></archive>");
        try (InputStream xml = Files.newInputStream(project.getConfigFile().getFile().toPath())) {
            project.updateByXml((Source) new StreamSource(xml)); // and loaded from disk: still off
        }
        assertThat(project.getTrigger(PackageRepositoryTrigger.class).isArchiving()).isFalse();
        assertThat(project.getTrigger(PackageRepositoryTrigger.class).archiveOnNode(project)).isNull();
    }

    @Test
    void shouldNotPollAJobTwiceAtOnceWhateverTriggerInstance(JenkinsRule j, @TempDir Path directory)
            throws Exception {
        Path repository = Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.0", "1");
        FreeStyleProject project = watching(j, "reconfigured", repository);
        PackageRepositoryTrigger before = project.getTrigger(PackageRepositoryTrigger.class);
        j.configRoundtrip(project); // a new trigger instance, as when a user saves the job
        PackageRepositoryTrigger after = project.getTrigger(PackageRepositoryTrigger.class);
        assertThat(after).isNotSameAs(before);

        assertThat(PollGate.enter(project.getFullName())).isTrue(); // the old instance's poll still runs
        try {
            after.run();
        } finally {
            PollGate.leave(project.getFullName());
        }

        assertThat(PackageRepositoryTrigger.history(project).logs()).isEmpty();
        assertThat(project.getLastBuild()).isNull();
    }
}
