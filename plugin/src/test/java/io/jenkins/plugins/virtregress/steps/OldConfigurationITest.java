package io.jenkins.plugins.virtregress.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.virtregress.steps.bisect.BisectRegressionBuilder;
import io.jenkins.plugins.virtregress.steps.install.InstallPackagesBuilder;
import io.jenkins.plugins.virtregress.steps.poll.PackageRepositoryTrigger;
import io.jenkins.plugins.virtregress.steps.suite.GuestTestsBuilder;
import java.io.InputStream;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A job saved by an older version, or written by hand, without the optional fields, gets their defaults;
 * the fixture names the classes by their names before the steps had rooms of their own.
 */
@WithJenkins
class OldConfigurationITest {
    @Test
    void shouldFillEveryOptionalFieldWithItsDefault(JenkinsRule j) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("old");
        try (InputStream xml = OldConfigurationITest.class.getResourceAsStream("old-config.xml")) {
            project.updateByXml((Source) new StreamSource(xml));
        }
        project = j.jenkins.getItemByFullName("old", FreeStyleProject.class);

        InstallPackagesBuilder install = project.getBuildersList().get(InstallPackagesBuilder.class);
        assertThat(install.isGpgCheck()).isTrue();
        assertThat(install.getTimeoutMinutes()).isEqualTo(InstallPackagesBuilder.DEFAULT_TIMEOUT_MINUTES);
        assertThat(install.getRepositories()).isEmpty();
        GuestTestsBuilder tests = project.getBuildersList().get(GuestTestsBuilder.class);
        assertThat(tests.getName()).isEqualTo("guest-tests");
        assertThat(tests.getFormat()).isEqualTo("tap");
        assertThat(tests.getTimeoutMinutes()).isEqualTo(GuestTestsBuilder.DEFAULT_TIMEOUT_MINUTES);
        assertThat(tests.getFailurePolicy()).isEqualTo("UNSTABLE");
        BisectRegressionBuilder bisect = project.getBuildersList().get(BisectRegressionBuilder.class);
        assertThat(bisect.getRepository()).isEqualTo(".");
        assertThat(bisect.getProbes()).isEqualTo(1);
        assertThat(bisect.getRepeat()).isEqualTo(1);
        assertThat(bisect.getTimeoutMinutes()).isEqualTo(BisectRegressionBuilder.DEFAULT_TIMEOUT_MINUTES);
        PackageRepositoryTrigger trigger = project.getTrigger(PackageRepositoryTrigger.class);
        assertThat(trigger.getRepositories()).isEmpty();
        assertThat(trigger.getPackages()).isEmpty();
        assertThat(trigger.isArchiving()).isTrue(); // saved before archiving was on by default
        assertThat(trigger.getArchive()).isEqualTo(PackageRepositoryTrigger.DEFAULT_ARCHIVE);

        j.configRoundtrip(project); // and the form renders and saves with them
    }
}
