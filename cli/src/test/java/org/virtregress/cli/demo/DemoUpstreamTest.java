package org.virtregress.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoUpstreamTest {
    @Test
    void shouldMakeALinearHistoryWithTheRegressionInTheMiddle(@TempDir Path dir) throws Exception {
        UpstreamProject project = DemoUpstream.scripted().create(dir.resolve("upstream"));

        assertThat(project.commits()).hasSize(32);
        assertThat(project.regression().number()).isEqualTo(21);
        assertThat(project.regression().subject())
                .isEqualTo("memory: require 512 MiB to leave room for the balloon driver");
        try (Git git = Git.open(project.directory().toFile())) {
            List<String> log = new ArrayList<>();
            git.log().call().forEach(c -> log.add(0, c.getName()));
            assertThat(log).containsExactlyElementsOf(project.commits().stream().map(UpstreamCommit::hash).toList());
            RevCommit planted = commit(git.getRepository(), project.regression().hash());
            assertThat(planted.getParentCount()).isEqualTo(1);
            assertThat(changedPaths(git, planted)).containsExactly("conf/memory-min-mib");
            assertThat(planted.getAuthorIdent().getWhenAsInstant())
                    .isEqualTo(DemoUpstream.START.plus(DemoUpstream.SPACING.multipliedBy(20)));
        }
        assertThat(Files.readString(project.directory().resolve("conf/memory-min-mib"))).isEqualTo("512\n");
    }

    @Test
    void shouldGiveTheSameHashesOnEveryRun(@TempDir Path dir) throws Exception {
        UpstreamProject first = DemoUpstream.scripted().create(dir.resolve("one"));
        UpstreamProject second = DemoUpstream.scripted().create(dir.resolve("two"));

        assertThat(second.commits()).isEqualTo(first.commits());
        assertThat(second.regression().hash()).isEqualTo(first.regression().hash());
    }

    @Test
    void shouldCommitTheChecksAsExecutables(@TempDir Path dir) throws Exception {
        UpstreamProject project = DemoUpstream.scripted().create(dir.resolve("upstream"));

        try (Git git = Git.open(project.directory().toFile())) {
            Repository repository = git.getRepository();
            RevCommit head = commit(repository, project.commit(32).hash());
            List<String> checks = new ArrayList<>();
            try (TreeWalk walk = new TreeWalk(repository)) {
                walk.addTree(head.getTree());
                walk.setRecursive(true);
                while (walk.next()) {
                    if (walk.getPathString().startsWith("checks/")) {
                        assertThat(walk.getFileMode(0)).as(walk.getPathString()).isEqualTo(FileMode.EXECUTABLE_FILE);
                        checks.add(walk.getPathString().substring("checks/".length()));
                    }
                }
            }
            assertThat(checks).containsExactly("cmdline", "cpu-flags", "kernel-is-up", "memory", "package-version",
                    "pci-devices", "proc-mounts", "uptime", "virtio-bus");
        }
    }

    @Test
    void shouldRefuseADirectoryThatIsNotEmpty(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("something"), "x");

        assertThatIOException()
                .isThrownBy(() -> DemoUpstream.scripted().create(dir))
                .withMessageContaining(dir.toString()).withMessageContaining("not empty");
    }

    private static RevCommit commit(Repository repository, String hash) throws Exception {
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(ObjectId.fromString(hash));
        }
    }

    private static List<String> changedPaths(Git git, RevCommit commit) throws Exception {
        try (var reader = git.getRepository().newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevCommit parent = walk.parseCommit(commit.getParent(0));
            var oldTree = new CanonicalTreeParser(null, reader, parent.getTree());
            var newTree = new CanonicalTreeParser(null, reader, commit.getTree());
            return git.diff().setOldTree(oldTree).setNewTree(newTree).call().stream().map(DiffEntry::getNewPath)
                    .toList();
        }
    }
}
