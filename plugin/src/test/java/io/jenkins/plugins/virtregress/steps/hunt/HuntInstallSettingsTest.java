package io.jenkins.plugins.virtregress.steps.hunt;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.virtregress.config.BasicAuth;
import io.jenkins.plugins.virtregress.config.RepositoryTarget;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtregress.hunt.InstallSettings;
import org.virtregress.install.InstallRequest;
import org.virtregress.install.Installers;
import org.virtregress.net.Credentials;
import org.virtregress.process.ProcessRunner;

/** The probes install from the repositories the install step resolved, each with its credentials. */
class HuntInstallSettingsTest {
    private static HuntSettings settings() {
        return new HuntSettings("boot", List.of("sh", "boot.sh"), "tap", null, 30, "dnf", "root",
                "virtualization https://deps.example.org/", false, 12, 1, 3, List.of());
    }

    @Test
    void shouldGiveEachRepositoryTheCredentialsTheInstallStepFound() {
        List<RepositoryTarget> repositories = List.of(
                new RepositoryTarget("https://private.example.org/virt/", "virtualization",
                        new BasicAuth("qa", "s3cret")),
                new RepositoryTarget("https://deps.example.org/", "https://deps.example.org/", null));

        InstallSettings install = HuntCallable.installSettings(Installers.forManager("dnf", new ProcessRunner()),
                repositories, settings());

        assertThat(install.repositories()).containsExactly("https://private.example.org/virt/",
                "https://deps.example.org/");
        assertThat(install.credentials()).containsOnlyKeys("https://private.example.org/virt/")
                .containsValue(new Credentials("qa", "s3cret"));
        assertThat(install.gpgCheck()).isFalse();
        assertThat(install.timeout()).isEqualTo(Duration.ofMinutes(12));
        InstallRequest request = install.addRepositories(InstallRequest.builder().install("qemu", null)).build();
        assertThat(request.credentialsOf("https://private.example.org/virt/")).isPresent();
        assertThat(request.toString()).doesNotContain("s3cret");
    }

    @Test
    void shouldKeepRepositoryNamesAndNoSecretInTheSettings() {
        assertThat(settings().repositories()).isEqualTo("virtualization https://deps.example.org/");
        assertThat(settings().toString()).doesNotContain("s3cret");
    }
}
