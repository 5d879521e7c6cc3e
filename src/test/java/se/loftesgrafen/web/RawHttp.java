package se.loftesgrafen.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client sends (a raw '>' in the path, a request that is
 * never finished, a client that never reads).
 */
final class RawHttp {
  private RawHttp() {}

  /** Opens a socket to the loopback port with a small receive buffer (so that an unread answer fills it soon). */
  static Socket open(int port) throws IOException {
    return open(port, null);
  }

  /** As {@link #open(int)}, from the local address {@code from} (a client of its own, see LoopbackClients). */
  static Socket open(int port, java.net.InetAddress from) throws IOException {
    Socket socket = new Socket();
    if (from != null) {
      socket.bind(new InetSocketAddress(from, 0));
    }
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    socket.setSoTimeout(15_000);
    return socket;
  }

  /** Sends the request text as ISO-8859-1 bytes and reads the whole answer (the server closes after it). */
  static String exchange(int port, String request) throws IOException {
    try (Socket socket = open(port)) {
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      return readAll(socket.getInputStream());
    }
  }

  /** The status code of an answer's status line. */
  static int status(String answer) {
    String[] parts = answer.split(" ", 3);
    return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    for (int n; (n = in.read(buf)) > 0; ) {
      out.write(buf, 0, n);
      String s = out.toString(StandardCharsets.UTF_8);
      int headEnd = s.indexOf("\r\n\r\n");
      if (headEnd > 0) {
        int len = contentLength(s.substring(0, headEnd));
        if (len >= 0 && out.size() >= headEnd + 4 + len) {
          break;
        }
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int contentLength(String head) {
    for (String line : head.split("\r\n")) {
      if (line.toLowerCase().startsWith("content-length:")) {
        return Integer.parseInt(line.substring(15).trim());
      }
    }
    return -1;
  }
}
