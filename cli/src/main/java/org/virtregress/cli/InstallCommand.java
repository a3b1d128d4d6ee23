package org.virtregress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.virtregress.install.InstallException;
import org.virtregress.install.InstallRequest;
import org.virtregress.install.InstallResult;
import org.virtregress.install.Installer;
import org.virtregress.install.Installers;
import org.virtregress.install.PackageChange;
import org.virtregress.install.PackageSpec;
import org.virtregress.net.Credentials;
import org.virtregress.process.ProcessRunner;
import org.virtregress.storage.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code virt-regress install}: installs exact package versions with zypper, dnf or apt, checks them
 * in the package database and rolls back on failure. The commands' output goes to standard error,
 * the outcome (or the JSON record with {@code --json}) to standard output.
 */
@Command(name = "install",
        header = "Install exact package versions, verified from the package database, rolled back on failure.",
        description = {
            "Install exact package versions (NAME=VERSION, the version as the package manager writes it,",
            "e.g. 1:8.2.0-3 for rpm with an epoch), verify them in the rpm/dpkg database, and roll back",
            "to the versions held before on any failure.",
            "Exit codes: 0 installed and verified, 4 install failed (after rollback), 2 usage error."},
        mixinStandardHelpOptions = true)
public final class InstallCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--manager", required = true, paramLabel = "zypper|dnf|apt",
            description = "The package manager.")
    private String manager;

    @Option(names = "--root", paramLabel = "DIR", description = "Install into this root instead of the running system.")
    private Path root;

    @Option(names = "--repo", paramLabel = "URL",
            description = "A repository to install from (repeatable). For apt: a flat repository URL, or 'URL SUITE COMPONENT...'.")
    private List<String> repositories = new ArrayList<>();

    @Option(names = "--credentials", paramLabel = "FILE",
            description = {"File whose first line is user:password for HTTP basic authentication, used for every",
                "--repo; without it, the environment variables " + Credentials.USER_VARIABLE + " and "
                        + Credentials.PASSWORD_VARIABLE + " are used when set."})
    private Path credentialsFile;

    @Option(names = "--no-gpg-check", description = "Do not check package signatures (unsigned test repositories only).")
    private boolean noGpgCheck;

    @Option(names = "--remove", paramLabel = "NAME", description = "A package to remove (repeatable).")
    private List<String> removals = new ArrayList<>();

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "1800",
            description = "Time the transaction may take; its rollback gets the same again (default: ${DEFAULT-VALUE}).")
    private long timeoutSeconds;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "600",
            description = "Time to wait for another install on the same root (default: ${DEFAULT-VALUE}).")
    private long lockTimeoutSeconds;

    @Option(names = "--json", description = "Print the install record as JSON.")
    private boolean json;

    @Parameters(paramLabel = "NAME[=VERSION]", arity = "0..*", description = "The packages to install.")
    private List<String> packages = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Installer installer;
        InstallRequest request;
        try {
            installer = Installers.forManager(manager, new ProcessRunner());
            InstallRequest.Builder builder = InstallRequest.builder().root(root).gpgCheck(!noGpgCheck)
                    .timeout(seconds("--timeout", timeoutSeconds))
                    .lockTimeout(seconds("--lock-timeout", lockTimeoutSeconds));
            packages.forEach(text -> builder.install(PackageSpec.parse(text)));
            removals.forEach(builder::remove);
            Credentials credentials = credentialsFile != null ? Credentials.fromFile(credentialsFile)
                    : Credentials.fromEnvironment(System.getenv()).orElse(null);
            for (String repository : repositories) {
                if (credentials == null) {
                    builder.repository(repository);
                } else {
                    builder.repository(repository, credentials.user(), credentials.password());
                }
            }
            request = builder.build();
        } catch (IllegalArgumentException | IOException e) {
            err.println("virt-regress install: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        }
        InstallResult result;
        try {
            result = installer.install(request, (stream, line) -> {
                synchronized (err) {
                    err.println(line);
                    err.flush();
                }
            });
        } catch (InstallException e) {
            err.println("virt-regress install: " + e.getMessage());
            err.flush();
            return ExitCodes.INSTALL;
        }
        if (json) {
            out.println(Json.mapper().writeValueAsString(result));
        } else {
            summarize(result, out);
        }
        out.flush();
        return result.success() ? ExitCodes.OK : ExitCodes.INSTALL;
    }

    private static Duration seconds(String option, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(option + " must be a positive number of seconds: " + value);
        }
        return Duration.ofSeconds(value);
    }

    private static void summarize(InstallResult result, PrintWriter out) {
        if (result.success()) {
            out.println("installed and verified with " + result.manager()
                    + (result.root() == null ? "" : " in " + result.root()) + ":");
            List<PackageChange> changes = result.changes();
            for (PackageChange change : changes) {
                out.println("  " + change.name() + (change.removed() ? " removed" : " " + display(change.to()))
                        + " (was " + orAbsent(display(change.from())) + ")");
            }
            for (PackageSpec spec : result.requested()) {
                if (changes.stream().noneMatch(change -> change.name().equals(spec.name()))) {
                    out.println("  " + spec.name() + " " + display(result.after().get(spec.name())) + " (reinstalled)");
                }
            }
            return;
        }
        out.println("install failed: " + result.error());
        out.println(result.rolledBack() ? "rolled back: the root holds what it held before"
                : "NOT fully rolled back: see the versions below");
        for (PackageChange change : result.restored()) {
            out.println("  restored " + change.name() + ": " + orAbsent(display(change.from())) + " -> "
                    + orAbsent(display(change.to())));
        }
    }

    private static String display(String version) {
        return PackageChange.displayVersion(version);
    }

    private static String orAbsent(String version) {
        return version == null ? "absent" : version;
    }
}
