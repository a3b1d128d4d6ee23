package org.virtregress.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.virtregress.install.InstallRequest;
import org.virtregress.install.Installers;
import org.virtregress.net.Credentials;
import org.virtregress.process.ProcessRunner;

class InstallSettingsTest {
    private static final String OPEN = "https://download.example.org/deps/";
    private static final String LOCKED = "https://private.example.org/virt/";

    private static InstallSettings settings(Map<String, Credentials> credentials) {
        return new InstallSettings(Installers.forManager("dnf", new ProcessRunner()), List.of(OPEN, LOCKED), false,
                null, null, credentials);
    }

    @Test
    void shouldHandAProbesInstallEachRepositoryWithItsCredentials() {
        InstallSettings settings = settings(Map.of(LOCKED, new Credentials("qa", "s3cret")));

        InstallRequest request = settings.addRepositories(InstallRequest.builder().install("qemu", "9.1.0-1")).build();

        assertThat(request.repositories()).containsExactly(OPEN, LOCKED);
        assertThat(request.credentialsOf(LOCKED)).contains(new Credentials("qa", "s3cret"));
        assertThat(request.credentialsOf(OPEN)).isEmpty();
    }

    @Test
    void shouldNeverShowAPassword() {
        InstallSettings settings = settings(Map.of(LOCKED, new Credentials("qa", "s3cret")));

        assertThat(settings.toString()).contains("qa").doesNotContain("s3cret");
    }

    @Test
    void shouldRefuseCredentialsOfARepositoryTheProbesDoNotUse() {
        assertThatThrownBy(() -> settings(Map.of("https://other.example.org/", new Credentials("qa", "x"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("https://other.example.org/");
    }

    @Test
    void shouldNeedNoCredentials() {
        InstallSettings settings = new InstallSettings(Installers.forManager("dnf", new ProcessRunner()),
                List.of(OPEN), true, null, null);

        assertThat(settings.credentials()).isEmpty();
        assertThat(settings.addRepositories(InstallRequest.builder().install("qemu", null)).build()
                .credentialsOf(OPEN)).isEmpty();
    }
}
