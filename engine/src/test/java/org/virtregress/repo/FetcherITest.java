package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.net.Credentials;
import org.virtregress.testing.RepositoryServer;

class FetcherITest {
    @Test
    void shouldFollowARedirectWithoutTakingTheCredentialsToAnotherHost(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("file.txt"), "content");
        try (RepositoryServer origin = RepositoryServer.serve(dir); RepositoryServer mirror = RepositoryServer.serve(dir)) {
            origin.redirect("moved.txt", mirror.uri("file.txt"));
            Fetcher fetcher = new Fetcher(Duration.ofSeconds(10), new Credentials("user", "pw"));

            byte[] body = fetcher.fetch(origin.uri("moved.txt"), 1024);

            assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("content");
            assertThat(origin.log()).containsExactly("GET /moved.txt 302 auth=Basic dXNlcjpwdw==");
            assertThat(mirror.log()).containsExactly("GET /file.txt 200");
            assertThat(fetcher.requests()).isEqualTo(2);
            assertThat(fetcher.bytesFetched()).isEqualTo(7);
        }
    }

    @Test
    void shouldGoThroughTheProxyOfTheJvmSettings(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("repo"));
        Files.writeString(dir.resolve("repo/file.txt"), "through the proxy");
        try (RepositoryServer proxy = RepositoryServer.serve(dir)) {
            Map<String, String> saved = Map.of(
                    "http.proxyHost", System.getProperty("http.proxyHost", ""),
                    "http.proxyPort", System.getProperty("http.proxyPort", ""),
                    "http.nonProxyHosts", System.getProperty("http.nonProxyHosts", ""));
            try {
                System.setProperty("http.proxyHost", "127.0.0.1");
                System.setProperty("http.proxyPort", String.valueOf(proxy.uri("").getPort()));
                System.setProperty("http.nonProxyHosts", "none.invalid");

                byte[] body = new Fetcher().fetch(URI.create("http://repository.invalid/repo/file.txt"), 1024);

                assertThat(new String(body, java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("through the proxy");
                assertThat(proxy.log()).containsExactly("GET /repo/file.txt 200");
            } finally {
                saved.forEach((key, value) -> {
                    if (value.isEmpty()) {
                        System.clearProperty(key);
                    } else {
                        System.setProperty(key, value);
                    }
                });
            }
        }
    }

    @Test
    void shouldRefuseAnOversizedFileAndOtherSchemes(@TempDir Path dir) throws Exception {
        Path big = Files.write(dir.resolve("big"), new byte[2048]);

        assertThatThrownBy(() -> new Fetcher().fetch(big.toUri(), 1024))
                .hasMessageContaining(big.toUri().toString()).hasMessageContaining("limit of 1024 bytes");
        assertThatThrownBy(() -> new Fetcher().fetch(URI.create("ftp://example.org/x"), 1024))
                .hasMessageContaining("ftp://example.org/x");
    }

    @Test
    void shouldReadCredentialsFromAFileOrTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("credentials"), "# repository account\nbuilder:pa:ss\n");

        assertThat(Credentials.fromFile(file)).isEqualTo(new Credentials("builder", "pa:ss"));
        assertThat(Credentials.fromEnvironment(Map.of(Credentials.USER_VARIABLE, "u", Credentials.PASSWORD_VARIABLE, "p")))
                .contains(new Credentials("u", "p"));
        assertThat(Credentials.fromEnvironment(Map.of())).isEmpty();
        assertThat(new Credentials("u", "hidden").toString()).doesNotContain("hidden");
    }
}
