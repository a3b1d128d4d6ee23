package org.virtregress.cli.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.virtregress.repo.Archive;
import org.virtregress.repo.ArchivedBuild;
import org.virtregress.repo.Build;
import org.virtregress.repo.BuildChange;
import org.virtregress.repo.Fetcher;
import org.virtregress.repo.PackageSelector;
import org.virtregress.repo.PollRequest;
import org.virtregress.repo.PollResult;
import org.virtregress.repo.Poller;
import org.virtregress.repo.Repository;
import org.virtregress.report.NewBuildRow;

/**
 * The build feed of the demo: builds a commit, publishes it in the repository, then polls the
 * repository with the engine's poller, which detects the new build and archives it (package file,
 * metadata, and the source commit read from the rpm's {@code VCS} tag). Not thread-safe.
 */
final class DemoFeed {
    private final DemoPackager packager;
    private final DemoRepository repository;
    private final DemoProgress progress;
    private final Poller poller = new Poller(new Fetcher());
    private final PollRequest request;
    private final List<NewBuildRow> detected = new ArrayList<>();

    /**
     * Creates the feed.
     *
     * @param packager builds the packages
     * @param repository the repository to publish in and to poll
     * @param workdir holds the poll state ({@code poll-state.json}) and the archive ({@code archive/})
     * @param progress hears about each publication and poll
     */
    DemoFeed(DemoPackager packager, DemoRepository repository, Path workdir, DemoProgress progress) {
        this.packager = packager;
        this.repository = repository;
        this.progress = progress;
        this.request = new PollRequest(List.of(Repository.parse(repository.url().toString())),
                PackageSelector.of(List.of(DemoPackager.PACKAGE)), workdir.resolve("poll-state.json"),
                workdir.resolve("archive"), false);
    }

    /**
     * Builds and publishes a commit, and polls until the poller has detected and archived the build.
     *
     * @param commit the commit
     * @return the build as archived, its source commit filled in
     * @throws IOException if the build, the publication or the poll fails, or the poll finds
     *     anything else than that one new build
     * @throws InterruptedException if interrupted
     */
    Build publish(UpstreamCommit commit) throws IOException, InterruptedException {
        Path rpm = packager.build(commit);
        repository.publish(rpm);
        progress.step("published " + rpm.getFileName() + " (commit " + commit.shortHash() + ")");
        PollResult result = poller.poll(request);
        if (result.hasFailures() || result.hasPublishing()) {
            throw new IOException("polling " + repository.url() + " failed: " + result.outcomes());
        }
        List<BuildChange> found = result.changes().stream().filter(c -> c.kind().isNewBuild()).toList();
        if (found.size() != 1) {
            throw new IOException("the poll found " + found.size() + " new builds after publishing "
                    + rpm.getFileName() + ", expected one: " + result.changes());
        }
        BuildChange change = found.get(0);
        Build archived = archive().find(change.build().checksum()).map(ArchivedBuild::build).orElse(change.build());
        detected.add(NewBuildRow.from(new BuildChange(change.kind(), archived, change.previous())));
        progress.step("poll: " + change.kind() + " " + archived.nevra() + ", archived, source commit "
                + DemoProgress.abbreviate(archived.sourceCommit()));
        return archived;
    }

    /** Returns the archive the poller fills. */
    Archive archive() throws IOException {
        return Archive.open(request.archive());
    }

    /** Returns the URL of the repository. */
    String url() {
        return repository.url().toString();
    }

    /** Returns every new build detected so far, for the report. */
    List<NewBuildRow> newBuilds() {
        return List.copyOf(detected);
    }
}
