package org.virtregress.repo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Polls repositories for new builds of watched packages, comparing with the state of the
 * previous poll: a higher version, or a rebuild with the same version and a different checksum,
 * is new. The first poll (no state) reports the newest build of every watched package. Only the
 * repository's selected architectures and components are read ({@link IndexSelection}); other
 * patterns or another selection than last time force a full read. An
 * unchanged repository costs one conditional request. A repository being published is
 * reported as such and left for the next poll; its state does not move, and neither does the
 * state of a repository that fails (a missing or bad signature included, or a watched package
 * whose name, version, architecture or checksum is not safe to use in a path: see
 * {@link PackageNames}). Thread-safe: polls of
 * one state file take turns.
 */
public final class Poller {
    private final Fetcher fetcher;
    private final ReadLimits limits;
    private final Clock clock;

    /**
     * Creates a poller.
     *
     * @param fetcher the fetcher to download with
     * @param limits the size limits
     * @param clock the clock for state and archive times
     */
    public Poller(Fetcher fetcher, ReadLimits limits, Clock clock) {
        this.fetcher = fetcher;
        this.limits = limits;
        this.clock = clock;
    }

    /** Creates a poller with the default limits and the system clock. */
    public Poller(Fetcher fetcher) {
        this(fetcher, ReadLimits.DEFAULT, Clock.systemUTC());
    }

    /**
     * Polls every repository, archives the new builds when asked, and saves the state atomically,
     * holding the state file's {@link StateLock} throughout so that concurrent polls of one state
     * file (threads or processes) take turns.
     *
     * @param request what to poll
     * @return the outcome of each repository and the changes found
     * @throws StateLockedException if another poll holds the state file longer than the request's
     *     lock timeout; the message names the holder
     * @throws IOException if the state file or the archive cannot be read or written, or the
     *     state file is a directory or read-only (the message names the file); repository failures, including bad signatures, are reported
     *     in the result instead
     */
    public PollResult poll(PollRequest request) throws IOException {
        try (StateLock lock = StateLock.acquire(request.stateFile(), request.lockTimeout())) {
            return pollLocked(request);
        }
    }

    private PollResult pollLocked(PollRequest request) throws IOException {
        PollState.checkWritable(request.stateFile());
        PollState state = PollState.load(request.stateFile());
        Archive archive = request.archive() == null ? null : Archive.open(request.archive());
        Map<String, PollState.RepositoryState> repositories = new LinkedHashMap<>(state.repositories());
        List<RepositoryOutcome> outcomes = new ArrayList<>();
        List<BuildChange> changes = new ArrayList<>();
        for (Repository repository : request.repositories()) {
            PollState.RepositoryState previous = repositories.get(repository.spec());
            try {
                List<BuildChange> found = new ArrayList<>();
                Instant now = clock.instant();
                Path metadata = archive == null || request.baseline() ? null
                        : archive.metadataDirectory(repository, now);
                RepositorySnapshot snapshot = read(repository, previous, request, metadata);
                repositories.put(repository.spec(), snapshot.unchanged()
                        ? new PollState.RepositoryState(snapshot.mark(), previous.patterns(), previous.newest(),
                                previous.current(), previous.polledAt(), previous.selection())
                        : update(snapshot, repository.selection(), previous, request, archive, metadata, now, found));
                changes.addAll(found);
                outcomes.add(new RepositoryOutcome(repository.spec(), snapshot.unchanged()
                        ? RepositoryOutcome.Status.UNCHANGED : RepositoryOutcome.Status.READ, null));
            } catch (PublishingInProgressException e) {
                outcomes.add(new RepositoryOutcome(repository.spec(), RepositoryOutcome.Status.PUBLISHING,
                        e.getMessage()));
            } catch (RepositoryException e) {
                outcomes.add(new RepositoryOutcome(repository.spec(), RepositoryOutcome.Status.FAILED, e.getMessage()));
            }
        }
        new PollState(repositories).save(request.stateFile());
        return new PollResult(outcomes, changes);
    }

    private RepositorySnapshot read(Repository repository, PollState.RepositoryState previous, PollRequest request,
            Path metadata) throws IOException {
        boolean samePatterns = previous != null && previous.patterns().equals(request.packages().patterns())
                && repository.selection().equals(previous.selection());
        IndexMark mark = samePatterns ? previous.index() : null;
        try {
            RepositorySnapshot snapshot = RepositoryReader.of(repository.format(), fetcher, limits)
                    .read(repository, mark, request.packages(), metadata);
            for (Build build : snapshot.builds()) {
                PackageNames.check(build);
            }
            if (snapshot.unchanged()) {
                deleteTree(metadata);
            }
            return snapshot;
        } catch (RepositoryException e) {
            deleteTree(metadata);
            throw e;
        }
    }

    private PollState.RepositoryState update(RepositorySnapshot snapshot, IndexSelection selection,
            PollState.RepositoryState previous, PollRequest request, Archive archive, Path metadata, Instant now, List<BuildChange> found)
            throws IOException {
        Map<String, Build> newest = new HashMap<>(previous == null ? Map.of() : previous.newest());
        Map<String, Build> current = previous == null ? Map.of() : previous.current();
        Map<String, Build> latest = latestByKey(snapshot.builds());
        List<BuildChange> noticed = compare(latest, newest, current);
        for (BuildChange change : noticed) {
            if (change.kind().isNewBuild()) {
                newest.put(change.build().key(), change.build());
            }
        }
        List<BuildChange> reported = request.baseline() ? List.of() : noticed;
        boolean archived = false;
        if (archive != null) {
            for (BuildChange change : reported) {
                if (change.kind().isNewBuild()) {
                    archive.add(change.build(), fetcher, metadata, now);
                    archived = true;
                }
            }
        }
        if (!archived) {
            deleteTree(metadata);
        }
        found.addAll(reported);
        return new PollState.RepositoryState(snapshot.mark(), request.packages().patterns(), newest, latest, now,
                selection);
    }

    private static List<BuildChange> compare(Map<String, Build> latest, Map<String, Build> newest,
            Map<String, Build> current) {
        List<BuildChange> changes = new ArrayList<>();
        for (String key : new TreeSet<>(Stream.concat(latest.keySet().stream(), current.keySet().stream()).toList())) {
            Build build = latest.get(key);
            Build known = newest.get(key);
            Build was = current.get(key);
            if (build == null) {
                changes.add(new BuildChange(BuildChange.Kind.REMOVED, was, was));
            } else if (known == null) {
                changes.add(new BuildChange(BuildChange.Kind.NEW, build, null));
            } else {
                int order = build.compareVersion(known);
                if (order > 0) {
                    changes.add(new BuildChange(BuildChange.Kind.NEW_VERSION, build, known));
                } else if (order == 0 && !build.checksum().equals(known.checksum())) {
                    changes.add(new BuildChange(BuildChange.Kind.REBUILD, build, known));
                } else if (order < 0 && (was == null || !build.checksum().equals(was.checksum()))) {
                    changes.add(new BuildChange(BuildChange.Kind.DOWNGRADE, build, known));
                }
            }
        }
        return changes;
    }

    /**
     * Picks the newest build of each package ({@code name.arch}); among builds of the same
     * version the first listed wins.
     *
     * @param builds builds of one repository
     * @return the newest build by key, sorted by key
     */
    public static Map<String, Build> latestByKey(List<Build> builds) {
        Map<String, Build> latest = new TreeMap<>();
        for (Build build : builds) {
            latest.merge(build.key(), build, (a, b) -> b.compareVersion(a) > 0 ? b : a);
        }
        return latest;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
