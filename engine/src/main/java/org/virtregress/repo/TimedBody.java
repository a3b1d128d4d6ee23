package org.virtregress.repo;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP response body read as a stream that enforces {@link FetchTimeouts}: a deadline for the
 * whole body, counted from the headers, and a minimum number of bytes per window of time spent
 * waiting for the server. A read past either fails with a {@link RepositoryException} that names
 * the URL and the limit hit, and cancels the download. The stream is read by one thread at a time.
 */
final class TimedBody implements HttpResponse.BodySubscriber<InputStream> {
    private static final Object END = new Object();

    private final BlockingQueue<Object> arrivals = new LinkedBlockingQueue<>();
    private final Body body;
    private volatile Flow.Subscription subscription;

    TimedBody(URI uri, FetchTimeouts timeouts) {
        this.body = new Body(uri, timeouts);
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return CompletableFuture.completedFuture(body);
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        arrivals.add(item);
    }

    @Override
    public void onError(Throwable throwable) {
        arrivals.add(throwable);
    }

    @Override
    public void onComplete() {
        arrivals.add(END);
    }

    /** The stream handed to the reader. */
    private final class Body extends InputStream {
        private final URI uri;
        private final FetchTimeouts timeouts;
        private final long deadline;
        private Iterator<ByteBuffer> pending;
        private ByteBuffer current;
        private boolean done;
        private long received;
        private long windowBytes;
        private long windowWaited;

        Body(URI uri, FetchTimeouts timeouts) {
            this.uri = uri;
            this.timeouts = timeouts;
            this.deadline = System.nanoTime() + timeouts.body().toNanos();
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
            while (current == null || !current.hasRemaining()) {
                if (pending != null && pending.hasNext()) {
                    current = pending.next();
                    continue;
                }
                if (done) {
                    return -1;
                }
                if (pending != null) {
                    pending = null;
                    subscription.request(1);
                }
                Object next = await();
                if (next == END) {
                    done = true;
                    return -1;
                }
                if (next instanceof Throwable failure) {
                    done = true;
                    throw new RepositoryException("cannot read " + uri + ": " + (failure.getMessage() != null
                            ? failure.getMessage() : failure.getClass().getSimpleName()), failure);
                }
                @SuppressWarnings("unchecked")
                List<ByteBuffer> buffers = (List<ByteBuffer>) next;
                pending = buffers.iterator();
            }
            int n = Math.min(length, current.remaining());
            current.get(buffer, offset, n);
            received += n;
            windowBytes += n;
            return n;
        }

        @Override
        public int available() {
            return current == null ? 0 : current.remaining();
        }

        /** Waits for the next arrival within the deadline and the rate window. */
        private Object await() throws IOException {
            while (true) {
                Object next = arrivals.poll();
                if (next != null) {
                    return next;
                }
                long now = System.nanoTime();
                if (now - deadline >= 0) {
                    throw fail("did not arrive within the limit of " + describe(timeouts.body().toNanos())
                            + " for the whole body (" + received + " bytes received)");
                }
                long window = timeouts.rateWindow().toNanos();
                if (windowWaited >= window) {
                    if (windowBytes < timeouts.minimumBytes()) {
                        throw fail("stalled: " + windowBytes + " bytes arrived in " + describe(window)
                                + " of waiting, below the minimum rate of " + timeouts.minimumBytes() + " bytes per "
                                + describe(window) + " (" + received + " bytes received)");
                    }
                    windowWaited = 0;
                    windowBytes = 0;
                }
                long wait = Math.min(deadline - now, window - windowWaited);
                try {
                    next = arrivals.poll(wait, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw fail("was interrupted");
                } finally {
                    windowWaited += System.nanoTime() - now;
                }
                if (next != null) {
                    return next;
                }
            }
        }

        private RepositoryException fail(String problem) {
            done = true;
            cancel();
            return new RepositoryException("the body of " + uri + " " + problem);
        }

        private static String describe(long nanos) {
            long millis = TimeUnit.NANOSECONDS.toMillis(nanos);
            return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
        }

        @Override
        public void close() {
            done = true;
            cancel();
            arrivals.clear();
        }

        private void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
