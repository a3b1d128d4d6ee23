package org.virtregress.repo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serves a directory over HTTP on 127.0.0.1 with strong ETags and 304 answers, records every
 * request, and can be told to fail a path with a status or to stall.
 */
final class RepositoryServer implements AutoCloseable {
    private final HttpServer server;
    private final Path root;
    private final List<String> log = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, Long> stalls = new ConcurrentHashMap<>();
    private final Map<String, URI> redirects = new ConcurrentHashMap<>();
    private final Map<String, Hook> hooks = new ConcurrentHashMap<>();

    /** Work done by the server between reading a file and sending it. */
    @FunctionalInterface
    interface Hook {
        void run() throws Exception;
    }

    private RepositoryServer(Path root) throws IOException {
        this.root = root;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    static RepositoryServer serve(Path root) throws IOException {
        return new RepositoryServer(root);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + path);
    }

    /** Returns "METHOD path status" for each request so far. */
    List<String> log() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    void clearLog() {
        log.clear();
    }

    void fail(String path, int status) {
        failures.put("/" + path, status);
    }

    void stall(String path, long millis) {
        stalls.put("/" + path, millis);
    }

    void redirect(String path, URI target) {
        redirects.put("/" + path, target);
    }

    /**
     * Runs a hook once, the next time a path is asked for, after its content was read and before
     * it is sent: the client gets the file as it was, and finds the disk changed afterwards.
     */
    void beforeAnswering(String path, Hook hook) {
        hooks.put("/" + path, hook);
    }

    void heal() {
        failures.clear();
        stalls.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
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
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                respond(exchange, path, 404, null);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            String etag = "\"" + Tools.sha256(file) + "\"";
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
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
