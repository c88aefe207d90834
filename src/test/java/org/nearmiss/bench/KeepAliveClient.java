package org.nearmiss.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A load generator's HTTP/1.1 client: one kept-alive connection, a request sent as prepared bytes and
 * the answer read to its end, nothing else. It costs the benchmark's cores little more than {@code wrk}
 * does, so that the figures measure the app rather than the client (the JDK's {@code HttpClient}
 * took about as much CPU per request as the app on two cores).
 */
final class KeepAliveClient implements AutoCloseable {

    private final Socket socket;
    private final byte[] buffer = new byte[16 * 1024];
    private int position;
    private int limit;
    private boolean closedByServer;
    private final OutputStream out;
    private final InputStream in;

    KeepAliveClient(String host, int port) {
        try {
            socket = new Socket(host, port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The bytes of a JSON {@code POST}, ready to be sent again and again. */
    static byte[] post(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Accept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        return request;
    }

    /**
     * Whether the server said it closes this connection after its last answer (Tomcat does after 100
     * requests on one connection); a new one must be opened, as {@code wrk} does.
     */
    boolean isClosed() {
        return closedByServer;
    }

    /** Sends the request and reads the whole answer; returns its status code. */
    int send(byte[] request) throws IOException {
        out.write(request);
        out.flush();
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).strip());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closedByServer = true;
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(line().strip(), 16); size > 0; size = Long.parseLong(line().strip(), 16)) {
                skip(size);
                line();
            }
            line();
        } else if (length > 0) {
            skip(length);
        }
        return status;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            if (position == limit) {
                fill();
            }
            byte c = buffer[position++];
            if (c == '\n') {
                return line.toString();
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            if (position == limit) {
                fill();
            }
            int step = (int) Math.min(left, limit - position);
            position += step;
            left -= step;
        }
    }

    private void fill() throws IOException {
        limit = in.read(buffer);
        position = 0;
        if (limit < 0) {
            limit = 0;
            throw new IOException("Connection closed by the server");
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a connection that failed already.
        }
    }
}
