package org.virtregress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.repo.StateLock;
import org.virtregress.storage.Json;
import org.virtregress.testing.ClassFixture;
import picocli.CommandLine;

class PollCommandITest {
    @RegisterExtension
    static final ClassFixture<Packages> PACKAGES = ClassFixture.of(Packages.class, Packages::build);

    /** The packages built once for all tests of the class. */
    record Packages(Path foo10, Path foo11) {
        static Packages build(Path directory) throws Exception {
            return new Packages(rpm(directory, "foo", "1.0"), rpm(directory, "foo", "1.1"));
        }
    }

    @Test
    void shouldPrintNewBuildsAsATableThenAsJson(@TempDir Path dir, Packages packages) throws Exception {
        Path repo = publish(dir.resolve("repo"), packages.foo10());
        Path state = dir.resolve("state.json");

        Run first = poll("--repo", repo.toString(), "--package", "fo*", "--state", state.toString(),
                "--archive", dir.resolve("archive").toString());
        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).containsPattern("CHANGE +NAME +VERSION +ARCH +COMMIT +REPOSITORY")
                .containsPattern("NEW +foo +1\\.0-1 +noarch +- +" + java.util.regex.Pattern.quote(repo.toString()));
        assertThat(dir.resolve("archive/index.json")).content().contains("foo-1.0-1.noarch.rpm");

        Run unchanged = poll("--repo", repo.toString(), "--package", "fo*", "--state", state.toString(), "--json");
        assertThat(unchanged.exitCode()).isZero();
        assertThat(Json.mapper().readTree(unchanged.out())).isEmpty();

        publish(repo, packages.foo10(), packages.foo11());
        Run newer = poll("--repo", repo.toString(), "--package", "fo*", "--state", state.toString(), "--json");
        assertThat(newer.exitCode()).isZero();
        JsonNode changes = Json.mapper().readTree(newer.out());
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).get("kind").asText()).isEqualTo("NEW_VERSION");
        assertThat(changes.get(0).get("build").get("evr").asText()).isEqualTo("1.1-1");
        assertThat(changes.get(0).get("previous").get("evr").asText()).isEqualTo("1.0-1");
        assertThat(changes.get(0).get("build").get("checksum").get("type").asText()).isEqualTo("sha256");
    }

    @Test
    void shouldReadTheChosenArchitecturesOnly(@TempDir Path dir, Packages packages) throws Exception {
        Path repo = publish(dir.resolve("repo"), packages.foo10());

        Run other = poll("--repo", repo.toString(), "--package", "foo", "--state", dir.resolve("a.json").toString(),
                "--arch", "i586");
        Run list = poll("--repo", repo.toString(), "--package", "foo", "--state", dir.resolve("b.json").toString(),
                "--arch", "i586,noarch");
        Run repeated = poll("--repo", repo.toString(), "--package", "foo", "--state", dir.resolve("c.json").toString(),
                "--arch", "i586", "--arch", "noarch");
        Run component = poll("--repo", repo.toString(), "--package", "foo", "--state", dir.resolve("d.json").toString(),
                "--component", "main");
        Run mixed = poll("--repo", repo.toString(), "--package", "foo", "--state", dir.resolve("e.json").toString(),
                "--arch", "any,noarch");

        assertThat(other.exitCode()).isZero();
        assertThat(other.out()).isEqualTo("No new builds.\n");
        assertThat(list.out()).containsPattern("NEW +foo +1\\.0-1 +noarch");
        assertThat(repeated.out()).containsPattern("NEW +foo +1\\.0-1 +noarch");
        assertThat(component.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(component.err()).contains("--component applies to Debian suites");
        assertThat(mixed.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(mixed.err()).contains("cannot be combined");
    }

    @Test
    void shouldRecordABaseline(@TempDir Path dir, Packages packages) throws Exception {
        Path repo = publish(dir.resolve("repo"), packages.foo10());

        Run run = poll("--repo", repo.toString(), "--package", "foo", "--state", dir.resolve("s.json").toString(),
                "--baseline");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("No new builds.\n");
        assertThat(dir.resolve("s.json")).content().contains("\"1.0-1\"");
    }

    @Test
    void shouldExitWithTheRepositoryCodeNamingTheUrl(@TempDir Path dir, Packages packages) throws Exception {
        Path repo = publish(dir.resolve("repo"), packages.foo10());
        Path missing = dir.resolve("missing");

        Run run = poll("--repo", missing.toString(), "--repo", repo.toString(), "--package", "foo",
                "--state", dir.resolve("s.json").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REPOSITORY);
        assertThat(run.err()).contains("error: ").contains(missing + "/repodata/repomd.xml").contains("does not exist");
        assertThat(run.out()).containsPattern("NEW +foo");
    }

    @Test
    void shouldExitWithTheUsageCodeOnBadArguments(@TempDir Path dir) throws Exception {
        assertThat(poll("--repo", "x", "--package", "foo").exitCode()).isEqualTo(ExitCodes.USAGE);
        Run scheme = poll("--repo", "ftp://example.org/", "--package", "foo", "--state", dir.resolve("s").toString());
        assertThat(scheme.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(scheme.err()).contains("ftp://example.org/");
        Path corrupt = Files.writeString(dir.resolve("corrupt.json"), "[1,");
        Run state = poll("--repo", dir.toString(), "--package", "foo", "--state", corrupt.toString());
        assertThat(state.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(state.err()).contains(corrupt.toString());
        Run credentials = poll("--repo", dir.toString(), "--package", "foo", "--state", dir.resolve("s").toString(),
                "--credentials", Files.writeString(dir.resolve("creds"), "no colon here").toString());
        assertThat(credentials.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(credentials.err()).contains(dir.resolve("creds").toString()).doesNotContain("no colon here");
    }

    @Test
    void shouldRefuseAStateFileThatIsADirectoryOrReadOnly(@TempDir Path dir, Packages packages) throws Exception {
        Path repo = publish(dir.resolve("repo"), packages.foo10());
        Path directory = Files.createDirectory(dir.resolve("state-dir"));
        Path readOnly = Files.writeString(dir.resolve("read-only.json"), "{}");
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));

        Run isDirectory = poll("--repo", repo.toString(), "--package", "foo", "--state", directory.toString());
        Run isReadOnly = poll("--repo", repo.toString(), "--package", "foo", "--state", readOnly.toString());

        assertThat(isDirectory.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(isDirectory.err()).contains("state file " + directory + " is a directory");
        assertThat(isReadOnly.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(isReadOnly.err()).contains("state file " + readOnly + " is read-only (mode r--r--r--)");
        assertThat(readOnly).hasContent("{}");
        assertThat(isDirectory.out() + isReadOnly.out()).isEmpty();
    }

    @Test
    void shouldVerifyTheRepositorySignatureWithAKeyring(@TempDir Path dir, Packages packages) throws Exception {
        Path home = Files.createDirectory(dir.resolve("gnupg"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        try {
            gpg(home, "--quick-gen-key", "Signer <signer@example.org>", "ed25519", "sign", "never");
            Path keyring = dir.resolve("keys.asc");
            gpg(home, "--output", keyring.toString(), "--armor", "--export");
            Path repo = publish(dir.resolve("repo"), packages.foo10());
            gpg(home, "--armor", "--detach-sign", repo.resolve("repodata/repomd.xml").toString());
            String stateFile = dir.resolve("s.json").toString();

            Run signed = poll("--repo", repo.toString(), "--package", "foo", "--state", stateFile,
                    "--keyring", keyring.toString());
            assertThat(signed.exitCode()).as(signed.err()).isZero();
            assertThat(signed.out()).containsPattern("NEW +foo +1\\.0-1");

            publish(repo, packages.foo10(), packages.foo11());
            Run unsigned = poll("--repo", repo.toString(), "--package", "foo", "--state", stateFile,
                    "--keyring", keyring.toString());
            assertThat(unsigned.exitCode()).isEqualTo(ExitCodes.REPOSITORY);
            assertThat(unsigned.out()).isEmpty();
            assertThat(unsigned.err()).contains("error: signature verification failed: file:" + repo
                    + "/repodata/repomd.xml: it is not signed");

            Run missing = poll("--repo", repo.toString(), "--package", "foo", "--state", stateFile,
                    "--keyring", dir.resolve("nothing.gpg").toString());
            assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(missing.err()).contains("keyring " + dir.resolve("nothing.gpg") + " does not exist");
        } finally {
            ProcessBuilder kill = new ProcessBuilder("gpgconf", "--kill", "gpg-agent")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            kill.environment().put("GNUPGHOME", home.toString());
            kill.start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldGiveUpNamingTheHolderWhenTheStateFileStaysLocked(@TempDir Path dir, Packages packages) throws Exception {
        Path repo = publish(dir.resolve("repo"), packages.foo10());
        Path stateFile = dir.resolve("s.json");

        try (StateLock held = StateLock.acquire(stateFile, Duration.ZERO)) {
            Run run = poll("--repo", repo.toString(), "--package", "foo", "--state", stateFile.toString(),
                    "--lock-timeout", "0");

            assertThat(run.exitCode()).isEqualTo(ExitCodes.REPOSITORY);
            assertThat(run.err()).contains("state file " + stateFile + " is in use by another poll: held by pid "
                    + ProcessHandle.current().pid());
        }
        assertThat(stateFile).doesNotExist();
    }

    @Test
    void shouldRefuseAPackageNameThatIsAPathAndWriteNothingOutsideTheArchive(@TempDir Path dir, @TempDir Path build)
            throws Exception {
        Path repo = publish(dir.resolve("repo"), rpm(build, "qemu-a", "1.0"));
        rewritePrimary(repo, xml -> xml.replace("<name>qemu-a</name>", "<name>qemu-a/../../../../tmp/x</name>"));
        Path archive = dir.resolve("deep/er/still/archive");
        Path state = dir.resolve("s.json");

        Run run;
        try (StaticServer server = StaticServer.serve(dir)) {
            run = poll("--repo", server.uri("repo/"), "--package", "qemu-*", "--state", state.toString(),
                    "--archive", archive.toString());
        }

        assertThat(run.exitCode()).isEqualTo(ExitCodes.REPOSITORY);
        assertThat(run.err()).contains("error: repository http://127.0.0.1:")
                .contains("package name 'qemu-a/../../../../tmp/x' is not a valid package name");
        assertThat(run.out()).isEmpty();
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).filter(p -> !p.startsWith(repo) && !p.startsWith(archive)))
                    .containsExactlyInAnyOrder(state, StateLock.lockFile(state));
        }
        try (Stream<Path> files = Files.walk(archive)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    /** Replaces the gzip primary.xml of a createrepo_c repository with an edited copy and fixes repomd.xml. */
    private static void rewritePrimary(Path repo, java.util.function.UnaryOperator<String> edit) throws Exception {
        Path repomd = repo.resolve("repodata/repomd.xml");
        String index = Files.readString(repomd);
        java.util.regex.Matcher data = java.util.regex.Pattern.compile("(?s)<data type=\"primary\">.*?</data>")
                .matcher(index);
        assertThat(data.find()).isTrue();
        String entry = data.group();
        java.util.regex.Matcher href = java.util.regex.Pattern.compile("href=\"([^\"]+)\"").matcher(entry);
        assertThat(href.find()).isTrue();
        Path primary = repo.resolve(href.group(1));
        String xml;
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(primary))) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        byte[] open = edit.apply(xml).getBytes(StandardCharsets.UTF_8);
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(primary))) {
            out.write(open);
        }
        String edited = entry
                .replaceFirst("<checksum type=\"sha256\">[0-9a-f]+<",
                        "<checksum type=\"sha256\">" + sha256(Files.readAllBytes(primary)) + "<")
                .replaceFirst("<open-checksum type=\"sha256\">[0-9a-f]+<",
                        "<open-checksum type=\"sha256\">" + sha256(open) + "<")
                .replaceFirst("<size>\\d+</size>", "<size>" + Files.size(primary) + "</size>")
                .replaceFirst("<open-size>\\d+</open-size>", "<open-size>" + open.length + "</open-size>");
        Files.writeString(repomd, index.replace(entry, edited));
    }

    private static String sha256(byte[] content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** Serves a directory over HTTP on 127.0.0.1. */
    private static final class StaticServer implements AutoCloseable {
        private final com.sun.net.httpserver.HttpServer server;

        private StaticServer(com.sun.net.httpserver.HttpServer server) {
            this.server = server;
        }

        static StaticServer serve(Path root) throws IOException {
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    Path file = root.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
                    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    byte[] body = Files.readAllBytes(file);
                    exchange.sendResponseHeaders(200, body.length);
                    exchange.getResponseBody().write(body);
                }
            });
            server.start();
            return new StaticServer(server);
        }

        String uri(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + path;
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static void gpg(Path home, String... args) throws IOException, InterruptedException {
        List<String> argv = new java.util.ArrayList<>(List.of("gpg", "--batch", "--pinentry-mode", "loopback",
                "--passphrase", ""));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().put("GNUPGHOME", home.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", argv, output).isZero();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private static Run poll(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = VirtRegressCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] argv = Stream.concat(Stream.of("poll"), Stream.of(args)).toArray(String[]::new);
        int code = cli.execute(argv);
        return new Run(code, out.toString(), err.toString());
    }

    private static Path publish(Path repo, Path... packages) throws Exception {
        if (Files.exists(repo)) {
            run(repo.getParent(), "rm", "-rf", repo.toString());
        }
        Files.createDirectories(repo);
        for (Path rpm : packages) {
            Files.copy(rpm, repo.resolve(rpm.getFileName()));
        }
        run(repo, "createrepo_c", "--no-database", ".");
        return repo;
    }

    private static Path rpm(Path directory, String name, String version) throws Exception {
        Path top = Files.createTempDirectory(directory, "top");
        Path spec = Files.writeString(top.resolve(name + ".spec"), "Name: " + name + "\nVersion: " + version
                + "\nRelease: 1\nSummary: test\nLicense: MIT\nBuildArch: noarch\n%description\ntest\n%files\n");
        run(top, "rpmbuild", "-bb", "--quiet", "--define", "_topdir " + top, "--define", "_build_id_links none",
                spec.toString());
        try (Stream<Path> files = Files.walk(top.resolve("RPMS"))) {
            return files.filter(p -> p.toString().endsWith(".rpm")).findFirst().orElseThrow();
        }
    }

    private static void run(Path dir, String... argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", List.of(argv), output).isZero();
    }
}
