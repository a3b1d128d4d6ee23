package org.virtregress.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.install.InstallResult;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;
import org.virtregress.storage.Json;
import org.virtregress.testing.ClassFixture;
import org.virtregress.testing.RepositoryServer;
import org.virtregress.testing.TestFiles;
import picocli.CommandLine;

/** Runs {@code virt-regress install} with the real dnf into a fresh root, from an rpm repository built here. */
class InstallCommandITest {
    @RegisterExtension
    static final ClassFixture<Packages> PACKAGES = ClassFixture.of(Packages.class, Packages::build);

    /** The rpm repository of vrcli 1.0-1 and 2.0-1, built once for the class: {@code build/RPMS} of a directory. */
    record Packages(Path directory) {
        static Packages build(Path directory) throws Exception {
            Path spec = TestFiles.copy(TestFiles.PACKAGE_SPEC, directory);
            for (String version : List.of("1.0", "2.0")) {
                run("rpmbuild", "-bb", "--quiet", "--define", "_topdir " + directory.resolve("build"),
                        "--define", "pkg vrcli", "--define", "ver " + version, "--define", "rel 1",
                        "--define", "content " + version, spec.toString());
            }
            run("createrepo_c", "--quiet", directory.resolve("build/RPMS").toString());
            return new Packages(directory);
        }

        /** Returns the repository as a file URL. */
        String repository() {
            return directory.resolve("build/RPMS").toUri().toString();
        }
    }

    private static void run(String... argv) throws Exception {
        CommandResult result = new ProcessRunner().run(Command.of(argv).build(), OutputListener.NONE);
        assertThat(result.succeeded()).as(result.describe() + "\n" + result.output()).isTrue();
    }

    private static int install(StringWriter out, String... args) {
        return install(out, new StringWriter(), args);
    }

    private static int install(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = VirtRegressCommand.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void shouldInstallAndPrintTheRecordAsJson(@TempDir Path root, Packages packages) throws Exception {
        StringWriter out = new StringWriter();

        int exit = install(out, "install", "--manager", "dnf", "--root", root.toString(), "--repo", packages.repository(),
                "--no-gpg-check", "--json", "vrcli=2.0-1");

        assertThat(exit).isEqualTo(ExitCodes.OK);
        InstallResult result = Json.mapper().readValue(out.toString(), InstallResult.class);
        assertThat(result.success()).isTrue();
        assertThat(result.after()).containsEntry("vrcli", "0:2.0-1");
        assertThat(root.resolve("usr/share/vrcli/content")).hasContent("2.0\n");
    }

    @Test
    void shouldDowngradeAndSayWhatWasThereBefore(@TempDir Path root, Packages packages) {
        install(new StringWriter(), "install", "--manager", "dnf", "--root", root.toString(), "--repo", packages.repository(),
                "--no-gpg-check", "vrcli=2.0-1");
        StringWriter out = new StringWriter();

        int exit = install(out, "install", "--manager", "dnf", "--root", root.toString(), "--repo", packages.repository(),
                "--no-gpg-check", "vrcli=1.0-1");

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("installed and verified with dnf in " + root)
                .contains("vrcli 1.0-1 (was 2.0-1)");
    }

    @Test
    void shouldExitWithTheInstallCodeForAnUnknownVersion(@TempDir Path root, Packages packages) {
        StringWriter out = new StringWriter();

        int exit = install(out, "install", "--manager", "dnf", "--root", root.toString(), "--repo", packages.repository(),
                "--no-gpg-check", "vrcli=9.9-1");

        assertThat(exit).isEqualTo(ExitCodes.INSTALL);
        assertThat(out.toString()).contains("install failed: unknown version vrcli=9.9-1")
                .contains("0:1.0-1, 0:2.0-1").contains("rolled back");
    }

    @Test
    void shouldInstallFromARepositoryThatAsksForCredentials(@TempDir Path root, @TempDir Path secrets,
                                                             Packages packages)
            throws Exception {
        Path credentials = secrets.resolve("repo-credentials");
        Files.writeString(credentials, RepositoryServer.USER + ":" + RepositoryServer.PASSWORD + "\n");
        try (RepositoryServer server = RepositoryServer.serve(packages.directory())) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();

            int exit = install(out, err, "install", "--manager", "dnf", "--root", root.toString(), "--repo",
                    server.lockedUrl("build/RPMS"), "--credentials", credentials.toString(), "--no-gpg-check",
                    "vrcli=1.0-1");

            assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).contains("vrcli 1.0-1 (was absent)");
            assertThat(out + err.toString()).doesNotContain(RepositoryServer.PASSWORD);
        }
    }

    @Test
    void shouldSayWhenARepositoryAsksForCredentials(@TempDir Path root, Packages packages) throws Exception {
        try (RepositoryServer server = RepositoryServer.serve(packages.directory())) {
            StringWriter out = new StringWriter();

            int exit = install(out, "install", "--manager", "dnf", "--root", root.toString(), "--repo",
                    server.lockedUrl("build/RPMS"), "--no-gpg-check", "vrcli=1.0-1");

            assertThat(exit).isEqualTo(ExitCodes.INSTALL);
            assertThat(out.toString()).contains("install failed: repository " + server.lockedUrl("build/RPMS")
                    + " asks for credentials");
        }
    }
}
