package org.virtregress.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers see either the old content or the new, never a mix: the bytes go
 * to a temporary file beside the target, are forced to disk, then renamed over it, keeping the
 * target's permissions. A failure at any point (disk full, crash) leaves the previous file
 * intact. A temporary file is named {@code .NAME.PID@HOST.RANDOM.tmp} after its writer, so that
 * the next write of the same target removes the ones a killed writer of this host left behind.
 */
public final class AtomicFile {
    private static final String SUFFIX = ".tmp";
    private static final Pattern WRITER = Pattern.compile("(\\d+)@(.+)\\.[0-9a-f]{16}\\.[A-Za-z]+");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String HOST = host();

    private AtomicFile() {
    }

    /**
     * Replaces the content of a file atomically.
     *
     * @param target the file to write; its parent directory is created when missing
     * @param content the new content
     * @throws IOException if the content could not be written; the previous file is unchanged
     */
    public static void write(Path target, byte[] content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        if (Files.isDirectory(absolute)) {
            throw new IOException(absolute + " is a directory, not a file");
        }
        sweep(absolute, SUFFIX);
        Path tmp = temporaryFile(absolute, SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
                out.write(content);
                out.flush();
                channel.force(true);
            }
            keepPermissions(absolute, tmp);
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Creates an empty temporary file beside a target, named after this process so that
     * {@link #sweep} can tell when its writer is gone. Only the owner may read it.
     *
     * @param target the file the temporary file will replace
     * @param suffix the suffix, letters only after the dot ({@code .tmp}, {@code .part})
     * @return the temporary file
     * @throws IOException if it cannot be created
     */
    public static Path temporaryFile(Path target, String suffix) throws IOException {
        Path absolute = target.toAbsolutePath();
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        Path tmp = absolute.resolveSibling("." + absolute.getFileName() + "." + ProcessHandle.current().pid() + "@"
                + HOST + "." + HexFormat.of().formatHex(random) + suffix);
        if (Files.getFileAttributeView(absolute.getParent(), PosixFileAttributeView.class) != null) {
            return Files.createFile(tmp,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createFile(tmp);
    }

    /**
     * Deletes the temporary files of a target that writers of this host left when they were
     * killed: those named after a process that no longer runs. Files of live writers, of other
     * hosts, and files named otherwise are left alone.
     *
     * @param target the target whose temporary files to sweep
     * @param suffix their suffix, as given to {@link #temporaryFile}
     * @throws IOException if the directory cannot be listed
     */
    public static void sweep(Path target, String suffix) throws IOException {
        Path absolute = target.toAbsolutePath();
        String prefix = "." + absolute.getFileName() + ".";
        if (!Files.isDirectory(absolute.getParent())) {
            return;
        }
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(absolute.getParent(),
                entry -> entry.getFileName().toString().startsWith(prefix)
                        && entry.getFileName().toString().endsWith(suffix))) {
            for (Path sibling : siblings) {
                Matcher m = WRITER.matcher(sibling.getFileName().toString().substring(prefix.length()));
                if (m.matches() && m.group(2).equals(HOST) && sibling.toString().endsWith(suffix)
                        && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    Files.deleteIfExists(sibling);
                }
            }
        }
    }

    private static void keepPermissions(Path target, Path tmp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view != null && Files.exists(target)) {
            Files.setPosixFilePermissions(tmp, view.readAttributes().permissions());
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.-]", "_");
        } catch (IOException e) {
            return "localhost";
        }
    }
}
