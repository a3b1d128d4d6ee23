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

class DebianRepoReaderITest {
    @RegisterExtension
    static final ClassFixture<Debs> DEBS = ClassFixture.of(Debs.class, Debs::build);

    /** The packages built once for all tests of the class. */
    record Debs(Path qemuSnapshot, Path qemuRc, Path qemuRelease, Path libvirt) {
        static Debs build(Path directory) throws Exception {
            return new Debs(
                    DebianFixtures.deb(directory, "qemu-system-x86", "1:9.1.0+git20241002.abc1234-1",
                            "qemu (1:9.1.0+git20241002.abc1234-1)", "snapshot"),
                    DebianFixtures.deb(directory, "qemu-system-x86", "1:9.2.0~rc1-1", "qemu", "rc"),
                    DebianFixtures.deb(directory, "qemu-system-x86", "1:9.2.0-1", "qemu", "release"),
                    DebianFixtures.deb(directory, "libvirt-daemon", "10.0.0-2", null, "libvirt"));
        }
    }

    @Test
    void shouldPollASignedSuiteOverHttp(@TempDir Path dir, Debs debs) throws Exception {
        Path root = dir.resolve("debian");
        DebianFixtures.suite(root, "testing", true, debs.qemuSnapshot(), debs.libvirt());
        try (RepositoryServer server = RepositoryServer.serve(root)) {
            PollRequest request = new PollRequest(
                    List.of(Repository.parse(server.uri("dists/testing").toString())),
                    PackageSelector.of(List.of("qemu-system-*", "libvirt-daemon")), dir.resolve("state.json"),
                    null, false);
            Poller poller = new Poller(new Fetcher(Duration.ofSeconds(10), null));

            PollResult first = poller.poll(request);

            assertThat(first.outcomes()).as("%s", first.outcomes()).extracting(RepositoryOutcome::status).containsExactly(Status.READ);
            assertThat(first.newBuilds()).extracting(Build::nevra).containsExactly(
                    "libvirt-daemon-10.0.0-2.all", "qemu-system-x86-1:9.1.0+git20241002.abc1234-1.all");
            Build qemu = first.newBuilds().get(1);
            assertThat(qemu.format()).isEqualTo(PackageFormat.DEB);
            assertThat(qemu.checksum()).isEqualTo(new Checksum("sha256", Tools.sha256(debs.qemuSnapshot())));
            assertThat(qemu.size()).isEqualTo(Files.size(debs.qemuSnapshot()));
            assertThat(qemu.location()).isEqualTo(server.uri("pool/main/") + debs.qemuSnapshot().getFileName().toString().replace("%", "%25"));
            assertThat(qemu.sourcePackage()).isEqualTo("qemu");
            assertThat(qemu.sourceCommit()).isEqualTo("abc1234");
            assertThat(first.newBuilds().get(0).sourcePackage()).isEqualTo("libvirt-daemon");

            server.clearLog();
            assertThat(poller.poll(request).changes()).isEmpty();
            assertThat(server.log()).containsExactly("GET /dists/testing/InRelease 304");

            // republished with the same packages: a new InRelease (its Date), the same indices
            byte[] inRelease = Files.readAllBytes(root.resolve("dists/testing/InRelease"));
            Thread.sleep(1100);
            DebianFixtures.suite(root, "testing", true, debs.qemuSnapshot(), debs.libvirt());
            assertThat(Files.readAllBytes(root.resolve("dists/testing/InRelease"))).isNotEqualTo(inRelease);
            server.clearLog();
            PollResult republished = poller.poll(request);
            assertThat(republished.changes()).isEmpty();
            assertThat(republished.outcomes()).extracting(RepositoryOutcome::status).containsExactly(Status.UNCHANGED);
            assertThat(server.log()).containsExactly("GET /dists/testing/InRelease 200");
            server.clearLog();
            poller.poll(request);
            assertThat(server.log()).as("the new InRelease is remembered").containsExactly(
                    "GET /dists/testing/InRelease 304");

            DebianFixtures.suite(root, "testing", true, debs.qemuSnapshot(), debs.qemuRc(), debs.libvirt());
            PollResult rc = poller.poll(request);
            assertThat(rc.newBuilds()).extracting(Build::evr).containsExactly("1:9.2.0~rc1-1");
            assertThat(server.log()).contains("GET /dists/testing/main/binary-amd64/Packages.xz 200");

            DebianFixtures.suite(root, "testing", true, debs.qemuRc(), debs.qemuRelease(), debs.libvirt());
            assertThat(poller.poll(request).newBuilds()).extracting(Build::evr).containsExactly("1:9.2.0-1");
        }
    }

    @Test
    void shouldReportPublishingWhenAnIndexDoesNotMatchRelease(@TempDir Path dir, Debs debs) throws Exception {
        Path root = dir.resolve("debian");
        DebianFixtures.suite(root, "unstable", false, debs.libvirt());
        Path index = root.resolve("dists/unstable/main/binary-amd64/Packages.xz");
        Files.write(index, new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 1, 2, 3});
        PollRequest request = new PollRequest(List.of(Repository.parse(root.resolve("dists/unstable").toString())),
                PackageSelector.of(List.of("libvirt-daemon")), dir.resolve("state.json"), null, false);

        PollResult result = new Poller(new Fetcher()).poll(request);

        assertThat(result.outcomes()).as("%s", result.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(Status.PUBLISHING);
            assertThat(o.message()).contains("Packages.xz").endsWith("repository is being published, retry");
        });
        Files.delete(index);
        PollResult fallback = new Poller(new Fetcher()).poll(request);
        assertThat(fallback.newBuilds()).as("read from Packages.gz: %s", fallback.outcomes())
                .extracting(Build::name).containsExactly("libvirt-daemon");
        Files.delete(index.resolveSibling("Packages.gz"));
        Files.delete(index.resolveSibling("Packages"));
        PollRequest fresh = new PollRequest(request.repositories(), request.packages(), dir.resolve("fresh.json"),
                null, false);
        assertThat(new Poller(new Fetcher()).poll(fresh).outcomes()).singleElement()
                .satisfies(o -> assertThat(o.message()).contains("Packages.xz").contains("nor any other compression")
                        .contains("does not exist").endsWith("retry"));
    }

    @Test
    void shouldReadAFlatRepositoryWithoutInRelease(@TempDir Path dir, Debs debs) throws Exception {
        Path flat = dir.resolve("flat");
        DebianFixtures.flat(flat, debs.qemuRc(), debs.qemuSnapshot(), debs.libvirt());
        Path archive = dir.resolve("archive");
        PollRequest local = new PollRequest(List.of(Repository.parse("deb:" + flat)),
                PackageSelector.of(List.of("qemu-system-x86")), dir.resolve("state.json"), archive, false);

        PollResult result = new Poller(new Fetcher()).poll(local);

        assertThat(result.newBuilds()).as("%s", result.outcomes()).extracting(Build::evr).containsExactly("1:9.2.0~rc1-1");
        assertThat(result.newBuilds().get(0).location()).isEqualTo(flat.resolve(debs.qemuRc().getFileName()).toUri()
                .toString().replace("file:///", "file:/"));
        ArchivedBuild archived = Archive.open(archive).builds("qemu-system-x86").get(0);
        assertThat(Tools.sha256(Archive.open(archive).file(archived))).isEqualTo(Tools.sha256(debs.qemuRc()));
        assertThat(archive.resolve(archived.metadata()).resolve("Release")).isRegularFile();
        assertThat(archive.resolve(archived.metadata()).resolve("Packages.gz")).isRegularFile();
    }

    @Test
    void shouldAskAFlatRepositoryForReleaseOnlyOnceItHasNoInRelease(@TempDir Path dir, Debs debs) throws Exception {
        DebianFixtures.flat(dir.resolve("flat"), debs.libvirt());
        try (RepositoryServer server = RepositoryServer.serve(dir)) {
            PollRequest request = new PollRequest(List.of(Repository.parse("deb:" + server.uri("flat/"))),
                    PackageSelector.of(List.of("libvirt-daemon")), dir.resolve("state.json"), null, false);
            Poller poller = new Poller(new Fetcher());

            assertThat(poller.poll(request).newBuilds()).extracting(Build::nevra).containsExactly("libvirt-daemon-10.0.0-2.all");
            assertThat(server.log()).containsExactly("GET /flat/InRelease 404", "GET /flat/Release 200",
                    "GET /flat/Packages.gz 200");
            server.clearLog();

            assertThat(poller.poll(request).changes()).isEmpty();
            assertThat(server.log()).containsExactly("GET /flat/Release 304");
        }
    }
}
