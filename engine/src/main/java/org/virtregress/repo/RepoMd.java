package org.virtregress.repo;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.virtregress.io.SafeXml;

/**
 * The index of an rpm-md repository, {@code repodata/repomd.xml}: where each metadata file is and
 * its checksums.
 *
 * @param revision the revision element, null when absent
 * @param files the metadata files by type ({@code primary}, {@code filelists}, {@code group_gz}, ...)
 */
public record RepoMd(String revision, Map<String, MetadataFile> files) {
    /**
     * One {@code <data>} entry.
     *
     * @param type the type attribute
     * @param location the href, relative to the repository directory
     * @param checksum the checksum of the file as published, null when absent
     * @param openChecksum the checksum of the decompressed file, null when absent
     * @param size the size as published, -1 when absent
     * @param openSize the decompressed size, -1 when absent
     */
    public record MetadataFile(String type, String location, Checksum checksum, Checksum openChecksum, long size,
            long openSize) {
    }

    /** Copies the map. */
    public RepoMd {
        files = Map.copyOf(files);
    }

    /**
     * Returns a metadata file by type.
     *
     * @param type for example {@code primary}
     * @return the entry, or empty
     */
    public Optional<MetadataFile> file(String type) {
        return Optional.ofNullable(files.get(type));
    }

    /**
     * Parses repomd.xml.
     *
     * @param xml the document
     * @param what its URL, for messages
     * @return the index
     * @throws RepositoryException if the document is not well-formed, has a DTD, or lacks locations
     */
    public static RepoMd parse(byte[] xml, String what) throws RepositoryException {
        return parse(xml, what, ReadLimits.DEFAULT_NODE_BYTES);
    }

    /**
     * Parses repomd.xml with a limit on each text node, tag and comment.
     *
     * @param xml the document
     * @param what its URL, for messages
     * @param maxNodeBytes the limit on one text node, tag or comment
     * @return the index
     * @throws RepositoryException if the document is not well-formed, has a DTD, lacks locations
     *     or has a node over the limit
     */
    public static RepoMd parse(byte[] xml, String what, long maxNodeBytes) throws RepositoryException {
        Map<String, MetadataFile> files = new LinkedHashMap<>();
        String revision = null;
        try {
            XMLStreamReader reader = SafeXml.open(new ByteArrayInputStream(xml), what, maxNodeBytes);
            String type = null;
            String location = null;
            Checksum checksum = null;
            Checksum openChecksum = null;
            long size = -1;
            long openSize = -1;
            boolean sawRoot = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = reader.getLocalName();
                    switch (name) {
                        case "repomd" -> sawRoot = true;
                        case "revision" -> revision = reader.getElementText().strip();
                        case "data" -> {
                            type = reader.getAttributeValue(null, "type");
                            location = null;
                            checksum = null;
                            openChecksum = null;
                            size = -1;
                            openSize = -1;
                        }
                        case "location" -> location = reader.getAttributeValue(null, "href");
                        case "checksum" -> checksum = checksum(reader);
                        case "open-checksum" -> openChecksum = checksum(reader);
                        case "size" -> size = number(reader.getElementText(), what);
                        case "open-size" -> openSize = number(reader.getElementText(), what);
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && "data".equals(reader.getLocalName())) {
                    if (type == null || location == null) {
                        throw new RepositoryException(what + " has a <data> entry without type or location");
                    }
                    files.put(type, new MetadataFile(type, location, checksum, openChecksum, size, openSize));
                }
            }
            if (!sawRoot) {
                throw new RepositoryException(what + " is not a repomd.xml document");
            }
        } catch (XMLStreamException e) {
            throw new RepositoryException("cannot parse " + SafeXml.describe(e, what), e);
        }
        return new RepoMd(revision, files);
    }

    private static Checksum checksum(XMLStreamReader reader) throws XMLStreamException {
        String type = reader.getAttributeValue(null, "type");
        return new Checksum(type == null ? "sha256" : type, reader.getElementText());
    }

    private static long number(String text, String what) throws RepositoryException {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new RepositoryException(what + " has a size that is not a number: '" + text.strip() + "'");
        }
    }
}
