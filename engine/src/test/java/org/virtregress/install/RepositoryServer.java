package org.virtregress.install;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Serves a directory over HTTP on 127.0.0.1, as a package repository would be served. */
final class RepositoryServer implements AutoCloseable {
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
        server.start();
        return repositories;
    }

    /** Returns the URL of a subdirectory. */
    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Path file = directory.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
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
