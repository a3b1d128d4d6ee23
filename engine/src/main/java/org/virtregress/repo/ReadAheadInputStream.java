package org.virtregress.repo;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a stream on a thread of its own, a few chunks ahead of the reader, so that producing
 * the data (downloading, checksumming and decompressing an index) and consuming it (parsing)
 * run on two cores. At most {@value #DEPTH} chunks of {@value #CHUNK} bytes wait at a time. A
 * failure of the source is thrown to the reader as it was thrown. {@link #close()} stops the
 * thread and waits for it, so that the source is no longer in use when it returns; it does not
 * close the source. One reader thread only.
 */
final class ReadAheadInputStream extends InputStream {
    private static final int CHUNK = 1 << 17;
    private static final int DEPTH = 8;
    private static final long STOP_WAIT_SECONDS = 30;
    private static final Chunk END = new Chunk(new byte[0], 0, null);

    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(DEPTH);
    private final Thread thread;
    private volatile boolean closed;
    private Chunk current;
    private int position;
    private boolean finished;

    private record Chunk(byte[] data, int length, IOException failure) {
    }

    /**
     * Starts reading the source.
     *
     * @param source the stream to read ahead
     * @param what its name, for the thread's name
     */
    ReadAheadInputStream(InputStream source, String what) {
        thread = new Thread(() -> produce(source), "read-ahead " + what);
        thread.setDaemon(true);
        thread.start();
    }

    private void produce(InputStream source) {
        try {
            while (!closed) {
                byte[] data = new byte[CHUNK];
                int length = source.readNBytes(data, 0, CHUNK);
                if (length > 0 && !put(new Chunk(data, length, null))) {
                    return;
                }
                if (length < CHUNK) {
                    put(END);
                    return;
                }
            }
        } catch (IOException e) {
            put(new Chunk(null, 0, e));
        } catch (RuntimeException e) {
            put(new Chunk(null, 0, new IOException(e.getMessage() == null ? e.toString() : e.getMessage(), e)));
        }
    }

    private boolean put(Chunk chunk) {
        try {
            while (!closed) {
                if (queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private boolean next() throws IOException {
        if (finished) {
            return false;
        }
        if (current != null && position < current.length) {
            return true;
        }
        try {
            current = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading ahead");
        }
        position = 0;
        if (current.failure != null) {
            finished = true;
            throw current.failure;
        }
        if (current == END) {
            finished = true;
            return false;
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        return next() ? current.data[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!next()) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current.data, position, buffer, offset, n);
        position += n;
        return n;
    }

    /** Stops reading ahead and waits for the thread to end. */
    @Override
    public void close() throws IOException {
        closed = true;
        queue.clear();
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(STOP_WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
