package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.net.Credentials;
import org.virtregress.repo.BuildChange.Kind;
import org.virtregress.repo.RepositoryOutcome.Status;
import org.virtregress.testing.ClassFixture;
import org.virtregress.testing.RepositoryServer;

class PollerITest {
    @RegisterExtension
    static final ClassFixture<Packages> PACKAGES = ClassFixture.of(Packages.class, Packages::build);

    /** The packages built once for all tests of the class, and the directory that holds them. */
    record Packages(Path rpms, Path foo10, Path foo11, Path foo11Rebuilt, Path foo12, Path fooEpoch, Path bar) {
        static Packages build(Path directory) throws Exception {
            Path foo10 = RpmFixtures.rpm(directory, "foo", null, "1.0", "1", "first", null);
            Path foo11 = RpmFixtures.rpm(directory, "foo", null, "1.1", "1", "second", null);
            Path foo11Rebuilt = RpmFixtures.rpm(directory, "foo", null, "1.1", "1", "second, rebuilt", null);
            Path foo12 = RpmFixtures.rpm(directory, "foo", "1", "1.2", "1", "third",
                    "git+https://example.org/foo.git#0123456789abcdef0123456789abcdef01234567");
            Path fooEpoch = RpmFixtures.rpm(directory, "foo", "1", "0.9", "1", "epoch", null);
            Path bar = RpmFixtures.rpm(directory, "bar", null, "1.0", "1", "bar", null);
            return new Packages(directory, foo10, foo11, foo11Rebuilt, foo12, fooEpoch, bar);
        }
    }

    @Test
    void shouldReportEveryKindOfChangeAcrossASequenceOfPublications(@TempDir Path dir, Packages fixture) throws Exception {
        Path site = dir.resolve("site");
        Path state = dir.resolve("state.json");
        Path archiveDir = dir.resolve("archive");
        try (RepositoryServer server = RepositoryServer.serve(site)) {
            PollRequest request = new PollRequest(List.of(Repository.parse(server.uri("repo").toString())),
                    PackageSelector.of(List.of("foo", "ba?")), state, archiveDir, false);
            Poller poller = new Poller(new Fetcher(Duration.ofSeconds(10), null));

            publish(site, fixture.foo10(), fixture.bar());
            PollResult first = poller.poll(request);
            assertThat(first.outcomes()).extracting(RepositoryOutcome::status).containsExactly(Status.READ);
            assertThat(first.changes()).extracting(c -> c.kind() + " " + c.build().nevra())
                    .containsExactly("NEW bar-1.0-1.noarch", "NEW foo-1.0-1.noarch");

            server.clearLog();
            PollResult unchanged = poller.poll(request);
            assertThat(unchanged.changes()).isEmpty();
            assertThat(unchanged.outcomes()).extracting(RepositoryOutcome::status).containsExactly(Status.UNCHANGED);
            assertThat(server.log()).containsExactly("GET /repo/repodata/repomd.xml 304");

            publish(site, fixture.foo10(), fixture.foo11(), fixture.bar());
            assertThat(changes(poller.poll(request))).containsExactly("NEW_VERSION foo-1.1-1.noarch after 1.0-1");

            publish(site, fixture.foo10(), fixture.foo11Rebuilt(), fixture.bar());
            PollResult rebuilt = poller.poll(request);
            assertThat(changes(rebuilt)).containsExactly("REBUILD foo-1.1-1.noarch after 1.1-1");
            assertThat(rebuilt.newBuilds().get(0).checksum().value()).isEqualTo(Tools.sha256(fixture.foo11Rebuilt()));

            publish(site, fixture.foo11Rebuilt(), fixture.fooEpoch(), fixture.bar());
            assertThat(changes(poller.poll(request))).containsExactly("NEW_VERSION foo-1:0.9-1.noarch after 1.1-1");

            publish(site, fixture.foo11Rebuilt(), fixture.bar());
            PollResult downgraded = poller.poll(request);
            assertThat(changes(downgraded)).containsExactly("DOWNGRADE foo-1.1-1.noarch after 1:0.9-1");
            assertThat(downgraded.newBuilds()).isEmpty();

            publish(site, fixture.foo11Rebuilt());
            PollResult removed = poller.poll(request);
            assertThat(changes(removed)).containsExactly("REMOVED bar-1.0-1.noarch after 1.0-1");
            assertThat(removed.newBuilds()).isEmpty();

            publish(site, fixture.foo11Rebuilt(), fixture.foo12());
            deletePrimary(site.resolve("repo"));
            PollState before = PollState.load(state);
            PollResult halfPublished = poller.poll(request);
            assertThat(halfPublished.outcomes()).singleElement().satisfies(o -> {
                assertThat(o.status()).isEqualTo(Status.PUBLISHING);
                assertThat(o.message()).contains("primary.xml.gz").contains("repository is being published, retry");
            });
            assertThat(halfPublished.changes()).isEmpty();
            assertThat(PollState.load(state)).isEqualTo(before);

            publish(site, fixture.foo11Rebuilt(), fixture.foo12());
            PollResult published = poller.poll(request);
            assertThat(changes(published)).containsExactly("NEW_VERSION foo-1:1.2-1.noarch after 1:0.9-1");

            Archive archive = Archive.open(archiveDir);
            assertThat(archive.builds("foo")).extracting(a -> a.build().evr())
                    .containsExactly("1.0-1", "1.1-1", "1.1-1", "1:0.9-1", "1:1.2-1");
            assertThat(archive.builds("foo").get(2).build().checksum().value()).isEqualTo(Tools.sha256(fixture.foo11Rebuilt()));
            assertThat(archive.builds("bar")).hasSize(1);
            assertThat(archive.builds("foo", "noarch")).isEqualTo(archive.builds("foo"));
            assertThat(archive.builds("foo", "x86_64")).isEmpty();
            for (ArchivedBuild archived : archive.builds()) {
                assertThat(Tools.sha256(archive.file(archived))).isEqualTo(archived.build().checksum().value());
                assertThat(archiveDir.resolve(archived.metadata()).resolve("repomd.xml")).isRegularFile();
            }
            assertThat(archive.builds("foo").get(4).build().sourceCommit())
                    .isEqualTo("0123456789abcdef0123456789abcdef01234567");
        }
    }

    @Test
    void shouldRecordABaselineAndReportNothing(@TempDir Path dir, Packages fixture) throws Exception {
        Path site = dir.resolve("site");
        publish(site, fixture.foo10(), fixture.bar());
        Path state = dir.resolve("state.json");
        PollRequest baseline = new PollRequest(List.of(Repository.parse(site.resolve("repo").toString())),
                PackageSelector.of(List.of("*")), state, null, true);
        Poller poller = new Poller(new Fetcher());

        assertThat(poller.poll(baseline).changes()).isEmpty();
        publish(site, fixture.foo11(), fixture.bar());
        PollResult next = poller.poll(new PollRequest(baseline.repositories(), baseline.packages(), state, null, false));

        assertThat(changes(next)).containsExactly("NEW_VERSION foo-1.1-1.noarch after 1.0-1");
    }

    @Test
    void shouldReadAgainWhenTheWatchedPackagesChange(@TempDir Path dir, Packages fixture) throws Exception {
        Path site = dir.resolve("site");
        publish(site, fixture.foo10(), fixture.bar());
        Path state = dir.resolve("state.json");
        Repository repository = Repository.parse(site.resolve("repo").toString());
        Poller poller = new Poller(new Fetcher());

        poller.poll(new PollRequest(List.of(repository), PackageSelector.of(List.of("foo")), state, null, false));
        PollResult widened = poller.poll(new PollRequest(List.of(repository),
                PackageSelector.of(List.of("foo", "bar")), state, null, false));

        assertThat(changes(widened)).containsExactly("NEW bar-1.0-1.noarch");
    }

    @Test
    void shouldNameTheUrlOfHttpErrorsAndTimeouts(@TempDir Path dir, Packages fixture) throws Exception {
        Path site = dir.resolve("site");
        publish(site, fixture.foo10());
        try (RepositoryServer server = RepositoryServer.serve(site)) {
            server.fail("broken/repodata/repomd.xml", 500);
            server.stall("slow/repodata/repomd.xml", 3000);
            List<Repository> repositories = Stream.of("missing", "broken", "slow", "repo")
                    .map(p -> Repository.parse(server.uri(p).toString())).toList();
            Poller poller = new Poller(new Fetcher(Duration.ofSeconds(1), null));

            PollResult result = poller.poll(new PollRequest(repositories, PackageSelector.of(List.of("foo")),
                    dir.resolve("state.json"), null, false));

            assertThat(result.outcomes()).extracting(RepositoryOutcome::status)
                    .containsExactly(Status.FAILED, Status.FAILED, Status.FAILED, Status.READ);
            assertThat(result.outcomes().get(0).message())
                    .isEqualTo(server.uri("missing/repodata/repomd.xml") + " does not exist (HTTP 404)");
            assertThat(result.outcomes().get(1).message())
                    .isEqualTo("HTTP 500 fetching " + server.uri("broken/repodata/repomd.xml"));
            assertThat(result.outcomes().get(2).message())
                    .isEqualTo("timed out after 1 s fetching " + server.uri("slow/repodata/repomd.xml"));
            assertThat(result.hasFailures()).isTrue();
            assertThat(changes(result)).containsExactly("NEW foo-1.0-1.noarch");
            assertThat(PollState.load(dir.resolve("state.json")).repositories()).containsOnlyKeys(server.uri("repo").toString());
        }
    }

    @Test
    void shouldRefuseAPackageWhoseChecksumDiffersAndRetryNextTime(@TempDir Path dir, Packages fixture) throws Exception {
        Path site = dir.resolve("site");
        publish(site, fixture.foo10());
        Path published = site.resolve("repo/Packages").resolve(fixture.foo10().getFileName());
        Files.copy(fixture.foo11(), published, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        PollRequest request = new PollRequest(List.of(Repository.parse(site.resolve("repo").toString())),
                PackageSelector.of(List.of("foo")), dir.resolve("state.json"), dir.resolve("archive"), false);
        Poller poller = new Poller(new Fetcher());

        PollResult corrupt = poller.poll(request);
        assertThat(corrupt.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.FAILED);
            assertThat(o.message()).contains("repo/Packages/" + fixture.foo10().getFileName()).contains("checksum");
        });
        assertThat(Archive.open(dir.resolve("archive")).builds()).isEmpty();

        Files.copy(fixture.foo10(), published, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(changes(poller.poll(request))).containsExactly("NEW foo-1.0-1.noarch");
        assertThat(Archive.open(dir.resolve("archive")).builds()).hasSize(1);
    }

    @Test
    void shouldSendBasicAuthenticationWithoutShowingThePassword(@TempDir Path dir, Packages fixture) throws Exception {
        Path site = dir.resolve("site");
        publish(site, fixture.foo10());
        Credentials credentials = new Credentials("tester", "s3cret");
        try (RepositoryServer server = RepositoryServer.serve(site)) {
            new Poller(new Fetcher(Duration.ofSeconds(10), credentials)).poll(new PollRequest(
                    List.of(Repository.parse(server.uri("repo").toString())), PackageSelector.of(List.of("foo")),
                    dir.resolve("state.json"), null, false));

            assertThat(server.log()).allSatisfy(line -> assertThat(line).endsWith("auth=Basic dGVzdGVyOnMzY3JldA=="));
        }
        assertThat(credentials.toString()).doesNotContain("s3cret");
        assertThat(Files.readString(dir.resolve("state.json"))).doesNotContain("s3cret");
    }

    @Test
    void shouldNameACorruptStateFile(@TempDir Path dir) throws Exception {
        Path state = Files.writeString(dir.resolve("state.json"), "{ not json");

        assertThatThrownBy(() -> new Poller(new Fetcher()).poll(new PollRequest(
                List.of(Repository.parse(dir.toString())), PackageSelector.of(List.of("foo")), state, null, false)))
                .isInstanceOf(IOException.class).hasMessageContaining(state.toString());
        assertThat(Files.readString(state)).isEqualTo("{ not json");
    }

    private static List<String> changes(PollResult result) {
        return result.changes().stream().map(c -> c.kind() + " " + c.build().nevra()
                + (c.previous() == null ? "" : " after " + c.previous().evr())).toList();
    }

    private static void publish(Path site, Path... packages) throws Exception {
        Path repo = site.resolve("repo");
        if (Files.exists(repo)) {
            Tools.run(site, "rm", "-rf", repo.toString());
        }
        RpmFixtures.repository(repo, packages);
    }

    private static void deletePrimary(Path repo) throws IOException {
        try (Stream<Path> files = Files.list(repo.resolve("repodata"))) {
            for (Path file : files.filter(p -> p.toString().contains("primary.xml")).toList()) {
                Files.delete(file);
            }
        }
    }
}
