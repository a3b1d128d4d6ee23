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
 * A SHA-256 digest computed by a system program, for large files: the launcher runs {@code poll}
 * with the C1 compiler only, where the JDK's SHA-256 is plain Java code (its SHA-NI intrinsic
 * exists only in C2). {@code openssl dgst} (OpenSSL's assembly, SHA-NI where the processor has
 * it) is preferred, about seven times faster than coreutils' {@code sha256sum} and fifteen times
 * faster than the JDK's C1 code on a 50 MB index; {@code sha256sum} is the fallback. The bytes are
 * written to the child's standard input as they are given; the child gets fixed arguments, an
 * empty environment and no files. The system property {@value #PROPERTY} chooses: {@code java}
 * for the JDK's digest, {@code openssl} or {@code sha256sum} for that program only; unset, the
 * first of the two on the {@code PATH}. A failure of the child (it cannot be started, dies, or
 * prints something else than a digest) is an {@link UncheckedIOException} from {@link #digest()},
 * naming the file and the program.
 */
final class Sha256Process extends MessageDigest {
    /** The system property that chooses the implementation: {@code java} for the JDK's. */
    static final String PROPERTY = "virtregress.sha256";
    /** Files smaller than this are hashed in Java: starting a process costs more. */
    static final long MIN_SIZE = 4L << 20;

    /** The programs, best first, each with the arguments that make it hash its standard input. */
    enum Program {
        /** OpenSSL: prints {@code HEX *stdin}. */
        OPENSSL("openssl", "dgst", "-sha256", "-r"),
        /** coreutils: prints {@code HEX  -}. */
        SHA256SUM("sha256sum", "-");

        private final String name;
        private final String[] arguments;
        private final Path path;

        Program(String name, String... arguments) {
            this.name = name;
            this.arguments = arguments;
            this.path = SystemProgram.find(name);
        }

        /** The program's name, as the system property gives it. */
        String programName() {
            return name;
        }

        /** Whether it is on the {@code PATH}. */
        boolean installed() {
            return path != null;
        }
    }

    private final Process process;
    private final OutputStream in;
    private final String what;
    private final Program program;
    private IOException failure;
    private boolean done;

    private Sha256Process(Process process, String what, Program program) {
        super("SHA-256");
        this.process = process;
        this.in = process.getOutputStream();
        this.what = what;
        this.program = program;
    }

    /**
     * A digest for a file of a given checksum and expected size: a system program for a large
     * SHA-256 file when there is one ({@link #program()}), the JDK's digest otherwise.
     *
     * @param checksum the expected checksum, for its algorithm
     * @param size the expected size, -1 if unknown
     * @param what the file's name (URL) for messages
     * @return a fresh digest
     */
    static MessageDigest forFile(Checksum checksum, long size, String what) {
        Program program = "sha256".equals(checksum.type()) && size >= MIN_SIZE ? program() : null;
        if (program == null) {
            return checksum.newDigest();
        }
        try {
            return new Sha256Process(SystemProgram.start(program.path, program.arguments), what, program);
        } catch (IOException e) {
            return checksum.newDigest();
        }
    }

    /**
     * The program that hashes large files: the one {@value #PROPERTY} names if it is installed,
     * else the first installed one; null for the JDK's digest.
     */
    static Program program() {
        String chosen = System.getProperty(PROPERTY, "");
        for (Program program : Program.values()) {
            if (program.installed() && (chosen.isEmpty() || chosen.equals(program.name))) {
                return program;
            }
        }
        return null;
    }

    /** The program computing this digest. */
    Program runningProgram() {
        return program;
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
                throw new IOException(program.name + " failed");
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
        throw new UnsupportedOperationException("a digest of " + program.name + " is used once");
    }
}
