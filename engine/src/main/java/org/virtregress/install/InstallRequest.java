package org.virtregress.install;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.virtregress.net.Credentials;
import org.virtregress.net.RepositoryUrl;

/**
 * What to install: exact package versions, packages to remove, the repositories to take them
 * from, and where. Validated on construction; immutable.
 *
 * @param packages the packages to install, each at most once
 * @param removals the names of packages to remove
 * @param repositories repository URLs (for apt: {@code URL} of a flat repository, or
 *     {@code URL SUITE COMPONENT...}); added to the repositories the root already has
 * @param root the install root, or {@code null} for the running system
 * @param gpgCheck whether package signatures are checked (turn off only for unsigned test repositories)
 * @param timeout the time the transaction may take; its rollback gets the same again
 * @param lockTimeout how long to wait for another install on the same root to finish
 * @param credentials the credentials of the repositories that need them, by repository as written in
 *     {@code repositories}; handed to the package manager in a private file, never logged or shown
 *     by {@link #toString()}
 */
public record InstallRequest(List<PackageSpec> packages, List<String> removals, List<String> repositories,
                             Path root, boolean gpgCheck, Duration timeout, Duration lockTimeout,
                             Map<String, Credentials> credentials) {
    /** Default time a transaction may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    /** Default time to wait for the host lock. */
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofMinutes(10);

    private static final Pattern SUITE_OR_COMPONENT = Pattern.compile("[A-Za-z0-9./_-]+");

    /** Checks every field. */
    public InstallRequest {
        packages = List.copyOf(packages);
        removals = List.copyOf(removals);
        repositories = List.copyOf(repositories);
        credentials = Map.copyOf(credentials == null ? Map.of() : credentials);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        if (packages.isEmpty() && removals.isEmpty()) {
            throw new IllegalArgumentException("nothing to do: no package to install or remove");
        }
        Set<String> names = new HashSet<>();
        for (PackageSpec spec : packages) {
            if (!names.add(spec.name())) {
                throw new IllegalArgumentException("package " + spec.name() + " is asked for twice");
            }
        }
        for (String removal : removals) {
            PackageSpec.checkName(removal);
            if (!names.add(removal)) {
                throw new IllegalArgumentException("package " + removal + " is both installed and removed");
            }
        }
        for (String repository : repositories) {
            checkRepository(repository);
        }
        for (Map.Entry<String, Credentials> entry : credentials.entrySet()) {
            if (!repositories.contains(entry.getKey())) {
                throw new IllegalArgumentException("credentials given for " + entry.getKey()
                        + ", which is not a repository of this install");
            }
            Credentials login = entry.getValue();
            if (controlCharacters(login.user()) || controlCharacters(login.password())) {
                throw new IllegalArgumentException("the credentials of repository " + entry.getKey()
                        + " hold a line break or another control character");
            }
        }
        if (root != null) {
            root = root.toAbsolutePath().normalize();
        }
        if (timeout.isNegative() || timeout.isZero() || lockTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /**
     * Checks a repository as an install takes it: a URL following {@link RepositoryUrl} (http,
     * https or file, no credentials in it), for apt optionally followed by a suite and components
     * ({@code URL SUITE COMPONENT...}, separated by single spaces).
     *
     * @param repository the repository as the user wrote it
     * @return the repository
     * @throws IllegalArgumentException naming the repository and what is wrong with it
     */
    public static String checkRepository(String repository) {
        if (repository == null || repository.isEmpty()) {
            throw new IllegalArgumentException("invalid repository: the URL is empty");
        }
        String[] words = repository.split(" ", -1);
        try {
            RepositoryUrl.check(words[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid repository '" + words[0] + "': " + e.getMessage(), e);
        }
        for (int i = 1; i < words.length; i++) {
            if (!SUITE_OR_COMPONENT.matcher(words[i]).matches()) {
                throw new IllegalArgumentException("invalid repository '" + repository + "': after the URL come"
                        + " a suite and components (letters, digits and . / _ -), separated by single spaces");
            }
        }
        return repository;
    }

    private static boolean controlCharacters(String text) {
        return text.chars().anyMatch(c -> c < ' ' || c == 0x7f);
    }

    /**
     * Returns the credentials of a repository.
     *
     * @param repository the repository as written in {@link #repositories()}
     * @return its credentials, or empty when it needs none
     */
    public Optional<Credentials> credentialsOf(String repository) {
        return Optional.ofNullable(credentials.get(repository));
    }

    /** Describes the request without any credentials: what it installs and removes, and where. */
    @Override
    public String toString() {
        return "InstallRequest[" + describe() + ", repositories=" + repositories
                + (credentials.isEmpty() ? "" : ", with credentials for " + credentials.keySet().stream().sorted().toList())
                + "]";
    }

    /** Returns a builder with GPG checking on and the default timeouts. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the names of every package this request installs or removes. */
    public Set<String> names() {
        Set<String> names = new HashSet<>(removals);
        packages.forEach(spec -> names.add(spec.name()));
        return names;
    }

    /** Describes the request in one line, for logs and the lock holder. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        packages.forEach(spec -> parts.add(spec.toString()));
        removals.forEach(name -> parts.add("-" + name));
        return String.join(" ", parts) + (root == null ? "" : " in " + root);
    }

    /** Collects the fields of an {@link InstallRequest}. Not thread-safe. */
    public static final class Builder {
        private final List<PackageSpec> packages = new ArrayList<>();
        private final List<String> removals = new ArrayList<>();
        private final List<String> repositories = new ArrayList<>();
        private final Map<String, Credentials> credentials = new HashMap<>();
        private Path root;
        private boolean gpgCheck = true;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration lockTimeout = DEFAULT_LOCK_TIMEOUT;

        private Builder() {
        }

        /** Adds a package to install. */
        public Builder install(PackageSpec spec) {
            packages.add(Objects.requireNonNull(spec, "spec"));
            return this;
        }

        /** Adds a package to install at an exact version ({@code null}: any). */
        public Builder install(String name, String version) {
            return install(new PackageSpec(name, version));
        }

        /** Adds a package to remove. */
        public Builder remove(String name) {
            removals.add(name);
            return this;
        }

        /** Adds a repository URL. */
        public Builder repository(String url) {
            repositories.add(url);
            return this;
        }

        /**
         * Adds a repository that asks for HTTP basic authentication.
         *
         * @param url the repository, as for {@link #repository(String)}
         * @param user the user name
         * @param password the password; never logged
         * @return this builder
         */
        public Builder repository(String url, String user, String password) {
            repositories.add(url);
            credentials.put(url, new Credentials(user, password));
            return this;
        }

        /** Sets the install root; {@code null} for the running system. */
        public Builder root(Path directory) {
            this.root = directory;
            return this;
        }

        /** Turns signature checking on or off. */
        public Builder gpgCheck(boolean check) {
            this.gpgCheck = check;
            return this;
        }

        /** Sets the time the transaction may take. */
        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        /** Sets how long to wait for the host lock. */
        public Builder lockTimeout(Duration value) {
            this.lockTimeout = value;
            return this;
        }

        /** Builds and validates the request. */
        public InstallRequest build() {
            return new InstallRequest(packages, removals, repositories, root, gpgCheck, timeout, lockTimeout,
                    credentials);
        }
    }
}
