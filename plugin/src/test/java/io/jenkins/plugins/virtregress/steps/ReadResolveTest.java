package io.jenkins.plugins.virtregress.steps;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.util.XStream2;
import io.jenkins.plugins.virtregress.OldClassNames;
import io.jenkins.plugins.virtregress.steps.bisect.BisectRegressionBuilder;
import io.jenkins.plugins.virtregress.steps.install.InstallPackagesBuilder;
import io.jenkins.plugins.virtregress.steps.poll.PackageRepositoryTrigger;
import io.jenkins.plugins.virtregress.steps.suite.GuestTestsBuilder;
import org.junit.jupiter.api.Test;

/**
 * XStream leaves fields absent from the XML at null, false or 0; readResolve gives them their defaults.
 * The XML names the classes as jobs saved before the steps had rooms of their own do.
 */
class ReadResolveTest {
    private static Object read(String xml) {
        XStream2 xstream = new XStream2();
        OldClassNames.addTo(xstream);
        return xstream.fromXML(xml);
    }

    @Test
    void shouldCheckSignaturesWhenTheSavedInstallStepDoesNotSay() {
        InstallPackagesBuilder install = (InstallPackagesBuilder) read(
                "<io.jenkins.plugins.virtregress.steps.InstallPackagesBuilder><packages>qemu</packages>"
                        + "</io.jenkins.plugins.virtregress.steps.InstallPackagesBuilder>");

        assertThat(install.isGpgCheck()).isTrue();
        assertThat(install.getTimeoutMinutes()).isEqualTo(InstallPackagesBuilder.DEFAULT_TIMEOUT_MINUTES);
    }

    @Test
    void shouldKeepAnExplicitlyDisabledSignatureCheck() {
        InstallPackagesBuilder install = (InstallPackagesBuilder) read(
                "<io.jenkins.plugins.virtregress.steps.InstallPackagesBuilder><packages>qemu</packages>"
                        + "<gpgCheck>false</gpgCheck></io.jenkins.plugins.virtregress.steps.InstallPackagesBuilder>");

        assertThat(install.isGpgCheck()).isFalse();
    }

    @Test
    void shouldNameTheSuiteAndLimitItsTimeWhenTheSavedStepDoesNotSay() {
        GuestTestsBuilder tests = (GuestTestsBuilder) read(
                "<io.jenkins.plugins.virtregress.steps.GuestTestsBuilder><command>sh suite.sh</command>"
                        + "</io.jenkins.plugins.virtregress.steps.GuestTestsBuilder>");

        assertThat(tests.getName()).isEqualTo("guest-tests");
        assertThat(tests.getTimeoutMinutes()).isEqualTo(GuestTestsBuilder.DEFAULT_TIMEOUT_MINUTES);
        assertThat(tests.getFailurePolicy()).isEqualTo("UNSTABLE");
    }

    @Test
    void shouldReadTheBisectStepSavedUnderItsOldName() {
        BisectRegressionBuilder bisect = (BisectRegressionBuilder) read(
                "<io.jenkins.plugins.virtregress.steps.BisectRegressionBuilder><good>v1</good><bad>main</bad>"
                        + "<command>make check</command></io.jenkins.plugins.virtregress.steps.BisectRegressionBuilder>");

        assertThat(bisect.getGood()).isEqualTo("v1");
        assertThat(bisect.getCommand()).isEqualTo("make check");
        assertThat(bisect.getRepository()).isEqualTo(".");
        assertThat(bisect.getProbes()).isEqualTo(1);
        assertThat(bisect.getTimeoutMinutes()).isEqualTo(BisectRegressionBuilder.DEFAULT_TIMEOUT_MINUTES);
    }

    @Test
    void shouldReadTheStepsUnderTheirNewNames() {
        InstallPackagesBuilder install = (InstallPackagesBuilder) read(
                "<io.jenkins.plugins.virtregress.steps.install.InstallPackagesBuilder><packages>qemu</packages>"
                        + "</io.jenkins.plugins.virtregress.steps.install.InstallPackagesBuilder>");

        assertThat(install.getPackages()).isEqualTo("qemu");
    }

    @Test
    void shouldArchiveInTheDefaultDirectoryWhenTheSavedTriggerNamesNoArchive() {
        PackageRepositoryTrigger trigger = (PackageRepositoryTrigger) read(
                "<io.jenkins.plugins.virtregress.steps.PackageRepositoryTrigger><spec>H * * * *</spec>"
                        + "<packages>qemu</packages></io.jenkins.plugins.virtregress.steps.PackageRepositoryTrigger>");

        assertThat(trigger.isArchiving()).isTrue();
        assertThat(trigger.getArchive()).isEqualTo(PackageRepositoryTrigger.DEFAULT_ARCHIVE);
    }

    @Test
    void shouldKeepArchivingOffWhenTheSavedTriggerTurnedItOff() {
        PackageRepositoryTrigger off = new PackageRepositoryTrigger("H * * * *", "", "qemu");
        off.setArchive("");
        String saved = new XStream2().toXML(off);

        PackageRepositoryTrigger trigger = (PackageRepositoryTrigger) read(saved);

        assertThat(saved).contains("<archive></archive>");
        assertThat(trigger.isArchiving()).isFalse();
        assertThat(trigger.getArchive()).isEmpty();
    }

    @Test
    void shouldKeepTheArchiveTheSavedTriggerNames() {
        PackageRepositoryTrigger trigger = (PackageRepositoryTrigger) read(
                "<io.jenkins.plugins.virtregress.steps.PackageRepositoryTrigger><spec>H * * * *</spec>"
                        + "<archive> builds </archive></io.jenkins.plugins.virtregress.steps.PackageRepositoryTrigger>");

        assertThat(trigger.getArchive()).isEqualTo("builds");
    }
}
