package org.virtregress.repo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A checksum as repositories publish it: an algorithm name and a lower-case hex value.
 *
 * @param type the algorithm as written in rpm-md ({@code sha256}, {@code sha1}, {@code sha512},
 *     {@code md5}); {@code sha} is normalized to {@code sha1}
 * @param value the hex digest, lower case
 */
public record Checksum(String type, String value) {
    /** Normalizes the algorithm name and the hex case. */
    public Checksum {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
        type = type.strip().toLowerCase(Locale.ROOT);
        if (type.equals("sha")) {
            type = "sha1";
        }
        value = value.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Starts a digest of this checksum's algorithm.
     *
     * @return a fresh digest
     * @throws IllegalArgumentException if the algorithm is unknown
     */
    public MessageDigest newDigest() {
        return digest(type);
    }

    /**
     * Starts a digest for an algorithm name as written in repository metadata.
     *
     * @param type the algorithm name, for example {@code sha256}
     * @return a fresh digest
     * @throws IllegalArgumentException if the algorithm is unknown
     */
    public static MessageDigest digest(String type) {
        String name = switch (new Checksum(type, "").type()) {
            case "sha1" -> "SHA-1";
            case "sha224" -> "SHA-224";
            case "sha256" -> "SHA-256";
            case "sha384" -> "SHA-384";
            case "sha512" -> "SHA-512";
            case "md5" -> "MD5";
            default -> throw new IllegalArgumentException("unknown checksum type '" + type + "'");
        };
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalArgumentException("checksum type '" + type + "' is not available", e);
        }
    }

    /**
     * Tells whether a computed digest equals this checksum.
     *
     * @param digest the digest bytes
     * @return whether they match
     */
    public boolean matches(byte[] digest) {
        return HexFormat.of().formatHex(digest).equals(value);
    }

    @Override
    public String toString() {
        return type + ":" + value;
    }
}
