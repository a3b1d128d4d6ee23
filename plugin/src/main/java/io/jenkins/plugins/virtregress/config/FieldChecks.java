package io.jenkins.plugins.virtregress.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.virtregress.install.PackageSpec;
import org.virtregress.net.RepositoryUrl;
import org.virtregress.repo.PackageSelector;
import org.virtregress.repo.Repository;

/**
 * Checks the values users type into the forms and Pipeline steps: repository URLs, package names
 * and globs, package versions and git revisions. Each check returns the problem as a sentence, or
 * nothing when the value is acceptable. Where the engine has the rule (URLs, package names, globs
 * and versions), the check runs the engine's and only turns its {@link IllegalArgumentException}
 * into the sentence, so a form accepts exactly what the build accepts. Uses no Jenkins types, so
 * the rules are testable alone and the same for the forms and for the steps.
 */
public final class FieldChecks {
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern REPOSITORY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final String DEB_PREFIX = "deb:";
    private static final Pattern LINE_OR_SPACE = Pattern.compile("[\\s,]+");

    private FieldChecks() {
    }

    /**
     * Checks a repository base URL as the engine's {@link Repository#parse(String)} takes it (the
     * rule of {@link RepositoryUrl}: absolute http, https or file, a host for http(s), no user info;
     * credentials come from the Credentials plugin, never from the URL). A {@code deb:} prefix marks
     * a flat Debian repository.
     *
     * @param url the URL as typed
     * @return the problem, or empty when the URL is acceptable
     */
    public static Optional<String> repositoryUrl(String url) {
        return repositoryUrl(url, true);
    }

    /**
     * Checks a repository base URL as {@link #repositoryUrl(String)} does, and refuses what only the
     * plugin refuses: a path without a scheme (the engine reads it as a local path), and
     * {@code file:} URLs unless they are allowed, because a {@code file:} repository reads the disk
     * of the node that polls or installs, which only an administrator may open.
     *
     * @param url the URL as typed
     * @param allowFile whether {@code file:} URLs are allowed (the global configuration says)
     * @return the problem, or empty when the URL is acceptable
     */
    public static Optional<String> repositoryUrl(String url, boolean allowFile) {
        String value = trimmed(url);
        String bare = value.startsWith(DEB_PREFIX) ? value.substring(DEB_PREFIX.length()) : value;
        if (bare.isEmpty()) {
            return Optional.of("A repository URL is required.");
        }
        if (!allowFile && bare.regionMatches(true, 0, "file:", 0, 5)) {
            return Optional.of("Repository URL " + bare + " reads the disk of the node: file: repositories are"
                    + " allowed only when an administrator allows them in Manage Jenkins » System » virt-regress.");
        }
        if (!SCHEME.matcher(bare).lookingAt()) {
            return Optional.of("Repository URL " + bare + " must start with http://, https:// or file://.");
        }
        return problem(() -> Repository.parse(value));
    }

    /**
     * Checks the package name of an upstream source with the engine's rule for package names.
     *
     * @param name the name as typed
     * @return the problem, or empty when the name is acceptable
     */
    public static Optional<String> upstreamPackage(String name) {
        return problem(() -> org.virtregress.install.PackageSpec.checkName(trimmed(name)));
    }

    /**
     * Checks the URL of an upstream git repository with the engine's rule.
     *
     * @param url the URL as typed
     * @param allowFile whether {@code file:} URLs are allowed (the global configuration says)
     * @return the problem, or empty when the URL is acceptable
     */
    public static Optional<String> upstreamUrl(String url, boolean allowFile) {
        return problem(() -> org.virtregress.hunt.UpstreamClone.checkUrl(trimmed(url), allowFile));
    }

    /**
     * Checks a tag template of upstream versions with the engine's rule; empty is none.
     *
     * @param template the template as typed
     * @return the problem, or empty when the template is acceptable or empty
     */
    public static Optional<String> tagTemplate(String template) {
        String value = trimmed(template);
        return value.isEmpty() ? Optional.empty()
                : problem(() -> org.virtregress.hunt.HuntRequest.checkTagTemplate(value));
    }

    /**
     * Checks an archive directory of a poll that runs on the controller: it must stay inside the
     * job's own directory, so it is a relative path without {@code ..}.
     *
     * @param archive the directory as typed
     * @return the problem, or empty when the path is acceptable
     */
    public static Optional<String> controllerArchive(String archive) {
        String value = trimmed(archive);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.startsWith("/") || value.startsWith("\\") || value.contains(":") || value.startsWith("~")) {
            return Optional.of("Archive " + value + " is absolute: a poll on the controller keeps its archive in"
                    + " the job's directory, so give a relative path, or name an agent to poll on.");
        }
        for (String part : value.split("[/\\\\]")) {
            if (part.equals("..")) {
                return Optional.of("Archive " + value + " leaves the job's directory: remove the '..'.");
            }
        }
        return Optional.empty();
    }

    /**
     * Checks the name of a configured repository.
     *
     * @param name the name as typed
     * @return the problem, or empty when the name is acceptable
     */
    public static Optional<String> repositoryName(String name) {
        String value = trimmed(name);
        if (value.isEmpty()) {
            return Optional.of("A repository name is required.");
        }
        if (!REPOSITORY_NAME.matcher(value).matches()) {
            return Optional.of("Repository name " + value
                    + " may hold only letters, digits, '.', '_' and '-', and must start with a letter or digit.");
        }
        return Optional.empty();
    }

    /**
     * Checks a list of package names or globs (such as {@code qemu-*}), separated by spaces,
     * commas or new lines.
     *
     * @param packages the list as typed
     * @return the problem, or empty when every entry is acceptable
     */
    public static Optional<String> packagePatterns(String packages) {
        List<String> entries = split(packages);
        if (entries.isEmpty()) {
            return Optional.of("Name at least one package (globs such as qemu-* are allowed).");
        }
        return firstProblem(entries.stream(), PackageSelector::checkPattern);
    }

    /**
     * Checks a list of package requests {@code NAME} or {@code NAME=VERSION}, separated by spaces,
     * commas or new lines. Environment variable references ({@code ${VAR}}) are accepted as they
     * are expanded when the step runs.
     *
     * @param requests the list as typed
     * @param required whether an empty list is a problem
     * @return the problem, or empty when every entry is acceptable
     */
    public static Optional<String> packageRequests(String requests, boolean required) {
        List<String> entries = split(requests);
        if (entries.isEmpty()) {
            return required ? Optional.of("Name at least one package.") : Optional.empty();
        }
        return firstProblem(entries.stream().filter(entry -> !entry.contains("${")), PackageSpec::parse);
    }

    /**
     * Checks git revisions (hashes, tags, branches, {@code HEAD~3}), separated by spaces or commas.
     *
     * @param revisions the revisions as typed
     * @param what what the revisions are, for the message ("good revision")
     * @return the problem, or empty when every revision is acceptable
     */
    public static Optional<String> revisions(String revisions, String what) {
        List<String> entries = split(revisions);
        if (entries.isEmpty()) {
            return Optional.of("A " + what + " is required.");
        }
        for (String entry : entries) {
            if (entry.contains("${")) {
                continue;
            }
            if (entry.startsWith("-") || entry.contains("..") || entry.contains("@{")
                    || entry.chars().anyMatch(c -> c < 0x20 || c == 0x7f || "\\?*[:".indexOf(c) >= 0)) {
                return Optional.of("The " + what + " " + entry + " is not a valid git revision.");
            }
        }
        return Optional.empty();
    }

    /**
     * Checks that a number lies in a range.
     *
     * @param value the number as typed
     * @param min the smallest accepted value
     * @param max the largest accepted value
     * @param what what the number counts, for the message
     * @return the problem, or empty when the number is acceptable
     */
    public static Optional<String> number(String value, int min, int max, String what) {
        try {
            int number = Integer.parseInt(trimmed(value));
            if (number < min || number > max) {
                return Optional.of("The " + what + " must be between " + min + " and " + max + ".");
            }
            return Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.of("The " + what + " must be a whole number.");
        }
    }

    /**
     * Splits a list typed as words separated by spaces, commas or new lines.
     *
     * @param list the list, or null
     * @return the non-empty entries in order
     */
    public static List<String> split(String list) {
        List<String> entries = new ArrayList<>();
        for (String entry : LINE_OR_SPACE.split(trimmed(list))) {
            if (!entry.isEmpty()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    private static Optional<String> firstProblem(Stream<String> entries, Consumer<String> check) {
        return entries.map(entry -> problem(() -> check.accept(entry))).flatMap(Optional::stream).findFirst();
    }

    /**
     * Runs one of the engine's checks and turns its refusal into the problem to show.
     *
     * @param check the check, throwing {@link IllegalArgumentException} naming the input
     * @return the engine's message as a sentence, or empty when the check passes
     */
    static Optional<String> problem(Runnable check) {
        try {
            check.run();
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? "The value is not valid" : e.getMessage();
            String sentence = Character.toUpperCase(message.charAt(0)) + message.substring(1);
            return Optional.of(sentence.endsWith(".") ? sentence : sentence + ".");
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
