package org.virtregress.bisect;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The commits of a git repository that a bisection chooses from: the ancestors of the bad revision
 * that no good revision reaches, optionally limited to paths and to the first-parent chain. Reads
 * the repository only; it never touches the working tree. Thread-safe for {@link #describe} and
 * {@link #parentsOf} (each call opens its own walk); close it when done.
 */
public final class CommitGraph implements CandidateCatalog, AutoCloseable {
    private final Repository repository;

    private CommitGraph(Repository repository) {
        this.repository = repository;
    }

    /**
     * Opens the repository at a directory (its work tree or its git directory; parents are searched
     * like git does).
     *
     * @param directory the repository
     * @return the graph
     * @throws BisectRangeException if there is no git repository there
     */
    public static CommitGraph open(Path directory) throws BisectRangeException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment()
                .findGitDir(directory.toAbsolutePath().toFile());
        if (builder.getGitDir() == null && !directory.resolve("HEAD").toFile().isFile()) {
            throw new BisectRangeException("not a git repository: " + directory);
        }
        if (builder.getGitDir() == null) {
            builder.setGitDir(directory.toFile());
        }
        try {
            return new CommitGraph(builder.setMustExist(true).build());
        } catch (IOException | IllegalArgumentException e) {
            throw new BisectRangeException("cannot open git repository " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Returns the git directory of the repository. */
    public Path gitDirectory() {
        return repository.getDirectory().toPath();
    }

    /**
     * Resolves a revision (hash, branch, tag, {@code HEAD~3}) to a commit id.
     *
     * @param revision the revision as a user writes it
     * @return the full commit hash
     * @throws BisectRangeException if the revision is unknown or not a commit
     */
    public String resolve(String revision) throws BisectRangeException {
        try {
            ObjectId id = repository.resolve(revision + "^{commit}");
            if (id == null) {
                throw new BisectRangeException("unknown revision '" + revision + "' in " + repository.getDirectory());
            }
            return id.name();
        } catch (RevisionSyntaxException | IOException e) {
            throw new BisectRangeException("cannot resolve revision '" + revision + "': " + e.getMessage(), e);
        }
    }

    /**
     * Collects the candidates between good revisions and a bad revision.
     *
     * @param goods the good revisions; each must be an ancestor of {@code bad}
     * @param bad the bad revision
     * @param paths limits the candidates to commits touching these paths; empty for all commits
     * @param firstParent follows only the first parent of merges (a merge is then one candidate)
     * @return the range, its candidates newest first
     * @throws BisectRangeException if a revision is unknown or a good one is not an ancestor of the bad one
     */
    public BisectRange range(List<String> goods, String bad, List<String> paths, boolean firstParent)
            throws BisectRangeException {
        if (goods.isEmpty()) {
            throw new BisectRangeException("at least one good revision is needed");
        }
        String badId = resolve(bad);
        List<String> goodIds = new ArrayList<>();
        for (String good : goods) {
            String goodId = resolve(good);
            checkAncestry(good, goodId, bad, badId);
            goodIds.add(goodId);
        }
        try (RevWalk walk = new RevWalk(repository)) {
            walk.setFirstParent(firstParent);
            if (!paths.isEmpty()) {
                walk.setTreeFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(paths), TreeFilter.ANY_DIFF));
            }
            walk.sort(RevSort.TOPO);
            walk.markStart(walk.parseCommit(ObjectId.fromString(badId)));
            for (String good : goodIds) {
                walk.markUninteresting(walk.parseCommit(ObjectId.fromString(good)));
            }
            List<Candidate> candidates = new ArrayList<>();
            Map<String, List<String>> graph = new LinkedHashMap<>();
            for (RevCommit commit : walk) {
                List<String> parents = new ArrayList<>();
                int count = firstParent ? Math.min(1, commit.getParentCount()) : commit.getParentCount();
                for (int i = 0; i < count; i++) {
                    parents.add(commit.getParent(i).name());
                }
                graph.put(commit.name(), parents);
                candidates.add(new Candidate(commit.name(), commit.getTree().name(), commit.getShortMessage()));
            }
            if (!graph.containsKey(badId)) {
                addBadEnd(walk, badId, candidates, graph);
            }
            return new BisectRange(goodIds, badId, candidates, graph, this);
        } catch (IOException | IllegalArgumentException e) {
            throw new BisectRangeException("cannot walk the history of " + repository.getDirectory() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Puts the bad end on top when the path limit left it out: it stays the known-bad end of the range. */
    private static void addBadEnd(RevWalk walk, String badId, List<Candidate> candidates,
                                  Map<String, List<String>> graph) throws IOException {
        Set<String> haveChild = new HashSet<>();
        graph.values().forEach(haveChild::addAll);
        List<String> heads = graph.keySet().stream().filter(id -> !haveChild.contains(id)).toList();
        Map<String, List<String>> withBad = new LinkedHashMap<>();
        withBad.put(badId, heads);
        withBad.putAll(graph);
        graph.clear();
        graph.putAll(withBad);
        RevCommit commit = walk.parseCommit(ObjectId.fromString(badId));
        walk.parseBody(commit);
        if (commit.getRawBuffer() == null) {
            try (RevWalk fresh = new RevWalk(walk.getObjectReader())) {
                commit = fresh.parseCommit(commit);
            }
        }
        candidates.add(0, new Candidate(badId, commit.getTree().name(), commit.getShortMessage()));
    }

    private void checkAncestry(String good, String goodId, String bad, String badId) throws BisectRangeException {
        if (goodId.equals(badId)) {
            throw new BisectRangeException("good revision '" + good + "' and bad revision '" + bad
                    + "' are the same commit " + badId);
        }
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit goodCommit = walk.parseCommit(ObjectId.fromString(goodId));
            RevCommit badCommit = walk.parseCommit(ObjectId.fromString(badId));
            if (walk.isMergedInto(goodCommit, badCommit)) {
                return;
            }
            walk.reset();
            if (walk.isMergedInto(badCommit, goodCommit)) {
                throw new BisectRangeException("good revision '" + good + "' is not an ancestor of bad revision '"
                        + bad + "': it descends from it. Did you swap them? To find the commit that fixed it, run"
                        + " again with --good " + bad + " --bad " + good + " and a command that fails when fixed.");
            }
            walk.reset();
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(walk.parseCommit(ObjectId.fromString(goodId)));
            walk.markStart(walk.parseCommit(ObjectId.fromString(badId)));
            RevCommit base = walk.next();
            throw new BisectRangeException("good revision '" + good + "' is not an ancestor of bad revision '" + bad
                    + "': the two have diverged" + (base == null ? " (no common history)" : " since " + base.name())
                    + ". Give a good revision that the bad one descends from"
                    + (base == null ? "." : ", such as " + base.name() + "."));
        } catch (IOException e) {
            throw new BisectRangeException("cannot compare '" + good + "' and '" + bad + "': " + e.getMessage(), e);
        }
    }

    @Override
    public CandidateDetails describe(String id) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(id));
            PersonIdent author = commit.getAuthorIdent();
            return new CandidateDetails(id, author.getName() + " <" + author.getEmailAddress() + ">",
                    Instant.ofEpochMilli(author.getWhen().getTime()), commit.getShortMessage(),
                    filesChanged(walk, commit));
        } catch (IOException | IllegalArgumentException e) {
            return CandidateDetails.of(id, "(cannot read commit: " + e.getMessage() + ")");
        }
    }

    private List<String> filesChanged(RevWalk walk, RevCommit commit) throws IOException {
        List<String> files = new ArrayList<>();
        try (TreeWalk tree = new TreeWalk(repository)) {
            tree.setRecursive(true);
            if (commit.getParentCount() > 0) {
                tree.addTree(walk.parseCommit(commit.getParent(0)).getTree());
                tree.addTree(commit.getTree());
                tree.setFilter(TreeFilter.ANY_DIFF);
            } else {
                tree.addTree(commit.getTree());
            }
            while (tree.next()) {
                files.add(tree.getPathString());
            }
        }
        return files;
    }

    @Override
    public List<Candidate> parentsOf(String id) {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(ObjectId.fromString(id));
            List<Candidate> parents = new ArrayList<>();
            for (RevCommit parent : commit.getParents()) {
                RevCommit parsed = walk.parseCommit(parent);
                parents.add(new Candidate(parsed.name(), parsed.getTree().name(), parsed.getShortMessage()));
            }
            return parents;
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read the parents of " + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
