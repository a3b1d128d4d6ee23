package org.virtregress.hunt;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.virtregress.net.Credentials;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;

/**
 * Clones a package's upstream git repository, or updates a clone made before, with the {@code git}
 * command: arguments as an array, the URL after {@code --}, no credential helper of the host, and
 * for a repository that asks for a user name and password an askpass program of the clone's own
 * that reads them from the git process's environment, so that they are in no argument, no file and
 * no log; the program is removed when git ends. Stateless and thread-safe; two clones into the
 * same directory at once are not.
 */
public final class UpstreamClone {
    /** The environment variable the askpass program answers a user name prompt from. */
    static final String USER_VARIABLE = "VIRT_REGRESS_GIT_USER";
    /** The environment variable the askpass program answers a password prompt from. */
    static final String PASSWORD_VARIABLE = "VIRT_REGRESS_GIT_PASSWORD";

    private static final Pattern SCP_LIKE = Pattern.compile("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[A-Za-z0-9._/~-]+");
    private static final Set<String> SCHEMES = Set.of("https", "http", "ssh", "git");
    private static final String ASKPASS = """
            #!/bin/sh
            case "$1" in
              [Uu]sername*) printf '%s\\n' "$VIRT_REGRESS_GIT_USER" ;;
              *) printf '%s\\n' "$VIRT_REGRESS_GIT_PASSWORD" ;;
            esac
            """;

    private final ProcessRunner runner;
    private final Duration timeout;

    /**
     * Creates the cloner.
     *
     * @param runner runs git
     * @param timeout the time one clone or fetch may take
     */
    public UpstreamClone(ProcessRunner runner, Duration timeout) {
        this.runner = runner;
        this.timeout = timeout;
    }

    /**
     * Checks the URL of an upstream repository: {@code https}, {@code http}, {@code ssh} or
     * {@code git}, or {@code user@host:path}; {@code file} only where allowed; never with a password
     * in it, never an option.
     *
     * @param url the URL as the user wrote it
     * @param allowFile whether {@code file:} URLs (the cloning node's own disk) are allowed
     * @return the URL
     * @throws IllegalArgumentException naming the URL (without any password) and what is wrong
     */
    public static String checkUrl(String url, boolean allowFile) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("invalid upstream repository: the URL is empty");
        }
        if (url.startsWith("-") || url.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("invalid upstream repository '" + url.strip()
                    + "': it starts with '-' or holds a space or a control character");
        }
        if (SCP_LIKE.matcher(url).matches()) {
            return url;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid upstream repository '" + url + "': " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("file")) {
            if (!allowFile) {
                throw new IllegalArgumentException("upstream repository " + url + " is a file: URL, which is not"
                        + " allowed here");
            }
            return url;
        }
        if (!SCHEMES.contains(scheme)) {
            throw new IllegalArgumentException("invalid upstream repository '" + url + "': give an https, http, ssh"
                    + " or git URL, or user@host:path");
        }
        if (uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")) {
            throw new IllegalArgumentException("upstream repository " + uri.getScheme() + "://" + uri.getHost()
                    + "/…: a password in the URL would be shown wherever the URL is; give credentials instead");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("invalid upstream repository '" + url + "': no host");
        }
        return url;
    }

    /**
     * Clones a repository into a directory, or fetches every branch and tag into the clone already
     * there, and returns the directory. A clone of another URL is pointed at the new one.
     *
     * @param url the repository, checked with {@link #checkUrl}
     * @param directory the clone's directory
     * @param credentials the user name and password of an http(s) repository that asks for them, or null
     * @param allowFile whether a {@code file:} URL is allowed
     * @return the directory
     * @throws IOException if git fails; the message names the URL and git's last words, never the password
     * @throws InterruptedException if interrupted; git is killed
     */
    public Path fetch(String url, Path directory, Credentials credentials, boolean allowFile)
            throws IOException, InterruptedException {
        try {
            checkUrl(url, allowFile);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        Path parent = directory.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path askpass = credentials == null ? null : askpass(parent);
        try {
            if (Files.isDirectory(directory.resolve(".git"))) {
                git(directory, askpass, credentials, url, "remote", "set-url", "origin", url);
                git(directory, askpass, credentials, url, "fetch", "--quiet", "--force", "--prune", "--tags",
                        "origin", "+refs/heads/*:refs/remotes/origin/*");
            } else {
                if (Files.exists(directory)) {
                    try (var entries = Files.list(directory)) {
                        if (entries.findAny().isPresent()) {
                            throw new IOException("cannot clone " + url + " into " + directory
                                    + ": the directory is not empty and not a git clone");
                        }
                    }
                }
                git(parent, askpass, credentials, url, "clone", "--quiet", "--no-checkout", "--", url,
                        directory.toAbsolutePath().toString());
            }
        } finally {
            if (askpass != null) {
                Files.deleteIfExists(askpass);
            }
        }
        return directory;
    }

    private void git(Path workingDirectory, Path askpass, Credentials credentials, String url, String... args)
            throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("git", "-c", "credential.helper=", "-c", "protocol.ext.allow=never",
                "-c", "core.askPass="));
        argv.addAll(List.of(args));
        Command.Builder command = Command.of(argv).workingDirectory(workingDirectory).timeout(timeout)
                .env("GIT_TERMINAL_PROMPT", "0").env("GIT_ASKPASS", askpass == null ? "" : askpass.toString())
                .env("SSH_ASKPASS", "").env("LC_ALL", "C");
        if (credentials != null) {
            command.env(USER_VARIABLE, credentials.user()).env(PASSWORD_VARIABLE, credentials.password());
        }
        CommandResult result = runner.run(command.build(), OutputListener.NONE);
        if (!result.succeeded()) {
            String said = result.output().strip();
            if (credentials != null) {
                said = said.replace(credentials.password(), "****");
            }
            String[] lines = said.split("\n");
            throw new IOException("git " + args[0] + " of " + url + " failed (" + (result.timedOut()
                    ? "killed after " + timeout.toSeconds() + " s" : "exit code " + result.exitCode()) + ")"
                    + (said.isEmpty() ? "" : ": " + lines[lines.length - 1].strip()));
        }
    }

    private static Path askpass(Path directory) throws IOException {
        Path file = Files.createTempFile(directory, ".askpass-", ".sh",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.writeString(file, ASKPASS, StandardCharsets.UTF_8);
        return file;
    }
}
