package io.jenkins.plugins.virtregress.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the values users type into the forms and Pipeline steps: repository URLs, package names
 * and globs, package versions and git revisions. Each check returns the problem as a sentence, or
 * nothing when the value is acceptable. Uses no Jenkins types, so the rules are testable alone and
 * the same for the forms and for the steps.
 */
public final class FieldChecks {
    private static final Pattern PACKAGE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_+.:-]*");
    private static final Pattern PACKAGE_GLOB = Pattern.compile("[A-Za-z0-9_*?\\[][A-Za-z0-9_+.:*?\\[\\]!-]*");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9_.+:~^-]+");
    private static final Pattern REPOSITORY_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final String DEB_PREFIX = "deb:";
    private static final Pattern LINE_OR_SPACE = Pattern.compile("[\\s,]+");

    private FieldChecks() {
    }

    /**
     * Checks a repository base URL: absolute, http, https or file, no user info (credentials come
     * from the Credentials plugin, never from the URL). A {@code deb:} prefix marks a flat Debian
     * repository.
     *
     * @param url the URL as typed
     * @return the problem, or empty when the URL is acceptable
     */
    public static Optional<String> repositoryUrl(String url) {
        return repositoryUrl(url, true);
    }

    /**
     * Checks a repository base URL as {@link #repositoryUrl(String)} does, and refuses {@code file:}
     * URLs unless they are allowed: a {@code file:} repository reads the disk of the node that
     * polls or installs, which only an administrator may open.
     *
     * @param url the URL as typed
     * @param allowFile whether {@code file:} URLs are allowed (the global configuration says)
     * @return the problem, or empty when the URL is acceptable
     */
    public static Optional<String> repositoryUrl(String url, boolean allowFile) {
        String value = trimmed(url);
        String bare = value.startsWith(DEB_PREFIX) ? value.substring(DEB_PREFIX.length()) : value;
        if (!allowFile && bare.regionMatches(true, 0, "file:", 0, 5)) {
            return Optional.of("Repository URL " + bare + " reads the disk of the node: file: repositories are"
                    + " allowed only when an administrator allows them in Manage Jenkins » System » virt-regress.");
        }
        if (value.startsWith(DEB_PREFIX)) {
            value = value.substring(DEB_PREFIX.length());
        }
        if (value.isEmpty()) {
            return Optional.of("A repository URL is required.");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") && !scheme.equals("file")) {
                return Optional.of("Repository URL " + value + " must start with http://, https:// or file://.");
            }
            if (!scheme.equals("file") && (uri.getHost() == null || uri.getHost().isEmpty())) {
                return Optional.of("Repository URL " + value + " has no host.");
            }
            if (uri.getRawUserInfo() != null) {
                return Optional.of("Repository URL " + value
                        + " holds a user name or password: choose credentials instead.");
            }
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("Repository URL " + value + " is not a valid URL: " + e.getReason() + ".");
        }
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
        for (String entry : entries) {
            if (!PACKAGE_GLOB.matcher(entry).matches()) {
                return Optional.of("Package name or glob " + entry + " is not valid.");
            }
        }
        return Optional.empty();
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
        for (String entry : entries) {
            if (entry.contains("${")) {
                continue;
            }
            int equals = entry.indexOf('=');
            String name = equals < 0 ? entry : entry.substring(0, equals);
            if (!PACKAGE_NAME.matcher(name).matches()) {
                return Optional.of("Package name " + name + " is not valid.");
            }
            if (equals >= 0 && !VERSION.matcher(entry.substring(equals + 1)).matches()) {
                return Optional.of("Version " + entry.substring(equals + 1) + " of " + name + " is not valid.");
            }
        }
        return Optional.empty();
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

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
