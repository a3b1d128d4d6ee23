package io.jenkins.plugins.virtregress.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import io.jenkins.plugins.virtregress.steps.bisect.BisectRegressionBuilder;
import io.jenkins.plugins.virtregress.steps.install.InstallPackagesBuilder;
import io.jenkins.plugins.virtregress.steps.poll.PackageRepositoryTrigger;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.springframework.security.access.AccessDeniedException;

@WithJenkins
class FormPermissionsITest {
    private static FreeStyleProject secured(JenkinsRule j) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("job");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("configurer"));
        return project;
    }

    private static ACLContext as(String user) {
        return ACL.as2(User.getById(user, true).impersonate2());
    }

    @Test
    void shouldValidateJobFieldsOnlyForUsersWhoMayConfigureTheJob(JenkinsRule j) throws Exception {
        FreeStyleProject project = secured(j);
        InstallPackagesBuilder.DescriptorImpl install = j.jenkins.getDescriptorByType(InstallPackagesBuilder.DescriptorImpl.class);
        BisectRegressionBuilder.DescriptorImpl bisect = j.jenkins.getDescriptorByType(BisectRegressionBuilder.DescriptorImpl.class);
        PackageRepositoryTrigger.DescriptorImpl trigger = j.jenkins.getDescriptorByType(PackageRepositoryTrigger.DescriptorImpl.class);

        try (ACLContext ignored = as("configurer")) {
            assertThat(install.doCheckPackages("--oldpackage", "", project).kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(install.doCheckPackages("qemu=9.1.0-4.1", "", project).kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(bisect.doCheckBad("v1 v2", project).kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(trigger.doCheckSpec("H/15 * * * *", project).kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(trigger.doCheckSpec("every hour", project).kind).isEqualTo(FormValidation.Kind.ERROR);
        }
        try (ACLContext ignored = as("reader")) {
            assertThatThrownBy(() -> install.doCheckPackages("qemu", "", project)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> install.doFillManagerItems(project)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> trigger.doCheckRepositories("updates", project))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
