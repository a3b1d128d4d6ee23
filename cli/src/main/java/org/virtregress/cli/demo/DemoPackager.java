package org.virtregress.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;

/**
 * Builds the demo project into a noarch rpm at a given commit with the real {@code rpmbuild}:
 * {@code git archive} makes the source tarball, a generated spec installs the checks under
 * {@value #INSTALL_DIRECTORY} and records the commit in the {@code VCS} tag (and in a
 * {@code VERSION} file the guest prints), so every build maps back to its source commit. The
 * version is {@code 1.0.N} for the N-th commit of the history.
 *
 * <p>Each commit is built once; later requests for it return the same file. Thread-safe: builds
 * of different commits run at once in separate directories.
 */
public final class DemoPackager {
    /** The package name. */
    public static final String PACKAGE = "virt-regress-demo";
    /** Where the package installs the project: checks, their helpers and limits. */
    public static final String INSTALL_DIRECTORY = "/usr/libexec/virt-regress-demo";
    /** The release of every build. */
    public static final String RELEASE = "1";

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final UpstreamProject project;
    private final Path directory;
    private final ProcessRunner runner;
    private final Map<String, CompletableFuture<Path>> built = new ConcurrentHashMap<>();

    /**
     * Creates a packager.
     *
     * @param project the upstream project
     * @param directory where builds and their logs go
     * @param runner runs git and rpmbuild
     */
    public DemoPackager(UpstreamProject project, Path directory, ProcessRunner runner) {
        this.project = project;
        this.directory = directory;
        this.runner = runner;
    }

    /**
     * Returns the rpm built from a commit, building it on first request.
     *
     * @param commit the commit
     * @return the rpm file {@code virt-regress-demo-1.0.N-1.noarch.rpm}
     * @throws IOException if git or rpmbuild fails; the message names the commit and the log
     * @throws InterruptedException if interrupted while building
     */
    public Path build(UpstreamCommit commit) throws IOException, InterruptedException {
        CompletableFuture<Path> mine = new CompletableFuture<>();
        CompletableFuture<Path> existing = built.putIfAbsent(commit.hash(), mine);
        if (existing == null) {
            try {
                Path rpm = buildOnce(commit);
                mine.complete(rpm);
                return rpm;
            } catch (IOException | InterruptedException | RuntimeException e) {
                built.remove(commit.hash(), mine);
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return existing.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("building " + commit.shortHash() + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** Returns the name and version-release of the rpm built from a commit, as dnf names it. */
    public static String nevr(UpstreamCommit commit) {
        return PACKAGE + "-" + commit.version() + "-" + RELEASE;
    }

    private Path buildOnce(UpstreamCommit commit) throws IOException, InterruptedException {
        String nameVersion = PACKAGE + "-" + commit.version();
        Path top = directory.resolve(commit.version() + "-" + commit.hash().substring(0, 7));
        Path sources = top.resolve("SOURCES");
        Path specs = top.resolve("SPECS");
        Files.createDirectories(sources);
        Files.createDirectories(specs);
        Files.createDirectories(top.resolve("tmp"));
        Path log = top.resolve("build.log");
        Path tarball = sources.resolve(nameVersion + ".tar.gz");
        run(Command.of("git", "archive", "--format=tar.gz", "--prefix=" + nameVersion + "/",
                "--output=" + tarball, commit.hash()).workingDirectory(project.directory()), commit, log, "git archive");
        Path spec = specs.resolve(PACKAGE + ".spec");
        Files.writeString(spec, spec(commit));
        run(Command.of(List.of("rpmbuild", "-bb", "--nodeps",
                "--define", "_topdir " + top,
                "--define", "_tmppath " + top.resolve("tmp"),
                "--define", "__os_install_post %{nil}",
                "--define", "debug_package %{nil}",
                "--define", "_build_id_links none",
                spec.toString())), commit, log.resolveSibling("rpmbuild.log"), "rpmbuild");
        Path rpm = top.resolve("RPMS").resolve("noarch").resolve(nevr(commit) + ".noarch.rpm");
        if (!Files.isRegularFile(rpm)) {
            throw new IOException("rpmbuild of " + commit.shortHash() + " made no " + rpm.getFileName()
                    + " (log: " + log.resolveSibling("rpmbuild.log") + ")");
        }
        Path target = directory.resolve(rpm.getFileName());
        Files.copy(rpm, target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    private void run(Command.Builder command, UpstreamCommit commit, Path log, String what)
            throws IOException, InterruptedException {
        CommandResult result = runner.run(command.timeout(TIMEOUT).logFile(log).build(), OutputListener.NONE);
        if (!result.succeeded()) {
            throw new IOException(what + " of commit " + commit.shortHash() + " failed: " + result.describe()
                    + " (log: " + log + ")");
        }
    }

    private String spec(UpstreamCommit commit) {
        String vcs = "git+" + project.directory().toUri() + "#" + commit.hash();
        return String.join("\n",
                "Name:           " + PACKAGE,
                "Version:        " + commit.version(),
                "Release:        " + RELEASE,
                "Summary:        Guest checks of the virt-regress demo",
                "License:        MIT",
                "URL:            https://virt-regress-demo.example/",
                "VCS:            " + vcs,
                "Source0:        " + PACKAGE + "-" + commit.version() + ".tar.gz",
                "BuildArch:      noarch",
                "AutoReqProv:    no",
                "",
                "%description",
                "Guest-side checks of a virtual machine boot test, built from commit " + commit.hash() + ".",
                "",
                "%prep",
                "%setup -q",
                "",
                "%build",
                "",
                "%install",
                "mkdir -p %{buildroot}" + INSTALL_DIRECTORY,
                "for part in checks lib conf; do",
                "  if [ -d \"$part\" ]; then cp -pr \"$part\" %{buildroot}" + INSTALL_DIRECTORY + "/; fi",
                "done",
                "echo '%{version}-%{release} " + commit.hash() + "' > %{buildroot}" + INSTALL_DIRECTORY + "/VERSION",
                "",
                "%files",
                INSTALL_DIRECTORY,
                "");
    }
}
