package org.virtregress.repo;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * A SHA-256 digest computed by the system's {@code sha256sum} (coreutils), for large files: the
 * launcher runs {@code poll} with the C1 compiler only, where the JDK's SHA-256 is plain Java
 * code (its SHA-NI intrinsic exists only in C2), about three times slower than
 * {@code sha256sum}. The bytes are written to the child's standard input as they are given; the
 * child gets fixed arguments, an empty environment and no files. Used when {@code sha256sum} is on
 * the {@code PATH} and the system property {@value #PROPERTY} is not {@code java}. A failure of the
 * child (it cannot be started, dies, or prints something else than a digest) is an
 * {@link UncheckedIOException} from {@link #digest()}, naming the file.
 */
final class Sha256Process extends MessageDigest {
    /** The system property that chooses the implementation: {@code java} for the JDK's. */
    static final String PROPERTY = "virtregress.sha256";
    /** Files smaller than this are hashed in Java: starting a process costs more. */
    static final long MIN_SIZE = 4L << 20;

    private static final Path PROGRAM = SystemProgram.find("sha256sum");

    private final Process process;
    private final OutputStream in;
    private final String what;
    private IOException failure;
    private boolean done;

    private Sha256Process(Process process, String what) {
        super("SHA-256");
        this.process = process;
        this.in = process.getOutputStream();
        this.what = what;
    }

    /**
     * A digest for a file of a given checksum and expected size: the system's sha256sum for a
     * large SHA-256 file when there is one, the JDK's digest otherwise.
     *
     * @param checksum the expected checksum, for its algorithm
     * @param size the expected size, -1 if unknown
     * @param what the file's name (URL) for messages
     * @return a fresh digest
     */
    static MessageDigest forFile(Checksum checksum, long size, String what) {
        if (!"sha256".equals(checksum.type()) || size < MIN_SIZE || PROGRAM == null
                || "java".equals(System.getProperty(PROPERTY))) {
            return checksum.newDigest();
        }
        try {
            return new Sha256Process(SystemProgram.start(PROGRAM, "-"), what);
        } catch (IOException e) {
            return checksum.newDigest();
        }
    }

    @Override
    protected void engineUpdate(byte input) {
        engineUpdate(new byte[] {input}, 0, 1);
    }

    @Override
    protected void engineUpdate(byte[] input, int offset, int length) {
        if (failure != null || done) {
            return;
        }
        try {
            in.write(input, offset, length);
        } catch (IOException e) {
            failure = e;
            process.destroyForcibly();
        }
    }

    @Override
    protected byte[] engineDigest() {
        done = true;
        try {
            if (failure != null) {
                throw failure;
            }
            in.close();
            String output = new String(process.getInputStream().readNBytes(256), StandardCharsets.US_ASCII);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || output.length() < 64) {
                throw new IOException("sha256sum failed");
            }
            return HexFormat.of().parseHex(output, 0, 64);
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException("cannot compute the SHA-256 of " + what + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted hashing " + what));
        } finally {
            process.destroyForcibly();
        }
    }

    /** Ends the child, whether or not the digest was taken. */
    void end() {
        done = true;
        process.destroyForcibly();
    }

    @Override
    protected void engineReset() {
        throw new UnsupportedOperationException("a sha256sum digest is used once");
    }
}
