package se.loftesgrafen.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP proxy in front of one server (Fuseki) that counts the requests passing through it by the last
 * segment of their path ({@code sparql}, {@code update}, {@code data}): what one client (a replica) asks of the store.
 */
public final class CountingProxy implements AutoCloseable {
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
      "upgrade", "keep-alive", "expect");
  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI target;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  private CountingProxy(URI target) throws IOException {
    this.target = target;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    server.setExecutor(executor);
    server.createContext("/", this::forward);
    server.start();
  }

  /** A proxy to {@code target} (scheme, host and port; paths pass through). */
  public static CountingProxy to(URI target) throws IOException {
    return new CountingProxy(target);
  }

  /** {@code base} with this proxy's host and port in place of the target's. */
  public URI through(URI base) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + base.getRawPath());
  }

  public long count(String lastSegment) {
    AtomicLong n = counts.get(lastSegment);
    return n == null ? 0 : n.get();
  }

  private void forward(HttpExchange x) throws IOException {
    try (x) {
      String path = x.getRequestURI().getRawPath();
      counts.computeIfAbsent(path.substring(path.lastIndexOf('/') + 1), k -> new AtomicLong()).incrementAndGet();
      String query = x.getRequestURI().getRawQuery();
      URI to = URI.create(target.getScheme() + "://" + target.getRawAuthority() + path
          + (query == null ? "" : "?" + query));
      byte[] body;
      try (InputStream in = x.getRequestBody()) {
        body = in.readAllBytes();
      }
      HttpRequest.Builder b = HttpRequest.newBuilder(to).method(x.getRequestMethod(),
          body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
      x.getRequestHeaders().forEach((name, values) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase())) {
          values.forEach(v -> b.header(name, v));
        }
      });
      HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      r.headers().map().forEach((name, values) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
          x.getResponseHeaders().put(name, List.copyOf(values));
        }
      });
      byte[] answer = r.body();
      x.sendResponseHeaders(r.statusCode(), answer.length == 0 ? -1 : answer.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(answer);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    http.close();
  }
}
