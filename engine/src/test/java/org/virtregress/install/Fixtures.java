package org.virtregress.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;

/** Builds real package repositories for the installer tests: rpmbuild + createrepo_c, dpkg-deb + apt-ftparchive. */
final class Fixtures {
    private Fixtures() {
    }

    /** Builds an rpm-md repository of these packages in a new directory. */
    static Path rpmRepository(Path directory, List<TestPackage> packages) throws Exception {
        Path spec = directory.resolve("package.spec");
        Files.createDirectories(directory);
        try (InputStream in = Fixtures.class.getResourceAsStream("package.spec")) {
            Files.copy(in, spec);
        }
        Path repository = Files.createDirectories(directory.resolve("repo"));
        for (TestPackage pkg : packages) {
            Path top = directory.resolve("build-" + pkg.id());
            List<String> argv = new ArrayList<>(List.of("rpmbuild", "-bb", "--quiet",
                    "--define", "_topdir " + top, "--define", "pkg " + pkg.name(), "--define", "ver " + pkg.version(),
                    "--define", "rel " + pkg.release(), "--define", "content " + pkg.content()));
            if (pkg.epoch() > 0) {
                argv.addAll(List.of("--define", "ep " + pkg.epoch()));
            }
            if (pkg.script() == TestPackage.Script.FAILS) {
                argv.addAll(List.of("--define", "failpost 1"));
            } else if (pkg.script() == TestPackage.Script.HANGS) {
                argv.addAll(List.of("--define", "hangpost 1"));
            }
            argv.addAll(List.of("--define", "use_source_date_epoch_as_buildtime 1"));
            argv.add(spec.toString());
            run(argv, null, Map.of("SOURCE_DATE_EPOCH", Long.toString(buildTime(pkg))));
            Path target = Files.createDirectories(repository.resolve(pkg.id()));
            try (var rpms = Files.list(top.resolve("RPMS/noarch"))) {
                for (Path rpm : rpms.toList()) {
                    Files.copy(rpm, target.resolve(rpm.getFileName()));
                }
            }
        }
        run(List.of("createrepo_c", "--quiet", repository.toString()));
        return repository;
    }

    /** Builds a flat Debian repository of these packages in a new directory. */
    static Path debRepository(Path directory, List<TestPackage> packages) throws Exception {
        Path repository = Files.createDirectories(directory.resolve("repo"));
        Files.createDirectories(repository.resolve("pool"));
        for (TestPackage pkg : packages) {
            Path tree = directory.resolve("build-" + pkg.id());
            Path control = Files.createDirectories(tree.resolve("DEBIAN"));
            Files.writeString(control.resolve("control"), "Package: " + pkg.name() + "\nVersion: " + pkg.evr()
                    + "\nArchitecture: all\nMaintainer: virt-regress tests <tests@virtregress.invalid>\n"
                    + "Description: test package " + pkg.name() + "\n");
            if (pkg.script() == TestPackage.Script.HANGS) {
                throw new IllegalArgumentException("no hanging Debian test package: " + pkg);
            }
            if (pkg.script() == TestPackage.Script.FAILS) {
                Path script = control.resolve("postinst");
                try (InputStream in = Fixtures.class.getResourceAsStream("postinst-fails")) {
                    Files.copy(in, script);
                }
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            Path share = Files.createDirectories(tree.resolve("usr/share/" + pkg.name()));
            Files.writeString(share.resolve("content"), pkg.content() + "\n");
            run(List.of("dpkg-deb", "--root-owner-group", "--build", tree.toString(),
                    repository.resolve("pool/" + pkg.id() + "_all.deb").toString()));
        }
        CommandResult index = run(List.of("apt-ftparchive", "packages", "pool"), repository);
        Files.writeString(repository.resolve("Packages"), index.output());
        CommandResult release = run(List.of("apt-ftparchive", "release", "."), repository);
        Files.writeString(repository.resolve("Release"), release.output());
        return repository;
    }

    /** Returns a new empty install root in which maintainer scripts can run: a static busybox is its /bin/sh. */
    static Path rootWithShell(Path root) throws IOException {
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.copy(Path.of("/bin/busybox"), bin.resolve("sh"));
        return root;
    }

    private static CommandResult run(List<String> argv) throws Exception {
        return run(argv, null);
    }

    /**
     * Returns a build time of its own for each package and content: zypper takes a rebuild with the
     * build time of the installed package for that package, and two builds within one second
     * would otherwise share it.
     */
    private static long buildTime(TestPackage pkg) {
        return 1_700_000_000L + Math.floorMod((pkg.id() + "\n" + pkg.content()).hashCode(), 100_000_000);
    }

    private static CommandResult run(List<String> argv, Path directory) throws Exception {
        return run(argv, directory, Map.of());
    }

    private static CommandResult run(List<String> argv, Path directory, Map<String, String> environment)
            throws Exception {
        CommandResult result = new ProcessRunner().run(Command.of(argv).workingDirectory(directory)
                .env(environment).separateStderr().build(), OutputListener.NONE);
        if (!result.succeeded()) {
            throw new IllegalStateException(result.describe() + "\n" + result.output() + result.stderr());
        }
        return result;
    }
}
