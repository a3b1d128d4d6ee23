package org.virtregress.repo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Reads a Debian repository: {@code InRelease} (or {@code Release} when there is none) of a
 * suite ({@code dists/<suite>/}) or of a flat repository, then the
 * {@code <component>/binary-<arch>/Packages} indices of the repository's selected components and
 * architectures (see {@link PackagesIndex}; xz preferred, then gzip, then plain), verified
 * against the SHA256 list. When the Release says {@code Acquire-By-Hash: yes}, each index is
 * fetched by its checksum ({@code by-hash/SHA256/<hash>}, its plain name only when that is
 * missing), so a poll racing a publication still reads the files the Release it read names. A repository without InRelease is asked for Release
 * first on later polls, so an unchanged one still costs a single request. When the repository has
 * a keyring, InRelease must be clearsigned, or Release come with a detached {@code Release.gpg}
 * (fetched only when Release changed), by one of its keys, and only the signed text is read;
 * without one, signatures are not verified. Thread-safe.
 */
public final class DebianRepoReader implements RepositoryReader {
    private static final List<String> FIELDS = List.of("Package", "Version", "Architecture", "Filename", "Size",
            "SHA256", "Source");
    private static final int PACKAGE = 0;
    private static final int VERSION = 1;
    private static final int ARCHITECTURE = 2;
    private static final int FILENAME = 3;
    private static final int SIZE = 4;
    private static final int SHA256 = 5;
    private static final int SOURCE = 6;
    private static final String IN_RELEASE = "InRelease";
    private static final String RELEASE = "Release";
    private static final String RELEASE_SIGNATURE = "Release.gpg";

    private final Fetcher fetcher;
    private final ReadLimits limits;

    /**
     * Creates a reader.
     *
     * @param fetcher the fetcher to download with
     * @param limits the size limits
     */
    public DebianRepoReader(Fetcher fetcher, ReadLimits limits) {
        this.fetcher = fetcher;
        this.limits = limits;
    }

    @Override
    public RepositorySnapshot read(Repository repository, IndexMark previous, Predicate<String> names,
            Path metadataCopy) throws RepositoryException {
        URI base = repository.base();
        SignatureVerifier verifier = SignatureVerifier.of(repository);
        IndexMark known = SignatureVerifier.reusable(previous, verifier);
        Validators validators = known == null ? Validators.NONE : known.validators();
        List<String> order = known != null && RELEASE.equals(known.file())
                ? List.of(RELEASE, IN_RELEASE) : List.of(IN_RELEASE, RELEASE);
        String file = order.get(0);
        Fetcher.Conditional answer;
        try {
            answer = fetcher.fetchIfChanged(base.resolve(file), file.equals(known == null ? null : known.file())
                    ? validators : Validators.NONE, limits.maxIndexBytes());
        } catch (NotFoundException e) {
            file = order.get(1);
            answer = fetcher.fetchIfChanged(base.resolve(file), file.equals(known == null ? null : known.file())
                    ? validators : Validators.NONE, limits.maxIndexBytes());
        }
        URI indexUri = base.resolve(file);
        if (answer.notModified()) {
            return new RepositorySnapshot(true, known, List.of());
        }
        String digest = RpmMdReader.sha256(answer.body());
        IndexMark mark = new IndexMark(file, answer.validators(), digest,
                verifier == null ? null : verifier.keyringDigest());
        if (known != null && digest.equals(known.digest())) {
            return new RepositorySnapshot(true, mark, List.of());
        }
        String text;
        byte[] signature = null;
        if (verifier == null) {
            text = new String(answer.body(), StandardCharsets.UTF_8);
        } else if (file.equals(IN_RELEASE)) {
            text = verifier.verifyClearsigned(indexUri, answer.body());
        } else {
            URI signatureUri = base.resolve(RELEASE_SIGNATURE);
            try {
                signature = fetcher.fetch(signatureUri, limits.maxIndexBytes());
            } catch (NotFoundException e) {
                throw new SignatureException(indexUri.toString(), "it is not signed: there is no InRelease and "
                        + signatureUri + " does not exist");
            }
            verifier.verifyDetached(indexUri, answer.body(), signatureUri, signature);
            text = new String(answer.body(), StandardCharsets.UTF_8);
        }
        ReleaseFile release = ReleaseFile.parse(text, indexUri.toString(), limits.maxDebianLineBytes());
        if (release.sha256().isEmpty()) {
            throw new RepositoryException(indexUri + " has no SHA256 list, so its indices cannot be verified");
        }
        List<PackagesIndex> indices = PackagesIndex.choose(release, repository, indexUri.toString());
        String listed = listed(release, indices);
        mark = new IndexMark(mark.file(), mark.validators(), mark.digest(), mark.keyring(), listed);
        if (known != null && listed.equals(known.indices())) {
            // a new Release, but the selected indices are the ones already read
            return new RepositorySnapshot(true, mark, List.of());
        }
        if (metadataCopy != null) {
            copy(metadataCopy.resolve(RpmMdReader.fileName(indexUri.getPath())), answer.body());
            if (signature != null) {
                copy(metadataCopy.resolve(RELEASE_SIGNATURE), signature);
            }
        }
        URI root = repository.isDebianSuite() ? base.resolve("../../") : base;
        Set<String> architectures = repository.selection().effectiveArchitectures(PackageFormat.DEB);
        List<Build> builds = new ArrayList<>();
        for (PackagesIndex index : indices) {
            readPackages(repository, release, index, root, names, architectures, metadataCopy, builds::add);
        }
        return new RepositorySnapshot(false, mark, builds);
    }

    /**
     * What the Release lists of the selected indices, one line each: the size and SHA256 of the
     * uncompressed {@code Packages} when it is listed (the content; the compressed files change
     * with a recompression alone, gzip's time stamp for one), of every compression otherwise.
     */
    private static String listed(ReleaseFile release, List<PackagesIndex> indices) {
        StringBuilder text = new StringBuilder();
        for (PackagesIndex index : indices) {
            String plainPath = index.directory() + "Packages";
            List<String> paths = release.sha256().containsKey(plainPath) ? List.of(plainPath) : index.paths();
            for (String path : paths) {
                ReleaseFile.Entry entry = release.sha256().get(path);
                if (entry != null) {
                    text.append(path).append(' ').append(entry.size()).append(' ').append(entry.checksum().value())
                            .append('\n');
                }
            }
        }
        return text.toString();
    }

    private void readPackages(Repository repository, ReleaseFile release, PackagesIndex index, URI root,
            Predicate<String> names, Set<String> architectures, Path metadataCopy, Consumer<Build> consumer)
            throws RepositoryException {
        ReleaseFile.Entry plain = release.sha256().get(index.directory() + "Packages");
        long cap = limits.maxMetadataBytes();
        long openSize = plain == null ? -1 : plain.size();
        for (String path : index.paths()) {
            ReleaseFile.Entry entry = release.sha256().get(path);
            // the published file's checksum authenticates the content; hashing the decompressed
            // text too would cost more than decompressing it, and its size is still checked
            Checksum openChecksum = null;
            Path copy = metadataCopy == null ? null : metadataCopy.resolve(path.replace('/', '_'));
            URI uri = Locations.resolve(repository.base(), path);
            MetadataStream stream = null;
            if (release.acquireByHash()) {
                URI byHash = Locations.resolve(repository.base(), index.directory() + "by-hash/SHA256/"
                        + entry.checksum().value());
                stream = MetadataStream.openIfExists(fetcher, byHash, true, entry.checksum(), entry.size(),
                        openChecksum, openSize, cap, copy);
                uri = stream == null ? uri : byHash;
            }
            if (stream == null) {
                stream = MetadataStream.openIfExists(fetcher, uri, false, entry.checksum(), entry.size(), openChecksum,
                        openSize, cap, copy);
            }
            if (stream != null) {
                read(stream, uri, repository, root, names, architectures, consumer);
                return;
            }
        }
        throw new PublishingInProgressException(Locations.resolve(repository.base(), index.paths().get(0))
                + (index.paths().size() > 1 ? " (nor any other compression of it)" : "")
                + " is listed in the Release but does not exist");
    }

    private void read(MetadataStream stream, URI uri, Repository repository, URI root, Predicate<String> names,
            Set<String> architectures, Consumer<Build> consumer) throws RepositoryException {
        try (MetadataStream open = stream) {
            Predicate<String> wantedArchitecture = architectures.isEmpty() ? a -> true : architectures::contains;
            try (ReadAheadInputStream content = new ReadAheadInputStream(open.content(), uri.toString())) {
                parsePackages(content, uri.toString(), repository, root, names, wantedArchitecture, limits,
                        consumer);
            } catch (IOException | RuntimeException e) {
                throw open.fail(e);
            }
            open.finish();
        }
    }

    /**
     * Streams a Packages index and hands every stanza whose package name and architecture are
     * selected to a consumer. Stanzas of other packages are skipped without being decoded.
     *
     * @param index the decompressed index
     * @param what its URL, for messages
     * @param repository the repository, for the builds' repository
     * @param root the URL the {@code Filename} fields are relative to
     * @param names which package names to keep
     * @param architectures which architectures ({@code Architecture} field) to keep
     * @param limits the line and stanza caps
     * @param consumer receives the builds in index order
     * @throws IOException if the index cannot be read, a line or stanza is over its cap (naming the
     *     line and byte offset), or a kept stanza lacks required fields
     */
    public static void parsePackages(InputStream index, String what, Repository repository, URI root,
            Predicate<String> names, Predicate<String> architectures, ReadLimits limits, Consumer<Build> consumer)
            throws IOException {
        new StanzaScanner(index, what, FIELDS, "Package", limits).scan(names, fields -> {
            if (fields[ARCHITECTURE] == null || architectures.test(fields[ARCHITECTURE])) {
                consumer.accept(toBuild(fields, what, repository, root));
            }
        });
    }

    private static Build toBuild(String[] fields, String what, Repository repository, URI root)
            throws RepositoryException {
        String name = fields[PACKAGE];
        String version = fields[VERSION];
        String filename = fields[FILENAME];
        String sha256 = fields[SHA256];
        String arch = fields[ARCHITECTURE];
        if (version == null || filename == null || sha256 == null || arch == null) {
            throw new RepositoryException(what + ": package " + name
                    + " lacks its Version, Architecture, Filename or SHA256");
        }
        long size;
        try {
            size = fields[SIZE] == null ? -1 : Long.parseLong(fields[SIZE]);
        } catch (NumberFormatException e) {
            size = -1;
        }
        String source = fields[SOURCE];
        String sourcePackage = source == null ? name : source.replaceAll("\\s*\\(.*\\)\\s*$", "");
        String upstream = version.replaceFirst("^\\d+:", "").replaceFirst("-[^-]*$", "");
        String location = Locations.resolve(root, filename.startsWith("./") ? filename.substring(2) : filename).toString();
        return new Build(name, version, arch, PackageFormat.DEB, repository.spec(), location,
                new Checksum("sha256", sha256), size, null, sourcePackage,
                SourceCommit.fromVersion(upstream).orElse(null));
    }

    private static void copy(Path file, byte[] content) throws RepositoryException {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new RepositoryException("cannot copy metadata to " + file + ": " + e.getMessage(), e);
        }
    }
}
