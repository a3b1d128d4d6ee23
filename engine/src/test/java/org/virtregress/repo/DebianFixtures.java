package org.virtregress.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/** Builds real Debian packages with dpkg-deb and real repositories with apt-ftparchive. */
final class DebianFixtures {
    private DebianFixtures() {
    }

    static Path deb(Path work, String name, String version, String source, String marker)
            throws IOException, InterruptedException {
        return deb(work, name, version, "all", source, marker);
    }

    static Path deb(Path work, String name, String version, String arch, String source, String marker)
            throws IOException, InterruptedException {
        Path tree = Files.createTempDirectory(work, "deb");
        Files.createDirectories(tree.resolve("DEBIAN"));
        Files.createDirectories(tree.resolve("usr/share/doc").resolve(name));
        Files.writeString(tree.resolve("usr/share/doc").resolve(name).resolve("marker"), marker);
        Files.writeString(tree.resolve("DEBIAN/control"), "Package: " + name + "\nVersion: " + version
                + "\nArchitecture: " + arch + "\nMaintainer: Test <test@example.org>\n"
                + (source == null ? "" : "Source: " + source + "\n")
                + "Description: test package\n " + marker + "\n");
        Path deb = work.resolve(name + "_" + version.replace(':', '%') + "_" + marker.hashCode() + "_" + arch + ".deb");
        Tools.run(work, "dpkg-deb", "--root-owner-group", "-Zgzip", "--build", tree.toString(), deb.toString());
        return deb;
    }

    /** Publishes a suite {@code dists/<suite>} with one component, {@code main}, for amd64. */
    static void suite(Path root, String suite, boolean signed, Path... debs) throws IOException, InterruptedException {
        if (Files.exists(root)) {
            Tools.run(root.getParent(), "rm", "-rf", root.toString());
        }
        Path pool = Files.createDirectories(root.resolve("pool/main"));
        for (Path deb : debs) {
            Files.copy(deb, pool.resolve(deb.getFileName()));
        }
        Path binary = Files.createDirectories(root.resolve("dists").resolve(suite).resolve("main/binary-amd64"));
        Tools.runTo(root, binary.resolve("Packages"), "apt-ftparchive", "packages", "pool");
        Tools.run(binary, "xz", "-k", "Packages");
        Tools.run(binary, "gzip", "-k", "Packages");
        release(root.resolve("dists").resolve(suite), signed, "-o", "APT::FTPArchive::Release::Suite=" + suite,
                "-o", "APT::FTPArchive::Release::Components=main", "-o", "APT::FTPArchive::Release::Architectures=amd64");
    }

    /**
     * Publishes (or republishes in place) a suite the way an archive does, with
     * {@code apt-ftparchive generate}: the given components, each holding the given packages, for
     * the given architectures, with by-hash directories ({@code Acquire-By-Hash: yes}) that keep
     * the files of earlier publications. The Release is written to a temporary file and moved
     * into place; with a key, it is clearsigned into InRelease instead.
     *
     * @param root the archive root, holding {@code pool/} and {@code dists/}
     * @param suite the suite name
     * @param architectures the architectures, for example {@code amd64 arm64}
     * @param key the key to sign with, or null for an unsigned Release
     * @param components the packages of each component, by component name
     */
    static void archive(Path root, String suite, List<String> architectures, SigningKey key,
            Map<String, List<Path>> components) throws IOException, InterruptedException {
        StringBuilder conf = new StringBuilder("Dir { ArchiveDir \".\"; };\n")
                .append("Default { Packages::Compress \". xz gzip\"; Contents::Compress \"\"; };\n")
                .append("TreeDefault { Directory \"pool/$(SECTION)\"; Contents \"$(DIST)/$(SECTION)/Contents-$(ARCH)\"; };\n")
                .append("Tree \"dists/").append(suite).append("\" { Sections \"")
                .append(String.join(" ", components.keySet())).append("\"; Architectures \"")
                .append(String.join(" ", architectures)).append("\"; };\n");
        for (Map.Entry<String, List<Path>> component : components.entrySet()) {
            Path pool = root.resolve("pool").resolve(component.getKey());
            if (Files.exists(pool)) {
                Tools.run(root, "rm", "-rf", pool.toString());
            }
            Files.createDirectories(pool);
            for (Path deb : component.getValue()) {
                Files.copy(deb, pool.resolve(deb.getFileName()));
            }
            for (String arch : architectures) {
                Files.createDirectories(root.resolve("dists").resolve(suite).resolve(component.getKey())
                        .resolve("binary-" + arch));
            }
        }
        Path confFile = Files.writeString(root.resolve("generate.conf"), conf);
        Tools.run(root, "apt-ftparchive", "generate", confFile.toString());
        Files.delete(confFile);
        Path dists = root.resolve("dists").resolve(suite);
        Path tmp = Files.createTempFile(root, "Release", ".tmp");
        Tools.runTo(dists, tmp, "apt-ftparchive", "-o", "APT::FTPArchive::DoByHash=true",
                "-o", "APT::FTPArchive::Release::Suite=" + suite,
                "-o", "APT::FTPArchive::Release::Architectures=" + String.join(" ", architectures),
                "-o", "APT::FTPArchive::Release::Components=" + String.join(" ", components.keySet()),
                "release", ".");
        if (key != null) {
            Path signed = root.resolve("InRelease.tmp");
            key.clearsign(tmp, signed);
            Files.move(signed, dists.resolve("InRelease"), StandardCopyOption.REPLACE_EXISTING);
            Files.delete(tmp);
        } else {
            Files.move(tmp, dists.resolve("Release"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Publishes a flat repository: the packages, Packages.gz and Release in one directory. */
    static void flat(Path dir, Path... debs) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        for (Path deb : debs) {
            Files.copy(deb, dir.resolve(deb.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Tools.runTo(dir, dir.resolve("Packages"), "apt-ftparchive", "packages", ".");
        Tools.run(dir, "gzip", "-kf", "Packages");
        Files.delete(dir.resolve("Packages"));
        release(dir, false);
    }

    private static void release(Path dir, boolean signed, String... options) throws IOException, InterruptedException {
        Path tmp = Files.createTempFile(dir.getParent(), "Release", ".tmp");
        String[] argv = new String[options.length + 3];
        argv[0] = "apt-ftparchive";
        System.arraycopy(options, 0, argv, 1, options.length);
        argv[argv.length - 2] = "release";
        argv[argv.length - 1] = ".";
        Tools.runTo(dir, tmp, argv);
        if (signed) {
            String body = Files.readString(tmp);
            Files.writeString(dir.resolve("InRelease"), "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n"
                    + body + "-----BEGIN PGP SIGNATURE-----\n\niQIzBAEBCgAdFiEE\n=abcd\n-----END PGP SIGNATURE-----\n");
            Files.delete(tmp);
        } else {
            Files.move(tmp, dir.resolve("Release"), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
