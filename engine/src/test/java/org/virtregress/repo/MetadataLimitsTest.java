package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataLimitsTest {
    private static final String PRIMARY = "<metadata><package type=\"rpm\"><name>foo</name><arch>noarch</arch>"
            + "<version epoch=\"0\" ver=\"1\" rel=\"1\"/><checksum type=\"sha256\">" + "ab".repeat(32) + "</checksum>"
            + "<location href=\"foo-1-1.noarch.rpm\"/></package></metadata>";

    @Test
    void shouldRefuseAStatedOpenSizeAboveTheDefaultLimitBeforeDownloading(@TempDir Path dir) throws Exception {
        Path repo = repository(dir, PRIMARY.getBytes(StandardCharsets.UTF_8), 5L << 30);
        Fetcher fetcher = new Fetcher();

        assertThatThrownBy(() -> new RpmMdReader(fetcher, ReadLimits.DEFAULT).read(Repository.parse(repo.toString()),
                null, PackageSelector.of(List.of("foo")), null))
                .isInstanceOf(TooLargeException.class)
                .hasMessage("the index states that " + "file:" + repo + "/repodata/primary.xml.gz decompresses to "
                        + (5L << 30) + " bytes, above the limit of " + (4L << 30) + " bytes; refusing to read it");
        assertThat(fetcher.requests()).isEqualTo(1);
    }

    @Test
    void shouldStopAFileThatDecompressesPastItsStatedOpenSize(@TempDir Path dir) throws Exception {
        byte[] content = (PRIMARY + " ".repeat(1 << 20)).getBytes(StandardCharsets.UTF_8);
        Path repo = repository(dir, content, PRIMARY.length());

        assertThatThrownBy(() -> new RpmMdReader(new Fetcher(), ReadLimits.DEFAULT).read(
                Repository.parse(repo.toString()), null, PackageSelector.of(List.of("foo")), null))
                .isInstanceOf(TooLargeException.class)
                .hasMessage("file:" + repo + "/repodata/primary.xml.gz decompresses to more than the " + PRIMARY.length()
                        + " bytes its index states; refusing to read further");
    }

    @Test
    void shouldFailThePollOfAnEndlessNameWithAnErrorNamingTheUrlAndTheByte(@TempDir Path dir) throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo/repodata"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(repo.resolve("primary.xml.gz")))) {
            out.write("<metadata><package type=\"rpm\"><name>".getBytes(StandardCharsets.UTF_8));
            byte[] letters = new byte[1 << 20];
            Arrays.fill(letters, (byte) 'q');
            for (int k = 0; k < 64; k++) {
                out.write(letters);
            }
        }
        writeRepomd(repo, -1);
        ReadLimits limits = new ReadLimits(1 << 20, 1L << 30, 1 << 20);
        Poller poller = new Poller(new Fetcher(), limits, Clock.systemUTC());

        PollResult result = poller.poll(new PollRequest(List.of(Repository.parse(dir.resolve("repo").toString())),
                PackageSelector.of(List.of("q*")), dir.resolve("state.json"), null, false));

        assertThat(result.outcomes()).singleElement().satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(RepositoryOutcome.Status.FAILED);
            assertThat(outcome.message()).isEqualTo("file:" + dir.resolve("repo") + "/repodata/primary.xml.gz: more than"
                    + " 1048576 bytes of one text node, tag or comment from byte 30; refusing to read further");
        });
    }

    private static Path repository(Path dir, byte[] primary, long openSize) throws IOException {
        Path repodata = Files.createDirectories(dir.resolve("repo/repodata"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(repodata.resolve("primary.xml.gz")))) {
            out.write(primary);
        }
        writeRepomd(repodata, openSize);
        return dir.resolve("repo");
    }

    private static void writeRepomd(Path repodata, long openSize) throws IOException {
        Files.writeString(repodata.resolve("repomd.xml"), "<repomd><data type=\"primary\">"
                + "<location href=\"repodata/primary.xml.gz\"/>"
                + (openSize >= 0 ? "<open-size>" + openSize + "</open-size>" : "") + "</data></repomd>");
    }
}
