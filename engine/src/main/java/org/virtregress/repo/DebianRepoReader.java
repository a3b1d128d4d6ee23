package org.virtregress.repo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Debian repository: {@code InRelease} (or {@code Release} when there is none) of a
 * suite ({@code dists/<suite>/}) or of a flat repository, then each
 * {@code <component>/binary-<arch>/Packages} index it lists (xz preferred, then gzip, then
 * plain), verified against the SHA256 list. A repository without InRelease is asked for Release
 * first on later polls, so an unchanged one still costs a single request. When the repository has
 * a keyring, InRelease must be clearsigned, or Release come with a detached {@code Release.gpg}
 * (fetched only when Release changed), by one of its keys, and only the signed text is read;
 * without one, signatures are not verified. Thread-safe.
 */
public final class DebianRepoReader implements RepositoryReader {
    private static final Pattern SUITE_INDEX = Pattern.compile("^([^/]+/binary-[^/]+/)Packages(\\.xz|\\.gz)?$");
    private static final Pattern FLAT_INDEX = Pattern.compile("^()Packages(\\.xz|\\.gz)?$");
    private static final List<String> PREFERENCE = List.of(".xz", ".gz", "");
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
        ReleaseFile release = ReleaseFile.parse(text, indexUri.toString());
        if (release.sha256().isEmpty()) {
            throw new RepositoryException(indexUri + " has no SHA256 list, so its indices cannot be verified");
        }
        if (metadataCopy != null) {
            copy(metadataCopy.resolve(RpmMdReader.fileName(indexUri.getPath())), answer.body());
            if (signature != null) {
                copy(metadataCopy.resolve(RELEASE_SIGNATURE), signature);
            }
        }
        URI root = repository.isDebianSuite() ? base.resolve("../../") : base;
        List<Build> builds = new ArrayList<>();
        for (Map.Entry<String, String> index : chooseIndices(release, repository.isDebianSuite()).entrySet()) {
            readPackages(repository, release, index.getKey(), index.getValue(), root, names, metadataCopy, builds::add);
        }
        return new RepositorySnapshot(false, mark, builds);
    }

    private static Map<String, String> chooseIndices(ReleaseFile release, boolean suite) {
        Map<String, String> best = new TreeMap<>();
        Pattern pattern = suite ? SUITE_INDEX : FLAT_INDEX;
        Map<String, Integer> rank = new HashMap<>();
        for (String path : release.sha256().keySet()) {
            Matcher m = pattern.matcher(path);
            if (m.matches()) {
                String dir = m.group(1);
                int r = PREFERENCE.indexOf(m.group(2) == null ? "" : m.group(2));
                if (!rank.containsKey(dir) || r < rank.get(dir)) {
                    rank.put(dir, r);
                    best.put(dir, path);
                }
            }
        }
        return best;
    }

    private void readPackages(Repository repository, ReleaseFile release, String dir, String path, URI root,
            Predicate<String> names, Path metadataCopy, Consumer<Build> consumer) throws RepositoryException {
        ReleaseFile.Entry entry = release.sha256().get(path);
        ReleaseFile.Entry plain = release.sha256().get(dir + "Packages");
        URI uri = Locations.resolve(repository.base(), path);
        Path copy = metadataCopy == null ? null : metadataCopy.resolve(path.replace('/', '_'));
        try (MetadataStream stream = MetadataStream.open(fetcher, uri, entry.checksum(), entry.size(),
                plain == null ? null : plain.checksum(), plain == null ? -1 : plain.size(), limits.maxMetadataBytes(),
                copy)) {
            try {
                parsePackages(new BufferedReader(new InputStreamReader(stream.content(), StandardCharsets.UTF_8)),
                        uri.toString(), repository, root, names, consumer);
            } catch (IOException | RuntimeException e) {
                throw stream.fail(e);
            }
            stream.finish();
        }
    }

    /**
     * Streams a Packages index and hands every stanza whose package name matches to a consumer.
     *
     * @param reader the decompressed index
     * @param what its URL, for messages
     * @param repository the repository, for the builds' repository
     * @param root the URL the {@code Filename} fields are relative to
     * @param names which package names to keep
     * @param consumer receives the builds in index order
     * @throws IOException if the index cannot be read or a kept stanza lacks required fields
     */
    public static void parsePackages(BufferedReader reader, String what, Repository repository, URI root,
            Predicate<String> names, Consumer<Build> consumer) throws IOException {
        Map<String, String> stanza = new HashMap<>();
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.isBlank()) {
                emit(stanza, what, repository, root, names, consumer);
                stanza.clear();
            } else if (!Character.isWhitespace(line.charAt(0))) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new RepositoryException(what + " is not a Packages index: unexpected line '"
                            + abbreviate(line) + "'");
                }
                String key = line.substring(0, colon);
                if (key.equals("Package") || key.equals("Version") || key.equals("Architecture")
                        || key.equals("Filename") || key.equals("Size") || key.equals("SHA256")
                        || key.equals("Source")) {
                    stanza.put(key, line.substring(colon + 1).strip());
                }
            }
        }
        emit(stanza, what, repository, root, names, consumer);
    }

    private static void emit(Map<String, String> stanza, String what, Repository repository, URI root,
            Predicate<String> names, Consumer<Build> consumer) throws RepositoryException {
        String name = stanza.get("Package");
        if (name == null || !names.test(name)) {
            return;
        }
        String version = stanza.get("Version");
        String filename = stanza.get("Filename");
        String sha256 = stanza.get("SHA256");
        String arch = stanza.get("Architecture");
        if (version == null || filename == null || sha256 == null || arch == null) {
            throw new RepositoryException(what + ": package " + name
                    + " lacks its Version, Architecture, Filename or SHA256");
        }
        long size;
        try {
            size = Long.parseLong(stanza.getOrDefault("Size", "-1"));
        } catch (NumberFormatException e) {
            size = -1;
        }
        String source = stanza.get("Source");
        String sourcePackage = source == null ? name : source.replaceAll("\\s*\\(.*\\)\\s*$", "");
        String upstream = version.replaceFirst("^\\d+:", "").replaceFirst("-[^-]*$", "");
        String location = Locations.resolve(root, filename.startsWith("./") ? filename.substring(2) : filename).toString();
        consumer.accept(new Build(name, version, arch, PackageFormat.DEB, repository.spec(), location,
                new Checksum("sha256", sha256), size, null, sourcePackage,
                SourceCommit.fromVersion(upstream).orElse(null)));
    }

    private static String abbreviate(String line) {
        return line.length() > 80 ? line.substring(0, 80) + "..." : line;
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
