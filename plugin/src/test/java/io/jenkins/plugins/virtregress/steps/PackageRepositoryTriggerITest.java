package io.jenkins.plugins.virtregress.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import io.jenkins.plugins.virtregress.model.NewBuild;
import io.jenkins.plugins.virtregress.model.NewBuildsAction;
import io.jenkins.plugins.virtregress.model.NewBuildsCause;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.CaptureEnvironmentBuilder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class PackageRepositoryTriggerITest {
    /** A schedule that never fires (February 31st), so that only the test polls. */
    private static final String NEVER = "H H 31 2 *";

    @Test
    void shouldStartABuildForEachPollThatFindsNewBuilds(JenkinsRule j, @TempDir Path directory) throws Exception {
        Path work = directory.resolve("work");
        Path repository = Fixtures.publishRpm(work, directory.resolve("repo"), "demo", "1.0", "1");
        FreeStyleProject project = j.createFreeStyleProject("watch");
        CaptureEnvironmentBuilder environment = new CaptureEnvironmentBuilder();
        project.getBuildersList().add(environment);
        project.addTrigger(new PackageRepositoryTrigger(NEVER, repository.toUri().toString(), "demo other-*"));
        j.configRoundtrip(project); // saving the job starts its triggers, as in real use
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
    }

    @Test
    void shouldLogAnUnreadableRepositoryAndStartNothing(JenkinsRule j, @TempDir Path directory) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("broken");
        project.addTrigger(new PackageRepositoryTrigger(NEVER, directory.resolve("missing").toUri().toString(),
                "demo"));

        assertThat(project.getTrigger(PackageRepositoryTrigger.class).pollAndSchedule(project)).isEmpty();
        j.waitUntilNoActivity();

        assertThat(project.getLastBuild()).isNull();
        assertThat(new PollingLogAction(project).getLog()).contains("Polling failed").contains("missing");
    }
}
