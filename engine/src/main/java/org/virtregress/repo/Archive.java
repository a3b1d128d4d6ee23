package org.virtregress.repo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.virtregress.process.Command;
import org.virtregress.process.CommandResult;
import org.virtregress.process.ProcessRunner;
import org.virtregress.process.OutputListener;
import org.virtregress.storage.AtomicFile;
import org.virtregress.storage.Json;

/**
 * A directory that keeps every build the poller reported: the package file (checksum-verified),
 * a copy of the repository metadata it was found in, and an index ({@code index.json}) of the
 * builds. Repositories often keep only the latest build; bisection over builds reads old ones
 * from here.
 *
 * <pre>
 * index.json                                 the archived builds
 * packages/&lt;checksum&gt;/&lt;file&gt;              the package files, by their hex checksum
 * metadata/&lt;repository&gt;/&lt;time&gt;/             repomd.xml + primary, or InRelease + Packages
 * </pre>
 *
 * <p>No name from a repository becomes a path unchecked: the directory of a package file is its
 * checksum, and the checksum, the file name and the build's name, version and architecture are
 * checked by {@link PackageNames} first. An index entry pointing outside the archive is refused
 * when the archive is opened.
 *
 * <p>Not thread-safe; one process at a time per directory.
 */
public final class Archive {
    /** The index file name. */
    public static final String INDEX = "index.json";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final Comparator<ArchivedBuild> ORDER = Comparator
            .comparing((ArchivedBuild a) -> a.build().name())
            .thenComparing(a -> a.build().format())
            .thenComparing((x, y) -> x.build().compareVersion(y.build()))
            .thenComparing(a -> a.build().buildTime(), Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ArchivedBuild::archivedAt);

    private final Path directory;
    private final List<ArchivedBuild> builds;

    /** The JSON form of the index. */
    record Index(List<ArchivedBuild> builds) {
    }

    private Archive(Path directory, List<ArchivedBuild> builds) {
        this.directory = directory;
        this.builds = builds;
    }

    /**
     * Opens an archive directory, creating it when missing.
     *
     * @param directory the directory
     * @return the archive
     * @throws IOException if the directory cannot be created or its index is unreadable (the
     *     message names the file)
     */
    public static Archive open(Path directory) throws IOException {
        Path dir = directory.toAbsolutePath();
        Files.createDirectories(dir);
        Path index = dir.resolve(INDEX);
        List<ArchivedBuild> builds = new ArrayList<>();
        if (Files.exists(index)) {
            try {
                Index read = Json.mapper().readValue(index.toFile(), Index.class);
                if (read != null && read.builds() != null) {
                    builds.addAll(read.builds());
                }
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new IOException("archive index " + index + " is not valid: " + e.getOriginalMessage(), e);
            }
        }
        for (ArchivedBuild build : builds) {
            checkInside(dir, index, build.file());
            if (build.metadata() != null) {
                checkInside(dir, index, build.metadata());
            }
        }
        builds.sort(ORDER);
        return new Archive(dir, builds);
    }

    private static void checkInside(Path dir, Path index, String relative) throws IOException {
        Path resolved = relative == null ? null : dir.resolve(relative).normalize();
        if (resolved == null || !resolved.startsWith(dir) || resolved.equals(dir)) {
            throw new IOException("archive index " + index + " is not valid: the entry "
                    + PackageNames.quote(String.valueOf(relative)) + " points outside the archive");
        }
    }

    /** Returns the archive directory. */
    public Path directory() {
        return directory;
    }

    /** Returns every archived build, by name, then version (oldest first), then build time. */
    public List<ArchivedBuild> builds() {
        return List.copyOf(builds);
    }

    /**
     * Returns the archived builds of one package, oldest version first; builds of the same
     * version (rebuilds) by build time, then by when they were archived.
     *
     * @param name the package name
     * @return the builds, possibly empty
     */
    public List<ArchivedBuild> builds(String name) {
        return builds.stream().filter(b -> b.build().name().equals(name)).toList();
    }

    /**
     * Returns the archived builds of one package for one architecture, in the order of
     * {@link #builds(String)}: the candidates of a bisection over builds.
     *
     * @param name the package name
     * @param arch the architecture
     * @return the builds, possibly empty
     */
    public List<ArchivedBuild> builds(String name, String arch) {
        return builds.stream().filter(b -> b.build().name().equals(name) && b.build().arch().equals(arch)).toList();
    }

    /**
     * Finds an archived build by package checksum.
     *
     * @param checksum the package checksum
     * @return the build, or empty
     */
    public Optional<ArchivedBuild> find(Checksum checksum) {
        return builds.stream().filter(b -> b.build().checksum().equals(checksum)).findFirst();
    }

    /**
     * Returns the absolute path of an archived build's package file.
     *
     * @param build an archived build of this archive
     * @return the path
     */
    public Path file(ArchivedBuild build) {
        return directory.resolve(build.file());
    }

    /**
     * Returns a fresh directory for a copy of a repository's metadata.
     *
     * @param repository the repository
     * @param time the poll time
     * @return the directory (not created)
     */
    public Path metadataDirectory(Repository repository, Instant time) {
        String name = repository.spec().replaceAll("^[a-z+]+:/*", "").replaceAll("[^A-Za-z0-9._-]+", "_");
        return directory.resolve("metadata").resolve(name).resolve(STAMP.format(time));
    }

    /**
     * Downloads a build's package file, verifies its checksum and size, and records it. A build
     * already archived (same checksum) is returned as it is.
     *
     * @param build the build
     * @param fetcher the fetcher to download with
     * @param metadata the directory holding the metadata copy, or null
     * @param now the time to record
     * @return the archived build; its source commit is filled from the rpm {@code VCS} tag
     *     when the version named none and {@code rpm} is installed
     * @throws RepositoryException if the download fails or does not match its checksum
     * @throws IOException if the archive cannot be written
     */
    public ArchivedBuild add(Build build, Fetcher fetcher, Path metadata, Instant now) throws IOException {
        Optional<ArchivedBuild> existing = find(build.checksum());
        if (existing.isPresent()) {
            return existing.get();
        }
        PackageNames.check(build);
        String fileName = PackageNames.fileName(RpmMdReader.fileName(java.net.URI.create(build.location()).getPath()),
                "repository " + build.repository() + ": package " + build.name() + " at " + build.location());
        Path target = directory.resolve("packages").resolve(build.checksum().value()).resolve(fileName);
        download(build, fetcher, target);
        Build recorded = build.sourceCommit() == null && build.format() == PackageFormat.RPM
                ? vcsCommit(target).map(build::withSourceCommit).orElse(build) : build;
        ArchivedBuild archived = new ArchivedBuild(recorded, directory.relativize(target).toString(),
                metadata == null ? null : directory.relativize(metadata.toAbsolutePath()).toString(), now);
        builds.add(archived);
        builds.sort(ORDER);
        Json.writeAtomically(directory.resolve(INDEX), new Index(builds));
        return archived;
    }

    private static void download(Build build, Fetcher fetcher, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        AtomicFile.sweep(target, ".part");
        Path tmp = AtomicFile.temporaryFile(target, ".part");
        try {
            MessageDigest digest = build.checksum().newDigest();
            long size = 0;
            try (InputStream in = fetcher.open(java.net.URI.create(build.location()));
                 OutputStream out = Files.newOutputStream(tmp)) {
                byte[] buffer = new byte[65536];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                    size += n;
                }
            }
            if (!build.checksum().matches(digest.digest())) {
                throw new RepositoryException("checksum of " + build.location() + " does not match the metadata ("
                        + build.checksum() + ")");
            }
            if (build.size() >= 0 && size != build.size()) {
                throw new RepositoryException("size of " + build.location() + " is " + size
                        + " bytes, the metadata says " + build.size());
            }
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Optional<String> vcsCommit(Path rpm) {
        try {
            CommandResult result = new ProcessRunner().run(Command.of("rpm", "-qp", "--nosignature", "--nodigest",
                    "--qf", "%{VCS}", rpm.toString()).timeout(java.time.Duration.ofSeconds(30)).build(), OutputListener.NONE);
            return result.succeeded() ? SourceCommit.fromVcsTag(result.output()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
