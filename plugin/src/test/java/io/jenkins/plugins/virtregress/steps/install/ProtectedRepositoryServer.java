package io.jenkins.plugins.virtregress.steps.install;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Serves a repository directory on 127.0.0.1 to clients that give one user name and password. */
final class ProtectedRepositoryServer implements AutoCloseable {
    private final HttpServer server;

    ProtectedRepositoryServer(Path root, String user, String password) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            }
        }).setAuthenticator(new BasicAuthenticator("repository") {
            @Override
            public boolean checkCredentials(String givenUser, String givenPassword) {
                return user.equals(givenUser) && password.equals(givenPassword);
            }
        });
        server.start();
    }

    /** Returns the repository's URL. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
