package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.repo.RepositoryOutcome.Status;
import org.virtregress.testing.RepositoryServer;

class RepositorySignatureITest {
    @TempDir
    static Path work;
    static SigningKey trusted;
    static SigningKey stranger;
    static Path binaryKeyring;
    static Path armoredKeyring;
    static Path foo10;
    static Path foo11;
    static Path qemu;

    @BeforeAll
    static void makeKeysAndPackages() throws Exception {
        trusted = SigningKey.generate(work, "Trusted");
        stranger = SigningKey.generate(work, "Stranger");
        binaryKeyring = trusted.exportBinary(work.resolve("trusted.gpg"));
        armoredKeyring = trusted.exportArmored(work.resolve("trusted.asc"));
        foo10 = RpmFixtures.rpm(work, "foo", null, "1.0", "1", "first", null);
        foo11 = RpmFixtures.rpm(work, "foo", null, "1.1", "1", "second", null);
        qemu = DebianFixtures.deb(work, "qemu-system-x86", "1:9.2.0-1", "qemu", "release");
    }

    @AfterAll
    static void stopAgents() throws Exception {
        trusted.close();
        stranger.close();
    }

    @Test
    void shouldReportBuildsOfASignedRpmMdRepositoryAndFetchTheSignatureOnlyWhenItChanged(@TempDir Path dir)
            throws Exception {
        Path site = dir.resolve("site");
        signRpm(publishRpm(site, foo10), trusted);
        try (RepositoryServer server = RepositoryServer.serve(site)) {
            PollRequest request = new PollRequest(List.of(Repository.parse(server.uri("repo").toString())
                    .withKeyring(binaryKeyring)), PackageSelector.of(List.of("foo")), dir.resolve("state.json"),
                    dir.resolve("archive"), false);
            Poller poller = new Poller(new Fetcher(Duration.ofSeconds(10), null));

            PollResult first = poller.poll(request);
            assertThat(first.outcomes()).extracting(RepositoryOutcome::status).containsExactly(Status.READ);
            assertThat(first.newBuilds()).extracting(Build::nevra).containsExactly("foo-1.0-1.noarch");
            assertThat(server.log()).contains("GET /repo/repodata/repomd.xml.asc 200");

            server.clearLog();
            assertThat(poller.poll(request).outcomes()).extracting(RepositoryOutcome::status)
                    .containsExactly(Status.UNCHANGED);
            assertThat(server.log()).containsExactly("GET /repo/repodata/repomd.xml 304");

            signRpm(publishRpm(site, foo10, foo11), trusted);
            server.clearLog();
            PollResult next = poller.poll(request);
            assertThat(next.newBuilds()).extracting(Build::nevra).containsExactly("foo-1.1-1.noarch");
            assertThat(server.log()).startsWith("GET /repo/repodata/repomd.xml 200",
                    "GET /repo/repodata/repomd.xml.asc 200");
            Archive archive = Archive.open(dir.resolve("archive"));
            assertThat(archive.builds()).hasSize(2).allSatisfy(archived -> assertThat(
                    dir.resolve("archive").resolve(archived.metadata()).resolve("repomd.xml.asc")).isRegularFile());
        }
    }

    @Test
    void shouldRefuseTamperedRpmMetadataNamingTheUrl(@TempDir Path dir) throws Exception {
        Path repo = signRpm(publishRpm(dir.resolve("site"), foo10), trusted);
        Path repomd = repo.resolve("repodata/repomd.xml");
        Files.writeString(repomd, Files.readString(repomd).replaceFirst("<revision>\\d+</revision>",
                "<revision>1</revision>"));

        RepositoryOutcome outcome = pollOnce(Repository.parse(repo.toString()).withKeyring(binaryKeyring), dir);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.message()).startsWith("signature verification failed: " + url(repomd))
                .contains("bad signature");
    }

    @Test
    void shouldRefuseRpmMetadataSignedByAnotherKey(@TempDir Path dir) throws Exception {
        Path repo = signRpm(publishRpm(dir.resolve("site"), foo10), stranger);

        RepositoryOutcome outcome = pollOnce(Repository.parse(repo.toString()).withKeyring(binaryKeyring), dir);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.message()).startsWith("signature verification failed: " + url(repo.resolve("repodata/repomd.xml")))
                .contains("which is not in keyring " + binaryKeyring);
    }

    @Test
    void shouldRefuseUnsignedRpmMetadataAndKeepTheStateUntouched(@TempDir Path dir) throws Exception {
        Path repo = publishRpm(dir.resolve("site"), foo10);

        RepositoryOutcome outcome = pollOnce(Repository.parse(repo.toString()).withKeyring(armoredKeyring), dir);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.message()).isEqualTo("signature verification failed: " + url(repo.resolve("repodata/repomd.xml"))
                + ": it is not signed: " + url(repo.resolve("repodata/repomd.xml.asc")) + " does not exist");
        assertThat(PollState.load(dir.resolve("state.json")).repositories()).isEmpty();
    }

    @Test
    void shouldVerifyAnUnchangedRepositoryOnceTheKeyringIsAdded(@TempDir Path dir) throws Exception {
        Path repo = publishRpm(dir.resolve("site"), foo10);
        Repository unverified = Repository.parse(repo.toString());
        Poller poller = new Poller(new Fetcher());
        poller.poll(request(unverified, dir.resolve("state.json")));

        PollResult verified = poller.poll(request(unverified.withKeyring(binaryKeyring), dir.resolve("state.json")));

        assertThat(verified.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.FAILED);
            assertThat(o.message()).contains("repomd.xml.asc does not exist");
        });
        signRpm(repo, trusted);
        PollResult signed = poller.poll(request(unverified.withKeyring(binaryKeyring), dir.resolve("state.json")));
        assertThat(signed.outcomes()).extracting(RepositoryOutcome::status).containsExactly(Status.READ);
        assertThat(signed.changes()).isEmpty();
    }

    @Test
    void shouldReportBuildsOfAClearsignedSuiteWithAnArmoredKeyring(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("debian");
        publishSuite(root);
        Path release = root.resolve("dists/testing/Release");
        trusted.clearsign(release, root.resolve("dists/testing/InRelease"));
        Files.delete(release);
        try (RepositoryServer server = RepositoryServer.serve(root)) {
            PollRequest request = request(Repository.parse(server.uri("dists/testing").toString())
                    .withKeyring(armoredKeyring), dir.resolve("state.json"));
            Poller poller = new Poller(new Fetcher(Duration.ofSeconds(10), null));

            PollResult first = poller.poll(request);
            assertThat(first.outcomes()).extracting(RepositoryOutcome::status).containsExactly(Status.READ);
            assertThat(first.newBuilds()).extracting(Build::nevra).containsExactly("qemu-system-x86-1:9.2.0-1.all");

            server.clearLog();
            poller.poll(request);
            assertThat(server.log()).containsExactly("GET /dists/testing/InRelease 304");
        }
    }

    @Test
    void shouldRefuseATamperedInRelease(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("debian");
        publishSuite(root);
        Path inRelease = trusted.clearsign(root.resolve("dists/testing/Release"), root.resolve("dists/testing/InRelease"));
        Files.writeString(inRelease, Files.readString(inRelease).replace("Suite: testing", "Suite: stable"));

        RepositoryOutcome outcome = pollOnce(suite(root).withKeyring(binaryKeyring), dir);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.message()).startsWith("signature verification failed: " + url(inRelease))
                .contains("bad signature");
    }

    @Test
    void shouldRefuseAnInReleaseSignedByAnotherKey(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("debian");
        publishSuite(root);
        Path inRelease = stranger.clearsign(root.resolve("dists/testing/Release"), root.resolve("dists/testing/InRelease"));

        RepositoryOutcome outcome = pollOnce(suite(root).withKeyring(binaryKeyring), dir);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.message()).startsWith("signature verification failed: " + url(inRelease))
                .contains("not in keyring");
    }

    @Test
    void shouldRefuseUnsignedDebianIndices(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("debian");
        publishSuite(root);
        Path release = root.resolve("dists/testing/Release");

        RepositoryOutcome missing = pollOnce(suite(root).withKeyring(binaryKeyring), dir);
        assertThat(missing.status()).isEqualTo(Status.FAILED);
        assertThat(missing.message()).isEqualTo("signature verification failed: " + url(release)
                + ": it is not signed: there is no InRelease and " + url(release.resolveSibling("Release.gpg"))
                + " does not exist");

        Files.copy(release, root.resolve("dists/testing/InRelease"));
        RepositoryOutcome plain = pollOnce(suite(root).withKeyring(binaryKeyring), dir);
        assertThat(plain.status()).isEqualTo(Status.FAILED);
        assertThat(plain.message()).contains("InRelease: not a clearsigned message");
    }

    @Test
    void shouldAcceptAReleaseWithADetachedSignatureAndAKeyboxAndRefuseItOnceChanged(@TempDir Path dir)
            throws Exception {
        Path root = dir.resolve("debian");
        publishSuite(root);
        Path release = root.resolve("dists/testing/Release");
        trusted.detachSign(release, release.resolveSibling("Release.gpg"));
        Repository repository = suite(root).withKeyring(trusted.copyKeybox(dir.resolve("trusted.kbx")));

        PollResult first = new Poller(new Fetcher()).poll(request(repository, dir.resolve("state.json")));
        assertThat(first.outcomes()).extracting(RepositoryOutcome::status).containsExactly(Status.READ);
        assertThat(first.newBuilds()).extracting(Build::nevra).containsExactly("qemu-system-x86-1:9.2.0-1.all");

        Files.writeString(release, Files.readString(release) + "Description: changed after signing\n");
        PollResult tampered = new Poller(new Fetcher()).poll(request(repository, dir.resolve("state.json")));
        assertThat(tampered.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.FAILED);
            assertThat(o.message()).startsWith("signature verification failed: " + url(release))
                    .contains("bad signature");
        });
    }

    @Test
    void shouldNameAKeyringThatCannotBeRead(@TempDir Path dir) throws Exception {
        Path repo = signRpm(publishRpm(dir.resolve("site"), foo10), trusted);
        Path garbage = Files.writeString(dir.resolve("garbage.gpg"), "not a key");

        RepositoryOutcome outcome = pollOnce(Repository.parse(repo.toString()).withKeyring(garbage), dir);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.message()).contains("keyring " + garbage).contains("holds no OpenPGP public keys");
    }

    private static RepositoryOutcome pollOnce(Repository repository, Path dir) throws Exception {
        PollResult result = new Poller(new Fetcher()).poll(request(repository, dir.resolve("state.json")));
        assertThat(result.changes()).isEmpty();
        return result.outcomes().get(0);
    }

    private static PollRequest request(Repository repository, Path state) {
        return new PollRequest(List.of(repository), PackageSelector.of(List.of("foo", "qemu-*")), state, null, false);
    }

    private static Path publishRpm(Path site, Path... packages) throws Exception {
        Path repo = site.resolve("repo");
        if (Files.exists(repo)) {
            Tools.run(site, "rm", "-rf", repo.toString());
        }
        return RpmFixtures.repository(repo, packages);
    }

    private static Path signRpm(Path repo, SigningKey key) throws Exception {
        Path repomd = repo.resolve("repodata/repomd.xml");
        key.detachSign(repomd, repomd.resolveSibling("repomd.xml.asc"));
        return repo;
    }

    private static void publishSuite(Path root) throws Exception {
        DebianFixtures.suite(root, "testing", false, qemu);
    }

    /** Spells a local file's URL as the reader does. */
    private static String url(Path file) {
        return "file:" + file;
    }

    private static Repository suite(Path root) {
        return Repository.parse(root.resolve("dists/testing").toString());
    }
}
