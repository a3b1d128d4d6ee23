package org.virtregress.testing;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves a directory over HTTP on 127.0.0.1, as a package repository is served: strong ETags and
 * 304 answers, HEAD, a log of every request, and paths told to fail with a status, to stall or to
 * redirect. Everything is also served under {@code /locked/}, but only to a client that gives
 * {@link #USER} and {@link #PASSWORD} (HTTP basic authentication; 401 otherwise). Close it to stop.
 */
public final class RepositoryServer implements AutoCloseable {
    /** The user name the locked part asks for. */
    public static final String USER = "vr-user";
    /** The password the locked part asks for. */
    public static final String PASSWORD = "vr-Secret-4711";
    private static final String LOCKED = "/locked/";

    private final HttpServer server;
    private final Path root;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> stalls = new ConcurrentHashMap<>();
    private final Map<String, URI> redirects = new ConcurrentHashMap<>();
    private final Map<String, Hook> hooks = new ConcurrentHashMap<>();

    /** Work done by the server between reading a file and sending it. */
    @FunctionalInterface
    public interface Hook {
        /**
         * Does the work.
         *
         * @throws Exception if it fails; the client then gets a 500
         */
        void run() throws Exception;
    }

    private RepositoryServer(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.createContext(LOCKED, this::handle).setAuthenticator(new BasicAuthenticator("repository") {
            @Override
            public boolean checkCredentials(String user, String password) {
                return USER.equals(user) && PASSWORD.equals(password);
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    /**
     * Starts serving a directory.
     *
     * @param root the directory
     * @return the running server
     * @throws IOException if no port can be bound
     */
    public static RepositoryServer serve(Path root) throws IOException {
        return new RepositoryServer(root);
    }

    /** Returns the URL of a path under the served directory. */
    public URI uri(String path) {
        return URI.create(url(path));
    }

    /** Returns the URL of a path under the served directory, as a string. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
    }

    /** Returns the URL of a path that only a client with {@link #USER} and {@link #PASSWORD} may read. */
    public String lockedUrl(String path) {
        return url(LOCKED.substring(1) + path);
    }

    /** Returns "METHOD path status" for each request so far, with " auth=…" when it carried credentials. */
    public List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** Forgets the requests logged so far. */
    public void clearLog() {
        log.clear();
    }

    /** Answers a path with a status instead of its content. */
    public void fail(String path, int status) {
        failures.put("/" + path, status);
    }

    /** Waits this long before answering a path. */
    public void stall(String path, long millis) {
        stalls.put("/" + path, millis);
    }

    /** Redirects a path elsewhere (302). */
    public void redirect(String path, URI target) {
        redirects.put("/" + path, target);
    }

    /**
     * Runs a hook once, the next time a path is asked for, after its content was read and before
     * it is sent: the client gets the file as it was, and finds the disk changed afterwards.
     */
    public void beforeAnswering(String path, Hook hook) {
        hooks.put("/" + path, hook);
    }

    /** Serves failing and stalling paths normally again. */
    public void heal() {
        failures.clear();
        stalls.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String file = path.startsWith(LOCKED) ? path.substring(LOCKED.length() - 1) : path;
        try (exchange) {
            Long stall = stalls.get(path);
            if (stall != null) {
                Thread.sleep(stall);
            }
            URI redirect = redirects.get(path);
            if (redirect != null) {
                exchange.getResponseHeaders().set("Location", redirect.toString());
                respond(exchange, path, 302, null);
                return;
            }
            Integer failure = failures.get(path);
            if (failure != null) {
                respond(exchange, path, failure, null);
                return;
            }
            Path served = root.resolve(file.substring(1)).normalize();
            if (!served.startsWith(root) || !Files.isRegularFile(served)) {
                respond(exchange, path, 404, null);
                return;
            }
            byte[] body = Files.readAllBytes(served);
            String etag = "\"" + sha256(body) + "\"";
            Hook hook = hooks.remove(path);
            if (hook != null) {
                try {
                    hook.run();
                } catch (Exception e) {
                    respond(exchange, path, 500, null);
                    throw new IOException("hook for " + path + " failed", e);
                }
            }
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                respond(exchange, path, 304, null);
                return;
            }
            respond(exchange, path, 200, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void respond(HttpExchange exchange, String path, int status, byte[] body) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        log.add(exchange.getRequestMethod() + " " + path + " " + status + (auth != null ? " auth=" + auth : ""));
        if (body == null || exchange.getRequestMethod().equals("HEAD")) {
            if (body != null) {
                exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            }
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
