package org.virtregress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.cli.HuntRuns.Run;
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
                publish(dir, repository, "vrqemu", version, contents.get(n - 1), null);
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

    @Test
    void shouldReportADebianRevisionRebuildAsAPackagingChangeWithTheChangelogEntriesBetween(@TempDir Path dir)
            throws Exception {
        String first = entry("1.0-1", "Initial release.", "Mon, 02 Sep 2024 10:00:00 +0200");
        String second = entry("1.0-1.1", "Non-maintainer upload: <rebuild> & relink.",
                "Tue, 03 Sep 2024 10:00:00 +0200");
        String third = entry("1.0-2", "d/rules: build with the broken option.", "Wed, 04 Sep 2024 10:00:00 +0200");
        Path report = dir.resolve("report");

        Run run = publishPollAndHunt(dir, "1.0-1", "qemu 1", first, "1.0-1.1", "qemu 1", second + first,
                "1.0-2", "broken 1", third + second + first);

        assertThat(run.exitCode()).as(run.out()).isZero();
        JsonNode hunt = Json.mapper().readTree(report.resolve("hunt.json").toFile());
        assertThat(hunt.get("ending").asText()).as(run.out()).isEqualTo("PACKAGING");
        assertThat(hunt.at("/packaging/lastGood").asText()).isEqualTo("1.0-1.1");
        assertThat(hunt.at("/packaging/firstBad").asText()).isEqualTo("1.0-2");
        assertThat(hunt.at("/packaging/upstream").asText()).isEqualTo("1.0");
        // only the entry after the last good revision, up to the first bad one
        assertThat(hunt.at("/packaging/changelog")).hasSize(1);
        assertThat(hunt.at("/packaging/changelog/0").asText()).isEqualTo(third.strip());
        assertThat(hunt.at("/packaging/changelogNotes")).as("every entry was read").isEmpty();
        assertThat(report.resolve("report.txt")).content()
                .contains("packaging change: 1.0-1.1 -> 1.0-2")
                .contains("    vrqemu (1.0-2) unstable; urgency=medium")
                .contains("      * d/rules: build with the broken option.");
        assertThat(run.out()).contains("changelog: vrqemu (1.0-2) unstable; urgency=medium");
        JsonNode json = Json.mapper().readTree(report.resolve("report.json").toFile());
        assertThat(json.at("/packagingChange/changelog/0").asText()).isEqualTo(third.strip());
        assertThat(report.resolve("report.html")).content()
                .contains("<h3>Packaging change</h3>")
                .contains("<pre class=\"vr-changelog\">vrqemu (1.0-2) unstable; urgency=medium");
    }

    @Test
    void shouldKeepWhyTheChangelogWasNotReadToTheEndInTheHuntAndItsReports(@TempDir Path dir) throws Exception {
        String first = entry("1.0-1", "Initial release.", "Mon, 02 Sep 2024 10:00:00 +0200");
        String second = entry("1.0-2", "d/rules: build with the broken option.", "Wed, 04 Sep 2024 10:00:00 +0200");
        Path report = dir.resolve("report");

        // a hand-edited changelog: a line between two entries that is no entry header
        Run run = publishPollAndHunt(dir, "1.0-1", "qemu 1", first,
                "1.0-2", "broken 1", second + "<b>merged by hand</b>\n\n" + first);

        assertThat(run.exitCode()).as(run.out()).isZero();
        JsonNode hunt = Json.mapper().readTree(report.resolve("hunt.json").toFile());
        assertThat(hunt.get("ending").asText()).as(run.out()).isEqualTo("PACKAGING");
        assertThat(hunt.at("/packaging/changelog")).hasSize(1);
        assertThat(hunt.at("/packaging/changelog/0").asText()).isEqualTo(second.strip());
        String note = "vrqemu_1.0-2_all.deb changelog: line 7 is not a changelog entry header; the rest is not"
                + " read: <b>merged by hand</b>";
        assertThat(hunt.at("/packaging/changelogNotes")).hasSize(1);
        assertThat(hunt.at("/packaging/changelogNotes/0").asText()).isEqualTo(note);
        assertThat(run.out()).contains("packaging change: " + note);
        assertThat(report.resolve("report.txt")).content().contains("    note: " + note);
        JsonNode json = Json.mapper().readTree(report.resolve("report.json").toFile());
        assertThat(json.at("/packagingChange/changelogNotes/0").asText()).isEqualTo(note);
        assertThat(report.resolve("report.html")).content()
                .contains("<li>vrqemu_1.0-2_all.deb changelog: line 7 is not a changelog entry header; the rest is"
                        + " not read: &lt;b&gt;merged by hand&lt;/b&gt;</li>");
    }

    /**
     * Publishes each release of vrqemu in turn (version, the content its binary prints, its
     * changelog) in a flat repository served on 127.0.0.1, polls after each, then hunts from
     * vrqemu 1.0-1 with busybox as the guest suite's shell; the reports go to {@code dir/report}.
     */
    private static Run publishPollAndHunt(Path dir, String... releases) throws Exception {
        HuntHistory upstream = HuntHistory.in(dir);
        Path repository = Files.createDirectories(dir.resolve("debian"));
        HttpServer server = serve(repository);
        try (upstream) {
            upstream.commit("qemu 1");
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            for (int i = 0; i + 2 < releases.length; i += 3) {
                publish(dir, repository, "vrqemu", releases[i], releases[i + 1], releases[i + 2]);
                poll(dir, url);
            }
            Files.copy(Path.of("/bin/busybox"), Files.createDirectories(dir.resolve("root/bin")).resolve("sh"));
            return hunt(upstream, dir.resolve("archive"), dir.resolve("report"), "--good", "vrqemu=1.0-1",
                    "--root", dir.resolve("root").toString());
        } finally {
            server.stop(0);
        }
    }

    private static String entry(String version, String item, String date) {
        return "vrqemu (" + version + ") unstable; urgency=medium\n\n  * " + item
                + "\n\n -- virt-regress tests <tests@virtregress.invalid>  " + date + "\n\n";
    }

    /**
     * Builds a .deb with dpkg-deb, with {@code changelog} as its changelog.Debian.gz when not null, and makes it
     * the flat repository's only package (Packages, Release).
     */
    private static void publish(Path dir, Path repository, String name, String version, String content,
                                String changelog) throws Exception {
        Path tree = dir.resolve("deb-" + name + "-" + version);
        Path control = Files.createDirectories(tree.resolve("DEBIAN"));
        Files.writeString(control.resolve("control"), "Package: " + name + "\nVersion: " + version
                + "\nArchitecture: all\nMaintainer: virt-regress tests <tests@virtregress.invalid>\n"
                + "Description: hunt test package\n");
        Path share = Files.createDirectories(tree.resolve("usr/share/" + name));
        Files.writeString(share.resolve("content"), content + "\n");
        if (changelog != null) {
            Path doc = Files.createDirectories(tree.resolve("usr/share/doc/" + name));
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(doc.resolve("changelog.Debian.gz")))) {
                out.write(changelog.getBytes(StandardCharsets.UTF_8));
            }
        }
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
        return HuntRuns.run(HuntRuns.argv("apt", archive, report, upstream, upstream.script("hunt-suite.sh"),
                options));
    }
}
