package org.virtregress.cli.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;

/**
 * The demo's package repository: an rpm-md directory made with the real {@code createrepo_c} and
 * served over HTTP on 127.0.0.1 (an ephemeral port). Like a build service, it keeps only the newest
 * build: publishing one removes the one before, which is why the poller archives every build it
 * sees. Files are served with an {@code ETag} (a digest of their content) and answer a matching
 * {@code If-None-Match} with 304, so an unchanged repository costs a poll one small answer.
 * Close it to stop the server. Publishing is not thread-safe; serving is.
 */
public final class DemoRepository implements AutoCloseable {
    private static final Duration TIMEOUT = Duration.ofMinutes(1);

    private final Path directory;
    private final ProcessRunner runner;
    private final HttpServer server;
    private final ExecutorService executor;

    private DemoRepository(Path directory, ProcessRunner runner, HttpServer server, ExecutorService executor) {
        this.directory = directory;
        this.runner = runner;
        this.server = server;
        this.executor = executor;
    }

    /**
     * Creates the directory and starts serving it.
     *
     * @param directory the repository directory
     * @param runner runs createrepo_c
     * @return the running repository
     * @throws IOException if the directory or the server cannot be made
     */
    public static DemoRepository start(Path directory, ProcessRunner runner) throws IOException {
        Path root = directory.toAbsolutePath().normalize();
        Files.createDirectories(root);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        ExecutorService executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "demo-repository");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> serve(root, exchange));
        server.start();
        return new DemoRepository(root, runner, server, executor);
    }

    /** Returns the URL of the repository (the directory holding {@code repodata/}), ending with a slash. */
    public URI url() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/");
    }

    /** Returns the repository directory. */
    public Path directory() {
        return directory;
    }

    /**
     * Publishes a build: replaces the packages in the repository by this one and regenerates the
     * metadata with {@code createrepo_c}.
     *
     * @param rpm the package file
     * @throws IOException if the file cannot be copied or createrepo_c fails
     * @throws InterruptedException if interrupted
     */
    public void publish(Path rpm) throws IOException, InterruptedException {
        try (Stream<Path> files = Files.list(directory)) {
            for (Path old : files.filter(p -> p.getFileName().toString().endsWith(".rpm")).toList()) {
                Files.delete(old);
            }
        }
        Files.copy(rpm, directory.resolve(rpm.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        CommandResult result = runner.run(Command.of("createrepo_c", "--quiet", "--no-database", directory.toString())
                .timeout(TIMEOUT).build(), OutputListener.NONE);
        if (!result.succeeded()) {
            throw new IOException("publishing " + rpm.getFileName() + " failed: " + result.describe() + "\n"
                    + result.output());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static void serve(Path root, HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Path file = root.resolve(path.substring(1)).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String etag = etag(file);
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            long length = Files.size(file);
            if (method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, length == 0 ? -1 : length);
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            }
        }
    }

    private static String etag(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        return "\"" + HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)), 0, 16) + "\"";
    }

    /** Lists the package files currently published, for progress lines. */
    List<String> packages() throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rpm")).sorted().toList();
        }
    }
}
