package org.virtregress.cli.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Creates the demo's upstream project: a git repository whose scripted history (a few dozen
 * commits by three fixed authors at fixed dates, so the hashes are the same on every machine)
 * grows a set of guest checks, and plants a regression in one commit in the middle.
 */
public final class DemoUpstream {
    /** The first commit's date; each later commit is {@link #SPACING} after the one before. */
    static final Instant START = Instant.parse("2024-05-06T09:00:00Z");
    static final Duration SPACING = Duration.ofMinutes(137);
    private static final String[][] AUTHORS = {
        {"Ada Lindqvist", "ada@virt-regress-demo.example"},
        {"Bruno Okafor", "bruno@virt-regress-demo.example"},
        {"Chiara Ferri", "chiara@virt-regress-demo.example"},
    };

    private final UpstreamHistory history;

    DemoUpstream(UpstreamHistory history) {
        this.history = history;
    }

    /**
     * Returns the creator of the scripted history shipped with the command.
     *
     * @return the creator
     * @throws IOException if the history cannot be read
     */
    public static DemoUpstream scripted() throws IOException {
        return new DemoUpstream(UpstreamHistory.load());
    }

    /**
     * Creates the repository.
     *
     * @param directory an empty or missing directory for the work tree
     * @return the project with every commit and the one that plants the regression
     * @throws IOException if the directory is not empty or git fails
     */
    public UpstreamProject create(Path directory) throws IOException {
        Files.createDirectories(directory);
        try (var entries = Files.list(directory)) {
            if (entries.findAny().isPresent()) {
                throw new IOException("upstream directory " + directory + " is not empty");
            }
        }
        List<UpstreamCommit> commits = new ArrayList<>();
        UpstreamCommit regression = null;
        try (Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call()) {
            int number = 0;
            for (UpstreamHistory.Step step : history.steps()) {
                number++;
                for (UpstreamHistory.FileContent file : step.files()) {
                    write(directory, file);
                }
                git.add().addFilepattern(".").call();
                PersonIdent ident = ident(number);
                RevCommit commit = git.commit().setMessage(step.subject() + "\n").setAuthor(ident)
                        .setCommitter(ident).setSign(false).setAllowEmpty(false).call();
                UpstreamCommit made = new UpstreamCommit(number, commit.getName(), step.subject());
                commits.add(made);
                if (step.regression()) {
                    regression = made;
                }
            }
        } catch (GitAPIException e) {
            throw new IOException("cannot create the upstream repository in " + directory + ": " + e.getMessage(), e);
        }
        if (regression == null) {
            throw new IOException("the upstream history marks no regression commit");
        }
        return new UpstreamProject(directory, commits, regression);
    }

    private static void write(Path root, UpstreamHistory.FileContent file) throws IOException {
        Path target = root.resolve(file.path()).normalize();
        if (!target.startsWith(root)) {
            throw new IOException("upstream history file " + file.path() + " leaves the work tree");
        }
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.content());
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(file.executable() ? "rwxr-xr-x" : "rw-r--r--"));
    }

    private static PersonIdent ident(int number) {
        String[] author = AUTHORS[(number * 7 + number / 3) % AUTHORS.length];
        Instant when = START.plus(SPACING.multipliedBy(number - 1L));
        return new PersonIdent(author[0], author[1], when, ZoneOffset.UTC);
    }
}
