package org.virtregress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;
import org.virtregress.storage.Json;

/**
 * {@code virt-regress hunt} with apt: Debian packages made with dpkg-deb, published one at a time in
 * a flat repository (apt-ftparchive) served on 127.0.0.1, polled into an archive, each probe
 * installing with the real apt into an install root; the builds' {@code git describe} versions name
 * their upstream commits, and the commit level bisects a real git repository.
 */
class HuntAptCommandITest {
    private record Run(int exitCode, String out) {
    }

    @Test
    void shouldFindTheCulpritBuildAndCommitFromGitDescribeVersionsWithApt(@TempDir Path dir) throws Exception {
        HuntHistory upstream = HuntHistory.in(dir);
        Path repository = Files.createDirectories(dir.resolve("debian"));
        HttpServer server = serve(repository);
        try (upstream) {
            List<String> contents = new ArrayList<>();
            for (int i = 1; i <= 8; i++) {
                String content = (i >= 5 ? "broken " : "qemu ") + i;
                upstream.commit(content);
                contents.add(content);
            }
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            List<String> versions = new ArrayList<>();
            for (int n : new int[] {2, 4, 6, 8}) {
                String version = "1.0+" + n + "-g" + upstream.commits().get(n - 1).substring(0, 10) + "-1";
                versions.add(version);
                publish(dir, repository, "vrqemu", version, contents.get(n - 1));
                poll(dir, url);
            }
            Path report = dir.resolve("report");
            for (int n = 1; n <= 2; n++) {
                Path bin = Files.createDirectories(dir.resolve("root-" + n + "/bin"));
                Files.copy(Path.of("/bin/busybox"), bin.resolve("sh"));
            }

            Run run = hunt(upstream, dir.resolve("archive"), report, "--good", "vrqemu=" + versions.get(0),
                    "--probes", "2", "--root", dir.resolve("root-{n}").toString());

            assertThat(run.exitCode()).as(run.out()).isZero();
            JsonNode hunt = Json.mapper().readTree(report.resolve("hunt.json").toFile());
            assertThat(hunt.get("ending").asText()).as(run.out()).isEqualTo("COMMIT");
            assertThat(hunt.at("/builds/lastGood/evr").asText()).isEqualTo(versions.get(1));
            assertThat(hunt.at("/builds/firstBad/evr").asText()).isEqualTo(versions.get(2));
            assertThat(hunt.at("/builds/bisection/outcome").asText()).isEqualTo("COMPLETE");
            // the poll read the commit from the git describe version
            assertThat(hunt.at("/commits/goodFrom").asText()).isEqualTo("source commit of vrqemu-" + versions.get(1)
                    + ".all");
            assertThat(hunt.at("/commits/good").asText()).isEqualTo(upstream.commits().get(3));
            assertThat(hunt.at("/commits/bisection/culprit/id").asText()).isEqualTo(upstream.commits().get(4));
            assertThat(hunt.get("restored")).hasSize(2);
            hunt.get("restored").forEach(install -> {
                assertThat(install.get("manager").asText()).isEqualTo("apt");
                assertThat(install.get("success").asBoolean()).isTrue();
                assertThat(install.at("/after/vrqemu").asText()).isEqualTo(versions.get(3));
            });
            assertThat(dir.resolve("root-2/usr/share/vrqemu/content")).content().contains("broken 8");
        } finally {
            server.stop(0);
        }
    }

    /** Builds a .deb with dpkg-deb and makes it the flat repository's only package (Packages, Release). */
    private static void publish(Path dir, Path repository, String name, String version, String content)
            throws Exception {
        Path tree = dir.resolve("deb-" + name + "-" + version);
        Path control = Files.createDirectories(tree.resolve("DEBIAN"));
        Files.writeString(control.resolve("control"), "Package: " + name + "\nVersion: " + version
                + "\nArchitecture: all\nMaintainer: virt-regress tests <tests@virtregress.invalid>\n"
                + "Description: hunt test package\n");
        Path share = Files.createDirectories(tree.resolve("usr/share/" + name));
        Files.writeString(share.resolve("content"), content + "\n");
        try (var old = Files.list(repository)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        run(dir, "dpkg-deb", "--root-owner-group", "--build", tree.toString(),
                repository.resolve(name + "_" + version + "_all.deb").toString());
        Files.writeString(repository.resolve("Packages"), run(repository, "apt-ftparchive", "packages", ".").output());
        Files.writeString(repository.resolve("Release"), run(repository, "apt-ftparchive", "release", ".").output());
    }

    private static void poll(Path dir, String url) {
        StringWriter out = new StringWriter();
        picocli.CommandLine cli = VirtRegressCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute("poll", "--repo", "deb:" + url, "--package", "vr*", "--state",
                dir.resolve("poll-state.json").toString(), "--archive", dir.resolve("archive").toString());
        assertThat(code).as(out.toString()).isZero();
    }

    private static HttpServer serve(Path repository) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
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
        return server;
    }

    private static CommandResult run(Path dir, String... argv) throws Exception {
        CommandResult result = new ProcessRunner().run(Command.of(argv).workingDirectory(dir).separateStderr()
                .timeout(Duration.ofMinutes(2)).build(), OutputListener.NONE);
        if (!result.succeeded()) {
            throw new IllegalStateException(result.describe() + "\n" + result.output() + result.stderr());
        }
        return result;
    }

    private static Run hunt(HuntHistory upstream, Path archive, Path report, String... options) throws Exception {
        List<String> argv = new ArrayList<>(List.of("hunt", "--archive", archive.toString(),
                "--manager", "apt", "--no-gpg-check", "--confirm", "1", "--report", report.toString(),
                "--source", "vrqemu=" + upstream.upstream(), "--commit-probe",
                upstream.script("hunt-commit-probe.sh").toString()));
        argv.addAll(List.of(options));
        argv.add("--");
        argv.add(upstream.script("hunt-suite.sh").toString());
        StringWriter out = new StringWriter();
        picocli.CommandLine cli = VirtRegressCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(out));
        int code = cli.execute(argv.toArray(String[]::new));
        return new Run(code, out.toString());
    }
}
