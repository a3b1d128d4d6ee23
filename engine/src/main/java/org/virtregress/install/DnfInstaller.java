package org.virtregress.install;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.virtregress.process.CommandResult;
import org.virtregress.process.ProcessRunner;

/**
 * Installs with dnf: {@code dnf install NAME-EVR} (which also downgrades), {@code dnf reinstall}
 * for a rebuild at the same version, {@code dnf remove}; the request's repositories are added with
 * {@code --repofrompath}, and metadata is always refreshed so that a rebuild is seen. In a root,
 * only the root's own repository files are read.
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

    private List<String> base(InstallRequest request) {
        List<String> argv = new ArrayList<>(List.of("dnf", "-y", "--refresh", "--setopt=install_weak_deps=False"));
        if (request.root() != null) {
            argv.add("--installroot=" + request.root());
            argv.add("--setopt=reposdir=" + request.root().resolve("etc/yum.repos.d"));
        }
        List<String> repositories = request.repositories();
        for (int i = 0; i < repositories.size(); i++) {
            argv.add("--repofrompath=virt-regress-" + i + "," + repositories.get(i));
        }
        if (!request.gpgCheck()) {
            argv.add("--nogpgcheck");
        }
        return argv;
    }

    @Override
    Map<String, String> installed(InstallRequest request, InstallSession session)
            throws IOException, InterruptedException, InstallException {
        return RpmDatabase.read(request, session);
    }

    @Override
    List<CommandResult> remove(InstallRequest request, InstallSession session, List<String> names)
            throws IOException, InterruptedException {
        List<String> argv = base(request);
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
            List<String> argv = base(request);
            argv.addAll(List.of("--allowerasing", "install", "--"));
            packages.forEach(spec -> argv.add(nevra(spec)));
            results.add(session.runAsRoot(argv, RpmDatabase.environment(session)));
        }
        if (!reinstalls.isEmpty()) {
            List<String> argv = base(request);
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
        List<String> argv = base(request);
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
