package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetches over HTTPS from a server on 127.0.0.1 with a certificate made by keytool: the fetcher
 * reads the trust store only at the first handshake, and trusts exactly what the JVM's default
 * trust does, host name check included.
 */
class FetcherTlsITest {
    private static final String PASSWORD = "changeit";

    @AfterEach
    void restoreTheTrustStore() {
        System.clearProperty("javax.net.ssl.trustStore");
        System.clearProperty("javax.net.ssl.trustStorePassword");
        System.clearProperty("javax.net.ssl.trustStoreType");
    }

    @Test
    void shouldRefuseACertificateThatTheDefaultTrustStoreDoesNotHold(@TempDir Path dir) throws Exception {
        Path keys = serverKeys(dir, "ip:127.0.0.1");
        HttpsServer server = serve(keys);
        try {
            URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/file.txt");

            assertThatThrownBy(() -> new Fetcher(Duration.ofSeconds(10), null).fetch(uri, 1024))
                    .isInstanceOf(RepositoryException.class)
                    .hasMessageContaining("cannot fetch " + uri);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldFetchFromAServerTheConfiguredTrustStoreHolds(@TempDir Path dir) throws Exception {
        Path keys = serverKeys(dir, "ip:127.0.0.1");
        Path trust = trustStore(dir, keys);
        HttpsServer server = serve(keys);
        try {
            URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/file.txt");
            Fetcher fetcher = new Fetcher(Duration.ofSeconds(10), null);
            System.setProperty("javax.net.ssl.trustStore", trust.toString());
            System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");

            byte[] body = fetcher.fetch(uri, 1024);

            assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("over tls");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void shouldRefuseATrustedCertificateForAnotherHostName(@TempDir Path dir) throws Exception {
        Path keys = serverKeys(dir, "dns:repository.invalid");
        Path trust = trustStore(dir, keys);
        HttpsServer server = serve(keys);
        try {
            System.setProperty("javax.net.ssl.trustStore", trust.toString());
            System.setProperty("javax.net.ssl.trustStorePassword", PASSWORD);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            URI uri = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/file.txt");

            assertThatThrownBy(() -> new Fetcher(Duration.ofSeconds(10), null).fetch(uri, 1024))
                    .isInstanceOf(RepositoryException.class)
                    .hasMessageContaining("cannot fetch " + uri);
        } finally {
            server.stop(0);
        }
    }

    /** A PKCS12 key store with a self-signed EC key for the given subject alternative name. */
    private static Path serverKeys(Path dir, String san) throws Exception {
        Path keys = dir.resolve("server.p12");
        Tools.run(dir, keytool(), "-genkeypair", "-alias", "server", "-keyalg", "EC", "-dname", "CN=virt-regress test",
                "-ext", "san=" + san, "-validity", "2", "-storetype", "PKCS12", "-keystore", keys.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD);
        return keys;
    }

    /** A trust store holding the server's certificate only. */
    private static Path trustStore(Path dir, Path keys) throws Exception {
        Path certificate = dir.resolve("server.crt");
        Tools.run(dir, keytool(), "-exportcert", "-alias", "server", "-keystore", keys.toString(), "-storepass",
                PASSWORD, "-file", certificate.toString());
        Path trust = dir.resolve("trust.p12");
        Tools.run(dir, keytool(), "-importcert", "-noprompt", "-alias", "server", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trust.toString(), "-storepass", PASSWORD);
        return trust;
    }

    private static HttpsServer serve(Path keys) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keys)) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context));
        server.createContext("/file.txt", exchange -> {
            byte[] body = "over tls".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }
}
