package org.virtregress.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveTest {
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void shouldKeyPackageFilesByTheirChecksum(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("foo_1.0_all.deb"), "package");
        Archive archive = Archive.open(dir.resolve("archive"));

        ArchivedBuild archived = archive.add(build("foo", file.toUri().toString(), file), new Fetcher(), null, NOW);

        assertThat(archived.file()).isEqualTo("packages/" + Tools.sha256(file) + "/foo_1.0_all.deb");
        assertThat(archive.file(archived)).hasContent("package");
    }

    @Test
    void shouldRefuseANameThatIsAPathAndWriteNothing(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.deb"), "package");
        Path root = dir.resolve("a/b/c/archive");
        Archive archive = Archive.open(root);

        assertThatThrownBy(() -> archive.add(build("qemu-a/../../../../tmp/x", file.toUri().toString(), file),
                new Fetcher(), null, NOW))
                .isInstanceOf(RepositoryException.class)
                .hasMessageContaining("repository deb:" + dir)
                .hasMessageContaining("package name 'qemu-a/../../../../tmp/x' is not a valid package name");
        assertThat(files(dir)).containsExactly(file);
    }

    @Test
    void shouldRefuseALocationWithoutAUsableFileName(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.deb"), "package");
        Archive archive = Archive.open(dir.resolve("archive"));

        assertThatThrownBy(() -> archive.add(build("foo", "http://127.0.0.1:9/pool/..", file), new Fetcher(),
                null, NOW))
                .isInstanceOf(RepositoryException.class)
                .hasMessageContaining("package foo at http://127.0.0.1:9/pool/.. has no usable file name");
        assertThat(files(dir)).containsExactly(file);
    }

    @Test
    void shouldQuoteControlCharactersOfARefusedName(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("x.deb"), "package");

        assertThatThrownBy(() -> PackageNames.check(build("foo\u001b[2Jbar", file.toUri().toString(), file)))
                .hasMessageContaining("'foo\\u001b[2Jbar'");
    }

    @Test
    void shouldRefuseAnIndexEntryThatPointsOutsideTheArchive(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("archive"));
        Files.writeString(root.resolve(Archive.INDEX), """
                {"builds": [{"build": {"name": "foo", "evr": "1", "arch": "all", "format": "DEB",
                  "repository": "r", "location": "http://x/foo.deb",
                  "checksum": {"type": "sha256", "value": "00"}, "size": -1},
                  "file": "../../etc/passwd", "archivedAt": "2026-01-02T03:04:05Z"}]}
                """, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Archive.open(root)).isInstanceOf(IOException.class)
                .hasMessageContaining(root.resolve(Archive.INDEX).toString())
                .hasMessageContaining("'../../etc/passwd' points outside the archive");
    }

    private static Build build(String name, String location, Path file) throws IOException {
        return new Build(name, "1.0", "all", PackageFormat.DEB, "deb:" + file.getParent(), location,
                new Checksum("sha256", Tools.sha256(file)), Files.size(file), null, null, null);
    }

    private static java.util.List<Path> files(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}
