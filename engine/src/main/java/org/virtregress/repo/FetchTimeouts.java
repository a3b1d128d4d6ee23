package org.virtregress.repo;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a download may take: the request (connecting and receiving the headers), the whole
 * body, and the slowest rate accepted, so that a server that stalls or trickles after its
 * headers fails instead of hanging the poll.
 *
 * @param request the limit on connecting and on receiving the response headers
 * @param body the limit on receiving the whole body, from the headers on
 * @param minimumBytes the fewest bytes that must arrive in any {@code rateWindow} spent waiting
 *     for the server
 * @param rateWindow the window over which the rate is measured
 */
public record FetchTimeouts(Duration request, Duration body, long minimumBytes, Duration rateWindow) {
    /** The default limit on the whole body: 30 minutes. */
    public static final Duration DEFAULT_BODY = Duration.ofMinutes(30);

    /** The default minimum rate: 1 KiB per request timeout. */
    public static final long DEFAULT_MINIMUM_BYTES = 1024;

    /** Checks that every limit is positive. */
    public FetchTimeouts {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(rateWindow, "rateWindow");
        if (request.isZero() || request.isNegative() || body.isZero() || body.isNegative()
                || rateWindow.isZero() || rateWindow.isNegative() || minimumBytes < 0) {
            throw new IllegalArgumentException("fetch timeouts must be positive: request " + request + ", body "
                    + body + ", " + minimumBytes + " bytes per " + rateWindow);
        }
    }

    /**
     * Returns the default limits for a request timeout: the default body limit, and at least
     * {@value #DEFAULT_MINIMUM_BYTES} bytes per request timeout.
     *
     * @param request the limit on connecting and on receiving the headers
     * @return the limits
     */
    public static FetchTimeouts of(Duration request) {
        return new FetchTimeouts(request, DEFAULT_BODY, DEFAULT_MINIMUM_BYTES, request);
    }

    /**
     * Returns a copy with another limit on the whole body.
     *
     * @param limit the limit on receiving the whole body
     * @return the copy
     */
    public FetchTimeouts withBody(Duration limit) {
        return new FetchTimeouts(request, limit, minimumBytes, rateWindow);
    }
}
