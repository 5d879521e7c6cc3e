package se.loftesgrafen.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The hostile requests of issue 14, each kind sent by clients of its own in a loop until the deadline, over
 * loopback: what each kind got back is counted by status code (or by what became of the connection). An
 * "internal" server on loopback stands for what a SERVICE clause must never reach; it counts the requests it gets.
 */
final class AbusiveClients implements AutoCloseable {
  /** One kind of abuse: its name, how many clients send it at once, and one exchange of one client. */
  private record Kind(String name, int clients, Exchange exchange) {
  }

  @FunctionalInterface
  private interface Exchange {
    /** Sends one abusive request; the outcome as a label (a status code, "reset", "open at the end"...). */
    String send(int client, long deadlineNanos) throws Exception;
  }

  private static final String REGEX = "SELECT * { BIND(\"" + "a".repeat(30) + "\" AS ?x) FILTER(REGEX(?x,"
      + " \"^(.*a){31}$\")) } # ";
  /**
   * A large answer (about 12 MB of JSON on the national graph, four times what the socket buffers hold; 100,000 rows
   * ran into the 10 s time limit on the busy machine): spooled to a file, then sent to a client that never reads.
   */
  private static final String BIG = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 40000";

  private final URI base;
  private final int port;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final HttpServer internal;
  private final AtomicInteger internalHits = new AtomicInteger();
  private final AtomicLong unique = new AtomicLong();
  private final Map<String, Map<String, AtomicInteger>> outcomes = new ConcurrentHashMap<>();
  private final List<Kind> kinds;

  AbusiveClients(URI base) throws IOException {
    this.base = base;
    this.port = base.getPort();
    this.internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    internal.createContext("/", x -> {
      internalHits.incrementAndGet();
      x.sendResponseHeaders(204, -1);
      x.close();
    });
    internal.start();
    String secret = "http://127.0.0.1:" + internal.getAddress().getPort() + "/internal?token=x";
    String self = "http://127.0.0.1:" + port + "/sparql";
    this.kinds = List.of(
        new Kind("SERVICE to 127.0.0.1 (SSRF)", 1, (c, d) -> get("/sparql?query=" + enc(List.of(
            "SELECT * { SERVICE <" + secret + "> { ?s ?p ?o } }",
            "SELECT * { SERVICE SILENT <" + secret.replace("127.0.0.1", "localhost") + "> { ?s ?p ?o } }",
            "SELECT * { BIND(<" + secret + "> AS ?e) SERVICE ?e { ?s ?p ?o } }",
            "ASK { ?a ?b ?c FILTER EXISTS { SERVICE <" + secret + "> { ?s ?p ?o } } }")
            .get((int) (unique.incrementAndGet() % 4))))),
        new Kind("nested SERVICE (20 deep, to ourselves)", 1, (c, d) -> postQuery(nested(self, 20))),
        new Kind("catastrophic REGEX", 2, (c, d) -> postQuery(REGEX + unique.incrementAndGet())),
        new Kind("64 KB of '<' (direct POST)", 1, (c, d) -> postQuery("<".repeat(64 * 1024))),
        new Kind("huge or malformed bodies", 1, (c, d) -> postQuery(List.of("<".repeat(1 << 20),
            "PREFIX a: <".repeat(5000), "{".repeat(60_000), "# \n".repeat(20_000), "SELECT * { ?s ?p \"".repeat(3000))
            .get((int) (unique.incrementAndGet() % 5)))),
        new Kind("1 MB query texts", 1, (c, d) -> postQuery("SELECT * { ?s ?p ?o } LIMIT 1 #"
            + "x".repeat(1 << 20) + unique.incrementAndGet())),
        new Kind("60 KB distinct queries (cache keys)", 1, (c, d) -> postQuery("SELECT (COUNT(*) AS ?n) { ?s a ?t }"
            + " #" + unique.incrementAndGet() + " " + "k".repeat(60_000))),
        new Kind("malformed percent-encoding", 1, (c, d) -> raw("GET " + List.of("/sparql?query=%G1",
            "/sparql?query=SELECT%", "/api/search?q=%G1", "/id/kommun/14%G2").get((int) (unique.incrementAndGet() % 4))
            + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")),
        new Kind("raw '>' in /id paths", 1, (c, d) -> raw("GET /id/kommun/14>92/<script> HTTP/1.1\r\nHost: localhost"
            + "\r\nAccept: text/turtle\r\nConnection: close\r\n\r\n")),
        new Kind("Lucene regex in q=", 1, (c, d) -> get("/api/search?q=" + enc(List.of(
            "/[a-z]{1,20}(ab|cd)*[0-9]{100}/", "/(a|aa)*b/", "narkotika AND /.*/",
            "a*b*c*d*e*f*g*h*i*j*k*l*m*n*o*p*q*r*s*t*u*v*w*x*y*z*").get((int) (unique.incrementAndGet() % 4))))),
        new Kind("oversized form POSTs (1 MB)", 1, (c, d) -> postForm("query=" + "%3C".repeat(350 * 1024))),
        new Kind("slow clients that never read", 16, this::neverRead),
        new Kind("idle connections", 200, this::idle),
        new Kind("drip-feeding connections", 16, this::drip));
  }

  /** Runs every kind until {@code deadlineNanos}; returns when all have stopped. */
  void run(long deadlineNanos) throws InterruptedException {
    List<Thread> threads = new ArrayList<>();
    for (Kind kind : kinds) {
      for (int c = 0; c < kind.clients(); c++) {
        int client = c;
        threads.add(Thread.ofVirtual().name("abuse-" + kind.name() + "-" + c).start(() -> {
          while (System.nanoTime() < deadlineNanos) {
            String outcome;
            try {
              outcome = kind.exchange().send(client, deadlineNanos);
            } catch (IOException e) {
              outcome = e.getClass().getSimpleName();
            } catch (Exception e) {
              outcome = "client error " + e;
            }
            count(kind.name(), outcome);
          }
        }));
      }
    }
    for (Thread t : threads) {
      t.join();
    }
  }

  /** Per kind (in the order above): how many clients, and the outcomes seen with their counts. */
  List<String> report() {
    List<String> lines = new ArrayList<>();
    for (Kind kind : kinds) {
      Map<String, AtomicInteger> seen = outcomes.getOrDefault(kind.name(), Map.of());
      lines.add(String.format("%-40s %3d client%s  %s", kind.name(), kind.clients(), kind.clients() == 1 ? " " : "s",
          new TreeMap<>(seen).entrySet().stream().map(e -> e.getKey() + " x" + e.getValue())
              .collect(Collectors.joining(", "))));
    }
    return lines;
  }

  /** Requests that reached the "internal" server through a SERVICE clause: must stay 0. */
  int internalHits() {
    return internalHits.get();
  }

  private void count(String kind, String outcome) {
    outcomes.computeIfAbsent(kind, k -> new ConcurrentHashMap<>()).computeIfAbsent(outcome, o -> new AtomicInteger())
        .incrementAndGet();
  }

  private String get(String pathAndQuery) throws IOException, InterruptedException {
    return status(http.send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).timeout(Duration.ofSeconds(60))
        .header("Accept", "application/sparql-results+json").build(), HttpResponse.BodyHandlers.discarding()));
  }

  private String postQuery(String text) throws IOException, InterruptedException {
    return status(http.send(HttpRequest.newBuilder(base.resolve("/sparql")).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/sparql-query").header("Accept", "application/sparql-results+json")
        .POST(HttpRequest.BodyPublishers.ofString(text)).build(), HttpResponse.BodyHandlers.discarding()));
  }

  private String postForm(String body) throws IOException, InterruptedException {
    return status(http.send(HttpRequest.newBuilder(base.resolve("/sparql")).timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()));
  }

  private static String status(HttpResponse<?> r) {
    return Integer.toString(r.statusCode());
  }

  /** A request no well-behaved client sends, over a plain socket; the status code of the answer. */
  private String raw(String request) throws IOException {
    try (Socket s = open()) {
      s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      byte[] head = s.getInputStream().readNBytes(12);
      String line = new String(head, StandardCharsets.ISO_8859_1);
      return line.startsWith("HTTP/1.1 ") ? line.substring(9).strip() : "no status line: " + line;
    }
  }

  /**
   * Asks for a 12 MB answer and reads nothing (4 KB receive buffer) for 55 s: the query runs (on a busy machine for
   * many seconds), the answer is sent until the buffers are full, and the server must give up on the connection
   * service.writeTimeout (30 s) later without holding a worker meanwhile. Then the client reads what is there: the
   * status line, and whether the server cut the connection, kept it open, or still sends. A client that the end of
   * the run cuts short of the 55 s just leaves.
   */
  private String neverRead(int client, long deadlineNanos) throws IOException, InterruptedException {
    try (Socket s = open()) {
      s.getOutputStream().write(("GET /sparql?query=" + enc(BIG + " #" + client) + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Accept: application/sparql-results+json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      long look = System.nanoTime() + Duration.ofSeconds(55).toNanos();
      if (look > deadlineNanos) {
        Thread.sleep(Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime())));
        return "left at the end of the run (before 55 s)";
      }
      Thread.sleep(Duration.ofNanos(Math.max(0, look - System.nanoTime())));
      s.setSoTimeout(2000);
      byte[] buf = new byte[1 << 16];
      String status = "no answer";
      long total = 0;
      try {
        for (int n; (n = s.getInputStream().read(buf)) >= 0; total += n) {
          if (total == 0 && n >= 12) {
            status = new String(buf, 9, 3, StandardCharsets.US_ASCII);
          }
          if (total > 16L << 20) {
            return status + ", read to the end after 55 s: the server never gave up";
          }
        }
        return status + ", then closed by the server";
      } catch (SocketTimeoutException e) {
        return status + ", then kept open";
      } catch (IOException e) {
        return status + ", then reset by the server";
      }
    }
  }

  /** Connects and sends nothing until the deadline; whether the server closed the connection meanwhile. */
  private String idle(int client, long deadlineNanos) throws IOException, InterruptedException {
    try (Socket s = open()) {
      return waitForClose(s, deadlineNanos, null);
    }
  }

  /** Sends a request head one byte every two seconds, never finishing it. */
  private String drip(int client, long deadlineNanos) throws IOException, InterruptedException {
    try (Socket s = open()) {
      s.getOutputStream().write("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Drip: ".getBytes(StandardCharsets.US_ASCII));
      return waitForClose(s, deadlineNanos, "a");
    }
  }

  private static String waitForClose(Socket s, long deadlineNanos, String drip) throws InterruptedException {
    long start = System.nanoTime();
    try {
      s.setSoTimeout(2000);
      while (System.nanoTime() < deadlineNanos) {
        try {
          if (s.getInputStream().read() < 0) {
            return "closed by the server after " + (System.nanoTime() - start) / 1_000_000_000 / 10 * 10 + "+ s";
          }
        } catch (SocketTimeoutException e) {
          if (drip != null) {
            s.getOutputStream().write(drip.getBytes(StandardCharsets.US_ASCII));
          }
        }
      }
      return "open at the end";
    } catch (IOException e) {
      return "reset by the server";
    }
  }

  private Socket open() throws IOException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    socket.setSoTimeout(60_000);
    return socket;
  }

  private static String nested(String endpoint, int depth) {
    String inner = "?s ?p ?o";
    for (int i = 0; i < depth; i++) {
      inner = "SERVICE <" + endpoint + "> { " + inner + " }";
    }
    return "SELECT * { " + inner + " }";
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    internal.stop(0);
  }
}
