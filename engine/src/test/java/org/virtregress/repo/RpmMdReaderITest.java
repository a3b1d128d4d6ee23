package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.virtregress.testing.ClassFixture;
import org.virtregress.testing.RepositoryServer;

class RpmMdReaderITest {
    @RegisterExtension
    static final ClassFixture<Repositories> REPOSITORIES = ClassFixture.of(Repositories.class, Repositories::build);

    /** The packages built once for all tests of the class, and the directory that holds them. */
    record Repositories(Path work, Path foo10, Path foo11, Path qemu) {
        static Repositories build(Path directory) throws Exception {
            Path foo10 = RpmFixtures.rpm(directory, "foo", null, "1.0", "1", "first", null);
            Path foo11 = RpmFixtures.rpm(directory, "foo", null, "1.1", "1", "second", null);
            Path qemu = RpmFixtures.rpm(directory, "qemu-kvm", "2", "9.1.0+git20241002.abc1234", "1.1", "snapshot", null);
            Path[] all = {foo10, foo11, qemu};
            RpmFixtures.repository(directory.resolve("gzip"), all);
            RpmFixtures.repository(directory.resolve("xz"), all, "--general-compress-type", "xz");
            RpmFixtures.repository(directory.resolve("bzip2"), all, "--general-compress-type", "bz2");
            RpmFixtures.repository(directory.resolve("zstd"), all);
            RpmFixtures.recompressPrimaryWithZstd(directory.resolve("zstd"));
            RpmFixtures.repository(directory.resolve("plain"), all, "--simple-md-filenames");
            return new Repositories(directory, foo10, foo11, qemu);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "xz", "bzip2", "zstd", "plain"})
    void shouldReadEveryCompressionOverHttp(String variant, Repositories fixture) throws Exception {
        try (RepositoryServer server = RepositoryServer.serve(fixture.work())) {
            Repository repository = Repository.parse(server.uri(variant).toString());

            RepositorySnapshot snapshot = reader().read(repository, null,
                    PackageSelector.of(List.of("foo", "qemu-*")), null);

            assertThat(snapshot.unchanged()).isFalse();
            assertThat(snapshot.builds()).extracting(Build::nevra).containsExactlyInAnyOrder(
                    "foo-1.0-1.noarch", "foo-1.1-1.noarch", "qemu-kvm-2:9.1.0+git20241002.abc1234-1.1.noarch");
            Build foo = snapshot.builds().stream().filter(b -> b.evr().equals("1.1-1")).findFirst().orElseThrow();
            assertThat(foo.checksum()).isEqualTo(new Checksum("sha256", Tools.sha256(fixture.foo11())));
            assertThat(foo.size()).isEqualTo(Files.size(fixture.foo11()));
            assertThat(foo.location()).isEqualTo(server.uri(variant + "/Packages/" + fixture.foo11().getFileName()).toString());
            assertThat(foo.sourcePackage()).isEqualTo("foo-1.1-1.src.rpm");
            assertThat(foo.buildTime()).isBetween(Instant.now().minusSeconds(3600), Instant.now());
            assertThat(foo.repository()).isEqualTo(repository.spec());
            assertThat(foo.format()).isEqualTo(PackageFormat.RPM);
            assertThat(foo.sourceCommit()).isNull();
            Build kvm = snapshot.builds().stream().filter(b -> b.name().equals("qemu-kvm")).findFirst().orElseThrow();
            assertThat(kvm.sourceCommit()).isEqualTo("abc1234");
        }
    }

    @Test
    void shouldReadALocalDirectory(Repositories fixture) throws Exception {
        RepositorySnapshot snapshot = reader().read(Repository.parse(fixture.work().resolve("xz").toString()), null,
                PackageSelector.of(List.of("foo")), null);

        assertThat(snapshot.builds()).extracting(Build::evr).containsExactly("1.0-1", "1.1-1");
        assertThat(snapshot.builds().get(0).location()).startsWith("file:/");
    }

    @Test
    void shouldLeaveOutUnwatchedPackages(Repositories fixture) throws Exception {
        RepositorySnapshot snapshot = reader().read(Repository.parse(fixture.work().resolve("gzip").toString()), null,
                PackageSelector.of(List.of("bar")), null);

        assertThat(snapshot.builds()).isEmpty();
    }

    @Test
    void shouldReportPublishingWhenPrimaryIsMissing(@TempDir Path dir, Repositories fixture) throws Exception {
        Path repo = copyOf(fixture, "gzip", dir);
        try (var files = Files.list(repo.resolve("repodata"))) {
            for (Path file : files.filter(p -> p.toString().contains("primary.xml")).toList()) {
                Files.delete(file);
            }
        }

        assertThatThrownBy(() -> read(repo)).isInstanceOf(PublishingInProgressException.class)
                .hasMessageContaining("primary.xml.gz").hasMessageContaining("does not exist")
                .hasMessageContaining("repository is being published, retry");
    }

    @Test
    void shouldReportPublishingWhenPrimaryChecksumDiffers(@TempDir Path dir, Repositories fixture) throws Exception {
        Path repo = copyOf(fixture, "xz", dir);
        Path primary;
        try (var files = Files.list(repo.resolve("repodata"))) {
            primary = files.filter(p -> p.toString().endsWith("primary.xml.xz")).findFirst().orElseThrow();
        }
        Files.copy(firstPrimaryOf(fixture.work().resolve("zstd")), primary, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> read(repo)).isInstanceOf(PublishingInProgressException.class)
                .hasMessageContaining(primary.getFileName().toString()).hasMessageContaining("checksum");
    }

    @Test
    void shouldReportPublishingWhenPrimaryIsTruncated(@TempDir Path dir, Repositories fixture) throws Exception {
        Path repo = copyOf(fixture, "gzip", dir);
        Path primary = firstPrimaryOf(repo);
        byte[] content = Files.readAllBytes(primary);
        Files.write(primary, java.util.Arrays.copyOf(content, content.length / 2));

        assertThatThrownBy(() -> read(repo)).isInstanceOf(PublishingInProgressException.class)
                .hasMessageContaining(primary.getFileName().toString());
    }

    @Test
    void shouldRejectGarbageMetadataNamingTheFile(Repositories fixture) throws Exception {
        Path repo = fixture.work().resolve("garbage");
        Files.createDirectories(repo.resolve("repodata"));
        Files.writeString(repo.resolve("repodata/repomd.xml"), "this is not xml");

        assertThatThrownBy(() -> read(repo)).isInstanceOf(RepositoryException.class)
                .isNotInstanceOf(PublishingInProgressException.class)
                .hasMessageContaining("repodata/repomd.xml");
    }

    @Test
    void shouldRejectExternalEntities(Repositories fixture) throws Exception {
        Path secret = Files.writeString(fixture.work().resolve("secret.txt"), "top secret");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE metadata [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<metadata xmlns=\"http://linux.duke.edu/metadata/common\" packages=\"1\"><package type=\"rpm\">"
                + "<name>&xxe;</name></package></metadata>";
        List<Build> builds = new ArrayList<>();

        assertThatThrownBy(() -> RpmMdReader.parsePrimary(stream(xxe), "primary.xml",
                Repository.parse(fixture.work().toString()), name -> true, builds::add))
                .isInstanceOf(XMLStreamException.class);
        assertThat(builds).isEmpty();
        assertThatThrownBy(() -> RepoMd.parse(xxe.getBytes(StandardCharsets.UTF_8), "http://x/repodata/repomd.xml"))
                .isInstanceOf(RepositoryException.class).hasMessageContaining("http://x/repodata/repomd.xml");
    }

    @Test
    void shouldRefuseLocationsThatLeadFromARemoteRepositoryToLocalFiles() {
        Repository remote = Repository.parse("https://example.org/repo/");
        String primary = "<metadata><package type=\"rpm\"><name>foo</name><arch>noarch</arch>"
                + "<version epoch=\"0\" ver=\"1\" rel=\"1\"/><checksum type=\"sha256\">00</checksum>"
                + "<location %s/></package></metadata>";

        assertThatThrownBy(() -> RpmMdReader.parsePrimary(stream(primary.formatted(
                "xml:base=\"file:///etc/\" href=\"passwd\"")), "primary.xml", remote, name -> true, b -> { }))
                .isInstanceOf(RepositoryException.class).hasMessageContaining("file:///etc/");
        assertThatThrownBy(() -> RpmMdReader.parsePrimary(stream(primary.formatted(
                "href=\"file:///etc/passwd\"")), "primary.xml", remote, name -> true, b -> { }))
                .isInstanceOf(RepositoryException.class).hasMessageContaining("/etc/passwd");
    }

    @Test
    void shouldStopADecompressionBomb(Repositories fixture) throws Exception {
        Path repo = fixture.work().resolve("bomb");
        Files.createDirectories(repo.resolve("repodata"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(repo.resolve("repodata/primary.xml.gz")))) {
            out.write("<metadata>".getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int k = 0; k < 64; k++) {
                out.write(spaces);
            }
        }
        Files.writeString(repo.resolve("repodata/repomd.xml"), "<repomd><data type=\"primary\">"
                + "<location href=\"repodata/primary.xml.gz\"/></data></repomd>");
        RpmMdReader reader = new RpmMdReader(new Fetcher(), new ReadLimits(1 << 20, 8L << 20));

        assertThatThrownBy(() -> reader.read(Repository.parse(repo.toString()), null,
                PackageSelector.of(List.of("foo")), null))
                .isInstanceOf(TooLargeException.class)
                .hasMessageContaining("primary.xml.gz").hasMessageContaining("larger than the limit of 8388608 bytes");
    }

    @Test
    void shouldTolerateOldCreaterepoQuirks(Repositories fixture) throws Exception {
        Path repo = fixture.work().resolve("quirks");
        Files.createDirectories(repo.resolve("repodata"));
        Files.copy(resource("quirks-primary.xml"), repo.resolve("repodata/primary.xml"));
        Files.copy(resource("quirks-repomd.xml"), repo.resolve("repodata/repomd.xml"));

        List<Build> builds = read(repo);

        assertThat(builds).extracting(Build::nevra).containsExactly("foo-1:2.0-3.el7.x86_64", "other-1.noarch");
        Build build = builds.get(0);
        assertThat(build.evr()).isEqualTo("1:2.0-3.el7");
        assertThat(build.buildTime()).isEqualTo(Instant.ofEpochSecond(1_400_000_000L, 500_000_000));
        assertThat(build.size()).isEqualTo(-1);
        assertThat(build.sourcePackage()).isNull();
        assertThat(build.checksum()).isEqualTo(new Checksum("sha1", "0123456789abcdef0123456789abcdef01234567"));
        assertThat(build.location()).isEqualTo("http://mirror.example.org/base/Packages/foo-2.0-3.el7.x86_64.rpm");
    }

    @Test
    void shouldReportAnUnchangedIndexWithoutFurtherDownloads(Repositories fixture) throws Exception {
        try (RepositoryServer server = RepositoryServer.serve(fixture.work())) {
            Repository repository = Repository.parse(server.uri("gzip").toString());
            RepositorySnapshot first = reader().read(repository, null,
                    PackageSelector.of(List.of("foo")), null);
            server.clearLog();

            RepositorySnapshot second = reader().read(repository, first.mark(),
                    PackageSelector.of(List.of("foo")), null);

            assertThat(second.unchanged()).isTrue();
            assertThat(server.log()).containsExactly("GET /gzip/repodata/repomd.xml 304");
        }
    }

    private static List<Build> read(Path repo) throws RepositoryException {
        return reader().read(Repository.parse(repo.toString()), null,
                PackageSelector.of(List.of("*")), null).builds();
    }

    private static RpmMdReader reader() {
        return new RpmMdReader(new Fetcher(java.time.Duration.ofSeconds(10), null), ReadLimits.DEFAULT);
    }

    /** Copies a repository of the fixture into a test's own directory, which the test may then change. */
    private static Path copyOf(Repositories fixture, String variant, Path directory)
            throws IOException, InterruptedException {
        Path target = directory.resolve(variant);
        Tools.run(directory, "cp", "-r", fixture.work().resolve(variant).toString(), target.toString());
        return target;
    }

    private static Path firstPrimaryOf(Path repo) throws IOException {
        try (var files = Files.list(repo.resolve("repodata"))) {
            return files.filter(p -> p.getFileName().toString().contains("primary.xml")).findFirst().orElseThrow();
        }
    }

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream resource(String name) {
        return RpmMdReaderITest.class.getResourceAsStream(name);
    }
}
