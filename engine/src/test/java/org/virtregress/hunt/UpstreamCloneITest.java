package org.virtregress.hunt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtregress.net.Credentials;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.OutputListener;
import org.virtregress.process.ProcessRunner;
import org.virtregress.testing.RepositoryServer;

/** Clones and updates a real git repository served over HTTP on 127.0.0.1, openly and behind basic authentication. */
class UpstreamCloneITest {
    private static final ProcessRunner RUNNER = new ProcessRunner();

    private static String git(Path directory, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.invalid"));
        argv.addAll(List.of(args));
        CommandResult result = RUNNER.run(Command.of(argv).workingDirectory(directory).build(), OutputListener.NONE);
        assertThat(result.succeeded()).as(result.describe() + "\n" + result.output()).isTrue();
        return result.output().strip();
    }

    /** Makes an upstream with two tagged commits, published as a bare repository for git's dumb HTTP. */
    private static Path upstream(Path directory) throws Exception {
        Path work = Files.createDirectories(directory.resolve("work"));
        git(work, "init", "--quiet", "-b", "main");
        Files.writeString(work.resolve("file"), "1\n");
        git(work, "add", "file");
        git(work, "commit", "--quiet", "-m", "one");
        git(work, "tag", "v1.0");
        Files.writeString(work.resolve("file"), "2\n");
        git(work, "commit", "--quiet", "-am", "two");
        git(work, "tag", "v1.1");
        Path served = Files.createDirectories(directory.resolve("served"));
        git(served, "clone", "--quiet", "--bare", work.toString(), "upstream.git");
        git(served.resolve("upstream.git"), "update-server-info");
        return work;
    }

    private static void publish(Path directory, String content, String tag) throws Exception {
        Path work = directory.resolve("work");
        Files.writeString(work.resolve("file"), content);
        git(work, "commit", "--quiet", "-am", content.strip());
        git(work, "tag", tag);
        Path bare = directory.resolve("served/upstream.git");
        git(bare, "fetch", "--quiet", "--tags", work.toString(), "+refs/heads/*:refs/heads/*");
        git(bare, "update-server-info");
    }

    @Test
    void shouldCloneWithCredentialsFromTheEnvironmentOnlyAndUpdateTheCloneLater(@TempDir Path directory)
            throws Exception {
        upstream(directory);
        try (RepositoryServer server = RepositoryServer.serve(directory.resolve("served"))) {
            UpstreamClone clone = new UpstreamClone(RUNNER, Duration.ofMinutes(2));
            Path target = directory.resolve("clones/qemu");

            clone.fetch(server.lockedUrl("upstream.git"), target,
                    new Credentials(RepositoryServer.USER, RepositoryServer.PASSWORD), false);

            assertThat(git(target, "rev-parse", "--verify", "v1.1^{commit}")).hasSize(40);
            assertThat(server.log()).anyMatch(line -> line.contains("/locked/upstream.git/info/refs")
                    && line.contains(" 200 auth="));
            // neither the password nor the askpass program stays anywhere in the clone or next to it
            try (var files = Files.walk(directory.resolve("clones"))) {
                assertThat(files.filter(Files::isRegularFile)).allSatisfy(file -> {
                    assertThat(file.getFileName().toString()).doesNotStartWith(".askpass-");
                    assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                            .doesNotContain(RepositoryServer.PASSWORD);
                });
            }

            publish(directory, "3\n", "v1.2");
            clone.fetch(server.lockedUrl("upstream.git"), target,
                    new Credentials(RepositoryServer.USER, RepositoryServer.PASSWORD), false);

            assertThat(git(target, "rev-parse", "--verify", "v1.2^{commit}")).hasSize(40);
        }
    }

    @Test
    void shouldSayTheRepositoryRefusedWithoutShowingThePassword(@TempDir Path directory) throws Exception {
        upstream(directory);
        try (RepositoryServer server = RepositoryServer.serve(directory.resolve("served"))) {
            UpstreamClone clone = new UpstreamClone(RUNNER, Duration.ofMinutes(2));

            assertThatThrownBy(() -> clone.fetch(server.lockedUrl("upstream.git"), directory.resolve("clone"),
                    new Credentials(RepositoryServer.USER, "wrong-pw-0815"), false))
                    .isInstanceOf(IOException.class).hasMessageContaining("git clone of " + server.lockedUrl("upstream.git"))
                    .hasMessageNotContaining("wrong-pw-0815");
            // without credentials git never waits for a prompt
            assertThatThrownBy(() -> clone.fetch(server.lockedUrl("upstream.git"), directory.resolve("clone"), null,
                    false)).isInstanceOf(IOException.class).hasMessageContaining("failed");
        }
    }

    @Test
    void shouldCloneAnOpenRepositoryAndRefuseAFileUrlUnlessAllowed(@TempDir Path directory) throws Exception {
        Path work = upstream(directory);
        try (RepositoryServer server = RepositoryServer.serve(directory.resolve("served"))) {
            UpstreamClone clone = new UpstreamClone(RUNNER, Duration.ofMinutes(2));

            Path target = clone.fetch(server.url("upstream.git"), directory.resolve("open"), null, false);

            assertThat(git(target, "rev-parse", "--verify", "v1.0^{commit}")).hasSize(40);
        }
        UpstreamClone clone = new UpstreamClone(RUNNER, Duration.ofMinutes(2));
        assertThatThrownBy(() -> clone.fetch(work.toUri().toString(), directory.resolve("file"), null, false))
                .hasMessageContaining("is a file: URL");
        assertThat(clone.fetch(work.toUri().toString(), directory.resolve("file"), null, true)).isDirectory();
    }
}
