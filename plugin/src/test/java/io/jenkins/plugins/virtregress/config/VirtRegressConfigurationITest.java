package io.jenkins.plugins.virtregress.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.AbortException;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlNumberInput;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.access.AccessDeniedException;

@WithJenkins
class VirtRegressConfigurationITest {
    private static PackageRepository repository(String name, String url, String credentialsId) {
        PackageRepository repository = new PackageRepository(name, url);
        repository.setCredentialsId(credentialsId);
        return repository;
    }

    @Test
    void shouldKeepRepositoriesCredentialsAndDefaultsThroughTheForm(JenkinsRule j) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "obs", "OBS account", "tester", "secret"));
        VirtRegressConfiguration configuration = VirtRegressConfiguration.get();
        configuration.setRepositories(List.of(
                repository("updates", "https://download.example.org/repositories/Virtualization/15.6/", "obs"),
                repository("debian", "deb:http://127.0.0.1:8080/flat/", null)));
        configuration.setDefaultPackageManager("dnf");
        configuration.setDefaultConfirmations(5);

        j.configRoundtrip();

        VirtRegressConfiguration saved = VirtRegressConfiguration.get();
        assertThat(saved.getRepositories()).containsExactly(
                repository("updates", "https://download.example.org/repositories/Virtualization/15.6/", "obs"),
                repository("debian", "deb:http://127.0.0.1:8080/flat/", null));
        assertThat(saved.getDefaultPackageManager()).isEqualTo("dnf");
        assertThat(saved.getDefaultConfirmations()).isEqualTo(5);
    }

    @Test
    void shouldLookUpTheCredentialsOfARepositoryAsTheJobButNeverSystemScopedOnes(JenkinsRule j) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL, "obs", "OBS account", "tester", "secret"));
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.SYSTEM, "controller-only", "for Jenkins itself", "root", "hidden"));
        FreeStyleProject job = j.createFreeStyleProject("uses-credentials");
        FreeStyleBuild build = j.buildAndAssertSuccess(job);

        BasicAuth auth = RepositoryCredentials.lookup(repository("updates", "https://example.org/", "obs"), build);

        assertThat(auth.username()).isEqualTo("tester");
        assertThat(auth.password()).isEqualTo("secret");
        assertThat(auth.toString()).doesNotContain("secret");
        assertThat(RepositoryCredentials.lookup(repository("updates", "https://example.org/", "obs"), job,
                ACL.SYSTEM2).username()).isEqualTo("tester");
        assertThat(RepositoryCredentials.lookup(repository("public", "https://example.org/", null), build)).isNull();
        assertThatThrownBy(() -> RepositoryCredentials.lookup(
                repository("internal", "https://example.org/", "controller-only"), build))
                .isInstanceOf(AbortException.class).hasMessageContaining("controller-only")
                .hasMessageNotContaining("hidden");
        assertThatThrownBy(() -> RepositoryCredentials.lookup(
                repository("internal", "https://example.org/", "controller-only"), job, ACL.SYSTEM2))
                .isInstanceOf(AbortException.class);
    }

    @Test
    void shouldRemoveTheLastRepositoryThroughTheForm(JenkinsRule j) throws Exception {
        VirtRegressConfiguration.get().setRepositories(List.of(repository("only", "https://example.org/r/", null)));
        HtmlForm form = j.createWebClient().goTo("manage/configure").getFormByName("config");
        for (HtmlButton delete : form.getByXPath("//div[@name='repositories']//button[contains(@class,'repeatable-delete')]")
                .stream().map(HtmlButton.class::cast).toList()) {
            delete.click();
        }

        j.submit(form);

        assertThat(VirtRegressConfiguration.get().getRepositories()).isEmpty();
    }

    @Test
    void shouldAcceptZeroConfirmationRunsInTheForm(JenkinsRule j) throws Exception {
        HtmlForm form = j.createWebClient().goTo("manage/configure").getFormByName("config");
        HtmlNumberInput confirmations = form.getInputByName("_.defaultConfirmations");
        assertThat(confirmations.getAttribute("class")).contains("non-negative-number-required")
                .doesNotContain("positive-number ");
        confirmations.setValue("0");

        j.submit(form);

        assertThat(VirtRegressConfiguration.get().getDefaultConfirmations()).isZero();
    }

    @Test
    void shouldKeepFileRepositoriesClosedUntilAnAdministratorAllowsThem(JenkinsRule j) throws Exception {
        PackageRepository.DescriptorImpl descriptor = j.jenkins.getDescriptorByType(PackageRepository.DescriptorImpl.class);
        assertThat(VirtRegressConfiguration.get().isAllowFileRepositories()).isFalse();
        assertThat(descriptor.doCheckUrl("file:///etc/").kind).isEqualTo(FormValidation.Kind.ERROR);

        VirtRegressConfiguration.get().setAllowFileRepositories(true);
        j.configRoundtrip();

        assertThat(VirtRegressConfiguration.get().isAllowFileRepositories()).isTrue();
        assertThat(descriptor.doCheckUrl("file:///srv/repo/").kind).isEqualTo(FormValidation.Kind.OK);
    }

    @Test
    void shouldValidateOnlyForAdministrators(JenkinsRule j) {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ).everywhere().to("reader"));
        PackageRepository.DescriptorImpl descriptor = j.jenkins.getDescriptorByType(PackageRepository.DescriptorImpl.class);

        try (var ignored = hudson.security.ACL.as2(hudson.model.User.getById("admin", true).impersonate2())) {
            assertThat(descriptor.doCheckUrl("ftp://example.org/").kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(descriptor.doCheckUrl("https://example.org/repo/").kind).isEqualTo(FormValidation.Kind.OK);
        }
        try (var ignored = hudson.security.ACL.as2(hudson.model.User.getById("reader", true).impersonate2())) {
            assertThatThrownBy(() -> descriptor.doCheckUrl("ftp://example.org/"))
                    .isInstanceOf(AccessDeniedException.class);
            ListBoxModel credentials = descriptor.doFillCredentialsIdItems("obs");
            assertThat(credentials).extracting(option -> option.value).containsExactly("obs");
        }
    }
}
