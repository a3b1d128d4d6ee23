package io.jenkins.plugins.virtregress.steps.poll;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Archiving is on unless turned off, and the way "off" is kept survives a save. */
class TriggerArchiveTest {
    @Test
    void shouldArchiveByDefault() {
        PackageRepositoryTrigger trigger = new PackageRepositoryTrigger("H * * * *", "", "qemu");

        assertThat(trigger.isArchiving()).isTrue();
        assertThat(trigger.getArchive()).isEqualTo("virt-regress-archive");
    }

    @Test
    void shouldTurnArchivingOffWithAnEmptyDirectory() {
        PackageRepositoryTrigger trigger = new PackageRepositoryTrigger("H * * * *", "", "qemu");

        trigger.setArchive("  ");

        assertThat(trigger.isArchiving()).isFalse();
        assertThat(trigger.getArchive()).isEmpty();
    }

    @Test
    void shouldGiveTheDefaultOnlyToAConfigurationWithoutTheField() {
        assertThat(PackageRepositoryTrigger.savedArchive(null)).isEqualTo(PackageRepositoryTrigger.DEFAULT_ARCHIVE);
        assertThat(PackageRepositoryTrigger.savedArchive("")).isEmpty();
        assertThat(PackageRepositoryTrigger.savedArchive(" mine ")).isEqualTo("mine");
    }

    @Test
    void shouldNameAJobsAgentDirectoryWithOneSafeSegment() {
        assertThat(PackageRepositoryTrigger.jobDirectoryName("folder/nightly qemu")).isEqualTo("folder_nightly_qemu");
        assertThat(PackageRepositoryTrigger.jobDirectoryName("..")).isEqualTo("_.");
        assertThat(PackageRepositoryTrigger.jobDirectoryName("a/../../b")).doesNotContain("/");
    }
}
