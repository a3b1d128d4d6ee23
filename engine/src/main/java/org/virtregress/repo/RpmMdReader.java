package org.virtregress.repo;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.virtregress.io.SafeXml;
import org.virtregress.version.Evr;

/**
 * Reads an rpm-md (yum, dnf, zypper) repository: {@code repodata/repomd.xml}, then the primary
 * metadata it points to (gzip, xz, zstd, bzip2 or plain), streamed with StAX so memory does not
 * grow with the repository; only the packages of the repository's selected architectures are kept
 * (by default the host's and {@code noarch}). Sizes and checksums are verified against repomd.xml. When the
 * repository has a keyring, repomd.xml must be signed ({@code repodata/repomd.xml.asc}, fetched
 * only when repomd.xml changed). Thread-safe.
 */
public final class RpmMdReader implements RepositoryReader {
    private static final String REPOMD = "repodata/repomd.xml";
    private static final String SIGNATURE_SUFFIX = ".asc";

    private final Fetcher fetcher;
    private final ReadLimits limits;

    /**
     * Creates a reader.
     *
     * @param fetcher the fetcher to download with
     * @param limits the size limits
     */
    public RpmMdReader(Fetcher fetcher, ReadLimits limits) {
        this.fetcher = fetcher;
        this.limits = limits;
    }

    @Override
    public RepositorySnapshot read(Repository repository, IndexMark previous, Predicate<String> names,
            Path metadataCopy) throws RepositoryException {
        URI repomdUri = repository.base().resolve(REPOMD);
        SignatureVerifier verifier = SignatureVerifier.of(repository);
        IndexMark known = SignatureVerifier.reusable(previous, verifier);
        Fetcher.Conditional answer = fetcher.fetchIfChanged(repomdUri,
                known == null ? Validators.NONE : known.validators(), limits.maxIndexBytes());
        if (answer.notModified()) {
            return new RepositorySnapshot(true, known, List.of());
        }
        String digest = sha256(answer.body());
        IndexMark mark = new IndexMark(REPOMD, answer.validators(), digest,
                verifier == null ? null : verifier.keyringDigest());
        if (known != null && digest.equals(known.digest())) {
            return new RepositorySnapshot(true, mark, List.of());
        }
        byte[] signature = verifier == null ? null : verify(verifier, repomdUri, answer.body());
        RepoMd repomd = RepoMd.parse(answer.body(), repomdUri.toString(), limits.maxNodeBytes());
        RepoMd.MetadataFile primary = repomd.file("primary")
                .orElseThrow(() -> new RepositoryException(repomdUri + " lists no primary metadata"));
        Path primaryCopy = null;
        if (metadataCopy != null) {
            copy(metadataCopy, "repomd.xml", answer.body());
            if (signature != null) {
                copy(metadataCopy, "repomd.xml" + SIGNATURE_SUFFIX, signature);
            }
            primaryCopy = metadataCopy.resolve(PackageNames.fileName(fileName(primary.location()),
                    repomdUri + ": the primary location " + PackageNames.quote(primary.location())));
        }
        URI primaryUri = Locations.resolve(repository.base(), primary.location());
        List<Build> builds = new ArrayList<>();
        try (MetadataStream stream = MetadataStream.open(fetcher, primaryUri, primary.checksum(), primary.size(),
                primary.openChecksum(), primary.openSize(), limits.maxMetadataBytes(), primaryCopy)) {
            try {
                Set<String> architectures = repository.selection().effectiveArchitectures(PackageFormat.RPM);
                parsePrimary(stream.content(), primaryUri.toString(), repository, names,
                        architectures.isEmpty() ? a -> true : architectures::contains, limits.maxNodeBytes(),
                        builds::add);
            } catch (XMLStreamException | IOException | RuntimeException e) {
                throw stream.fail(e);
            }
            stream.finish();
        }
        return new RepositorySnapshot(false, mark, builds);
    }

    private byte[] verify(SignatureVerifier verifier, URI repomdUri, byte[] repomd) throws RepositoryException {
        URI signatureUri = repomdUri.resolve("repomd.xml" + SIGNATURE_SUFFIX);
        byte[] signature;
        try {
            signature = fetcher.fetch(signatureUri, limits.maxIndexBytes());
        } catch (NotFoundException e) {
            throw new SignatureException(repomdUri.toString(), "it is not signed: " + signatureUri + " does not exist");
        }
        verifier.verifyDetached(repomdUri, repomd, signatureUri, signature);
        return signature;
    }

    /**
     * Streams primary.xml and hands every package whose name matches to a consumer.
     *
     * @param xml the decompressed primary.xml
     * @param what its URL, for messages
     * @param repository the repository, for the builds' repository and location
     * @param names which package names to keep
     * @param consumer receives the builds in document order
     * @throws XMLStreamException if the document is not well-formed or has a DTD
     * @throws RepositoryException if a kept package lacks required data
     */
    public static void parsePrimary(InputStream xml, String what, Repository repository, Predicate<String> names,
            Consumer<Build> consumer) throws XMLStreamException, RepositoryException {
        parsePrimary(xml, what, repository, names, a -> true, ReadLimits.DEFAULT_NODE_BYTES, consumer);
    }

    /**
     * Streams primary.xml with a limit on each text node, tag and comment, and hands every
     * package whose name matches to a consumer, whatever its architecture.
     *
     * @param xml the decompressed primary.xml
     * @param what its URL, for messages
     * @param repository the repository, for the builds' repository and location
     * @param names which package names to keep
     * @param maxNodeBytes the limit on one text node, tag, comment or run of whitespace
     * @param consumer receives the builds in document order
     * @throws XMLStreamException if the document is not well-formed, has a DTD or a node over the limit
     * @throws RepositoryException if a kept package lacks required data
     */
    public static void parsePrimary(InputStream xml, String what, Repository repository, Predicate<String> names,
            long maxNodeBytes, Consumer<Build> consumer) throws XMLStreamException, RepositoryException {
        parsePrimary(xml, what, repository, names, a -> true, maxNodeBytes, consumer);
    }

    /**
     * Streams primary.xml with a limit on each text node, tag and comment, and hands every
     * package whose name and architecture match to a consumer.
     *
     * @param xml the decompressed primary.xml
     * @param what its URL, for messages
     * @param repository the repository, for the builds' repository and location
     * @param names which package names to keep
     * @param architectures which architectures ({@code <arch>}: {@code x86_64}, {@code noarch}, {@code src}) to keep
     * @param maxNodeBytes the limit on one text node, tag, comment or run of whitespace
     * @param consumer receives the builds in document order
     * @throws XMLStreamException if the document is not well-formed, has a DTD or a node over the
     *     limit (then with a nested {@link org.virtregress.io.LimitExceededException})
     * @throws RepositoryException if a kept package lacks required data
     */
    public static void parsePrimary(InputStream xml, String what, Repository repository, Predicate<String> names,
            Predicate<String> architectures, long maxNodeBytes, Consumer<Build> consumer)
            throws XMLStreamException, RepositoryException {
        XMLStreamReader reader = SafeXml.open(xml, what, maxNodeBytes);
        PackageEntry entry = null;
        int depth = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = reader.getLocalName();
                if (depth == 2 && "package".equals(name)) {
                    entry = new PackageEntry();
                } else if (entry != null && entry.skip) {
                    continue;
                } else if (entry != null && depth == 3) {
                    readPackageChild(reader, name, entry, names, architectures);
                    if (reader.getEventType() == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                } else if (entry != null && depth == 4 && "sourcerpm".equals(name)) {
                    entry.sourceRpm = reader.getElementText().strip();
                    depth--;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 2 && entry != null) {
                    if (!entry.skip && entry.name != null) {
                        consumer.accept(entry.toBuild(repository, what));
                    }
                    entry = null;
                }
                depth--;
            }
        }
    }

    private static void readPackageChild(XMLStreamReader reader, String name, PackageEntry entry,
            Predicate<String> names, Predicate<String> architectures) throws XMLStreamException {
        switch (name) {
            case "name" -> {
                entry.name = reader.getElementText().strip();
                entry.skip |= !names.test(entry.name);
            }
            case "arch" -> {
                entry.arch = reader.getElementText().strip();
                entry.skip |= !architectures.test(entry.arch);
            }
            case "version" -> {
                entry.epoch = reader.getAttributeValue(null, "epoch");
                entry.version = reader.getAttributeValue(null, "ver");
                entry.release = reader.getAttributeValue(null, "rel");
            }
            case "checksum" -> {
                entry.checksumType = reader.getAttributeValue(null, "type");
                entry.checksum = reader.getElementText().strip();
            }
            case "time" -> entry.buildTime = reader.getAttributeValue(null, "build");
            case "size" -> entry.size = reader.getAttributeValue(null, "package");
            case "location" -> {
                entry.href = reader.getAttributeValue(null, "href");
                entry.xmlBase = reader.getAttributeValue("http://www.w3.org/XML/1998/namespace", "base");
            }
            default -> {
            }
        }
    }

    private static void copy(Path dir, String name, byte[] content) throws RepositoryException {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), content);
        } catch (IOException e) {
            throw new RepositoryException("cannot copy metadata to " + dir + ": " + e.getMessage(), e);
        }
    }

    static String fileName(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    static String sha256(byte[] content) {
        return HexFormat.of().formatHex(Checksum.digest("sha256").digest(content));
    }

    /** The fields of one {@code <package>} gathered while streaming. */
    private static final class PackageEntry {
        private String name;
        private boolean skip;
        private String arch;
        private String epoch;
        private String version;
        private String release;
        private String checksumType;
        private String checksum;
        private String buildTime;
        private String size;
        private String href;
        private String xmlBase;
        private String sourceRpm;

        Build toBuild(Repository repository, String what) throws RepositoryException {
            if (version == null || href == null || checksum == null || arch == null) {
                throw new RepositoryException(what + ": package " + name
                        + " lacks its version, arch, checksum or location");
            }
            String evr;
            try {
                evr = Evr.of(epoch, version, release).toString();
            } catch (IllegalArgumentException e) {
                throw new RepositoryException(what + ": package " + name + " has a bad version: " + e.getMessage());
            }
            URI base = repository.base();
            if (xmlBase != null && !xmlBase.isBlank()) {
                try {
                    base = Locations.checkScheme(repository.base(),
                            new URI(xmlBase.endsWith("/") ? xmlBase : xmlBase + "/"));
                } catch (java.net.URISyntaxException e) {
                    throw new RepositoryException(what + ": package " + name + " has a malformed xml:base '"
                            + xmlBase + "'");
                }
            }
            return new Build(name, evr, arch, PackageFormat.RPM, repository.spec(), Locations.resolve(base, href).toString(),
                    new Checksum(checksumType == null ? "sha256" : checksumType, checksum), parseSize(size),
                    parseTime(buildTime), sourceRpm == null || sourceRpm.isEmpty() ? null : sourceRpm,
                    SourceCommit.fromVersion(version).orElse(null));
        }

        private static long parseSize(String text) {
            try {
                return text == null ? -1 : Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private static Instant parseTime(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                BigDecimal seconds = new BigDecimal(text.strip());
                return Instant.ofEpochSecond(seconds.longValue(),
                        seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }
    }

}
