package org.virtregress.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.process.OutputListener;

/** What the rpm installers do beyond the shared contract: a transaction killed on timeout is rolled back. */
abstract class RpmInstallerContract extends InstallerContract {
    /** The build time of the main repository's rpms: fixed, so that every run builds the same. */
    private static final long MAIN_BUILD_TIME = 1_767_225_600L;

    /**
     * Builds the repository. The rebuild repository's rpms are stamped a day before the main
     * repository's: going back to an older build of the installed version (as a bisection over
     * builds does) must take the repository's build, although zypper prefers the installed one
     * when it is newer.
     */
    @Override
    final void buildRepository(Path directory, List<TestPackage> packages) throws Exception {
        long day = 86_400L;
        Fixtures.rpmRepository(directory, packages,
                directory.getFileName().toString().equals("rebuild") ? MAIN_BUILD_TIME - day : MAIN_BUILD_TIME);
    }

    @Override
    final Map<String, List<TestPackage>> repositories() {
        Map<String, List<TestPackage>> repositories = new HashMap<>(super.repositories());
        repositories.put("hang", TestPackage.hanging());
        return repositories;
    }

    /** Returns the URL of the hang repository (see {@link TestPackage#hanging()}). */
    final String hangRepository() {
        return repository("hang");
    }

    @Override
    String recorded(String evr) {
        return evr.contains(":") ? evr : "0:" + evr;
    }

    @Test
    void shouldRollBackATransactionKilledOnTimeout(@TempDir Path directory) throws Exception {
        Path root = directory;
        InstallRequest base = InstallRequest.builder().root(root).repository(mainRepository()).gpgCheck(false)
                .install("vrbase", "1.0-1").build();
        assertThat(installer().install(base, OutputListener.NONE).success()).isTrue();
        long start = System.nanoTime();

        InstallResult result = installer().install(InstallRequest.builder().root(root).repository(hangRepository())
                .gpgCheck(false).install("vrhang", "1.0-1").timeout(Duration.ofSeconds(8)).build(), OutputListener.NONE);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));
        assertThat(result.success()).isFalse();
        assertThat(result.error()).contains("the transaction's time of 8 s ran out").contains("killed after timeout");
        assertThat(result.commands()).anySatisfy(command -> assertThat(command.timedOut()).isTrue());
        assertThat(result.rolledBack()).as(result.error()).isTrue();
        assertThat(result.after()).isEqualTo(result.before()).doesNotContainKey("vrhang");
        assertThat(root.resolve("usr/share/vrhang/content")).doesNotExist();
    }
}
