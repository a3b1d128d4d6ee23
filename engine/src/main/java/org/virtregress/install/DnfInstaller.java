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
 * Installs with dnf: {@code dnf install NAME-EVR} (which also downgrades), {@code dnf reinstall}
 * for a rebuild at the same version, {@code dnf remove}; the request's repositories are added with
 * {@code --repofrompath}, and metadata is always refreshed so that a rebuild is seen. A repository
 * with credentials is written instead into a private {@code .repo} file ({@code username=} /
 * {@code password=}, mode 0600, removed with the session) whose directory is added to
 * {@code reposdir}. In a root, only the root's own repository files are read.
 */
public final class DnfInstaller extends PackageManagerInstaller {
    /**
     * Creates the installer.
     *
     * @param runner runs the commands
     */
    public DnfInstaller(ProcessRunner runner) {
        super(runner);
    }

    @Override
    public String manager() {
        return "dnf";
    }

    /** The directories dnf reads repository files from when nothing else is configured. */
    private static final List<String> DEFAULT_REPOSDIR = List.of("/etc/yum.repos.d", "/etc/yum/repos.d",
            "/etc/distro.repos.d");
    private static final String PRIVATE_REPOS = "dnf-repos";

    private List<String> base(InstallRequest request, InstallSession session) {
        List<String> argv = new ArrayList<>(List.of("dnf", "-y", "--refresh", "--setopt=install_weak_deps=False"));
        List<String> reposdir = new ArrayList<>();
        if (request.root() != null) {
            argv.add("--installroot=" + request.root());
            reposdir.add(request.root().resolve("etc/yum.repos.d").toString());
        }
        List<String> repositories = request.repositories();
        boolean privateRepos = false;
        for (int i = 0; i < repositories.size(); i++) {
            if (request.credentialsOf(repositories.get(i)).isPresent()) {
                privateRepos = true;
            } else {
                argv.add("--repofrompath=" + repositoryId(i) + "," + repositories.get(i));
            }
        }
        if (privateRepos) {
            if (reposdir.isEmpty()) {
                reposdir.addAll(DEFAULT_REPOSDIR);
            }
            reposdir.add(session.workDirectory().resolve(PRIVATE_REPOS).toString());
        }
        if (!reposdir.isEmpty()) {
            argv.add("--setopt=reposdir=" + String.join(",", reposdir));
        }
        if (!request.gpgCheck()) {
            argv.add("--nogpgcheck");
        }
        return argv;
    }

    private static String repositoryId(int index) {
        return "virt-regress-" + index;
    }

    /** Writes the repositories that have credentials into a private repository file. */
    @Override
    String prepare(InstallRequest request, InstallSession session) throws IOException {
        StringBuilder file = new StringBuilder();
        List<String> repositories = request.repositories();
        for (int i = 0; i < repositories.size(); i++) {
            String repository = repositories.get(i);
            Optional<Credentials> login = request.credentialsOf(repository);
            if (login.isPresent()) {
                file.append('[').append(repositoryId(i)).append("]\nname=").append(repositoryId(i))
                        .append("\nbaseurl=").append(repository).append("\nusername=").append(login.get().user())
                        .append("\npassword=").append(login.get().password()).append("\n\n");
            }
        }
        if (!file.isEmpty()) {
            Path written = session.writePrivate(PRIVATE_REPOS, "virt-regress.repo", file.toString());
            session.note("dnf: the credentials of the repositories that need them are in " + written
                    + " (readable by this user only, removed at the end)");
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
        argv.add("remove");
        argv.add("--");
        argv.addAll(names);
        return List.of(session.runAsRoot(argv, RpmDatabase.environment(session)));
    }

    @Override
    List<CommandResult> install(InstallRequest request, InstallSession session, List<PackageSpec> packages,
                                List<PackageSpec> reinstalls) throws IOException, InterruptedException {
        List<CommandResult> results = new ArrayList<>();
        if (!packages.isEmpty()) {
            List<String> argv = base(request, session);
            argv.addAll(List.of("--allowerasing", "install", "--"));
            packages.forEach(spec -> argv.add(nevra(spec)));
            results.add(session.runAsRoot(argv, RpmDatabase.environment(session)));
        }
        if (!reinstalls.isEmpty()) {
            List<String> argv = base(request, session);
            argv.addAll(List.of("reinstall", "--"));
            reinstalls.forEach(spec -> argv.add(nevra(spec)));
            results.add(session.runAsRoot(argv, RpmDatabase.environment(session)));
        }
        return results;
    }

    private static String nevra(PackageSpec spec) {
        return spec.version() == null ? spec.name() : spec.name() + "-" + spec.version();
    }

    @Override
    List<String> available(InstallRequest request, InstallSession session, String name)
            throws IOException, InterruptedException {
        List<String> argv = base(request, session);
        argv.remove("-y");
        argv.addAll(List.of("-q", "repoquery", "--queryformat", "%{name} %{epoch}:%{version}-%{release}", "--", name));
        CommandResult result = session.queryAsRoot(argv, RpmDatabase.environment(session));
        List<String> versions = new ArrayList<>();
        for (String line : result.output().split("\n")) {
            String[] fields = line.strip().split(" ");
            if (fields.length == 2 && fields[0].equals(name) && !versions.contains(fields[1])) {
                versions.add(fields[1]);
            }
        }
        return versions;
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
