package org.virtregress.install;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;
import org.virtregress.process.ProgramNotFoundException;

/**
 * The install transaction every package manager shares: take the host lock, read the database,
 * remove and install, read the database again and check it holds exactly what was asked, and on any
 * failure restore the versions held before. Subclasses supply the commands of their package manager.
 */
abstract class PackageManagerInstaller implements Installer {
    private final ProcessRunner runner;

    PackageManagerInstaller(ProcessRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** Reads name to installed version(s); several versions are joined with ", ". */
    abstract Map<String, String> installed(InstallRequest request, InstallSession session)
            throws IOException, InterruptedException, InstallException;

    /** Prepares the package manager (configuration, metadata); returns a problem, or {@code null}. */
    String prepare(InstallRequest request, InstallSession session) throws IOException, InterruptedException {
        return null;
    }

    /** Runs the commands that remove these packages. */
    abstract List<CommandResult> remove(InstallRequest request, InstallSession session, List<String> names)
            throws IOException, InterruptedException;

    /** Runs the commands that install these packages, the second list being reinstalled at the same version. */
    abstract List<CommandResult> install(InstallRequest request, InstallSession session, List<PackageSpec> packages,
                                         List<PackageSpec> reinstalls) throws IOException, InterruptedException;

    /** Lists the versions of a package the repositories offer. */
    abstract List<String> available(InstallRequest request, InstallSession session, String name)
            throws IOException, InterruptedException;

    /** Returns whether an installed (or offered) version is the version asked for. */
    abstract boolean matches(String requested, String version);

    /** Returns the Debian package that provides a program this installer runs. */
    abstract String debianPackage(String program);

    /** Returns whether a command of this package manager succeeded. */
    boolean succeeded(CommandResult result) {
        return result.succeeded();
    }

    @Override
    public final InstallResult install(InstallRequest request, OutputListener log)
            throws InstallException, InterruptedException {
        try (InstallSession session = new InstallSession(runner, log,
                     request.root() != null && !InstallSession.runningAsRoot());
             HostLock lock = HostLock.acquire(HostLock.lockFileFor(request.root()),
                     manager() + " " + request.describe(), request.lockTimeout())) {
            return transact(request, session);
        } catch (ProgramNotFoundException e) {
            String debian = e.program().equals("unshare") ? "util-linux" : debianPackage(e.program());
            throw new InstallException(e.program() + " is not installed or cannot be run: install the Debian package "
                    + debian + " (apt-get install " + debian + ")", e);
        } catch (IOException e) {
            throw new InstallException(manager() + " install of " + request.describe() + " failed: " + e.getMessage(), e);
        }
    }

    private InstallResult transact(InstallRequest request, InstallSession session)
            throws IOException, InterruptedException, InstallException {
        Instant started = Instant.now();
        long start = System.nanoTime();
        session.startBudget(request.timeout());
        session.note(manager() + ": " + request.describe());
        Map<String, String> before = installed(request, session);
        List<String> problems = new ArrayList<>();
        String notReady = prepare(request, session);
        if (notReady != null) {
            problems.add(notReady);
        } else {
            apply(request, session, before, problems);
        }
        for (String failure : session.takeScriptletFailures()) {
            problems.add("a scriptlet failed: " + failure);
        }
        Map<String, String> after = installed(request, session);
        problems.addAll(verify(request, after));
        if (problems.isEmpty()) {
            session.note(manager() + ": verified " + request.describe());
            return result(request, session, before, after, true, false, List.of(), null, started, start);
        }
        List<String> refused = refusedRepositories(request, session);
        if (!refused.isEmpty()) {
            problems.addAll(0, refused);
        } else if (notReady == null) {
            problems.addAll(0, unknown(request, session, after));
        }
        session.note(manager() + ": failed, rolling back: " + String.join("; ", problems));
        session.startBudget(request.timeout());
        List<PackageChange> restored = new ArrayList<>();
        Map<String, String> end = rollBack(request, session, before, after, restored);
        boolean rolledBack = end.equals(before);
        String error = String.join("; ", problems) + (rolledBack
                ? ". Rolled back: the root holds again what it held before" + describe(restored)
                : ". Rollback incomplete: " + differences(before, end));
        session.note(manager() + ": " + error);
        return result(request, session, before, end, false, rolledBack, restored, error, started, start);
    }

    /**
     * Names the repositories that answered HTTP 401: they refused the credentials given, or ask for
     * some. A package the repository would have offered must not be reported as unknown.
     */
    private static List<String> refusedRepositories(InstallRequest request, InstallSession session) {
        List<String> failures = session.authenticationFailures();
        if (failures.isEmpty()) {
            return List.of();
        }
        List<String> named = new ArrayList<>();
        for (String repository : request.repositories()) {
            String url = repository.split(" ", 2)[0];
            String stem = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            if (failures.stream().anyMatch(line -> line.contains(stem))) {
                named.add(repository);
            }
        }
        if (named.isEmpty()) {
            named.addAll(request.repositories());
        }
        List<String> problems = new ArrayList<>();
        for (String repository : named) {
            String url = repository.split(" ", 2)[0];
            problems.add(request.credentialsOf(repository)
                    .map(login -> "repository " + url + " refused the credentials of user " + login.user()
                            + " (HTTP 401 Unauthorized)")
                    .orElse("repository " + url + " asks for credentials (HTTP 401 Unauthorized): give its user name"
                            + " and password"));
        }
        if (named.isEmpty()) {
            problems.add("a configured repository refused access (HTTP 401 Unauthorized): "
                    + failures.get(0).replace('\n', ' '));
        }
        return problems;
    }

    private void apply(InstallRequest request, InstallSession session, Map<String, String> before,
                       List<String> problems) throws IOException, InterruptedException {
        List<String> removals = new ArrayList<>();
        for (String name : request.removals()) {
            if (before.containsKey(name)) {
                removals.add(name);
            } else {
                session.note(name + " is not installed: nothing to remove");
            }
        }
        List<PackageSpec> installs = new ArrayList<>();
        List<PackageSpec> reinstalls = new ArrayList<>();
        for (PackageSpec spec : request.packages()) {
            String installedVersion = before.get(spec.name());
            if (spec.version() != null && installedVersion != null && matches(spec.version(), installedVersion)) {
                reinstalls.add(spec);
            } else {
                installs.add(spec);
            }
        }
        List<CommandResult> results = new ArrayList<>();
        if (!removals.isEmpty()) {
            results.addAll(remove(request, session, removals));
        }
        if (!installs.isEmpty() || !reinstalls.isEmpty()) {
            results.addAll(install(request, session, installs, reinstalls));
        }
        for (CommandResult result : results) {
            if (result.timedOut()) {
                problems.add("the transaction's time of " + request.timeout().toSeconds() + " s ran out: "
                        + result.describe());
            } else if (!succeeded(result)) {
                problems.add(result.describe());
            }
        }
    }

    private List<String> verify(InstallRequest request, Map<String, String> after) {
        List<String> problems = new ArrayList<>();
        for (PackageSpec spec : request.packages()) {
            String version = after.get(spec.name());
            if (version == null) {
                problems.add(spec.name() + " is not installed after the transaction");
            } else if (spec.version() != null && !matches(spec.version(), version)) {
                problems.add(spec.name() + ": asked for " + spec.version() + ", the package database has " + version);
            }
        }
        for (String name : request.removals()) {
            if (after.containsKey(name)) {
                problems.add(name + ": asked to be removed, the package database still has " + after.get(name));
            }
        }
        return problems;
    }

    /** Names every asked package or version the repositories do not have. */
    private List<String> unknown(InstallRequest request, InstallSession session, Map<String, String> after)
            throws IOException, InterruptedException {
        List<String> problems = new ArrayList<>();
        for (PackageSpec spec : request.packages()) {
            String version = after.get(spec.name());
            if (version != null && (spec.version() == null || matches(spec.version(), version))) {
                continue;
            }
            List<String> offered = available(request, session, spec.name());
            String where = request.repositories().isEmpty() ? "the configured repositories"
                    : String.join(", ", request.repositories());
            if (offered.isEmpty()) {
                problems.add("unknown package " + spec.name() + ": " + where + " have no package of that name");
            } else if (spec.version() != null && offered.stream().noneMatch(v -> matches(spec.version(), v))) {
                problems.add("unknown version " + spec + ": " + where + " have " + spec.name() + " "
                        + String.join(", ", offered));
            }
        }
        return problems;
    }

    private Map<String, String> rollBack(InstallRequest request, InstallSession session, Map<String, String> before,
                                         Map<String, String> current, List<PackageChange> restored)
            throws IOException, InterruptedException, InstallException {
        List<String> added = new ArrayList<>();
        List<PackageSpec> back = new ArrayList<>();
        for (String name : current.keySet()) {
            if (!before.containsKey(name)) {
                added.add(name);
            }
        }
        for (Map.Entry<String, String> entry : before.entrySet()) {
            if (!entry.getValue().equals(current.get(entry.getKey()))) {
                try {
                    back.add(new PackageSpec(entry.getKey(), entry.getValue()));
                } catch (IllegalArgumentException e) {
                    session.note("cannot restore " + entry.getKey() + " " + entry.getValue() + ": " + e.getMessage());
                }
            }
        }
        if (added.isEmpty() && back.isEmpty()) {
            session.note(manager() + ": the package database is unchanged, nothing to roll back");
            return current;
        }
        if (!added.isEmpty()) {
            remove(request, session, added);
        }
        if (!back.isEmpty()) {
            install(request, session, back, List.of());
        }
        session.takeScriptletFailures();
        Map<String, String> end = installed(request, session);
        Set<String> touched = new LinkedHashSet<>(added);
        back.forEach(spec -> touched.add(spec.name()));
        for (String name : touched) {
            restored.add(new PackageChange(name, current.get(name), end.get(name)));
        }
        return end;
    }

    private static String describe(List<PackageChange> restored) {
        if (restored.isEmpty()) {
            return " (the transaction changed nothing)";
        }
        List<String> parts = new ArrayList<>();
        for (PackageChange change : restored) {
            parts.add(change.name() + " " + orAbsent(change.from()) + " -> " + orAbsent(change.to()));
        }
        return ": " + String.join(", ", parts);
    }

    private static String differences(Map<String, String> before, Map<String, String> end) {
        List<String> parts = new ArrayList<>();
        for (PackageChange change : PackageChange.changesBetween(before, end)) {
            parts.add(change.name() + " was " + orAbsent(change.from()) + ", is now " + orAbsent(change.to()));
        }
        return String.join(", ", parts);
    }

    private static String orAbsent(String version) {
        return version == null ? "absent" : version;
    }

    private InstallResult result(InstallRequest request, InstallSession session, Map<String, String> before,
                                 Map<String, String> after, boolean success, boolean rolledBack,
                                 List<PackageChange> restored, String error, Instant started, long start) {
        return new InstallResult(manager(), request.root() == null ? null : request.root().toString(),
                request.packages(), request.removals(), request.repositories(), before, after, session.records(),
                success, rolledBack, restored, error, session.excerpt(), started,
                Duration.ofNanos(System.nanoTime() - start));
    }
}
