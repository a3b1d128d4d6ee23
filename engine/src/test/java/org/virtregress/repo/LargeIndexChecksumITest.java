package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.virtregress.repo.RepositoryOutcome.Status;
import org.virtregress.testing.ClassFixture;
import org.virtregress.testing.RepositoryServer;

/**
 * Polls a suite whose uncompressed {@code Packages} is larger than {@link Sha256Process#MIN_SIZE},
 * served over HTTP on 127.0.0.1, with the index corrupted after its Release was made: through the
 * system's {@code openssl}, its {@code sha256sum} and the JDK's digest
 * ({@code -Dvirtregress.sha256=java}), the repository fails, naming the index, and the state keeps
 * the last good poll.
 */
class LargeIndexChecksumITest {
    private static final String INDEX = "dists/stable/main/binary-amd64/";

    @RegisterExtension
    static final ClassFixture<Debs> DEBS = ClassFixture.of(Debs.class, Debs::build);

    /** A first and an updated build of the watched package. */
    record Debs(Path first, Path updated) {
        static Debs build(Path directory) throws Exception {
            return new Debs(DebianFixtures.deb(directory, "qemu-system-x86", "1:9.1.0-1", "amd64", "qemu", "first"),
                    DebianFixtures.deb(directory, "qemu-system-x86", "1:9.2.0-1", "amd64", "qemu", "updated"));
        }
    }

    @AfterEach
    void restoreTheDigest() {
        System.clearProperty(Sha256Process.PROPERTY);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"openssl", "sha256sum", "java"})
    void shouldFailTheRepositoryNamingTheIndexAndKeepTheStateWhenALargeIndexDoesNotMatch(String digest,
            @TempDir Path dir, Debs debs) throws Exception {
        System.setProperty(Sha256Process.PROPERTY, digest);
        assertThat(Sha256Process.forFile(new Checksum("sha256", "00"), Sha256Process.MIN_SIZE, "probe"))
                .as("the digest chosen for a large index")
                .matches(d -> d instanceof Sha256Process process
                        ? process.runningProgram().programName().equals(digest) : digest.equals("java"));
        Path root = dir.resolve("archive");
        publish(root, debs.first());
        long size = Files.size(root.resolve(INDEX + "Packages"));
        assertThat(size).as("hashed by the large-file path").isGreaterThanOrEqualTo(Sha256Process.MIN_SIZE);
        try (RepositoryServer server = RepositoryServer.serve(root)) {
            PollRequest request = new PollRequest(List.of(Repository.parse(server.uri("dists/stable").toString())),
                    PackageSelector.of(List.of("qemu-system-*")), dir.resolve("state.json"), null, false);
            assertThat(poller().poll(request).outcomes()).singleElement()
                    .satisfies(o -> assertThat(o.status()).as("%s", o).isEqualTo(Status.READ));
            String state = Files.readString(dir.resolve("state.json"));

            publish(root, debs.updated());
            corrupt(root.resolve(INDEX + "Packages"));
            PollResult byHash = poller().poll(request);

            assertThat(byHash.outcomes()).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo(Status.FAILED);
                assertThat(o.message()).contains(server.uri(INDEX + "by-hash/SHA256/").toString())
                        .contains("does not match").contains("corrupt");
            });
            assertThat(byHash.changes()).isEmpty();
            assertThat(dir.resolve("state.json")).hasContent(state);

            deleteByHash(root);
            PollResult plain = poller().poll(request);

            assertThat(plain.outcomes()).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo(Status.PUBLISHING);
                assertThat(o.message()).contains("checksum of " + server.uri(INDEX + "Packages") + " does not match");
            });
            assertThat(plain.changes()).isEmpty();
            assertThat(dir.resolve("state.json")).hasContent(state);

            publish(root, debs.updated());
            assertThat(poller().poll(request).newBuilds()).as("read once the index is whole again")
                    .extracting(Build::evr).containsExactly("1:9.2.0-1");
        }
    }

    /**
     * Publishes {@code stable/main} for amd64 with only the uncompressed index, as the signed
     * Debian suites in the benchmark: the package's stanza from apt-ftparchive followed by copies
     * of it under other names until the index passes 4 MiB, then a Release with by-hash files.
     */
    private static void publish(Path root, Path deb) throws IOException, InterruptedException {
        if (Files.exists(root)) {
            Tools.run(root.getParent(), "rm", "-rf", root.toString());
        }
        Path pool = Files.createDirectories(root.resolve("pool/main"));
        Files.copy(deb, pool.resolve(deb.getFileName()));
        Path binary = Files.createDirectories(root.resolve(INDEX));
        Path packages = binary.resolve("Packages");
        Tools.runTo(root, packages, "apt-ftparchive", "packages", "pool");
        String stanza = Files.readString(packages).strip() + "\n";
        StringBuilder index = new StringBuilder(stanza);
        for (int i = 0; index.length() < Sha256Process.MIN_SIZE + (1 << 16); i++) {
            index.append('\n').append(stanza.replace("Package: qemu-system-x86\n", "Package: filler-" + i + "\n"));
        }
        Files.writeString(packages, index, StandardCharsets.UTF_8);
        Path release = Files.createTempFile(root, "Release", ".tmp");
        Tools.runTo(root.resolve("dists/stable"), release, "apt-ftparchive", "-o", "APT::FTPArchive::DoByHash=true",
                "-o", "APT::FTPArchive::Release::Suite=stable", "-o", "APT::FTPArchive::Release::Components=main",
                "-o", "APT::FTPArchive::Release::Architectures=amd64", "release", ".");
        Files.move(release, root.resolve("dists/stable/Release"));
    }

    /** Changes one byte in the middle of the index and of its by-hash copy, keeping their size. */
    private static void corrupt(Path packages) throws IOException {
        try (Stream<Path> files = Stream.concat(Stream.of(packages),
                Files.list(packages.resolveSibling("by-hash/SHA256")))) {
            for (Path file : files.toList()) {
                byte[] bytes = Files.readAllBytes(file);
                int middle = bytes.length / 2;
                bytes[middle] = (byte) (bytes[middle] == 'x' ? 'y' : 'x');
                Files.delete(file);
                Files.write(file, bytes);
            }
        }
    }

    private static void deleteByHash(Path root) throws IOException, InterruptedException {
        Tools.run(root, "rm", "-rf", root.resolve(INDEX + "by-hash").toString());
    }

    private static Poller poller() {
        return new Poller(new Fetcher(Duration.ofSeconds(20), null));
    }
}
