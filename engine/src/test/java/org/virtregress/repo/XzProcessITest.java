package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decompresses real xz files with the system's xz, as the readers do when it is installed, and
 * with the Java decoder used without it.
 */
class XzProcessITest {
    private static final String WHAT = "http://127.0.0.1/dists/x/main/binary-amd64/Packages.xz";

    @Test
    void shouldDecompressWhatXzCompressed(@TempDir Path dir) throws Exception {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < 20000; k++) {
            text.append("Package: p").append(k).append("\nVersion: 1.").append(k).append("\n\n");
        }
        Path plain = Files.writeString(dir.resolve("Packages"), text);
        Tools.run(dir, "xz", "-k", plain.toString());

        try (InputStream in = XzProcess.open(Files.newInputStream(dir.resolve("Packages.xz")), "Packages.xz")) {
            assertThat(in).as("xz is installed for the tests").isNotNull();
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text.toString());
        }
    }

    @Test
    void shouldNameTheInputThatIsNotXz() throws Exception {
        byte[] garbage = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9};

        try (InputStream in = XzProcess.open(new ByteArrayInputStream(garbage), "http://127.0.0.1/Packages.xz")) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(RepositoryException.class)
                    .hasMessageContaining("cannot decompress http://127.0.0.1/Packages.xz")
                    .hasMessageContaining("not valid xz data");
        }
    }

    @Test
    void shouldCapWhatXzWrites(@TempDir Path dir) throws Exception {
        Path zeros = dir.resolve("zeros");
        Files.write(zeros, new byte[8 << 20]);
        Tools.run(dir, "xz", "-k", zeros.toString());

        try (InputStream in = Decompression.open(Files.newInputStream(dir.resolve("zeros.xz")), 1 << 20, "zeros.xz",
                "zeros.xz is larger than the limit of 1048576 bytes")) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(org.virtregress.io.LimitExceededException.class)
                    .hasMessageContaining("zeros.xz is larger than the limit of 1048576 bytes");
        }
    }

    @Test
    void shouldReadTheSameIndexWithTheJavaDecoderAsWithTheSystemXz(@TempDir Path dir) throws Exception {
        Path plain = Files.writeString(dir.resolve("Packages"), packagesIndex(6000));
        Tools.run(dir, "xz", "-6", "-k", plain.toString());
        byte[] compressed = Files.readAllBytes(dir.resolve("Packages.xz"));

        byte[] bySystem = decompress(compressed, true);
        byte[] byJava = decompress(compressed, false);
        List<Build> system = parse(bySystem);
        List<Build> java = parse(byJava);

        assertThat(byJava).isEqualTo(Files.readAllBytes(plain)).isEqualTo(bySystem);
        assertThat(java).isEqualTo(system);
        assertThat(java).extracting(Build::name).containsOnly("qemu-system-x86").hasSize(6000 / 100);
        assertThat(java).extracting(Build::evr).contains("1:8.2.0-100", "1:8.2.0-5900");
    }

    @Test
    void shouldNameTheIndexWhoseXzIsCorruptWithTheJavaDecoder(@TempDir Path dir) throws Exception {
        Path plain = Files.writeString(dir.resolve("Packages"), packagesIndex(3000));
        Tools.run(dir, "xz", "-6", "-k", plain.toString());
        byte[] corrupt = Files.readAllBytes(dir.resolve("Packages.xz"));
        for (int k = corrupt.length / 3; k < corrupt.length / 3 + 64; k++) {
            corrupt[k] ^= (byte) 0x5a;
        }
        byte[] truncated = Arrays.copyOf(Files.readAllBytes(dir.resolve("Packages.xz")), corrupt.length / 2);

        for (boolean systemXz : new boolean[] {false, true}) {
            assertThatThrownBy(() -> decompress(corrupt, systemXz)).as("corrupt, system xz %s", systemXz)
                    .isInstanceOf(RepositoryException.class)
                    .hasMessageContaining("cannot decompress " + WHAT).hasMessageContaining("not valid xz data");
            assertThatThrownBy(() -> decompress(truncated, systemXz)).as("truncated, system xz %s", systemXz)
                    .isInstanceOf(RepositoryException.class)
                    .hasMessageContaining("cannot decompress " + WHAT).hasMessageContaining("not valid xz data");
        }
    }

    private static byte[] decompress(byte[] xz, boolean systemXz) throws Exception {
        try (InputStream in = Decompression.open(new ByteArrayInputStream(xz), 64L << 20, WHAT, "too large",
                systemXz)) {
            return in.readAllBytes();
        }
    }

    private static List<Build> parse(byte[] index) throws Exception {
        List<Build> builds = new ArrayList<>();
        DebianRepoReader.parsePackages(new ByteArrayInputStream(index), WHAT,
                Repository.parse("http://127.0.0.1/dists/x"), URI.create("http://127.0.0.1/"),
                name -> name.startsWith("qemu-system-"), arch -> arch.equals("amd64") || arch.equals("all"),
                ReadLimits.DEFAULT, builds::add);
        return builds;
    }

    /** A Packages index of {@code count} stanzas; every hundredth one is qemu-system-x86 for amd64. */
    private static String packagesIndex(int count) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < count; k++) {
            String name = k % 100 == 0 ? "qemu-system-x86" : "lib" + Integer.toString(k * 7919, 36);
            text.append("Package: ").append(name).append("\nSource: qemu (1:8.2.0-").append(k)
                    .append(")\nVersion: 1:8.2.0-").append(k).append("\nArchitecture: ")
                    .append(k % 300 == 50 ? "arm64" : "amd64").append("\nMaintainer: Team <team@example.org>\n")
                    .append("Description: package number ").append(k).append("\n multi-line ")
                    .append("description text ").append(Integer.toHexString(k * 31)).append("\n .\n more\n")
                    .append("Filename: pool/main/q/qemu/").append(name).append("_").append(k).append("_amd64.deb\n")
                    .append("Size: ").append(1000 + k).append("\nSHA256: ")
                    .append(String.format("%064x", (long) k * 2654435761L)).append("\n\n");
        }
        return text.toString();
    }
}
