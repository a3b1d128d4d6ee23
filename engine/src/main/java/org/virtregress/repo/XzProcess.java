package org.virtregress.repo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Decompresses xz data with the system's {@code xz} program (liblzma), which is about a third
 * faster than the Java decoder and runs beside the reader on a core of its own: a thread feeds
 * it the compressed bytes, the caller reads what it writes. Used when {@code xz} is on the
 * {@code PATH} and the system property {@value #PROPERTY} is not {@code java}. The child gets
 * only the data: fixed arguments, an empty environment, no files. It is ended when the stream is
 * closed, and at the latest {@value #EXIT_WAIT_SECONDS} s after its input ran out.
 */
final class XzProcess extends InputStream {
    /** The system property that chooses the decoder: {@code java} for the Java one. */
    static final String PROPERTY = "virtregress.xz";

    private static final long EXIT_WAIT_SECONDS = 60;
    private static final Path PROGRAM = SystemProgram.find("xz");

    private final Process process;
    private final InputStream out;
    private final Thread feeder;
    private final String what;
    private volatile IOException feedFailure;
    private boolean ended;

    private XzProcess(Process process, InputStream compressed, String what) {
        this.process = process;
        this.out = process.getInputStream();
        this.what = what;
        this.feeder = new Thread(() -> feed(compressed), "xz feeder " + what);
        feeder.setDaemon(true);
        feeder.start();
    }

    /**
     * Starts decompressing with the system's xz, if there is one to use.
     *
     * @param compressed the xz data; read on another thread, never closed here
     * @param what the input's name (URL) for messages
     * @return the decompressed stream, or null to use the Java decoder
     */
    static InputStream open(InputStream compressed, String what) {
        if (PROGRAM == null || "java".equals(System.getProperty(PROPERTY))) {
            return null;
        }
        try {
            return new XzProcess(SystemProgram.start(PROGRAM, "--decompress", "--stdout", "--quiet", "--quiet",
                    "--no-warn", "--format=xz", "-"), compressed, what);
        } catch (IOException e) {
            return null;
        }
    }

    private void feed(InputStream compressed) {
        try (OutputStream in = process.getOutputStream()) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = compressed.read(buffer)) > 0) {
                in.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (process.isAlive()) {
                feedFailure = e;
                process.destroyForcibly();
            }
        }
        try {
            if (!process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (ended) {
            return -1;
        }
        int n = out.read(buffer, offset, length);
        if (n < 0) {
            end();
        }
        return n;
    }

    /** At the end of the output: the feeder's failure, or xz's, is the reader's. */
    private void end() throws IOException {
        ended = true;
        try {
            feeder.join(TimeUnit.SECONDS.toMillis(EXIT_WAIT_SECONDS));
            int status = process.waitFor(EXIT_WAIT_SECONDS, TimeUnit.SECONDS) ? process.exitValue() : -1;
            if (feedFailure != null) {
                throw feedFailure;
            }
            if (status != 0) {
                throw new RepositoryException("cannot decompress " + what + ": it is not valid xz data (xz exit "
                        + status + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted decompressing " + what);
        }
    }

    /** Ends xz and stops feeding it. */
    @Override
    public void close() {
        process.destroyForcibly();
        feeder.interrupt();
    }
}
