package org.virtregress.cli;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;

/**
 * A package history for the hunt tests, made with the real tools: an upstream git project whose
 * file {@code content} each commit changes, rpm builds of it (rpmbuild, the commit in the VCS tag),
 * published one publication at a time in an rpm-md repository (createrepo_c) served on 127.0.0.1
 * and polled into an archive by {@code virt-regress poll --archive}.
 */
final class HuntHistory implements AutoCloseable {
    private final Path directory;
    private final Path upstream;
    private final Path repository;
    private final Path archive;
    private final HttpServer server;
    private final Map<String, Path> published = new TreeMap<>();
    private final List<String> commits = new ArrayList<>();

    private HuntHistory(Path directory) throws IOException {
        this.directory = directory;
        this.upstream = Files.createDirectories(directory.resolve("upstream"));
        this.repository = Files.createDirectories(directory.resolve("repository"));
        this.archive = directory.resolve("archive");
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Path file = repository.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(repository) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            }
        });
        server.start();
    }

    /** Starts a history in a directory: an empty upstream repository, an empty served repository. */
    static HuntHistory in(Path directory) throws Exception {
        HuntHistory history = new HuntHistory(directory);
        history.git("init", "-q", "-b", "main");
        return history;
    }

    /** Commits a new content upstream and returns the commit hash. */
    String commit(String content) throws Exception {
        Files.writeString(upstream.resolve("content"), content + "\n");
        git("add", "content");
        git("-c", "user.name=Upstream", "-c", "user.email=upstream@example.invalid", "commit", "-q",
                "--date", "2026-01-01T00:00:" + String.format("%02d", commits.size()) + "Z", "-m", "change " + content);
        String hash = run(upstream, "git", "rev-parse", "HEAD").output().strip();
        commits.add(hash);
        return hash;
    }

    /**
     * Builds an rpm and adds it to the next publication (replacing the package's earlier build).
     *
     * @param name the package name
     * @param version its version
     * @param release its release
     * @param content what it installs in /usr/share/NAME/content
     * @param commit the upstream commit for the VCS tag, or null
     */
    void build(String name, String version, String release, String content, String commit) throws Exception {
        Path top = directory.resolve("rpmbuild-" + name + "-" + version + "-" + release);
        Path spec = Files.createDirectories(top).resolve(name + ".spec");
        List<String> lines = new ArrayList<>(List.of("Name: " + name, "Version: " + version, "Release: " + release,
                "Summary: hunt test package", "License: MIT", "BuildArch: noarch", "AutoReqProv: no"));
        if (commit != null) {
            lines.add("VCS: git+" + upstream.toUri() + "#" + commit);
        }
        lines.addAll(List.of("", "%description", "Hunt test package.", "", "%install",
                "mkdir -p %{buildroot}/usr/share/" + name,
                "echo '" + content + "' > %{buildroot}/usr/share/" + name + "/content", "",
                "%files", "/usr/share/" + name, "", "%changelog",
                "* Thu Jan 01 2026 Packager <packager@example.invalid> - " + version + "-" + release,
                "- build " + release));
        for (int r = Integer.parseInt(release) - 1; r >= 1; r--) {
            lines.addAll(List.of("", "* Thu Jan 01 2026 Packager <packager@example.invalid> - " + version + "-" + r,
                    "- build " + r));
        }
        Files.writeString(spec, String.join("\n", lines) + "\n");
        run(top, "rpmbuild", "-bb", "--quiet", "--define", "_topdir " + top, spec.toString());
        try (var rpms = Files.list(top.resolve("RPMS/noarch"))) {
            published.put(name, rpms.findFirst().orElseThrow());
        }
    }

    /** Publishes the current builds (one of each package, as most repositories keep) and polls them into the archive. */
    void publishAndPoll() throws Exception {
        try (var old = Files.list(repository)) {
            for (Path p : old.toList()) {
                run(directory, "rm", "-rf", p.toString());
            }
        }
        for (Path rpm : published.values()) {
            Files.copy(rpm, repository.resolve(rpm.getFileName()));
        }
        run(directory, "createrepo_c", "--quiet", repository.toString());
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cli = VirtRegressCommand.commandLine();
        cli.setOut(new java.io.PrintWriter(out));
        cli.setErr(new java.io.PrintWriter(out));
        int code = cli.execute("poll", "--repo", url(), "--package", "vr*", "--state",
                directory.resolve("poll-state.json").toString(), "--archive", archive.toString());
        if (code != 0) {
            throw new IllegalStateException("poll failed: " + out);
        }
    }

    /** Returns the served repository's URL. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    Path archive() {
        return archive;
    }

    Path upstream() {
        return upstream;
    }

    List<String> commits() {
        return List.copyOf(commits);
    }

    /** Copies a script of the test resources into the history's directory and returns its path. */
    Path script(String name) throws IOException {
        Path target = directory.resolve(name);
        try (InputStream in = HuntHistory.class.getResourceAsStream(name)) {
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        return target;
    }

    Path directory() {
        return directory;
    }

    private void git(String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("git"));
        argv.addAll(List.of(args));
        run(upstream, argv.toArray(String[]::new));
    }

    private static CommandResult run(Path dir, String... argv) throws Exception {
        CommandResult result = new ProcessRunner().run(Command.of(argv).workingDirectory(dir)
                .timeout(Duration.ofMinutes(2)).build(), OutputListener.NONE);
        if (!result.succeeded()) {
            throw new IllegalStateException(result.describe() + "\n" + result.output());
        }
        return result;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
