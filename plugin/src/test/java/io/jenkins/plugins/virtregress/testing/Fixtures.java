package io.jenkins.plugins.virtregress.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the real fixtures of the integration tests: rpm-md repositories and git histories. */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * Adds a package build to an rpm-md repository (built with rpmbuild, indexed with createrepo_c).
     *
     * @param work a scratch directory
     * @param repository the repository directory, created when missing
     * @param name the package name
     * @param version the version
     * @param release the release
     * @return the repository directory
     */
    public static Path publishRpm(Path work, Path repository, String name, String version, String release) throws Exception {
        Path spec = work.resolve("package.spec");
        if (!Files.exists(spec)) {
            Files.createDirectories(work);
            try (InputStream in = Fixtures.class.getResourceAsStream("package.spec")) {
                Files.copy(in, spec);
            }
        }
        Path top = work.resolve("build-" + name + "-" + version + "-" + release);
        run(work, "rpmbuild", "-bb", "--quiet", "--define", "_topdir " + top, "--define", "pkg " + name,
                "--define", "ver " + version, "--define", "rel " + release, spec.toString());
        Files.createDirectories(repository);
        try (var rpms = Files.list(top.resolve("RPMS/noarch"))) {
            for (Path rpm : rpms.toList()) {
                Files.copy(rpm, repository.resolve(rpm.getFileName()));
            }
        }
        run(work, "createrepo_c", "--quiet", repository.toString());
        return repository;
    }

    /**
     * Makes a linear git history where one commit breaks the project: from that commit on, the
     * file {@code broken} exists.
     *
     * @param directory the repository directory
     * @param commits how many commits
     * @param culprit the 1-based index of the commit that breaks it
     * @param culpritSubject the subject of the breaking commit
     * @return the hashes, oldest first
     */
    public static List<String> history(Path directory, int commits, int culprit, String culpritSubject) throws Exception {
        Files.createDirectories(directory);
        run(directory, "git", "init", "--quiet", "--initial-branch=main");
        List<String> hashes = new ArrayList<>();
        for (int i = 1; i <= commits; i++) {
            Files.writeString(directory.resolve("counter"), i + "\n");
            if (i == culprit) {
                Files.writeString(directory.resolve("broken"), "yes\n");
            }
            run(directory, "git", "add", "-A");
            String date = "2026-01-01T00:00:" + String.format("%02d", i) + "Z";
            run(Map.of("GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date), directory, "git", "-c", "user.name=Ann Example",
                    "-c", "user.email=ann@example.org", "commit", "--quiet", "-m",
                    i == culprit ? culpritSubject : "change " + i);
            hashes.add(run(directory, "git", "rev-parse", "HEAD").trim());
        }
        return hashes;
    }

    public static String run(Path directory, String... argv) throws Exception {
        return run(Map.of(), directory, argv);
    }

    private static String run(Map<String, String> env, Path directory, String... argv) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException(String.join(" ", argv) + " failed: " + output);
        }
        return output;
    }
}
