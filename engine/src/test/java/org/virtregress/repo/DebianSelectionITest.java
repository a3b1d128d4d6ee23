package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.repo.RepositoryOutcome.Status;
import org.virtregress.testing.ClassFixture;
import org.virtregress.testing.RepositoryServer;

/**
 * Polls real suites made with {@code apt-ftparchive}: two architectures (amd64, arm64) and two
 * components (main, contrib), with by-hash directories, signed with a throwaway gpg key.
 */
class DebianSelectionITest {
    private static final String HOST = IndexSelection.nativeDebianArchitecture();
    private static final String OTHER = HOST.equals("arm64") ? "amd64" : "arm64";

    @RegisterExtension
    static final ClassFixture<Debs> DEBS = ClassFixture.of(Debs.class, Debs::build);

    /**
     * The packages of the suites, built once for all tests of the class: the first release of main
     * and contrib, and an update of main.
     */
    record Debs(List<Path> main, List<Path> contrib, List<Path> mainUpdated) {
        Debs {
            main = List.copyOf(main);
            contrib = List.copyOf(contrib);
            mainUpdated = List.copyOf(mainUpdated);
        }

        static Debs build(Path directory) throws Exception {
            return new Debs(
                    List.of(DebianFixtures.deb(directory, "qemu-system-x86", "1:9.1.0-1", HOST, "qemu", "main-host"),
                            DebianFixtures.deb(directory, "qemu-system-x86", "1:9.1.0-1", OTHER, "qemu", "main-other"),
                            DebianFixtures.deb(directory, "qemu-system-data", "1:9.1.0-1", "all", "qemu", "main-all")),
                    List.of(DebianFixtures.deb(directory, "qemu-contrib-tools", "2.0-1", HOST, null, "contrib-host"),
                            DebianFixtures.deb(directory, "qemu-contrib-tools", "2.0-1", OTHER, null, "contrib-other")),
                    List.of(DebianFixtures.deb(directory, "qemu-system-x86", "1:9.2.0-1", HOST, "qemu",
                                    "main-host-2"),
                            DebianFixtures.deb(directory, "qemu-system-x86", "1:9.2.0-1", OTHER, "qemu",
                                    "main-other-2"),
                            DebianFixtures.deb(directory, "qemu-system-data", "1:9.2.0-1", "all", "qemu",
                                    "main-all-2")));
        }

        /** Returns the first release: main and contrib. */
        Map<String, List<Path>> first() {
            return components(main, contrib);
        }

        /** Returns the release after main's update. */
        Map<String, List<Path>> updated() {
            return components(mainUpdated, contrib);
        }
    }

    @Test
    void shouldReadOnlyTheHostArchitectureAndAllOfEveryComponentOfASignedSuiteByHash(@TempDir Path dir, Debs debs)
            throws Exception {
        Path root = dir.resolve("archive");
        try (SigningKey key = SigningKey.generate(dir, "Archive");
                RepositoryServer server = RepositoryServer.serve(root)) {
            DebianFixtures.archive(root, "stable", List.of(HOST, OTHER), key, debs.first());
            Path keyring = key.exportBinary(dir.resolve("archive.gpg"));
            Repository suite = Repository.parse(server.uri("dists/stable").toString()).withKeyring(keyring);

            PollResult result = poller().poll(request(dir, suite));

            assertThat(result.outcomes()).as("%s", result.outcomes()).extracting(RepositoryOutcome::status)
                    .containsExactly(Status.READ);
            assertThat(result.newBuilds()).extracting(Build::key).containsExactly("qemu-contrib-tools." + HOST,
                    "qemu-system-data.all", "qemu-system-x86." + HOST);
            assertThat(server.log()).allMatch(line -> !line.contains("binary-" + OTHER), "no " + OTHER + " index asked for")
                    .contains("GET /dists/stable/InRelease 200")
                    .anyMatch(line -> line.matches("GET /dists/stable/main/binary-" + HOST + "/by-hash/SHA256/[0-9a-f]{64} 200"))
                    .anyMatch(line -> line.matches("GET /dists/stable/contrib/binary-" + HOST + "/by-hash/SHA256/[0-9a-f]{64} 200"))
                    .noneMatch(line -> line.contains("/Packages"));
        }
    }

    @Test
    void shouldReadTheChosenArchitecturesAndComponentsOnly(@TempDir Path dir, Debs debs)
            throws Exception {
        Path root = dir.resolve("archive");
        DebianFixtures.archive(root, "stable", List.of(HOST, OTHER), null, debs.first());
        try (RepositoryServer server = RepositoryServer.serve(root)) {
            Repository suite = Repository.parse(server.uri("dists/stable").toString());

            PollResult other = poller().poll(request(dir.resolve("a"), suite.withSelection(
                    IndexSelection.parse(List.of(OTHER), List.of("contrib")))));
            assertThat(other.newBuilds()).as("%s", other.outcomes()).extracting(Build::key)
                    .containsExactly("qemu-contrib-tools." + OTHER);
            assertThat(server.log()).filteredOn(line -> line.contains("binary-"))
                    .allMatch(line -> line.contains("/contrib/binary-" + OTHER + "/"));

            PollResult any = poller().poll(request(dir.resolve("b"), suite.withSelection(
                    IndexSelection.parse(List.of("any"), List.of()))));
            assertThat(any.newBuilds()).extracting(Build::key).containsExactly("qemu-contrib-tools." + HOST,
                    "qemu-contrib-tools." + OTHER, "qemu-system-data.all", "qemu-system-x86." + HOST,
                    "qemu-system-x86." + OTHER);

            PollResult line = poller().poll(request(dir.resolve("c"),
                    Repository.parse(server.uri("").toString() + " stable main")));
            assertThat(line.newBuilds()).as("%s", line.outcomes()).extracting(Build::key)
                    .containsExactly("qemu-system-data.all", "qemu-system-x86." + HOST);
        }
    }

    @Test
    void shouldNameWhatTheReleaseListsWhenTheSelectionIsNotThere(@TempDir Path dir, Debs debs)
            throws Exception {
        Path root = dir.resolve("archive");
        DebianFixtures.archive(root, "stable", List.of(HOST, OTHER), null, debs.first());
        Repository suite = Repository.parse(root.resolve("dists/stable").toString());

        PollResult architecture = poller().poll(request(dir.resolve("a"),
                suite.withSelection(IndexSelection.parse(List.of("s390x"), List.of()))));
        PollResult component = poller().poll(request(dir.resolve("b"),
                suite.withSelection(IndexSelection.parse(List.of(), List.of("non-free")))));

        assertThat(architecture.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.FAILED);
            assertThat(o.message()).contains("Release").contains("no architecture 's390x'")
                    .contains("it lists: " + HOST + ", " + OTHER);
        });
        assertThat(component.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.FAILED);
            assertThat(o.message()).contains("no component 'non-free'").contains("it lists: main, contrib");
        });
        assertThat(dir.resolve("a/state.json")).content().doesNotContain("qemu");
    }

    @Test
    void shouldNeverAskForAnUnselectedIndexThatAPartialMirrorLacks(@TempDir Path dir, Debs debs)
            throws Exception {
        Path root = dir.resolve("archive");
        DebianFixtures.archive(root, "stable", List.of(HOST, OTHER), null, debs.first());
        for (String component : List.of("main", "contrib")) {
            deleteTree(root.resolve("dists/stable").resolve(component).resolve("binary-" + OTHER));
        }
        try (RepositoryServer server = RepositoryServer.serve(root)) {
            Repository suite = Repository.parse(server.uri("dists/stable").toString());

            PollResult host = poller().poll(request(dir.resolve("a"), suite));
            PollResult other = poller().poll(request(dir.resolve("b"),
                    suite.withSelection(IndexSelection.parse(List.of(OTHER), List.of("main")))));

            assertThat(host.outcomes()).extracting(RepositoryOutcome::status).containsExactly(Status.READ);
            assertThat(other.outcomes()).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo(Status.PUBLISHING);
                assertThat(o.message()).contains("main/binary-" + OTHER + "/Packages.xz").contains("does not exist");
            });
        }
    }

    @Test
    void shouldStayConsistentThroughByHashWhenThePlainIndexIsReplacedMidPoll(@TempDir Path dir, Debs debs)
            throws Exception {
        Path root = dir.resolve("archive");
        DebianFixtures.archive(root, "stable", List.of(HOST, OTHER), null, debs.first());
        try (RepositoryServer server = RepositoryServer.serve(root)) {
            Repository suite = Repository.parse(server.uri("dists/stable").toString());
            PollRequest request = request(dir, suite);
            server.beforeAnswering("dists/stable/Release",
                    () -> DebianFixtures.archive(root, "stable", List.of(HOST, OTHER), null,
                            debs.updated()));

            PollResult during = poller().poll(request);

            assertThat(during.outcomes()).as("%s", during.outcomes()).extracting(RepositoryOutcome::status)
                    .containsExactly(Status.READ);
            assertThat(during.newBuilds()).extracting(Build::evr).contains("1:9.1.0-1").doesNotContain("1:9.2.0-1");
            assertThat(server.log()).noneMatch(line -> line.contains("/Packages"));

            PollResult after = poller().poll(request);
            assertThat(after.newBuilds()).extracting(Build::key, Build::evr).containsExactly(
                    tuple("qemu-system-data.all", "1:9.2.0-1"),
                    tuple("qemu-system-x86." + HOST, "1:9.2.0-1"));
        }
    }

    @Test
    void shouldFallBackToThePlainNameOnlyWhenTheByHashFileIsMissing(@TempDir Path dir, Debs debs)
            throws Exception {
        Path root = dir.resolve("archive");
        DebianFixtures.archive(root, "stable", List.of(HOST), null, debs.first());
        deleteTree(root.resolve("dists/stable/main/binary-" + HOST + "/by-hash"));
        try (RepositoryServer server = RepositoryServer.serve(root)) {
            PollResult result = poller().poll(request(dir, Repository.parse(server.uri("dists/stable").toString())));

            assertThat(result.outcomes()).extracting(RepositoryOutcome::status).containsExactly(Status.READ);
            assertThat(server.log()).anyMatch(line -> line.matches(
                    "GET /dists/stable/main/binary-" + HOST + "/by-hash/SHA256/[0-9a-f]{64} 404"))
                    .contains("GET /dists/stable/main/binary-" + HOST + "/Packages.xz 200")
                    .noneMatch(line -> line.contains("/contrib/binary-" + HOST + "/Packages"));
        }
    }

    @Test
    void shouldFailTheRepositoryAndKeepTheStateWhenAByHashFileDoesNotMatch(@TempDir Path dir, Debs debs)
            throws Exception {
        Path root = dir.resolve("archive");
        DebianFixtures.archive(root, "stable", List.of(HOST), null, debs.first());
        Repository suite = Repository.parse(root.resolve("dists/stable").toString());
        PollRequest request = request(dir, suite);
        poller().poll(request);
        String state = Files.readString(dir.resolve("state.json"));
        DebianFixtures.archive(root, "stable", List.of(HOST), null, debs.updated());
        Path byHash = root.resolve("dists/stable/main/binary-" + HOST + "/by-hash/SHA256");
        try (Stream<Path> files = Files.list(byHash)) {
            for (Path file : files.toList()) {
                Files.write(file, Files.readAllBytes(root.resolve("dists/stable/contrib/binary-" + HOST + "/Packages.xz")));
            }
        }

        PollResult result = poller().poll(request);

        assertThat(result.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.FAILED);
            assertThat(o.message()).contains("by-hash/SHA256/").contains("does not match")
                    .contains("corrupt");
        });
        assertThat(result.changes()).isEmpty();
        assertThat(dir.resolve("state.json")).hasContent(state);
    }

    private static Map<String, List<Path>> components(List<Path> mainDebs, List<Path> contribDebs) {
        Map<String, List<Path>> components = new LinkedHashMap<>();
        components.put("main", mainDebs);
        components.put("contrib", contribDebs);
        return components;
    }

    private static PollRequest request(Path dir, Repository repository) throws IOException {
        Files.createDirectories(dir);
        return new PollRequest(List.of(repository), PackageSelector.of(List.of("qemu-*")), dir.resolve("state.json"),
                null, false);
    }

    private static Poller poller() {
        return new Poller(new Fetcher(Duration.ofSeconds(20), null));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
