package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decompresses real xz files with the system's xz, as the readers do when it is installed. */
class XzProcessITest {
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
}
