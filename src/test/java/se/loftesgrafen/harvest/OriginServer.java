package se.loftesgrafen.harvest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A test origin on loopback: several virtual hosts, each a JDK HttpServer on its own port 0, serving fixture files
 * from a folder per host ({@code {{host:NAME}}} in a file becomes that host's http://127.0.0.1:port) and
 * programmed answers per path (redirects, 304, 429, 500, hangs, drips, gone pages). Every request is logged with
 * its arrival time, so tests assert what was fetched, in which order and how far apart.
 */
final class OriginServer implements AutoCloseable {
  /** One request as the server saw it. */
  record Request(String host, String path, long arrivedNanos, Map<String, String> headers, int status) {
    Optional<String> header(String name) {
      return Optional.ofNullable(headers.get(name.toLowerCase()));
    }
  }

  /** A programmed answer; {@code count} is how many times this host and path were asked before (0 first). */
  @FunctionalInterface
  interface Answer {
    int respond(HttpExchange exchange, int count) throws IOException, InterruptedException;
  }

  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, HttpServer> servers = new LinkedHashMap<>();
  private final Map<String, Path> roots = new ConcurrentHashMap<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, Integer> counts = new ConcurrentHashMap<>();
  private final List<Request> log = new ArrayList<>();
  private volatile Duration latency = Duration.ZERO;

  /** Starts one server per host name; files for {@code name} come from {@code sites/name/}. */
  OriginServer(Path sites, List<String> hosts) {
    for (String name : hosts) {
      try {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(name, exchange));
        server.start();
        servers.put(name, server);
        roots.put(name, sites.resolve(name));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  void latency(Duration d) {
    latency = d;
  }

  URI base(String host) {
    return URI.create("http://127.0.0.1:" + servers.get(host).getAddress().getPort());
  }

  URI url(String host, String path) {
    return base(host).resolve(path);
  }

  /** Host key as the harvester names hosts. */
  String key(String host) {
    return Crawl.hostKey(base(host));
  }

  void answer(String host, String path, Answer answer) {
    answers.put(host + " " + path, answer);
  }

  /** Every request so far, in the order they arrived. */
  List<Request> requests() {
    synchronized (log) {
      return log.stream().sorted(java.util.Comparator.comparingLong(Request::arrivedNanos)).toList();
    }
  }

  List<Request> requests(String host) {
    return requests().stream().filter(r -> r.host().equals(host)).toList();
  }

  void clearLog() {
    synchronized (log) {
      log.clear();
    }
  }

  private void handle(String host, HttpExchange exchange) throws IOException {
    long arrived = System.nanoTime();
    String path = exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
    int status = 500;
    try {
      if (!latency.isZero()) {
        Thread.sleep(latency);
      }
      int count = counts.merge(host + " " + path, 1, Integer::sum) - 1;
      Answer answer = answers.get(host + " " + path);
      status = answer != null ? answer.respond(exchange, count) : file(host, path, exchange);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      status = -1; // the client went away (timeouts, cut-off bodies)
    } finally {
      synchronized (log) {
        log.add(new Request(host, path, arrived, headers, status));
      }
      exchange.close();
    }
  }

  /** Serves {@code sites/host/path} (a folder's index.html), with {{host:NAME}} filled in; 404 when missing. */
  int file(String host, String path, HttpExchange exchange) throws IOException {
    Path file = roots.get(host).resolve(path.substring(1).replaceAll("\\?.*", ""));
    if (Files.isDirectory(file)) {
      file = file.resolve("index.html");
    }
    if (!Files.isRegularFile(file)) {
      return send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
    }
    byte[] body = Files.readAllBytes(file);
    String name = file.getFileName().toString();
    if (name.endsWith(".html") || name.endsWith(".txt") || name.endsWith(".xml")) {
      String text = new String(body, StandardCharsets.ISO_8859_1);
      for (String h : servers.keySet()) {
        text = text.replace("{{host:" + h + "}}", base(h).toString());
      }
      body = text.getBytes(StandardCharsets.ISO_8859_1);
    }
    String type = name.endsWith(".pdf") ? "application/pdf" : name.endsWith(".xml") ? "application/xml"
        : name.endsWith(".txt") ? "text/plain" : name.endsWith(".latin1.html") ? "text/html"
        : "text/html; charset=utf-8";
    return send(exchange, 200, type, body);
  }

  static int send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
    return status;
  }

  @Override
  public void close() {
    servers.values().forEach(s -> s.stop(0));
    executor.shutdownNow();
  }
}
