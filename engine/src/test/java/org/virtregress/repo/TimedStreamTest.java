package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimedStreamTest {
    private static final FetchTimeouts TIMEOUTS = new FetchTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30),
            1, Duration.ofSeconds(10));
    private static final byte[] BODY = new byte[256 * 1024];

    static {
        for (int i = 0; i < BODY.length; i++) {
            BODY[i] = (byte) (i * 31 + 7);
        }
    }

    private HttpServer server;
    private final List<Integer> clientPorts = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.sendResponseHeaders(200, BODY.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(BODY);
            } catch (IOException ignored) {
                // the client dropped the connection before the end
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/Packages");
    }

    private TimedStream open() throws IOException {
        HttpURLConnection connection = (HttpURLConnection) uri().toURL().openConnection();
        assertThat(connection.getResponseCode()).isEqualTo(200);
        return new TimedStream(uri(), connection, connection.getInputStream(), TIMEOUTS, true);
    }

    @Test
    void shouldReadTheWholeBodyAndKeepTheConnectionForTheNextRequest() throws IOException {
        try (TimedStream first = open()) {
            assertThat(first.readAllBytes()).isEqualTo(BODY);
            assertThat(first.read()).isEqualTo(-1);
        }
        try (TimedStream second = open()) {
            assertThat(second.readAllBytes()).isEqualTo(BODY);
        }

        assertThat(clientPorts).hasSize(2);
        assertThat(clientPorts.get(1)).isEqualTo(clientPorts.get(0));
    }

    @Test
    void shouldDropTheConnectionWhenABodyIsClosedBeforeItsEnd() throws IOException {
        TimedStream first = open();
        byte[] start = first.readNBytes(1000);
        first.close();

        assertThat(start).isEqualTo(java.util.Arrays.copyOf(BODY, 1000));
        assertThat(first.read(new byte[10], 0, 10)).isEqualTo(-1);
        assertThat(first.available()).isZero();
        try (TimedStream second = open()) {
            assertThat(second.readAllBytes()).isEqualTo(BODY);
        }
        assertThat(clientPorts).hasSize(2);
        assertThat(clientPorts.get(1)).isNotEqualTo(clientPorts.get(0));
    }

    @Test
    void shouldFailAReadPastTheDeadlineNamingTheUrl() throws Exception {
        HttpURLConnection connection = (HttpURLConnection) uri().toURL().openConnection();
        connection.getResponseCode();
        InputStream in = new TimedStream(uri(), connection, connection.getInputStream(),
                TIMEOUTS.withBody(Duration.ofMillis(1)), true);
        Thread.sleep(20);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> in.read(new byte[10], 0, 10))
                .isInstanceOf(RepositoryException.class)
                .hasMessage("the body of " + uri() + " did not arrive within the limit of 1 ms for the whole body"
                        + " (0 bytes received)");
        assertThat(in.read()).isEqualTo(-1);
    }
}
