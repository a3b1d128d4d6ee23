package io.jenkins.plugins.virtregress.steps.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Job;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import io.jenkins.plugins.virtregress.config.PackageRepository;
import io.jenkins.plugins.virtregress.config.UpstreamSource;
import io.jenkins.plugins.virtregress.config.VirtRegressConfiguration;
import io.jenkins.plugins.virtregress.model.BisectReportAction;
import io.jenkins.plugins.virtregress.steps.install.InstallPackagesBuilder;
import io.jenkins.plugins.virtregress.steps.poll.PackageRepositoryTrigger;
import io.jenkins.plugins.virtregress.steps.suite.GuestTestsBuilder;
import io.jenkins.plugins.virtregress.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.model.ParameterizedJobMixIn;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.access.AccessDeniedException;
import org.virtregress.testing.RepositoryServer;

/**
 * {@code huntRegression} takes its last good set from the newest earlier build whose suite passed,
 * its failing set from the failing build, and its candidates from the trigger's archive.
 */
@WithJenkins
class HuntRegressionITest {
    /** A schedule that never fires (February 31st), so that only the test polls. */
    private static final String NEVER = "H H 31 2 *";

    /** Boots with demo 1.0 and 1.1; 1.2 and later break it. */
    private static final String SUITE = """
            v=$(cat "${VIRT_REGRESS_ROOT:-$WORKSPACE/root}/usr/share/demo/version")
            echo 1..1
            echo "# demo $v"
            case "$v" in
              1.0-*|1.1-*) echo "ok 1 - boots" ;;
              *) echo "not ok 1 - boots" ;;
            esac
            """;

    private static final String PIPELINE = """
            node {
              installPackages(packages: 'demo', manager: 'dnf', repositories: '%1$s', root: 'root', gpgCheck: false)
              guestTests(command: 'sh %2$s', name: 'boot')
              if (currentBuild.resultIsWorseOrEqualTo('UNSTABLE')) {
                def verdict = huntRegression(command: 'sh %2$s', suite: 'boot', manager: 'dnf', root: 'root',
                    gpgCheck: false, confirm: 1)
                echo "verdict: ${verdict}"
              }
            }
            """;

    private static FreeStyleProject freestyle(JenkinsRule j, Path repository, Path suite, boolean archive)
            throws Exception {
        VirtRegressConfiguration.get().setAllowFileRepositories(true);
        FreeStyleProject project = j.createFreeStyleProject("boot-" + archive);
        project.addTrigger(trigger(repository, archive));
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
        project.getPublishersList().add(hunt);
        return project;
    }

    private static PackageRepositoryTrigger trigger(Path repository, boolean archive) {
        PackageRepositoryTrigger trigger = new PackageRepositoryTrigger(NEVER, repository.toUri().toString(), "demo");
        if (!archive) {
            trigger.setArchive(""); // archiving is on by default: turned off explicitly
        }
        return trigger;
    }

    /** Publishes a build of demo, polls, and waits for the build the poll starts. */
    private static Run<?, ?> publishAndBuild(JenkinsRule j, Job<?, ?> job, Path directory, String version)
            throws Exception {
        Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", version, "1");
        PackageRepositoryTrigger trigger = ((ParameterizedJobMixIn.ParameterizedJob<?, ?>) job)
                .getTriggers().values().stream().filter(PackageRepositoryTrigger.class::isInstance)
                .map(PackageRepositoryTrigger.class::cast).findFirst().orElseThrow();
        assertThat(trigger.pollAndSchedule(job)).isNotEmpty();
        j.waitUntilNoActivity();
        return job.getLastBuild();
    }

    private static Path suite(Path directory) throws Exception {
        Path suite = directory.resolve("suite.sh");
        Files.writeString(suite, SUITE);
        return suite;
    }

    @Test
    void shouldHuntFromTheNewestPassingBuildToTheCulpritInAFreestyleJob(JenkinsRule j, @TempDir Path directory)
            throws Exception {
        Path repository = Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.0", "1");
        FreeStyleProject project = freestyle(j, repository, suite(directory), true);
        project.getTrigger(PackageRepositoryTrigger.class).pollAndSchedule(project);
        j.waitUntilNoActivity();
        assertThat(project.getLastBuild().getResult()).isEqualTo(Result.SUCCESS);
        assertThat(publishAndBuild(j, project, directory, "1.1").getResult()).isEqualTo(Result.SUCCESS);

        FreeStyleBuild failing = (FreeStyleBuild) publishAndBuild(j, project, directory, "1.2");

        assertThat(failing.getResult()).isEqualTo(Result.UNSTABLE);
        j.assertLogContains("last good build #2 {demo=1.1-1}, failing set {demo=1.2-1}", failing);
        BisectReportAction verdict = failing.getAction(BisectReportAction.class);
        assertThat(verdict.getOutcome()).isEqualTo("BUILD");
        assertThat(verdict.getCulprit()).isEqualTo("demo 1.2-1");
        assertThat(verdict.getReport()).isNotNull();
        assertThat(failing.getDescription()).isEqualTo("culprit: demo 1.2-1");
        assertThat(project.getBuildByNumber(2).getAction(BisectReportAction.class)).isNull();
    }

    @Test
    void shouldHuntFromTheBuildHistoryInAPipeline(JenkinsRule j, @TempDir Path directory) throws Exception {
        Path repository = Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.0", "1");
        VirtRegressConfiguration.get().setAllowFileRepositories(true);
        WorkflowJob job = j.createProject(WorkflowJob.class, "pipeline-hunt");
        job.setDefinition(new CpsFlowDefinition(PIPELINE.formatted(repository.toUri(), suite(directory)), true));
        job.addTrigger(trigger(repository, true));
        job.getTriggers().values().stream().filter(PackageRepositoryTrigger.class::isInstance)
                .map(PackageRepositoryTrigger.class::cast).findFirst().orElseThrow().pollAndSchedule(job);
        j.waitUntilNoActivity();
        assertThat(job.getLastBuild().getResult()).isEqualTo(Result.SUCCESS);

        Run<?, ?> failing = publishAndBuild(j, job, directory, "1.2");

        j.assertLogContains("last good build #1 {demo=1.0-1}, failing set {demo=1.2-1}", failing);
        j.assertLogContains("verdict: culprit: demo 1.2-1", failing);
        assertThat(failing.getAction(BisectReportAction.class).getCulprit()).isEqualTo("demo 1.2-1");
    }

    @Test
    void shouldProbeWithTheRepositoriesAndCredentialsOfTheBuildsInstall(JenkinsRule j, @TempDir Path directory)
            throws Exception {
        Path served = directory.resolve("served");
        Path repository = Fixtures.publishRpm(served.resolve("work"), served.resolve("repo"), "demo", "1.0", "1");
        try (RepositoryServer server = RepositoryServer.serve(served)) {
            SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                    CredentialsScope.GLOBAL, "repo-account", "repository account", RepositoryServer.USER,
                    RepositoryServer.PASSWORD));
            PackageRepository locked = new PackageRepository("private", server.lockedUrl("repo/"));
            locked.setCredentialsId("repo-account");
            VirtRegressConfiguration.get().setRepositories(List.of(locked));
            FreeStyleProject project = freestyle(j, repository, suite(directory), true);
            project.addTrigger(new PackageRepositoryTrigger(NEVER, "private", "demo")); // replaces the URL one
            project.getBuildersList().get(InstallPackagesBuilder.class).setRepositories("private");
            project.getTrigger(PackageRepositoryTrigger.class).pollAndSchedule(project);
            j.waitUntilNoActivity();
            assertThat(project.getLastBuild().getResult()).isEqualTo(Result.SUCCESS);
            assertThat(publishAndBuild(j, project, served, "1.1").getResult())
                    .isEqualTo(Result.SUCCESS);
            server.clearLog();

            FreeStyleBuild failing = (FreeStyleBuild) publishAndBuild(j, project, served, "1.2");

            // the probes read the locked repository's metadata with the credentials the install used
            assertThat(failing.getAction(BisectReportAction.class).getCulprit()).isEqualTo("demo 1.2-1");
            assertThat(server.log()).anyMatch(line -> line.contains("/locked/repo/repodata/repomd.xml 200")
                    && line.contains("auth="));
            assertThat(server.log()).noneMatch(line -> line.contains("/locked/") && line.contains(" 401"));
            j.assertLogNotContains(RepositoryServer.PASSWORD, failing);
        }
    }

    /** Runs git in a directory and returns what it printed. */
    private static String git(Path directory, String... args) throws Exception {
        java.util.List<String> argv = new java.util.ArrayList<>(List.of("git", "-c", "user.name=t",
                "-c", "user.email=t@example.invalid"));
        argv.addAll(List.of(args));
        Process process = new ProcessBuilder(argv).directory(directory.toFile()).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", argv) + ": " + out).isZero();
        return out.strip();
    }

    private static void commit(Path upstream, String state, String subject) throws Exception {
        Files.writeString(upstream.resolve("state"), state + "\n");
        git(upstream, "add", "state");
        git(upstream, "commit", "--quiet", "-m", subject);
    }

    /**
     * Makes demo's upstream: v1.1 boots, the second commit after it breaks the boot, v1.2 holds it.
     *
     * @return the hash of the commit that breaks the boot
     */
    private static String upstream(Path upstream) throws Exception {
        Files.createDirectories(upstream);
        git(upstream, "init", "--quiet", "-b", "main");
        commit(upstream, "ok", "first boot");
        git(upstream, "tag", "v1.0");
        commit(upstream, "ok", "faster boot");
        git(upstream, "tag", "v1.1");
        commit(upstream, "ok", "tidy the boot code");
        commit(upstream, "bad", "break the boot");
        String culprit = git(upstream, "rev-parse", "HEAD");
        commit(upstream, "bad", "more on top");
        git(upstream, "tag", "v1.2");
        return culprit;
    }

    @Test
    void shouldFindTheCulpritCommitInTheConfiguredUpstreamSource(JenkinsRule j, @TempDir Path directory)
            throws Exception {
        String culprit = upstream(directory.resolve("upstream"));
        Path probe = directory.resolve("commit-probe.sh");
        Files.writeString(probe, "test \"$(cat state)\" = ok\n"); // the worktree at the commit is the working directory
        Path repository = Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.0", "1");
        FreeStyleProject project = freestyle(j, repository, suite(directory), true);
        UpstreamSource source = new UpstreamSource("demo", directory.resolve("upstream").toUri().toString());
        source.setTagTemplate("v%{version}");
        VirtRegressConfiguration.get().setUpstreamSources(List.of(source));
        project.getPublishersList().get(HuntRegressionRecorder.class).setCommitProbe("sh " + probe);
        project.getTrigger(PackageRepositoryTrigger.class).pollAndSchedule(project);
        j.waitUntilNoActivity();
        assertThat(publishAndBuild(j, project, directory, "1.1").getResult()).isEqualTo(Result.SUCCESS);

        FreeStyleBuild failing = (FreeStyleBuild) publishAndBuild(j, project, directory, "1.2");

        assertThat(failing.getAction(BisectReportAction.class).getOutcome()).isEqualTo("COMMIT");
        assertThat(failing.getDescription()).isEqualTo("culprit: demo 1.2-1, commit " + culprit.substring(0, 7)
                + " \"break the boot\"");
        j.assertLogContains("which commit: fetching the upstream repository of demo", failing);
        assertThat(j.jenkins.getWorkspaceFor(project).child("virt-regress-hunt/upstream/demo/.git").isDirectory())
                .isTrue();
    }

    @Test
    void shouldSayWhyTheCommitLevelDidNotRunWithoutAnUpstreamSource(JenkinsRule j, @TempDir Path directory)
            throws Exception {
        Path repository = Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.0", "1");
        FreeStyleProject project = freestyle(j, repository, suite(directory), true);
        project.getPublishersList().get(HuntRegressionRecorder.class).setCommitProbe("sh probe.sh");
        project.getTrigger(PackageRepositoryTrigger.class).pollAndSchedule(project);
        j.waitUntilNoActivity();

        FreeStyleBuild failing = (FreeStyleBuild) publishAndBuild(j, project, directory, "1.2");

        BisectReportAction verdict = failing.getAction(BisectReportAction.class);
        assertThat(verdict.getOutcome()).isEqualTo("BUILD");
        assertThat(verdict.getReason()).contains("no upstream repository given for demo (configure an upstream"
                + " source for demo in Manage Jenkins » System » virt-regress), so the hunt ends at the build");
        assertThat(failing.getDescription()).isEqualTo("culprit: demo 1.2-1");
    }

    @Test
    void shouldCheckTheUpstreamSourceFieldsWithTheEnginesRulesForAdministratorsOnly(JenkinsRule j) {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ).everywhere().to("reader").grant(Jenkins.ADMINISTER).everywhere().to("admin"));
        UpstreamSource.DescriptorImpl form = j.jenkins.getDescriptorByType(UpstreamSource.DescriptorImpl.class);

        try (ACLContext ignored = ACL.as2(User.getById("admin", true).impersonate2())) {
            assertThat(form.doCheckUrl("https://gitlab.com/qemu-project/qemu.git").kind)
                    .isEqualTo(FormValidation.Kind.OK);
            FormValidation password = form.doCheckUrl("https://qa:s3cret@example.org/qemu.git");
            assertThat(password.kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(password.getMessage()).contains("password in the URL").doesNotContain("s3cret");
            assertThat(form.doCheckTagTemplate("v9.1.0").getMessage()).contains("%{version}");
            assertThat(form.doCheckTagTemplate("v%{version}").kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(form.doCheckPackageName("qemu kvm").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(form.doFillCredentialsIdItems("")).isNotEmpty();
        }
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertThatThrownBy(() -> form.doCheckUrl("https://example.org/q.git"))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> form.doCheckTagTemplate("v%{version}"))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void shouldKeepTheUpstreamSourcesThroughTheConfigurationForm(JenkinsRule j) throws Exception {
        UpstreamSource source = new UpstreamSource("qemu", "https://gitlab.com/qemu-project/qemu.git");
        source.setTagTemplate("v%{version}");
        source.setCredentialsId("");
        VirtRegressConfiguration.get().setUpstreamSources(List.of(source));

        j.configRoundtrip();

        UpstreamSource kept = VirtRegressConfiguration.get().findUpstreamSource("qemu").orElseThrow();
        assertThat(kept.getUrl()).isEqualTo("https://gitlab.com/qemu-project/qemu.git");
        assertThat(kept.getTagTemplate()).isEqualTo("v%{version}");
        assertThat(kept.getCredentialsId()).isNull();
    }

    @Test
    void shouldResolveTheStepsRepositoriesAsTheInstallStepDoes(JenkinsRule j, @TempDir Path directory)
            throws Exception {
        Path repository = Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.0", "1");
        VirtRegressConfiguration.get().setAllowFileRepositories(true);
        WorkflowJob job = j.createProject(WorkflowJob.class, "unknown-repository");
        job.setDefinition(new CpsFlowDefinition(PIPELINE.formatted(repository.toUri(), suite(directory))
                .replace("confirm: 1", "confirm: 1, repositories: 'nowhere'"), true));
        job.addTrigger(trigger(repository, true));
        job.getTriggers().values().stream().filter(PackageRepositoryTrigger.class::isInstance)
                .map(PackageRepositoryTrigger.class::cast).findFirst().orElseThrow().pollAndSchedule(job);
        j.waitUntilNoActivity();

        Run<?, ?> failing = publishAndBuild(j, job, directory, "1.2");

        // the message of the install step's own resolution, before any probe ran
        j.assertLogContains("Repository nowhere is not configured in Manage Jenkins", failing);
        assertThat(failing.getResult()).isEqualTo(Result.FAILURE);
        assertThat(failing.getAction(BisectReportAction.class)).isNull();
    }

    @Test
    void shouldSaySoWhenNoEarlierBuildPassed(JenkinsRule j, @TempDir Path directory) throws Exception {
        Path repository = Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.2", "1");
        FreeStyleProject project = freestyle(j, repository, suite(directory), true);
        project.getTrigger(PackageRepositoryTrigger.class).pollAndSchedule(project);
        j.waitUntilNoActivity();

        FreeStyleBuild failing = project.getLastBuild();

        assertThat(failing.getResult()).isEqualTo(Result.FAILURE);
        j.assertLogContains("No earlier build (of the 0 before #1) passed suite boot", failing);
        assertThat(failing.getAction(BisectReportAction.class)).isNull();
    }

    @Test
    void shouldSaySoWhenTheTriggerKeepsNoArchive(JenkinsRule j, @TempDir Path directory) throws Exception {
        Path repository = Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.0", "1");
        FreeStyleProject project = freestyle(j, repository, suite(directory), false);
        project.getTrigger(PackageRepositoryTrigger.class).pollAndSchedule(project);
        j.waitUntilNoActivity();

        Run<?, ?> failing = publishAndBuild(j, project, directory, "1.2");

        assertThat(failing.getResult()).isEqualTo(Result.FAILURE);
        j.assertLogContains("has no package repository trigger with an archive (archiving is turned off)", failing);
    }

    @Test
    void shouldCheckTheHuntFieldsOnlyForUsersWhoMayConfigureTheJob(JenkinsRule j) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("forms");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("configurer"));
        HuntRegressionRecorder.DescriptorImpl action = j.jenkins.getDescriptorByType(
                HuntRegressionRecorder.DescriptorImpl.class);
        HuntRegressionStep.DescriptorImpl step = j.jenkins.getDescriptorByType(HuntRegressionStep.DescriptorImpl.class);

        try (ACLContext ignored = ACL.as2(User.getById("configurer", true).impersonate2())) {
            assertThat(action.doCheckProbes(0, project).kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(action.doCheckProbes(2, project).kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(step.doCheckConfirm(21, project).kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(step.doFillManagerItems(project)).hasSize(4);
        }
        try (ACLContext ignored = ACL.as2(User.getById("reader", true).impersonate2())) {
            assertThatThrownBy(() -> action.doCheckConfirm(1, project)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> step.doFillManagerItems(project)).isInstanceOf(AccessDeniedException.class);
        }
    }
}
