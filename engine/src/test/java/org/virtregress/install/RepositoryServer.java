package org.virtregress.install;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Serves a directory over HTTP on 127.0.0.1, as a package repository would be served: openly, and
 * under {@code /locked/} only to a client that gives {@link #USER} and {@link #PASSWORD} (HTTP
 * basic authentication; 401 otherwise).
 */
final class RepositoryServer implements AutoCloseable {
    /** The user name the locked part asks for. */
    static final String USER = "vr-user";
    /** The password the locked part asks for. */
    static final String PASSWORD = "vr-Secret-4711";
    private static final String LOCKED = "/locked/";

    private final HttpServer server;
    private final Path directory;

    private RepositoryServer(HttpServer server, Path directory) {
        this.server = server;
        this.directory = directory.toAbsolutePath().normalize();
    }

    static RepositoryServer serve(Path directory) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        RepositoryServer repositories = new RepositoryServer(server, directory);
        server.createContext("/", repositories::handle);
        server.createContext(LOCKED, repositories::handle).setAuthenticator(new BasicAuthenticator("repository") {
            @Override
            public boolean checkCredentials(String user, String password) {
                return USER.equals(user) && PASSWORD.equals(password);
            }
        });
        server.start();
        return repositories;
    }

    /** Returns the URL of a subdirectory that only a client with {@link #USER} and {@link #PASSWORD} may read. */
    String lockedUrl(String path) {
        return url(LOCKED.substring(1) + path);
    }

    /** Returns the URL of a subdirectory. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith(LOCKED)) {
                path = path.substring(LOCKED.length() - 1);
            }
            Path file = directory.resolve(path.substring(1)).normalize();
            if (!file.startsWith(directory) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(200, head ? -1 : Files.size(file));
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    Files.copy(file, out);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
