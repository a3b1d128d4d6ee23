package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.repo.RepositoryOutcome.Status;

class DebianRepoReaderITest {
    @TempDir
    static Path debs;
    static Path qemuSnapshot;
    static Path qemuRc;
    static Path qemuRelease;
    static Path libvirt;

    @BeforeAll
    static void buildPackages() throws Exception {
        qemuSnapshot = DebianFixtures.deb(debs, "qemu-system-x86", "1:9.1.0+git20241002.abc1234-1",
                "qemu (1:9.1.0+git20241002.abc1234-1)", "snapshot");
        qemuRc = DebianFixtures.deb(debs, "qemu-system-x86", "1:9.2.0~rc1-1", "qemu", "rc");
        qemuRelease = DebianFixtures.deb(debs, "qemu-system-x86", "1:9.2.0-1", "qemu", "release");
        libvirt = DebianFixtures.deb(debs, "libvirt-daemon", "10.0.0-2", null, "libvirt");
    }

    @Test
    void shouldPollASignedSuiteOverHttp(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("debian");
        DebianFixtures.suite(root, "testing", true, qemuSnapshot, libvirt);
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
            assertThat(qemu.checksum()).isEqualTo(new Checksum("sha256", Tools.sha256(qemuSnapshot)));
            assertThat(qemu.size()).isEqualTo(Files.size(qemuSnapshot));
            assertThat(qemu.location()).isEqualTo(server.uri("pool/main/") + qemuSnapshot.getFileName().toString().replace("%", "%25"));
            assertThat(qemu.sourcePackage()).isEqualTo("qemu");
            assertThat(qemu.sourceCommit()).isEqualTo("abc1234");
            assertThat(first.newBuilds().get(0).sourcePackage()).isEqualTo("libvirt-daemon");

            server.clearLog();
            assertThat(poller.poll(request).changes()).isEmpty();
            assertThat(server.log()).containsExactly("GET /dists/testing/InRelease 304");

            DebianFixtures.suite(root, "testing", true, qemuSnapshot, qemuRc, libvirt);
            PollResult rc = poller.poll(request);
            assertThat(rc.newBuilds()).extracting(Build::evr).containsExactly("1:9.2.0~rc1-1");
            assertThat(server.log()).contains("GET /dists/testing/main/binary-amd64/Packages.xz 200");

            DebianFixtures.suite(root, "testing", true, qemuRc, qemuRelease, libvirt);
            assertThat(poller.poll(request).newBuilds()).extracting(Build::evr).containsExactly("1:9.2.0-1");
        }
    }

    @Test
    void shouldReportPublishingWhenAnIndexDoesNotMatchRelease(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("debian");
        DebianFixtures.suite(root, "unstable", false, libvirt);
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
    void shouldReadAFlatRepositoryWithoutInRelease(@TempDir Path dir) throws Exception {
        Path flat = dir.resolve("flat");
        DebianFixtures.flat(flat, qemuRc, qemuSnapshot, libvirt);
        Path archive = dir.resolve("archive");
        PollRequest local = new PollRequest(List.of(Repository.parse("deb:" + flat)),
                PackageSelector.of(List.of("qemu-system-x86")), dir.resolve("state.json"), archive, false);

        PollResult result = new Poller(new Fetcher()).poll(local);

        assertThat(result.newBuilds()).as("%s", result.outcomes()).extracting(Build::evr).containsExactly("1:9.2.0~rc1-1");
        assertThat(result.newBuilds().get(0).location()).isEqualTo(flat.resolve(qemuRc.getFileName()).toUri()
                .toString().replace("file:///", "file:/"));
        ArchivedBuild archived = Archive.open(archive).builds("qemu-system-x86").get(0);
        assertThat(Tools.sha256(Archive.open(archive).file(archived))).isEqualTo(Tools.sha256(qemuRc));
        assertThat(archive.resolve(archived.metadata()).resolve("Release")).isRegularFile();
        assertThat(archive.resolve(archived.metadata()).resolve("Packages.gz")).isRegularFile();
    }

    @Test
    void shouldAskAFlatRepositoryForReleaseOnlyOnceItHasNoInRelease(@TempDir Path dir) throws Exception {
        DebianFixtures.flat(dir.resolve("flat"), libvirt);
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
