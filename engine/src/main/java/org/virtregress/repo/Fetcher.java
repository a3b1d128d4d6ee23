package org.virtregress.repo;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.virtregress.net.Credentials;

/**
 * Downloads repository files over HTTP(S) or from the local file system ({@code file:} URLs).
 * HTTP goes through the JVM's default proxy selector (so {@code -Dhttps.proxyHost} and friends
 * apply), sends basic authentication when credentials are given (never logged, and never to a
 * host a redirect points to), follows redirects, and supports conditional requests. Every HTTP
 * download is bounded in time ({@link FetchTimeouts}): the headers by the request timeout, the
 * body by a deadline for the whole of it and by a minimum rate, so that a server that stalls or
 * trickles after its headers fails with a message naming the URL and the limit it hit. Counts
 * requests and bytes received. Thread-safe.
 */
public final class Fetcher {
    /** Default limit on the time a request may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private static final int MAX_REDIRECTS = 5;

    private final HttpClient client;
    private final Duration timeout;
    private final FetchTimeouts timeouts;
    private final Credentials credentials;
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
        HttpClient.Builder builder = HttpClient.newBuilder();
        try {
            builder.sslContext(DeferredTrust.context());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no TLS", e);
        }
        this.client = builder
                .proxy(ProxySelector.getDefault())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
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
        HttpResponse<InputStream> response = send(uri, headers);
        if (response.statusCode() == 304) {
            close(response.body());
            return new Conditional(true, new byte[0], previous);
        }
        Validators validators = new Validators(response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null));
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

    /**
     * Sends a GET, following up to {@value #MAX_REDIRECTS} redirects by itself so that the
     * credentials go only to the host they were given for, never to a host redirected to.
     */
    private HttpResponse<InputStream> send(URI uri, Map<String, String> headers) throws RepositoryException {
        checkScheme(uri);
        URI target = uri;
        for (int hop = 0; ; hop++) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(target).timeout(timeout).GET();
            headers.forEach(builder::header);
            if (credentials != null && sameOrigin(uri, target)) {
                builder.header("Authorization", credentials.authorization());
            }
            HttpResponse<InputStream> response = sendOnce(uri, builder.build());
            int status = response.statusCode();
            if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
                return check(uri, response);
            }
            close(response.body());
            String location = response.headers().firstValue("Location").orElse(null);
            if (location == null || hop >= MAX_REDIRECTS) {
                throw new RepositoryException("HTTP " + status + " fetching " + uri
                        + (location == null ? " without a Location" : ": too many redirects"));
            }
            target = target.resolve(location);
            checkScheme(target);
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && a.getPort() == b.getPort();
    }

    private HttpResponse<InputStream> sendOnce(URI uri, HttpRequest request) throws RepositoryException {
        requests.incrementAndGet();
        try {
            return client.send(request, info -> new TimedBody(uri, timeouts));
        } catch (HttpTimeoutException e) {
            throw new RepositoryException("timed out after " + timeout.toSeconds() + " s fetching " + uri, e);
        } catch (IOException e) {
            throw new RepositoryException("cannot fetch " + uri + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryException("interrupted fetching " + uri, e);
        }
    }

    private static HttpResponse<InputStream> check(URI uri, HttpResponse<InputStream> response)
            throws RepositoryException {
        int status = response.statusCode();
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

    private static String describe(IOException e) {
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
