package org.nearmiss.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Requests written byte for byte, as an attacker's tool sends them: malformed escapes, bytes that are
 * not UTF-8, odd methods and headers that a well-behaved client refuses to send.
 */
public final class RawHttp {

    private RawHttp() {}

    /** An answer: its status, its headers as one text (lower-cased names kept as sent) and its body. */
    public record Answer(int status, String head, String body) {

        public boolean hasHeader(String name) {
            return head.toLowerCase(java.util.Locale.ROOT)
                    .contains("\r\n" + name.toLowerCase(java.util.Locale.ROOT) + ":");
        }
    }

    /** Sends a request line, headers (each "Name: value") and a body, closing the connection after. */
    public static Answer send(int port, String requestLine, byte[] body, String... headers) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nConnection: close\r\n");
            for (String header : headers) {
                head.append(header).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String answerHead = end < 0 ? text : text.substring(0, end);
            String answerBody = end < 0 ? "" : text.substring(end + 4);
            int status = Integer.parseInt(answerHead.substring(9, 12));
            return new Answer(status, answerHead, answerBody);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Answer send(int port, String requestLine, String body, String... headers) {
        return send(port, requestLine, body == null ? null : body.getBytes(StandardCharsets.ISO_8859_1), headers);
    }
}
