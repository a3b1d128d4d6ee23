package org.virtregress.repo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The OpenPGP public keys a repository's metadata must be signed by, read from a file made by
 * {@code gpg --export} (binary), {@code gpg --export --armor} (armored, dearmored here because
 * gpgv reads only binary keyrings), or a keybox ({@code .kbx}). Immutable and thread-safe.
 */
public final class Keyring {
    private static final String ARMOR_BEGIN = "-----BEGIN PGP PUBLIC KEY BLOCK-----";
    private static final String ARMOR_END = "-----END PGP PUBLIC KEY BLOCK-----";
    private static final long MAX_BYTES = 16L << 20;

    private final Path file;
    private final byte[] binary;
    private final String digest;

    private Keyring(Path file, byte[] binary) {
        this.file = file;
        this.binary = binary;
        this.digest = RpmMdReader.sha256(binary);
    }

    /**
     * Reads a keyring file.
     *
     * @param file the keyring
     * @return the keyring
     * @throws IOException if the file cannot be read or holds no OpenPGP keys; the message names it
     */
    public static Keyring load(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        byte[] content;
        try {
            if (Files.size(absolute) > MAX_BYTES) {
                throw new IOException("keyring " + file + " is larger than " + MAX_BYTES + " bytes");
            }
            content = Files.readAllBytes(absolute);
        } catch (NoSuchFileException e) {
            throw new IOException("keyring " + file + " does not exist", e);
        } catch (IOException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("keyring ") ? e
                    : new IOException("cannot read keyring " + file + ": " + e.getMessage(), e);
        }
        String text = new String(content, StandardCharsets.US_ASCII);
        if (text.strip().startsWith(ARMOR_BEGIN)) {
            return new Keyring(absolute, dearmor(text, file));
        }
        if (content.length > 0 && (content[0] & 0x80) != 0 || isKeybox(content)) {
            return new Keyring(absolute, content);
        }
        throw new IOException("keyring " + file + " holds no OpenPGP public keys: expected the output of"
                + " gpg --export (binary or --armor) or a keybox");
    }

    /** Returns the file the keys were read from, absolute. */
    public Path file() {
        return file;
    }

    /** Returns the SHA-256 of the binary keys, which changes whenever a key is added, removed or replaced. */
    public String digest() {
        return digest;
    }

    /** Returns a copy of the keys in binary form, as gpgv reads them. */
    byte[] binary() {
        return binary.clone();
    }

    private static boolean isKeybox(byte[] content) {
        return content.length >= 12 && content[8] == 'K' && content[9] == 'B' && content[10] == 'X' && content[11] == 'f';
    }

    /** Decodes every armored public key block of the text and joins their packets. */
    private static byte[] dearmor(String text, Path file) throws IOException {
        ByteArrayOutputStream packets = new ByteArrayOutputStream();
        String[] lines = text.split("\r?\n");
        int k = 0;
        while (k < lines.length) {
            if (!lines[k].strip().equals(ARMOR_BEGIN)) {
                k++;
                continue;
            }
            k++;
            while (k < lines.length && !lines[k].isBlank()) {
                if (!lines[k].contains(":")) {
                    break;
                }
                k++;
            }
            StringBuilder base64 = new StringBuilder();
            String crc = null;
            for (; k < lines.length && !lines[k].strip().equals(ARMOR_END); k++) {
                String line = lines[k].strip();
                if (line.startsWith("=") && line.length() == 5) {
                    crc = line.substring(1);
                } else {
                    base64.append(line);
                }
            }
            if (k == lines.length) {
                throw new IOException("keyring " + file + " has an armored key block without its end line");
            }
            k++;
            byte[] block;
            try {
                block = Base64.getDecoder().decode(base64.toString());
            } catch (IllegalArgumentException e) {
                throw new IOException("keyring " + file + " has a malformed armored key block: " + e.getMessage(), e);
            }
            if (crc != null && !crc.equals(crc24(block))) {
                throw new IOException("keyring " + file + " has an armored key block whose checksum does not match");
            }
            packets.writeBytes(block);
        }
        if (packets.size() == 0) {
            throw new IOException("keyring " + file + " has an empty armored key block");
        }
        return packets.toByteArray();
    }

    /** Computes the armor checksum (RFC 4880, 6.1) in its base64 form. */
    private static String crc24(byte[] data) {
        int crc = 0xB704CE;
        for (byte b : data) {
            crc ^= (b & 0xff) << 16;
            for (int i = 0; i < 8; i++) {
                crc <<= 1;
                if ((crc & 0x1000000) != 0) {
                    crc ^= 0x1864CFB;
                }
            }
        }
        byte[] bytes = HexFormat.of().parseHex(String.format("%06x", crc & 0xFFFFFF));
        return Base64.getEncoder().encodeToString(bytes);
    }
}
