package org.virtregress.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.process.OutputListener;

/** What the rpm installers do beyond the shared contract: a transaction killed on timeout is rolled back. */
abstract class RpmInstallerContract extends InstallerContract {
    /** Returns the URL of the hang repository (see {@link TestPackage#hanging()}). */
    abstract String hangRepository();

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
