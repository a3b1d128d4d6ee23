package org.virtregress.bisect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;

/**
 * A git repository whose history is written in code with JGit (fixed clock, fixed authors), so
 * that the same history can be bisected by us and by the real git. The parents of every commit
 * are kept in memory to answer which commits contain a culprit.
 */
final class TestHistory implements AutoCloseable {
    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    private final Path directory;
    private final Repository repository;
    private final Map<String, Map<String, String>> files = new HashMap<>();
    private final Map<String, List<String>> parents = new LinkedHashMap<>();
    private int clock;

    private TestHistory(Path directory, Repository repository) {
        this.directory = directory;
        this.repository = repository;
    }

    static TestHistory create(Path directory) {
        try {
            Git git = Git.init().setDirectory(directory.toFile()).setInitialBranch("main").call();
            return new TestHistory(directory, git.getRepository());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A linear history of n commits; commit i writes file "f&lt;i&gt;". Returns the ids oldest first. */
    static List<String> linear(TestHistory history, int n) {
        List<String> ids = new ArrayList<>();
        String last = null;
        for (int i = 0; i < n; i++) {
            last = history.commit("commit " + i, Map.of("f" + i, "content " + i), last == null ? List.of() : List.of(last));
            ids.add(last);
        }
        history.setBranch("main", last);
        return ids;
    }

    /**
     * A merge-heavy history: a main line with side branches forked from recent main commits and
     * merged back, like a kernel tree. Returns every commit id oldest first; the last is the main tip.
     */
    static List<String> mergeHeavy(TestHistory history, int branches, long seed) {
        Random random = new Random(seed);
        List<String> all = new ArrayList<>();
        List<String> main = new ArrayList<>();
        String tip = history.commit("root", Map.of("README", "root"), List.of());
        all.add(tip);
        main.add(tip);
        int n = 0;
        for (int b = 0; b < branches; b++) {
            String fork = main.get(Math.max(0, main.size() - 1 - random.nextInt(Math.min(main.size(), 4))));
            String side = fork;
            int sideCommits = 1 + random.nextInt(5);
            for (int i = 0; i < sideCommits; i++) {
                n++;
                side = history.commit("side " + b + "." + i, Map.of("side/b" + b + "/f" + i, "v" + n), List.of(side));
                all.add(side);
            }
            int mainCommits = random.nextInt(3);
            for (int i = 0; i < mainCommits; i++) {
                n++;
                tip = history.commit("main " + b + "." + i, Map.of("main/f" + n, "v" + n), List.of(tip));
                all.add(tip);
                main.add(tip);
            }
            tip = history.commit("Merge branch " + b, Map.of("merges/" + b, "merged"), List.of(tip, side));
            all.add(tip);
            main.add(tip);
        }
        history.setBranch("main", tip);
        return all;
    }

    String commit(String message, Map<String, String> changes, List<String> parentIds) {
        Map<String, String> tree = new HashMap<>();
        for (String parent : parentIds) {
            Map<String, String> parentFiles = files.get(parent);
            parentFiles.forEach(tree::putIfAbsent);
        }
        if (!parentIds.isEmpty()) {
            tree.putAll(files.get(parentIds.get(0)));
        }
        tree.putAll(changes);
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            for (Map.Entry<String, String> file : new java.util.TreeMap<>(tree).entrySet()) {
                DirCacheEntry entry = new DirCacheEntry(file.getKey());
                entry.setFileMode(FileMode.REGULAR_FILE);
                entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue().getBytes(StandardCharsets.UTF_8)));
                builder.add(entry);
            }
            builder.finish();
            ObjectId treeId = index.writeTree(inserter);
            PersonIdent ident = new PersonIdent("Ada Tester", "ada@example.org",
                    java.util.Date.from(EPOCH.plusSeconds(60L * clock++)), TimeZone.getTimeZone("UTC"));
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(treeId);
            commit.setAuthor(ident);
            commit.setCommitter(ident);
            commit.setMessage(message + "\n");
            for (String parent : parentIds) {
                commit.addParentId(ObjectId.fromString(parent));
            }
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            files.put(id.name(), tree);
            parents.put(id.name(), List.copyOf(parentIds));
            return id.name();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void setBranch(String name, String id) {
        try {
            RefUpdate update = repository.updateRef(Constants.R_HEADS + name);
            update.setNewObjectId(ObjectId.fromString(id));
            update.setForceUpdate(true);
            update.update();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns whether the commit contains the culprit (is the culprit or one of its descendants). */
    boolean contains(String commit, String culprit) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(commit));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (id.equals(culprit)) {
                return true;
            }
            if (seen.add(id)) {
                todo.addAll(parents.getOrDefault(id, List.of()));
            }
        }
        return false;
    }

    /** Returns a probe that fails on every commit containing the culprit and skips the untestable ones. */
    Probe predicate(String culprit, Set<String> untestable) {
        return candidate -> untestable.contains(candidate.id()) ? ProbeResult.skip("untestable")
                : contains(candidate.id(), culprit) ? ProbeResult.bad("exit code 1", "exit code 1")
                : ProbeResult.good("exit code 0");
    }

    Path directory() {
        return directory;
    }

    Repository repository() {
        return repository;
    }

    @Override
    public void close() {
        repository.close();
    }
}
