package org.virtregress.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.virtregress.repo.Build;
import org.virtregress.repo.BuildChange;
import org.virtregress.repo.Credentials;
import org.virtregress.repo.FetchTimeouts;
import org.virtregress.repo.Fetcher;
import org.virtregress.repo.IndexSelection;
import org.virtregress.repo.Keyring;
import org.virtregress.repo.PackageSelector;
import org.virtregress.repo.PollRequest;
import org.virtregress.repo.PollResult;
import org.virtregress.repo.PollState;
import org.virtregress.repo.Poller;
import org.virtregress.repo.Repository;
import org.virtregress.repo.RepositoryOutcome;
import org.virtregress.storage.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Polls package repositories for new builds of the watched packages. */
@Command(name = "poll",
        header = "Poll package repositories and print the new builds of watched packages.", mixinStandardHelpOptions = true,
        description = {
            "Polls rpm-md and Debian repositories and prints the new builds of the watched packages:",
            "higher versions and same-version rebuilds since the last poll (the first poll reports the newest",
            "build of each package). Exit 0 on a successful poll, 2 on usage errors, 3 when a repository",
            "cannot be read (or, with --keyring, is not properly signed) or the state file stays locked by another",
            "poll. A repository being published is reported on standard error and retried next time."})
public final class PollCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--repo", required = true, paramLabel = "URL",
            description = {"Repository: rpm-md directory URL (holding repodata/), Debian suite URL (.../dists/SUITE),",
                "an apt source line 'URL SUITE [COMPONENT...]' (one argument), or deb:URL for a flat Debian",
                "repository; http, https, file or a local path. Repeatable."})
    private List<String> repositories;

    @Option(names = "--arch", paramLabel = "ARCH", split = ",",
            description = {"Architecture to read (repeatable or comma-separated): amd64, all, x86_64, noarch...;",
                "'" + IndexSelection.ANY + "' for every one. Default: this host's architecture plus all (Debian)",
                "or noarch (rpm-md)."})
    private List<String> architectures = new ArrayList<>();

    @Option(names = "--component", paramLabel = "NAME", split = ",",
            description = {"Component of the Debian suites to read (repeatable or comma-separated): main, contrib...",
                "Default: every component the Release lists, or those the source line names."})
    private List<String> components = new ArrayList<>();

    @Option(names = "--package", required = true, paramLabel = "NAME",
            description = "Package name or glob (qemu-*). Repeatable.")
    private List<String> packages;

    @Option(names = "--state", required = true, paramLabel = "FILE",
            description = "JSON state file of the previous poll; written atomically.")
    private Path state;

    @Option(names = "--archive", paramLabel = "DIR",
            description = "Download each new build (checksum-verified) and a copy of the metadata into DIR.")
    private Path archive;

    @Option(names = "--baseline", description = "Record what the repositories hold now and report nothing.")
    private boolean baseline;

    @Option(names = "--json", description = "Print the new builds as a JSON array.")
    private boolean json;

    @Option(names = "--credentials", paramLabel = "FILE",
            description = {"File whose first line is user:password for HTTP basic authentication; without it,",
                "the environment variables " + Credentials.USER_VARIABLE + " and " + Credentials.PASSWORD_VARIABLE
                        + " are used when set."})
    private Path credentialsFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = {"Limit on connecting and on each response's headers; a body must also bring at least",
                "1 KiB per SECONDS (default: ${DEFAULT-VALUE})."})
    private int timeoutSeconds;

    @Option(names = "--body-timeout", paramLabel = "SECONDS", defaultValue = "1800",
            description = "Limit on downloading each whole file once its headers came (default: ${DEFAULT-VALUE}).")
    private int bodyTimeoutSeconds;

    @Option(names = "--keyring", paramLabel = "FILE",
            description = {"OpenPGP public keys (gpg --export, binary or --armor) that every repository's index must",
                "be signed by: InRelease, or Release + Release.gpg, or repodata/repomd.xml + repomd.xml.asc.",
                "A missing or bad signature is a repository error. Needs gpgv."})
    private Path keyring;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long to wait for another poll of the same state file (default: ${DEFAULT-VALUE}).")
    private int lockTimeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PollRequest request;
        Credentials credentials;
        try {
            if (keyring != null) {
                Keyring.load(keyring);
            }
            List<Repository> parsed = new ArrayList<>();
            IndexSelection selection = IndexSelection.parse(architectures, components);
            IndexSelection noComponents = new IndexSelection(selection.architectures(), List.of());
            boolean anySuite = false;
            for (String repository : repositories) {
                Repository one = Repository.parse(repository).withKeyring(keyring);
                anySuite |= one.isDebianSuite();
                parsed.add(one.withSelection(one.isDebianSuite() ? selection : noComponents));
            }
            if (!selection.components().isEmpty() && !anySuite) {
                throw new IllegalArgumentException("--component applies to Debian suites, and no --repo is one");
            }
            if (lockTimeoutSeconds < 0) {
                throw new IllegalArgumentException("--lock-timeout must not be negative");
            }
            request = new PollRequest(parsed, PackageSelector.of(packages), state, archive, baseline,
                    Duration.ofSeconds(lockTimeoutSeconds));
            credentials = credentialsFile != null ? Credentials.fromFile(credentialsFile)
                    : Credentials.fromEnvironment(System.getenv()).orElse(null);
            PollState.load(state);
            PollState.checkWritable(state);
            if (timeoutSeconds <= 0) {
                throw new IllegalArgumentException("--timeout must be positive");
            }
            if (bodyTimeoutSeconds <= 0) {
                throw new IllegalArgumentException("--body-timeout must be positive");
            }
        } catch (IllegalArgumentException | IOException e) {
            err.println("virt-regress poll: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        PollResult result;
        try {
            FetchTimeouts timeouts = FetchTimeouts.of(Duration.ofSeconds(timeoutSeconds))
                    .withBody(Duration.ofSeconds(bodyTimeoutSeconds));
            result = new Poller(new Fetcher(timeouts, credentials)).poll(request);
        } catch (IOException e) {
            err.println("virt-regress poll: " + e.getMessage());
            return ExitCodes.REPOSITORY;
        }
        List<BuildChange> fresh = result.changes().stream().filter(c -> c.kind().isNewBuild()).toList();
        if (json) {
            try {
                out.println(Json.mapper().writeValueAsString(fresh));
            } catch (IOException e) {
                err.println("virt-regress poll: cannot write JSON: " + e.getMessage());
                return ExitCodes.REPOSITORY;
            }
        } else if (!fresh.isEmpty() || !result.hasFailures()) {
            printTable(out, fresh);
        }
        for (BuildChange change : result.changes()) {
            if (!change.kind().isNewBuild()) {
                err.println("note: " + change.build().repository() + ": " + change.build().nevra() + " "
                        + (change.kind() == BuildChange.Kind.REMOVED ? "was removed"
                        : "is older than " + change.previous().evr() + " seen before (downgrade)"));
            }
        }
        for (RepositoryOutcome outcome : result.outcomes()) {
            if (outcome.status() == RepositoryOutcome.Status.PUBLISHING) {
                err.println("retry: " + outcome.message());
            } else if (outcome.status() == RepositoryOutcome.Status.FAILED) {
                err.println("error: " + outcome.message());
            }
        }
        out.flush();
        err.flush();
        return result.hasFailures() ? ExitCodes.REPOSITORY : ExitCodes.OK;
    }

    private static void printTable(PrintWriter out, List<BuildChange> changes) {
        if (changes.isEmpty()) {
            out.println("No new builds.");
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"CHANGE", "NAME", "VERSION", "ARCH", "COMMIT", "REPOSITORY"});
        for (BuildChange change : changes) {
            Build build = change.build();
            rows.add(new String[] {change.kind().name(), build.name(), build.evr(), build.arch(),
                build.sourceCommit() == null ? "-" : build.sourceCommit(), build.repository()});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int k = 0; k < row.length; k++) {
                widths[k] = Math.max(widths[k], row[k].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int k = 0; k < row.length; k++) {
                line.append(k == row.length - 1 ? row[k] : String.format("%-" + widths[k] + "s  ", row[k]));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
