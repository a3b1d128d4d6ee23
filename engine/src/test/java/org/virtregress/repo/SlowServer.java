package org.virtregress.repo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * An HTTP server on 127.0.0.1 that answers every request with the headers of a large body and
 * then sends that body slowly: a chunk of bytes per interval, or nothing at all. It stops sending
 * once the client goes away or after 30 seconds, whichever comes first.
 */
final class SlowServer implements AutoCloseable {
    private static final long GIVE_UP_MILLIS = 30_000;

    private final ServerSocket socket;
    private final Thread acceptor;
    private final int chunk;
    private final Duration interval;

    private SlowServer(int chunk, Duration interval) throws IOException {
        this.socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        this.chunk = chunk;
        this.interval = interval;
        this.acceptor = new Thread(this::accept, "slow-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Sends the headers, then nothing. */
    static SlowServer stalling() throws IOException {
        return new SlowServer(0, Duration.ofMillis(100));
    }

    /** Sends the headers, then {@code chunk} bytes every {@code interval}. */
    static SlowServer trickling(int chunk, Duration interval) throws IOException {
        return new SlowServer(chunk, interval);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/" + path);
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Thread sender = new Thread(() -> send(client), "slow-sender");
                sender.setDaemon(true);
                sender.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void send(Socket client) {
        try (client; InputStream in = client.getInputStream(); OutputStream out = client.getOutputStream()) {
            readHeaders(in);
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 10000000\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] bytes = new byte[chunk];
            java.util.Arrays.fill(bytes, (byte) ' ');
            long end = System.currentTimeMillis() + GIVE_UP_MILLIS;
            while (System.currentTimeMillis() < end && !socket.isClosed()) {
                Thread.sleep(interval.toMillis());
                if (chunk > 0) {
                    out.write(bytes);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // the client went away: stop sending
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void readHeaders(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < end.length && (b = in.read()) >= 0) {
            matched = b == end[matched] ? matched + 1 : b == '\r' ? 1 : 0;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
