package io.jenkins.plugins.virtregress.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.virtregress.steps.bisect.BisectCommandStep;
import io.jenkins.plugins.virtregress.steps.bisect.BisectRegressionBuilder;
import io.jenkins.plugins.virtregress.steps.install.InstallPackagesBuilder;
import io.jenkins.plugins.virtregress.steps.poll.PackageRepositoryTrigger;
import io.jenkins.plugins.virtregress.steps.poll.PollPackagesStep;
import io.jenkins.plugins.virtregress.steps.suite.GuestTestsBuilder;
import java.util.Map;
import org.jenkinsci.plugins.structs.describable.DescribableModel;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class ConfigurationRoundTripITest {
    private static InstallPackagesBuilder install() {
        InstallPackagesBuilder builder = new InstallPackagesBuilder("qemu=${VIRT_REGRESS_VERSION_QEMU} qemu-tools");
        builder.setManager("dnf");
        builder.setRepositories("https://download.example.org/repositories/Virtualization/15.6/");
        builder.setRemove("qemu-old");
        builder.setRoot("root");
        builder.setGpgCheck(false);
        builder.setTimeoutMinutes(12);
        return builder;
    }

    private static GuestTestsBuilder guestTests() {
        GuestTestsBuilder builder = new GuestTestsBuilder("avocado run --json results.json boot");
        builder.setName("boot");
        builder.setFormat("avocado");
        builder.setResults("results.json");
        builder.setTimeoutMinutes(20);
        builder.setRerunCommand("avocado run {case}");
        builder.setRerunFailed(2);
        builder.setFailurePolicy("FAILURE");
        builder.setJunitFile("out/boot.xml");
        return builder;
    }

    private static BisectRegressionBuilder bisect() {
        BisectRegressionBuilder builder = new BisectRegressionBuilder("v9.0.0 v9.0.1", "v9.1.0", "./probe.sh --quick");
        builder.setRepository("qemu");
        builder.setPaths("hw/i386");
        builder.setFirstParent(true);
        builder.setProbes(3);
        builder.setRepeat(2);
        builder.setConfirm("4");
        builder.setTimeoutMinutes(30);
        return builder;
    }

    @Test
    void shouldKeepEveryFieldOfInstallPackages(JenkinsRule j) throws Exception {
        InstallPackagesBuilder before = install();
        j.assertEqualDataBoundBeans(before, j.configRoundtrip(before));
    }

    @Test
    void shouldKeepEveryFieldOfGuestTests(JenkinsRule j) throws Exception {
        GuestTestsBuilder before = guestTests();
        j.assertEqualDataBoundBeans(before, j.configRoundtrip(before));
    }

    @Test
    void shouldKeepEveryFieldOfBisectRegression(JenkinsRule j) throws Exception {
        BisectRegressionBuilder before = bisect();
        j.assertEqualDataBoundBeans(before, j.configRoundtrip(before));
    }

    @Test
    void shouldKeepEveryFieldOfTheTrigger(JenkinsRule j) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        PackageRepositoryTrigger before = new PackageRepositoryTrigger("H/15 * * * *", "updates https://example.org/repo/",
                "qemu qemu-* libvirt");
        before.setAgent("poller");
        before.setArchive("/srv/archive");
        project.addTrigger(before);

        j.configRoundtrip(project);

        PackageRepositoryTrigger after = project.getTrigger(PackageRepositoryTrigger.class);
        assertThat(after).isNotSameAs(before);
        j.assertEqualDataBoundBeans(before, after);
    }

    @Test
    void shouldKeepEveryArgumentOfThePipelineSteps(JenkinsRule j) throws Exception {
        PollPackagesStep poll = new PollPackagesStep("updates", "qemu-*");
        poll.setState("nightly");
        poll.setBaseline(true);
        poll.setAgent("poller");
        assertPipelineRoundTrip(j, poll);

        BisectCommandStep command = new BisectCommandStep("v9.0.0", "v9.1.0", "./probe.sh");
        command.setRepository("qemu");
        command.setProbes(3);
        command.setConfirm(2);
        command.setTimeoutMinutes(5);
        assertPipelineRoundTrip(j, command);
    }

    private static <T> void assertPipelineRoundTrip(JenkinsRule j, T step) throws Exception {
        @SuppressWarnings("unchecked")
        DescribableModel<T> model = DescribableModel.of((Class<T>) step.getClass());
        Map<String, ?> arguments = model.uninstantiate2_(step).getArguments();
        j.assertEqualDataBoundBeans(step, model.instantiate(arguments));
    }
}
