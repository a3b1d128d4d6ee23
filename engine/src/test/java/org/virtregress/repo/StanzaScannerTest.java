package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StanzaScannerTest {
    private static final String WHAT = "http://127.0.0.1/dists/x/main/binary-amd64/Packages.xz";

    @Test
    void shouldKeepTheWatchedStanzasOfTheSelectedArchitecturesOnly() throws Exception {
        String index = "Package: qemu-system-x86\r\nVersion: 1:9.1.0-1\r\nArchitecture: amd64\r\n"
                + "Filename: pool/main/q/qemu.deb\r\nSize: 42\r\nSHA256: ab12\r\nSource: qemu (1:9.1.0-1)\r\n"
                + "Description: long\r\n text\r\n\r\n"
                + "Version: 2.0\nArchitecture: all\nPackage: qemu-data\nFilename: pool/d.deb\nSHA256: cd34\n\n"
                + "Package: unwatched\nthis line is not a field and is never looked at\n\n"
                + "Package: qemu-arm\nVersion: 1\nArchitecture: arm64\nFilename: a.deb\nSHA256: ef\n";

        List<Build> builds = parse(index, ReadLimits.DEFAULT);

        assertThat(builds).extracting(Build::nevra).containsExactly("qemu-system-x86-1:9.1.0-1.amd64",
                "qemu-data-2.0.all");
        assertThat(builds.get(0).size()).isEqualTo(42);
        assertThat(builds.get(0).sourcePackage()).isEqualTo("qemu");
        assertThat(builds.get(0).location()).isEqualTo("http://127.0.0.1/pool/main/q/qemu.deb");
        assertThat(builds.get(1).size()).isEqualTo(-1);
    }

    @Test
    void shouldStopAGiantLineWithAnErrorNamingTheFileAndPosition() {
        InputStream giant = new SequenceInputStream(bytes("Package: qemu-x\nVersion: 1\nDescription: "),
                endless('x'));

        assertThatThrownBy(() -> parse(giant, ReadLimits.DEFAULT))
                .isInstanceOf(TooLargeException.class)
                .hasMessageContaining(WHAT).hasMessageContaining("line 3").hasMessageContaining("byte 27")
                .hasMessageContaining("longer than the limit of " + ReadLimits.DEFAULT_MAX_DEBIAN_LINE_BYTES);
    }

    @Test
    void shouldCapTheLinesOfSkippedStanzasToo() {
        InputStream giant = new SequenceInputStream(bytes("Package: unwatched\nDepends: "), endless('y'));

        assertThatThrownBy(() -> parse(giant, new ReadLimits(1 << 20, 1 << 30, 1 << 20, 4096, 1 << 20)))
                .isInstanceOf(TooLargeException.class).hasMessageContaining("line 2");
    }

    @Test
    void shouldStopAGiantStanzaOfShortLines() {
        StringBuilder stanza = new StringBuilder("Package: unwatched\n");
        for (int k = 0; k < 2000; k++) {
            stanza.append(" continuation line ").append(k).append('\n');
        }

        assertThatThrownBy(() -> parse("Package: a\n\n" + stanza, new ReadLimits(1 << 20, 1 << 30, 1 << 20, 4096, 16384)))
                .isInstanceOf(TooLargeException.class)
                .hasMessageContaining("stanza at line 3 (byte 12)").hasMessageContaining("16384 bytes");
    }

    @Test
    void shouldNameTheLineThatIsNotAField() {
        assertThatThrownBy(() -> parse("<html>\n<body>not found</body>\n", ReadLimits.DEFAULT))
                .isInstanceOf(RepositoryException.class)
                .hasMessageContaining(WHAT + " is not a Packages index: unexpected line 1 (byte 0) '<html>'");
    }

    @Test
    void shouldCapTheLinesOfARelease() {
        String release = "Suite: x\nDescription: " + "z".repeat(5000) + "\n";

        assertThatThrownBy(() -> ReleaseFile.parse(release, "http://127.0.0.1/dists/x/Release", 4096))
                .isInstanceOf(TooLargeException.class)
                .hasMessageContaining("http://127.0.0.1/dists/x/Release: line 2 is longer than the limit of 4096");
    }

    @Test
    void shouldRefuseAReleaseChecksumThatIsNotHex() {
        String release = "Suite: x\nSHA256:\n ../../../etc/passwd 12 main/binary-amd64/Packages\n";

        assertThatThrownBy(() -> ReleaseFile.parse(release, "Release", 4096))
                .hasMessageContaining("malformed SHA256 line");
    }

    private static List<Build> parse(String index, ReadLimits limits) throws Exception {
        return parse(bytes(index), limits);
    }

    private static List<Build> parse(InputStream index, ReadLimits limits) throws Exception {
        List<Build> builds = new ArrayList<>();
        Repository repository = Repository.parse("http://127.0.0.1/dists/x");
        DebianRepoReader.parsePackages(index, WHAT, repository, URI.create("http://127.0.0.1/"),
                name -> name.startsWith("qemu-"), arch -> arch.equals("amd64") || arch.equals("all"), limits,
                builds::add);
        return builds;
    }

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A stream of one byte repeated without end, as a hostile server sends it. */
    private static InputStream endless(char c) {
        return new InputStream() {
            @Override
            public int read() {
                return c;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                java.util.Arrays.fill(buffer, offset, offset + length, (byte) c);
                return length;
            }
        };
    }
}
