package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.repo.RepositoryOutcome.Status;
import org.virtregress.testing.ClassFixture;
import org.virtregress.testing.RepositoryServer;

class RepositorySignatureITest {
    @RegisterExtension
    static final ClassFixture<Keys> KEYS = ClassFixture.of(Keys.class, Keys::build);

    /**
     * The signing keys, keyrings and packages made once for all tests of the class; closing it
     * stops the keys' gpg agents.
     */
    record Keys(SigningKey trusted, SigningKey stranger, Path binaryKeyring, Path armoredKeyring, Path foo10,
            Path foo11, Path qemu) implements AutoCloseable {
        static Keys build(Path directory) throws Exception {
            SigningKey trusted = SigningKey.generate(directory, "Trusted");
            SigningKey stranger = SigningKey.generate(directory, "Stranger");
            return new Keys(trusted, stranger, trusted.exportBinary(directory.resolve("trusted.gpg")),
                    trusted.exportArmored(directory.resolve("trusted.asc")),
                    RpmFixtures.rpm(directory, "foo", null, "1.0", "1", "first", null),
                    RpmFixtures.rpm(directory, "foo", null, "1.1", "1", "second", null),
                    DebianFixtures.deb(directory, "qemu-system-x86", "1:9.2.0-1", "qemu", "release"));
        }

        @Override
        public void close() throws Exception {
            try {
                trusted.close();
            } finally {
                stranger.close();
            }
        }
    }

    @Test
    void shouldReportBuildsOfASignedRpmMdRepositoryAndFetchTheSignatureOnlyWhenItChanged(@TempDir Path dir, Keys keys)
            throws Exception {
        Path site = dir.resolve("site");
        signRpm(publishRpm(site, keys.foo10()), keys.trusted());
        try (RepositoryServer server = RepositoryServer.serve(site)) {
            PollRequest request = new PollRequest(List.of(Repository.parse(server.uri("repo").toString())
                    .withKeyring(keys.binaryKeyring())), PackageSelector.of(List.of("foo")), dir.resolve("state.json"),
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

            signRpm(publishRpm(site, keys.foo10(), keys.foo11()), keys.trusted());
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
    void shouldRefuseTamperedRpmMetadataNamingTheUrl(@TempDir Path dir, Keys keys) throws Exception {
        Path repo = signRpm(publishRpm(dir.resolve("site"), keys.foo10()), keys.trusted());
        Path repomd = repo.resolve("repodata/repomd.xml");
        Files.writeString(repomd, Files.readString(repomd).replaceFirst("<revision>\\d+</revision>",
                "<revision>1</revision>"));

        RepositoryOutcome outcome = pollOnce(Repository.parse(repo.toString()).withKeyring(keys.binaryKeyring()), dir);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.message()).startsWith("signature verification failed: " + url(repomd))
                .contains("bad signature");
    }

    @Test
    void shouldRefuseRpmMetadataSignedByAnotherKey(@TempDir Path dir, Keys keys) throws Exception {
        Path repo = signRpm(publishRpm(dir.resolve("site"), keys.foo10()), keys.stranger());

        RepositoryOutcome outcome = pollOnce(Repository.parse(repo.toString()).withKeyring(keys.binaryKeyring()), dir);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.message()).startsWith("signature verification failed: " + url(repo.resolve("repodata/repomd.xml")))
                .contains("which is not in keyring " + keys.binaryKeyring());
    }

    @Test
    void shouldRefuseUnsignedRpmMetadataAndKeepTheStateUntouched(@TempDir Path dir, Keys keys) throws Exception {
        Path repo = publishRpm(dir.resolve("site"), keys.foo10());

        RepositoryOutcome outcome = pollOnce(Repository.parse(repo.toString()).withKeyring(keys.armoredKeyring()), dir);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.message()).isEqualTo("signature verification failed: " + url(repo.resolve("repodata/repomd.xml"))
                + ": it is not signed: " + url(repo.resolve("repodata/repomd.xml.asc")) + " does not exist");
        assertThat(PollState.load(dir.resolve("state.json")).repositories()).isEmpty();
    }

    @Test
    void shouldVerifyAnUnchangedRepositoryOnceTheKeyringIsAdded(@TempDir Path dir, Keys keys) throws Exception {
        Path repo = publishRpm(dir.resolve("site"), keys.foo10());
        Repository unverified = Repository.parse(repo.toString());
        Poller poller = new Poller(new Fetcher());
        poller.poll(request(unverified, dir.resolve("state.json")));

        PollResult verified = poller.poll(request(unverified.withKeyring(keys.binaryKeyring()), dir.resolve("state.json")));

        assertThat(verified.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.FAILED);
            assertThat(o.message()).contains("repomd.xml.asc does not exist");
        });
        signRpm(repo, keys.trusted());
        PollResult signed = poller.poll(request(unverified.withKeyring(keys.binaryKeyring()), dir.resolve("state.json")));
        assertThat(signed.outcomes()).extracting(RepositoryOutcome::status).containsExactly(Status.READ);
        assertThat(signed.changes()).isEmpty();
    }

    @Test
    void shouldReportBuildsOfAClearsignedSuiteWithAnArmoredKeyring(@TempDir Path dir, Keys keys) throws Exception {
        Path root = dir.resolve("debian");
        publishSuite(root, keys.qemu());
        Path release = root.resolve("dists/testing/Release");
        keys.trusted().clearsign(release, root.resolve("dists/testing/InRelease"));
        Files.delete(release);
        try (RepositoryServer server = RepositoryServer.serve(root)) {
            PollRequest request = request(Repository.parse(server.uri("dists/testing").toString())
                    .withKeyring(keys.armoredKeyring()), dir.resolve("state.json"));
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
    void shouldRefuseATamperedInRelease(@TempDir Path dir, Keys keys) throws Exception {
        Path root = dir.resolve("debian");
        publishSuite(root, keys.qemu());
        Path inRelease = keys.trusted().clearsign(root.resolve("dists/testing/Release"), root.resolve("dists/testing/InRelease"));
        Files.writeString(inRelease, Files.readString(inRelease).replace("Suite: testing", "Suite: stable"));

        RepositoryOutcome outcome = pollOnce(suite(root).withKeyring(keys.binaryKeyring()), dir);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.message()).startsWith("signature verification failed: " + url(inRelease))
                .contains("bad signature");
    }

    @Test
    void shouldRefuseAnInReleaseSignedByAnotherKey(@TempDir Path dir, Keys keys) throws Exception {
        Path root = dir.resolve("debian");
        publishSuite(root, keys.qemu());
        Path inRelease = keys.stranger().clearsign(root.resolve("dists/testing/Release"), root.resolve("dists/testing/InRelease"));

        RepositoryOutcome outcome = pollOnce(suite(root).withKeyring(keys.binaryKeyring()), dir);

        assertThat(outcome.status()).isEqualTo(Status.FAILED);
        assertThat(outcome.message()).startsWith("signature verification failed: " + url(inRelease))
                .contains("not in keyring");
    }

    @Test
    void shouldRefuseUnsignedDebianIndices(@TempDir Path dir, Keys keys) throws Exception {
        Path root = dir.resolve("debian");
        publishSuite(root, keys.qemu());
        Path release = root.resolve("dists/testing/Release");

        RepositoryOutcome missing = pollOnce(suite(root).withKeyring(keys.binaryKeyring()), dir);
        assertThat(missing.status()).isEqualTo(Status.FAILED);
        assertThat(missing.message()).isEqualTo("signature verification failed: " + url(release)
                + ": it is not signed: there is no InRelease and " + url(release.resolveSibling("Release.gpg"))
                + " does not exist");

        Files.copy(release, root.resolve("dists/testing/InRelease"));
        RepositoryOutcome plain = pollOnce(suite(root).withKeyring(keys.binaryKeyring()), dir);
        assertThat(plain.status()).isEqualTo(Status.FAILED);
        assertThat(plain.message()).contains("InRelease: not a clearsigned message");
    }

    @Test
    void shouldAcceptAReleaseWithADetachedSignatureAndAKeyboxAndRefuseItOnceChanged(@TempDir Path dir, Keys keys)
            throws Exception {
        Path root = dir.resolve("debian");
        publishSuite(root, keys.qemu());
        Path release = root.resolve("dists/testing/Release");
        keys.trusted().detachSign(release, release.resolveSibling("Release.gpg"));
        Repository repository = suite(root).withKeyring(keys.trusted().copyKeybox(dir.resolve("trusted.kbx")));

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
    void shouldNameAKeyringThatCannotBeRead(@TempDir Path dir, Keys keys) throws Exception {
        Path repo = signRpm(publishRpm(dir.resolve("site"), keys.foo10()), keys.trusted());
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

    private static void publishSuite(Path root, Path qemu) throws Exception {
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
