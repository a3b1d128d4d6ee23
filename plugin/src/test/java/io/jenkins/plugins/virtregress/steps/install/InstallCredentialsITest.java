package io.jenkins.plugins.virtregress.steps.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.virtregress.config.PackageRepository;
import io.jenkins.plugins.virtregress.config.VirtRegressConfiguration;
import io.jenkins.plugins.virtregress.model.InstalledPackagesAction;
import io.jenkins.plugins.virtregress.testing.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.virtregress.testing.RepositoryServer;

/** One named repository with credentials serves both polling and installing. */
@WithJenkins
class InstallCredentialsITest {
    private static FreeStyleProject installing(JenkinsRule j, String name) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject(name);
        InstallPackagesBuilder install = new InstallPackagesBuilder("demo");
        install.setManager("dnf");
        install.setRepositories("private");
        install.setRoot("root");
        install.setGpgCheck(false);
        project.getBuildersList().add(install);
        return project;
    }

    private static void configure(String url, String password) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "repo-account", "repository account", RepositoryServer.USER, password));
        PackageRepository repository = new PackageRepository("private", url);
        repository.setCredentialsId("repo-account");
        VirtRegressConfiguration.get().setRepositories(List.of(repository));
    }

    @Test
    void shouldInstallFromARepositoryThatNeedsCredentials(JenkinsRule j, @TempDir Path directory) throws Exception {
        Path repository = Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.0", "1");
        try (RepositoryServer server = RepositoryServer.serve(repository)) {
            configure(server.lockedUrl(""), RepositoryServer.PASSWORD);
            FreeStyleProject project = installing(j, "private-install");

            FreeStyleBuild build = j.buildAndAssertSuccess(project);

            assertThat(build.getAction(InstalledPackagesAction.class).getChanges())
                    .containsEntry("demo", "(none) → 1.0-1");
            j.assertLogNotContains(RepositoryServer.PASSWORD, build);
            Path root = Path.of(j.jenkins.getWorkspaceFor(project).child("root").getRemote());
            try (var files = Files.walk(root)) {
                assertThat(files.filter(Files::isRegularFile).map(p -> {
                    try {
                        return Files.readString(p);
                    } catch (IOException | UncheckedIOException e) {
                        return "";
                    }
                })).noneMatch(text -> text.contains(RepositoryServer.PASSWORD));
            }
            assertThat(j.createWebClient().getPage(build, build.getAction(InstalledPackagesAction.class).getUrlName())
                    .asNormalizedText()).contains("Packages installed and verified with dnf")
                    .doesNotContain("No suite ran");
        }
    }

    @Test
    void shouldSayTheRepositoryRefusedTheCredentials(JenkinsRule j, @TempDir Path directory) throws Exception {
        Path repository = Fixtures.publishRpm(directory.resolve("work"), directory.resolve("repo"), "demo", "1.0", "1");
        try (RepositoryServer server = RepositoryServer.serve(repository)) {
            configure(server.lockedUrl(""), "wr0ng-pw-7");

            FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, installing(j, "refused"));

            j.assertLogContains("401", build);
            j.assertLogNotContains("unknown package demo", build);
            j.assertLogNotContains("wr0ng-pw-7", build);
        }
    }
}
