package org.virtregress.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.virtregress.net.Credentials;
import org.virtregress.process.CommandResult;
import org.virtregress.process.ProcessRunner;

/**
 * Installs with apt-get: {@code apt-get install --allow-downgrades NAME=VERSION},
 * {@code --reinstall} for a rebuild at the same version, {@code apt-get remove}. Every command
 * reads a private configuration ({@code APT_CONFIG}) whose directories all lie in the root, whose
 * source list is the root's own plus the request's repositories, and which runs dpkg with
 * {@code --root} and {@code --admindir} of the root; maintainer scripts then run chrooted into the
 * root, so a root with scripts needs a {@code /bin/sh}. A repository is a flat repository URL
 * ({@code deb URL ./}) or {@code URL SUITE COMPONENT...}; {@code [trusted=yes]} is set only when
 * GPG checking is off. The credentials of a repository go into a private {@code auth.conf.d}
 * directory ({@code Dir::Etc::netrcparts}; a {@code machine URL login USER password PASSWORD} line,
 * mode 0600, removed with the session); the root's own {@code etc/apt/auth.conf} is still read. Run by an unprivileged user into a root, the commands run in a user namespace
 * and apt does not drop privileges to its sandbox user, which the namespace cannot switch to.
 */
public final class AptInstaller extends PackageManagerInstaller {
    private static final String AUTH_PARTS = "auth.conf.d";

    /**
     * Creates the installer.
     *
     * @param runner runs the commands
     */
    public AptInstaller(ProcessRunner runner) {
        super(runner);
    }

    @Override
    public String manager() {
        return "apt";
    }

    @Override
    Map<String, String> installed(InstallRequest request, InstallSession session)
            throws IOException, InterruptedException, InstallException {
        return DpkgDatabase.read(request, session);
    }

    @Override
    String prepare(InstallRequest request, InstallSession session) throws IOException, InterruptedException {
        Path base = request.root() == null ? Path.of("/") : request.root();
        if (base.toString().matches(".*[\"\\s{};].*")) {
            return "the apt install root " + base + " holds a quote, blank, brace or semicolon, which apt's configuration cannot hold";
        }
        if (request.root() != null) {
            createLayout(request.root());
        }
        Path sources = session.workDirectory().resolve("sources.list");
        StringBuilder list = new StringBuilder();
        Path own = base.resolve("etc/apt/sources.list");
        if (Files.isRegularFile(own)) {
            list.append(Files.readString(own)).append('\n');
        }
        StringBuilder logins = new StringBuilder();
        for (String repository : request.repositories()) {
            String[] parts = repository.split(" ", 2);
            list.append("deb ").append(request.gpgCheck() ? "" : "[trusted=yes] ").append(parts[0]).append(' ')
                    .append(parts.length == 1 ? "./" : parts[1]).append('\n');
            Optional<Credentials> login = request.credentialsOf(repository);
            if (login.isPresent()) {
                if (login.get().user().matches(".*\\s.*") || login.get().password().matches(".*\\s.*")
                        || login.get().user().isEmpty() || login.get().password().isEmpty()) {
                    return "apt cannot pass the credentials of repository " + parts[0]
                            + ": its auth.conf format needs a user name and a password without blanks";
                }
                logins.append("machine ").append(parts[0]).append(" login ").append(login.get().user())
                        .append(" password ").append(login.get().password()).append('\n');
            }
        }
        Path authParts = session.workDirectory().resolve(AUTH_PARTS);
        if (!logins.isEmpty()) {
            Path file = session.writePrivate(AUTH_PARTS, "virt-regress.conf", logins.toString());
            session.note("apt: the credentials of the repositories that need them are in " + file
                    + " (readable by this user only, removed at the end)");
        }
        Files.writeString(sources, list.toString());
        Path archives = Files.createDirectories(session.workDirectory().resolve("archives/partial")).getParent();
        Files.writeString(configFile(session), configuration(request.root(), base, sources, archives)
                + "Dir::Etc::netrc \"" + base.resolve("etc/apt/auth.conf") + "\";\n"
                + "Dir::Etc::netrcparts \"" + authParts + "\";\n"
                + (session.rootless() ? "APT::Sandbox::User \"root\";\n" : ""));
        CommandResult update = session.runAsRoot(List.of("apt-get", "-q", "update"), environment(session));
        if (!update.succeeded() || update.output().contains("\nW: Failed to fetch")
                || update.output().contains("\nE: ")) {
            return "cannot read the repositories: " + update.describe();
        }
        return null;
    }

    private static void createLayout(Path root) throws IOException {
        for (String directory : List.of("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/apt/lists/partial",
                "var/cache/apt/archives/partial", "var/log/apt", "etc/apt/apt.conf.d", "etc/apt/preferences.d",
                "etc/apt/sources.list.d")) {
            Files.createDirectories(root.resolve(directory));
        }
        for (String file : List.of("var/lib/dpkg/status", "var/lib/dpkg/available")) {
            if (!Files.exists(root.resolve(file))) {
                Files.createFile(root.resolve(file));
            }
        }
    }

    /**
     * Writes the private configuration. Downloaded packages go to the session's own directory, so
     * a reinstall of a same-version rebuild always downloads the repository's build, never a file
     * that an earlier build of that version left under the same name in the root's archive cache.
     */
    private static String configuration(Path root, Path base, Path sources, Path archives) {
        StringBuilder conf = new StringBuilder();
        entry(conf, "Dir::State", base.resolve("var/lib/apt"));
        entry(conf, "Dir::State::status", base.resolve("var/lib/dpkg/status"));
        entry(conf, "Dir::Cache", base.resolve("var/cache/apt"));
        entry(conf, "Dir::Cache::archives", archives);
        entry(conf, "Dir::Log", base.resolve("var/log/apt"));
        entry(conf, "Dir::Etc::main", base.resolve("etc/apt/apt.conf"));
        entry(conf, "Dir::Etc::parts", base.resolve("etc/apt/apt.conf.d"));
        entry(conf, "Dir::Etc::preferences", base.resolve("etc/apt/preferences"));
        entry(conf, "Dir::Etc::preferencesparts", base.resolve("etc/apt/preferences.d"));
        entry(conf, "Dir::Etc::trusted", base.resolve("etc/apt/trusted.gpg"));
        entry(conf, "Dir::Etc::trustedparts", base.resolve("etc/apt/trusted.gpg.d"));
        entry(conf, "Dir::Etc::sourcelist", sources);
        entry(conf, "Dir::Etc::sourceparts", base.resolve("etc/apt/sources.list.d"));
        conf.append("Dpkg::Use-Pty \"0\";\n");
        if (root != null) {
            conf.append("DPkg::Options { \"--root=").append(root).append("\"; \"--admindir=")
                    .append(DpkgDatabase.adminDirectory(root)).append("\"; \"--log=")
                    .append(root.resolve("var/log/dpkg.log")).append("\"; };\n");
        }
        return conf.toString();
    }

    private static void entry(StringBuilder conf, String key, Path value) {
        conf.append(key).append(" \"").append(value).append("\";\n");
    }

    private static Path configFile(InstallSession session) {
        return session.workDirectory().resolve("apt.conf");
    }

    private static Map<String, String> environment(InstallSession session) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Map.of("APT_CONFIG", configFile(session).toString(), "DEBIAN_FRONTEND", "noninteractive",
                "PATH", path + ":/usr/local/sbin:/usr/sbin:/sbin");
    }

    @Override
    List<CommandResult> remove(InstallRequest request, InstallSession session, List<String> names)
            throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("apt-get", "-y", "-q", "remove"));
        argv.addAll(names);
        return List.of(session.runAsRoot(argv, environment(session)));
    }

    @Override
    List<CommandResult> install(InstallRequest request, InstallSession session, List<PackageSpec> packages,
                                List<PackageSpec> reinstalls) throws IOException, InterruptedException {
        List<CommandResult> results = new ArrayList<>();
        if (!packages.isEmpty()) {
            List<String> argv = new ArrayList<>(List.of("apt-get", "-y", "-q", "--allow-downgrades",
                    "--no-install-recommends", "install"));
            packages.forEach(spec -> argv.add(spec.toString()));
            results.add(session.runAsRoot(argv, environment(session)));
        }
        if (!reinstalls.isEmpty()) {
            List<String> argv = new ArrayList<>(List.of("apt-get", "-y", "-q", "--allow-downgrades",
                    "--no-install-recommends", "--reinstall", "install"));
            reinstalls.forEach(spec -> argv.add(spec.toString()));
            results.add(session.runAsRoot(argv, environment(session)));
        }
        return results;
    }

    @Override
    List<String> available(InstallRequest request, InstallSession session, String name)
            throws IOException, InterruptedException {
        CommandResult result = session.query(List.of("apt-cache", "madison", name), environment(session));
        List<String> versions = new ArrayList<>();
        for (String line : result.output().split("\n")) {
            String[] columns = line.split("\\|");
            if (columns.length >= 3 && columns[0].strip().equals(name) && !versions.contains(columns[1].strip())) {
                versions.add(columns[1].strip());
            }
        }
        return versions;
    }

    @Override
    boolean matches(String requested, String version) {
        return DpkgDatabase.matches(requested, version);
    }

    @Override
    String debianPackage(String program) {
        return program.equals("dpkg-query") ? "dpkg" : "apt";
    }
}
