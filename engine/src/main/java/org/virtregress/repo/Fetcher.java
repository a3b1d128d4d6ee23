package org.virtregress.repo;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.virtregress.net.Credentials;

/**
 * Downloads repository files over HTTP(S) or from the local file system ({@code file:} URLs).
 * HTTP goes through the JDK's blocking {@link HttpURLConnection}, which reads a body straight
 * from its socket on the reading thread (the asynchronous {@code java.net.http} client hands it
 * over in buffers between threads, several times the CPU for a large index, and loads about 800
 * classes more). It goes through the JVM's default proxy selector (so {@code -Dhttps.proxyHost}
 * and friends apply), verifies TLS certificates and host names as the JVM's default does (trust
 * read at the first handshake, see {@link DeferredTrust}), sends basic authentication when
 * credentials are given (never logged, and never to a host a redirect points to), follows
 * redirects itself, and supports conditional requests; no cache, no cookies. Every HTTP download
 * is bounded in time ({@link FetchTimeouts}): connecting and the headers by the request timeout,
 * the body by a deadline for the whole of it and by a minimum rate, so that a server that stalls
 * or trickles after its headers fails with a message naming the URL and the limit it hit (a
 * single wait for the server is also bounded by the rate window when that is shorter than the
 * request timeout, and the deadline is checked between reads). Counts requests and bytes
 * received. Thread-safe.
 */
public final class Fetcher {
    /** Default limit on the time a request may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final int MAX_REDIRECTS = 5;

    private final Duration timeout;
    private final FetchTimeouts timeouts;
    private final Credentials credentials;
    private volatile SSLSocketFactory tls;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();

    /**
     * Creates a fetcher with the {@linkplain FetchTimeouts#of default body limits} for a request
     * timeout.
     *
     * @param timeout the limit on connecting and on receiving each response's headers; a body
     *     must also bring at least {@value FetchTimeouts#DEFAULT_MINIMUM_BYTES} bytes per
     *     {@code timeout} and end within {@link FetchTimeouts#DEFAULT_BODY}
     * @param credentials basic authentication credentials, or null for none
     */
    public Fetcher(Duration timeout, Credentials credentials) {
        this(FetchTimeouts.of(timeout), credentials);
    }

    /**
     * Creates a fetcher.
     *
     * @param timeouts the limits on the request, the whole body and the rate
     * @param credentials basic authentication credentials, or null for none
     */
    public Fetcher(FetchTimeouts timeouts, Credentials credentials) {
        Duration timeout = timeouts.request();
        this.timeouts = timeouts;
        this.timeout = timeout;
        this.credentials = credentials;
    }

    /** The TLS socket factory of this fetcher, made at its first {@code https} request. */
    private SSLSocketFactory tls() {
        SSLSocketFactory factory = tls;
        if (factory == null) {
            synchronized (this) {
                factory = tls;
                if (factory == null) {
                    try {
                        factory = DeferredTrust.context().getSocketFactory();
                    } catch (NoSuchAlgorithmException e) {
                        throw new IllegalStateException("this JVM has no TLS", e);
                    }
                    tls = factory;
                }
            }
        }
        return factory;
    }

    /** Creates a fetcher with the default timeout and no credentials. */
    public Fetcher() {
        this(DEFAULT_TIMEOUT, null);
    }

    /** Returns the number of requests made so far (HTTP requests and local file reads). */
    public long requests() {
        return requests.get();
    }

    /** Returns the number of body bytes received so far. */
    public long bytesFetched() {
        return bytes.get();
    }

    /**
     * The answer to a conditional request.
     *
     * @param notModified whether the file is unchanged since the validators were issued
     * @param body the content, empty when not modified
     * @param validators the validators of the current content (the previous ones when not modified)
     */
    public record Conditional(boolean notModified, byte[] body, Validators validators) {
    }

    /**
     * Fetches a small file unless it is unchanged since the given validators.
     *
     * @param uri the file
     * @param previous validators from the previous fetch, {@link Validators#NONE} for none
     * @param cap the maximum size accepted
     * @return the answer
     * @throws NotFoundException if the file does not exist
     * @throws RepositoryException on any other failure, naming the URL
     */
    public Conditional fetchIfChanged(URI uri, Validators previous, long cap) throws RepositoryException {
        if ("file".equals(uri.getScheme())) {
            return fetchLocalIfChanged(uri, previous, cap);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (previous.etag() != null) {
            headers.put("If-None-Match", previous.etag());
        }
        if (previous.lastModified() != null) {
            headers.put("If-Modified-Since", previous.lastModified());
        }
        Response response = send(uri, headers);
        if (response.status() == 304) {
            close(response.body());
            return new Conditional(true, new byte[0], previous);
        }
        Validators validators = new Validators(response.header("ETag"), response.header("Last-Modified"));
        return new Conditional(false, readAll(uri, response.body(), cap), validators);
    }

    /**
     * Fetches a small file.
     *
     * @param uri the file
     * @param cap the maximum size accepted
     * @return the content
     * @throws NotFoundException if the file does not exist
     * @throws RepositoryException on any other failure, naming the URL
     */
    public byte[] fetch(URI uri, long cap) throws RepositoryException {
        return fetchIfChanged(uri, Validators.NONE, cap).body();
    }

    /**
     * Opens a file for streaming; the caller closes the stream.
     *
     * @param uri the file
     * @return the content as a stream; its read errors are {@link RepositoryException}s naming the URL
     * @throws NotFoundException if the file does not exist
     * @throws RepositoryException on any other failure, naming the URL
     */
    public InputStream open(URI uri) throws RepositoryException {
        if ("file".equals(uri.getScheme())) {
            requests.incrementAndGet();
            try {
                return counting(uri, Files.newInputStream(Path.of(uri)));
            } catch (NoSuchFileException e) {
                throw new NotFoundException(uri + " does not exist");
            } catch (IOException e) {
                throw new RepositoryException("cannot read " + uri + ": " + e.getMessage(), e);
            }
        }
        return counting(uri, send(uri, Map.of()).body());
    }

    private static void checkScheme(URI uri) throws RepositoryException {
        String scheme = uri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new RepositoryException("unsupported URL scheme in " + uri + ": use http, https or file");
        }
    }

    /** A response: its status and headers, and its body as a {@link TimedStream}. */
    private record Response(HttpURLConnection connection, int status, InputStream body) {
        String header(String name) {
            return connection.getHeaderField(name);
        }
    }

    /**
     * Sends a GET, following up to {@value #MAX_REDIRECTS} redirects by itself so that the
     * credentials go only to the host they were given for, never to a host redirected to.
     */
    private Response send(URI uri, Map<String, String> headers) throws RepositoryException {
        checkScheme(uri);
        URI target = uri;
        for (int hop = 0; ; hop++) {
            Response response = sendOnce(uri, target, headers,
                    credentials != null && sameOrigin(uri, target) ? credentials.authorization() : null);
            int status = response.status();
            if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
                return check(uri, response);
            }
            close(response.body());
            String location = response.header("Location");
            if (location == null || hop >= MAX_REDIRECTS) {
                throw new RepositoryException("HTTP " + status + " fetching " + uri
                        + (location == null ? " without a Location" : ": too many redirects"));
            }
            try {
                target = target.resolve(location);
            } catch (IllegalArgumentException e) {
                throw new RepositoryException("HTTP " + status + " fetching " + uri + ": the Location "
                        + PackageNames.quote(location) + " is not a URL", e);
            }
            checkScheme(target);
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
    }

    private Response sendOnce(URI uri, URI target, Map<String, String> headers, String authorization)
            throws RepositoryException {
        requests.incrementAndGet();
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) target.toURL().openConnection();
            if (connection instanceof HttpsURLConnection https) {
                https.setSSLSocketFactory(tls());
            }
            int millis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
            connection.setConnectTimeout(millis);
            connection.setReadTimeout((int) Math.min(millis, Math.max(1, timeouts.rateWindow().toMillis())));
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestMethod("GET");
            connection.setRequestProperty("Accept", "*/*");
            headers.forEach(connection::setRequestProperty);
            if (authorization != null) {
                connection.setRequestProperty("Authorization", authorization);
            }
            int status = connection.getResponseCode();
            InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            return new Response(connection, status, new TimedStream(uri, connection,
                    body == null ? InputStream.nullInputStream() : body, timeouts, status == 200));
        } catch (SocketTimeoutException e) {
            disconnect(connection);
            throw new RepositoryException("timed out after " + timeout.toSeconds() + " s fetching " + uri, e);
        } catch (IOException | IllegalArgumentException e) {
            disconnect(connection);
            throw new RepositoryException("cannot fetch " + uri + ": " + describe(e), e);
        }
    }

    private static void disconnect(HttpURLConnection connection) {
        if (connection != null) {
            connection.disconnect();
        }
    }

    private static Response check(URI uri, Response response) throws RepositoryException {
        int status = response.status();
        if (status == 404 || status == 410) {
            close(response.body());
            throw new NotFoundException(uri + " does not exist (HTTP " + status + ")");
        }
        if (status != 200 && status != 304) {
            close(response.body());
            throw new RepositoryException("HTTP " + status + " fetching " + uri);
        }
        return response;
    }

    private Conditional fetchLocalIfChanged(URI uri, Validators previous, long cap) throws RepositoryException {
        requests.incrementAndGet();
        Path path = Path.of(uri);
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            String tag = attributes.lastModifiedTime().toMillis() + "-" + attributes.size();
            if (tag.equals(previous.etag())) {
                return new Conditional(true, new byte[0], previous);
            }
            byte[] body = readAll(uri, Files.newInputStream(path), cap);
            bytes.addAndGet(body.length);
            return new Conditional(false, body, new Validators(tag, null));
        } catch (NoSuchFileException e) {
            throw new NotFoundException(uri + " does not exist");
        } catch (IOException e) {
            throw new RepositoryException("cannot read " + uri + ": " + e.getMessage(), e);
        }
    }

    private byte[] readAll(URI uri, InputStream body, long cap) throws RepositoryException {
        try (InputStream in = "file".equals(uri.getScheme()) ? body : counting(uri, body)) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            if (data.length > cap) {
                throw new TooLargeException(uri + " is larger than the limit of " + cap + " bytes");
            }
            return data;
        } catch (RepositoryException e) {
            throw e;
        } catch (IOException e) {
            throw new RepositoryException("cannot read " + uri + ": " + describe(e), e);
        }
    }

    private InputStream counting(URI uri, InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = wrap(() -> super.read());
                if (b >= 0) {
                    bytes.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = wrap(() -> super.read(buffer, offset, length));
                if (n > 0) {
                    bytes.addAndGet(n);
                }
                return n;
            }

            private int wrap(IoRead read) throws IOException {
                try {
                    return read.read();
                } catch (RepositoryException e) {
                    throw e;
                } catch (IOException e) {
                    throw new RepositoryException("cannot read " + uri + ": " + describe(e), e);
                }
            }
        };
    }

    private static String describe(Exception e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to do: the response is discarded
        }
    }

    @FunctionalInterface
    private interface IoRead {
        int read() throws IOException;
    }
}
