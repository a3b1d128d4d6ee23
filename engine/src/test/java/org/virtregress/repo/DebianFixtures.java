package org.virtregress.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Builds real Debian packages with dpkg-deb and real repositories with apt-ftparchive. */
final class DebianFixtures {
    private DebianFixtures() {
    }

    static Path deb(Path work, String name, String version, String source, String marker)
            throws IOException, InterruptedException {
        Path tree = Files.createTempDirectory(work, "deb");
        Files.createDirectories(tree.resolve("DEBIAN"));
        Files.createDirectories(tree.resolve("usr/share/doc").resolve(name));
        Files.writeString(tree.resolve("usr/share/doc").resolve(name).resolve("marker"), marker);
        Files.writeString(tree.resolve("DEBIAN/control"), "Package: " + name + "\nVersion: " + version
                + "\nArchitecture: all\nMaintainer: Test <test@example.org>\n"
                + (source == null ? "" : "Source: " + source + "\n")
                + "Description: test package\n " + marker + "\n");
        Path deb = work.resolve(name + "_" + version.replace(':', '%') + "_" + marker.hashCode() + ".deb");
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
