package org.virtregress.install;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.virtregress.net.Credentials;
import org.virtregress.process.CommandResult;
import org.virtregress.process.ProcessRunner;

/**
 * Installs with zypper: {@code zypper install --oldpackage NAME=EVR} (which also downgrades),
 * {@code --force} for a rebuild at the same version, {@code zypper remove}; the request's
 * repositories are added for the one command with {@code --plus-repo}, so nothing is left in the
 * root's repository configuration. The credentials of a repository are written to a private
 * credentials file ({@code username=} / {@code password=}, mode 0600, removed with the session)
 * that its URL names with {@code ?credentials=}.
 */
public final class ZypperInstaller extends PackageManagerInstaller {
    /** zypper's "reboot needed" code: the transaction itself succeeded. */
    private static final int REBOOT_NEEDED = 102;
    private static final String CREDENTIALS = "zypper-credentials";

    /**
     * Creates the installer.
     *
     * @param runner runs the commands
     */
    public ZypperInstaller(ProcessRunner runner) {
        super(runner);
    }

    @Override
    public String manager() {
        return "zypper";
    }

    /**
     * Starts a zypper command line. Every install session reads the repositories afresh into a
     * cache of its own: zypper would otherwise reuse metadata it fetched for a temporary
     * repository less than {@code repo.refresh.delay} minutes ago, and miss a same-version
     * rebuild published since.
     */
    private List<String> base(InstallRequest request, InstallSession session) {
        List<String> argv = new ArrayList<>(List.of("zypper", "--non-interactive"));
        if (request.root() != null) {
            argv.addAll(List.of("--root", request.root().toString()));
        }
        argv.addAll(List.of("--cache-dir", session.workDirectory().resolve("zypp-cache").toAbsolutePath().toString()));
        if (!request.gpgCheck()) {
            argv.add("--no-gpg-checks");
        }
        List<String> repositories = request.repositories();
        for (int i = 0; i < repositories.size(); i++) {
            String repository = repositories.get(i);
            String url = repository;
            if (request.credentialsOf(repository).isPresent()) {
                url += (repository.contains("?") ? "&" : "?") + "credentials=" + credentialsFile(session, i);
            }
            argv.addAll(List.of("--plus-repo", url));
        }
        return argv;
    }

    private static Path credentialsFile(InstallSession session, int index) {
        return session.workDirectory().resolve(CREDENTIALS).resolve("repository-" + index).toAbsolutePath();
    }

    /** Writes the credentials file of each repository that has credentials. */
    @Override
    String prepare(InstallRequest request, InstallSession session) throws IOException {
        List<String> repositories = request.repositories();
        for (int i = 0; i < repositories.size(); i++) {
            Optional<Credentials> login = request.credentialsOf(repositories.get(i));
            if (login.isPresent()) {
                Path file = session.writePrivate(CREDENTIALS, credentialsFile(session, i).getFileName().toString(),
                        "username=" + login.get().user() + "\npassword=" + login.get().password() + "\n");
                session.note("zypper: the credentials of " + repositories.get(i) + " are in " + file
                        + " (readable by this user only, removed at the end)");
            }
        }
        return null;
    }

    @Override
    Map<String, String> installed(InstallRequest request, InstallSession session)
            throws IOException, InterruptedException, InstallException {
        return RpmDatabase.read(request, session);
    }

    @Override
    List<CommandResult> remove(InstallRequest request, InstallSession session, List<String> names)
            throws IOException, InterruptedException {
        List<String> argv = base(request, session);
        argv.addAll(List.of("remove", "--"));
        argv.addAll(names);
        return List.of(session.runAsRoot(argv, RpmDatabase.environment(session)));
    }

    @Override
    List<CommandResult> install(InstallRequest request, InstallSession session, List<PackageSpec> packages,
                                List<PackageSpec> reinstalls) throws IOException, InterruptedException {
        List<CommandResult> results = new ArrayList<>();
        if (!packages.isEmpty()) {
            List<String> argv = base(request, session);
            argv.addAll(List.of("install", "--oldpackage", "--no-recommends", "--"));
            packages.forEach(spec -> argv.add(spec.toString()));
            results.add(session.runAsRoot(argv, RpmDatabase.environment(session)));
        }
        if (!reinstalls.isEmpty()) {
            List<String> argv = base(request, session);
            argv.addAll(List.of("install", "--oldpackage", "--no-recommends", "--force"));
            argv.addAll(fromRequestRepositories(request));
            argv.add("--");
            reinstalls.forEach(spec -> argv.add(spec.toString()));
            results.add(session.runAsRoot(argv, RpmDatabase.environment(session)));
        }
        return results;
    }

    /**
     * Restricts a reinstall to the request's repositories ({@code --plus-repo} names them
     * {@code ~plus-repo-1}, {@code ~plus-repo-2}, … in order): at the same version, zypper would
     * otherwise keep the installed package whenever its build time is newer, and an older build of
     * the installed version could never be put back.
     */
    private static List<String> fromRequestRepositories(InstallRequest request) {
        List<String> argv = new ArrayList<>();
        for (int i = 1; i <= request.repositories().size(); i++) {
            argv.addAll(List.of("--from", "~plus-repo-" + i));
        }
        return argv;
    }

    @Override
    List<String> available(InstallRequest request, InstallSession session, String name)
            throws IOException, InterruptedException {
        List<String> argv = base(request, session);
        argv.addAll(List.of("search", "--details", "--match-exact", "--type", "package", "--", name));
        CommandResult result = session.queryAsRoot(argv, RpmDatabase.environment(session));
        List<String> versions = new ArrayList<>();
        for (String line : result.output().split("\n")) {
            String[] columns = line.split("\\|");
            if (columns.length >= 4 && columns[1].strip().equals(name)) {
                String version = columns[3].strip();
                String evr = version.contains(":") ? version : "0:" + version;
                if (!versions.contains(evr)) {
                    versions.add(evr);
                }
            }
        }
        return versions;
    }

    @Override
    boolean succeeded(CommandResult result) {
        return !result.timedOut() && (result.exitCode() == 0 || result.exitCode() == REBOOT_NEEDED);
    }

    @Override
    boolean matches(String requested, String version) {
        return RpmDatabase.matches(requested, version);
    }

    @Override
    String debianPackage(String program) {
        return RpmDatabase.debianPackage(program);
    }
}
