package org.virtregress.repo;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP response body that enforces {@link FetchTimeouts}: a deadline for the whole body,
 * counted from the headers and checked before every read, and a minimum number of bytes per
 * window of time spent waiting for the server (time inside the connection's reads; a reader that
 * is slow itself does not count against the server). The connection's read timeout bounds a
 * single wait, so a server that sends nothing at all fails after one window (or the request
 * timeout, when that is shorter). A read past either limit fails with a {@link RepositoryException}
 * that names the URL and the limit hit, and drops the connection. Closing a file's body before
 * its end drops the connection too, rather than reading the rest to keep it; the short body of an
 * error or a 304 is left to the connection's own keep-alive handling. One reader thread at a
 * time.
 */
final class TimedStream extends InputStream {
    private final URI uri;
    private final HttpURLConnection connection;
    private final InputStream in;
    private final FetchTimeouts timeouts;
    private final long deadline;
    private final long window;
    private final long readTimeout;
    private final boolean file;
    private boolean done;
    private boolean ended;
    private long received;
    private long windowBytes;
    private long windowWaited;

    /**
     * Wraps the body of a response whose headers have just arrived.
     *
     * @param uri the URL asked for, for messages
     * @param connection the connection, dropped on a failure or an early close
     * @param in its body
     * @param timeouts the limits
     * @param file whether this is the body of a file (a 200), not of an error or a 304
     */
    TimedStream(URI uri, HttpURLConnection connection, InputStream in, FetchTimeouts timeouts, boolean file) {
        this.file = file;
        this.uri = uri;
        this.connection = connection;
        this.in = in;
        this.timeouts = timeouts;
        this.deadline = System.nanoTime() + timeouts.body().toNanos();
        this.window = timeouts.rateWindow().toNanos();
        this.readTimeout = Math.min(window, timeouts.request().toNanos());
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (done) {
            return -1;
        }
        long now = System.nanoTime();
        if (now - deadline >= 0) {
            throw fail("did not arrive within the limit of " + describe(timeouts.body().toNanos())
                    + " for the whole body (" + received + " bytes received)");
        }
        int n;
        try {
            n = in.read(buffer, offset, length);
        } catch (SocketTimeoutException e) {
            throw fail("stalled: " + windowBytes + " bytes arrived in " + describe(readTimeout)
                    + " of waiting, below the minimum rate of " + timeouts.minimumBytes() + " bytes per "
                    + describe(window) + " (" + received + " bytes received)");
        } catch (IOException e) {
            done = true;
            connection.disconnect();
            throw new RepositoryException("cannot read " + uri + ": " + (e.getMessage() != null ? e.getMessage()
                    : e.getClass().getSimpleName()), e);
        } finally {
            windowWaited += System.nanoTime() - now;
        }
        if (n < 0) {
            done = true;
            ended = true;
            return -1;
        }
        received += n;
        windowBytes += n;
        if (windowWaited >= window) {
            if (windowBytes < timeouts.minimumBytes()) {
                throw fail("stalled: " + windowBytes + " bytes arrived in " + describe(window)
                        + " of waiting, below the minimum rate of " + timeouts.minimumBytes() + " bytes per "
                        + describe(window) + " (" + received + " bytes received)");
            }
            windowWaited = 0;
            windowBytes = 0;
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return done ? 0 : in.available();
    }

    private RepositoryException fail(String problem) {
        done = true;
        connection.disconnect();
        return new RepositoryException("the body of " + uri + " " + problem);
    }

    private static String describe(long nanos) {
        long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    /** Ends the exchange: keeps the connection for the next request after a whole body, drops it otherwise. */
    @Override
    public void close() throws IOException {
        boolean keep = ended || !file;
        done = true;
        if (keep) {
            in.close();
        } else {
            connection.disconnect();
        }
    }
}
