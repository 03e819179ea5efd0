package io.testtrack.platform.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Sends a request body with {@code Transfer-Encoding: chunked} (no Content-Length) on a raw socket,
 * as a client that wants to slip past a declared-length check would, and answers the raw reply (its first 16 KB).
 * The body is {@code open}, then 64 KB chunks of 'a' until {@code bytes} are sent, then
 * {@code close}. The request asks for the connection to close after the answer.
 */
public final class ChunkedRequests {

    private ChunkedRequests() {
    }

    public static String post(String host, int port, String path, Map<String, String> headers, String open, int bytes,
            String close) throws Exception {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
                    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
                    head.append("Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
                    out.write(ascii(head.toString()));
                    chunk(out, ascii(open));
                    byte[] padding = new byte[64 * 1024];
                    Arrays.fill(padding, (byte) 'a');
                    for (int sent = open.length(); sent < bytes; sent += padding.length) {
                        chunk(out, padding);
                    }
                    chunk(out, ascii(close));
                    out.write(ascii("0\r\n\r\n"));
                    out.flush();
                } catch (IOException closedByTheServer) {
                    // the server may close the connection once it has answered
                }
            });
            writer.start();
            String reply = new String(socket.getInputStream().readNBytes(16 * 1024), StandardCharsets.UTF_8);
            writer.join(20_000);
            return reply;
        }
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        if (data.length == 0) {
            return;
        }
        out.write(ascii(Integer.toHexString(data.length) + "\r\n"));
        out.write(data);
        out.write(ascii("\r\n"));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
