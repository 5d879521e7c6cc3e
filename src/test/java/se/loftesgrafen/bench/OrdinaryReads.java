package se.loftesgrafen.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import se.loftesgrafen.testing.ReplicaProcess;
import se.loftesgrafen.testing.SyntheticNation;

/**
 * The ordinary reads of {@link AbuseBenchmark}: what a portal, a journalist's script and a linked-data client ask
 * (resources as JSON-LD and Turtle, the comparison API's hot set, small queries, search, /health), sent by many
 * clients in a closed loop; and a /health probe on a connection of its own.
 */
final class OrdinaryReads {
  private static final List<String> HOT_THEMES = List.of("narkotika", "trafik", "otrygga-miljoer", "alkohol");
  /** Latencies and errors of ordinary reads, by kind. */
  record Reads(Map<String, long[]> nanos, long errors, Map<String, Integer> errorsByKind, double seconds,
               String firstError) {
    long count() {
      return nanos.values().stream().mapToLong(a -> a.length).sum();
    }

    long[] all() {
      return nanos.values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
    }
  }

  private final ReplicaProcess service;
  private final SyntheticNation nation;
  private final List<String> resources;
  private final String base;

  OrdinaryReads(ReplicaProcess service, SyntheticNation nation, List<String> resources) {
    this.service = service;
    this.nation = nation;
    this.resources = resources;
    this.base = resources.get(0).substring(0, resources.get(0).indexOf("/id/") + 1);
  }

  /** A request and the kind it is counted under. */
  record Read(String kind, HttpRequest request) {
  }

  int firstPassSize() {
    return resources.size() * 2 + 200;
  }

  /** Every resource in both formats, then the hot comparison calls and small queries. */
  Read firstPass(int i) {
    if (i < resources.size() * 2) {
      return resource(i / 2, i % 2 == 0 ? "application/ld+json" : "text/turtle");
    }
    int j = i - resources.size() * 2;
    return j % 2 == 0 ? comparison(j / 2) : sparql(j / 2);
  }

  /** The mix: 7 in 20 JSON-LD, 5 Turtle, 3 comparison API, 3 small SPARQL, 1 search, 1 /health. */
  Read mixed(int i) {
    Random r = new Random(i * 31L + 7);
    int slot = r.nextInt(20);
    if (slot < 7) {
      return resource(r.nextInt(resources.size()), "application/ld+json");
    }
    if (slot < 12) {
      return resource(r.nextInt(resources.size()), "text/turtle");
    }
    if (slot < 15) {
      return comparison(r.nextInt(100));
    }
    if (slot < 18) {
      return sparql(r.nextInt(100));
    }
    if (slot < 19) {
      String q = List.of("narkotika", "trygghetsvandring", "trafikkontroller", "belysning").get(r.nextInt(4));
      return new Read("search", get("/api/search?q=" + q, "application/json"));
    }
    return new Read("/health", get("/health", "application/json"));
  }

  private Read resource(int n, String type) {
    String iri = resources.get(n % resources.size());
    return new Read(type.equals("text/turtle") ? "/id as Turtle" : "/id as JSON-LD",
        get("/" + iri.substring(base.length()), type));
  }

  /** The hot set of the comparison API: four themes by year, and fifty municipalities' timelines. */
  private Read comparison(int n) {
    String theme = HOT_THEMES.get(n % HOT_THEMES.size());
    String path = switch (n % 4) {
      case 0 -> "/api/themes/narkotika/municipalities";
      case 1 -> "/api/themes/" + theme + "/municipalities?year=" + (2019 + n % 7);
      case 2 -> "/api/municipalities/" + nation.kommuner().get(n % 50).code() + "/timeline";
      default -> "/api/themes/" + theme + "/municipalities?year=" + (2019 + n % 7) + "&county=" + nation.kommuner()
          .get(n % 50).countyCode();
    };
    return new Read("comparison API", get(path, "application/json"));
  }

  /** Small queries about one municipality, as a client of the endpoint asks them. */
  private Read sparql(int n) {
    String k = "<" + base + "id/kommun/" + nation.kommuner().get(n % 100).code() + ">";
    String q = switch (n % 3) {
      case 0 -> "PREFIX lg: <https://w3id.org/loftesgrafen/def#> PREFIX dcterms: <http://purl.org/dc/terms/>"
          + " SELECT ?p ?title WHERE { ?p lg:municipality " + k + " ; dcterms:title ?title } ORDER BY ?p LIMIT 20";
      case 1 -> "ASK { " + k + " ?p ?o }";
      default -> "PREFIX lg: <https://w3id.org/loftesgrafen/def#> SELECT (COUNT(?c) AS ?n) WHERE"
          + " { ?p lg:municipality " + k + " ; lg:commitment ?c }";
    };
    return new Read("small SPARQL", get("/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8),
        "application/sparql-results+json"));
  }

  private HttpRequest get(String pathAndQuery, String accept) {
    return HttpRequest.newBuilder(service.uri(pathAndQuery)).timeout(Duration.ofSeconds(60))
        .header("Accept", accept).build();
  }

  /**
   * Closed loop: {@code connections} clients, each sending its next request when the last one answered, until
   * {@code total} requests or the deadline. An error is any status but 200 and 304, or an I/O error.
   */
  Reads run(int connections, int total, long deadlineNanos, java.util.function.IntFunction<Read> reads)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    Map<String, List<Long>> nanos = new ConcurrentHashMap<>();
    Map<String, Integer> errors = new ConcurrentHashMap<>();
    AtomicReference<String> firstError = new AtomicReference<>();
    long start = System.nanoTime();
    List<Thread> clients = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      // each ordinary client from an address of its own: the abusive ones share one, as one greedy client would
      HttpClient http = se.loftesgrafen.testing.LoopbackClients.client(c);
      clients.add(Thread.ofVirtual().start(() -> {
        Map<String, List<Long>> mine = new java.util.HashMap<>();
        for (int i; (i = next.getAndIncrement()) < total && System.nanoTime() < deadlineNanos; ) {
          Read read = reads.apply(i);
          long t0 = System.nanoTime();
          String failure = null;
          try {
            HttpResponse<byte[]> r = http.send(read.request(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200 && r.statusCode() != 304) {
              failure = r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8).lines().findFirst()
                  .orElse("");
            }
          } catch (IOException e) {
            failure = e.toString();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
          if (failure == null) {
            mine.computeIfAbsent(read.kind(), k -> new ArrayList<>()).add(System.nanoTime() - t0);
          } else {
            errors.merge(read.kind(), 1, Integer::sum);
            firstError.compareAndSet(null, read.request().uri() + ": " + failure);
          }
        }
        mine.forEach((kind, list) -> nanos.computeIfAbsent(kind, k -> Collections.synchronizedList(
            new ArrayList<>())).addAll(list));
      }));
    }
    for (Thread t : clients) {
      t.join();
    }
    Map<String, long[]> byKind = new java.util.TreeMap<>();
    nanos.forEach((kind, list) -> byKind.put(kind, list.stream().mapToLong(Long::longValue).toArray()));
    return new Reads(byKind, errors.values().stream().mapToLong(Integer::longValue).sum(), Map.copyOf(errors),
        (System.nanoTime() - start) / 1e9, firstError.get());
  }

  /** GET /health five times a second on a connection of its own; latencies and failures. */
  static final class HealthProbe implements Runnable {
    private final URI uri;
    private final long deadlineNanos;
    private final List<Long> nanos = new ArrayList<>();
    final AtomicInteger failures = new AtomicInteger();

    HealthProbe(URI uri, long deadlineNanos) {
      this.uri = uri;
      this.deadlineNanos = deadlineNanos;
    }

    @Override
    public void run() {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build();
      while (System.nanoTime() < deadlineNanos) {
        long t0 = System.nanoTime();
        try {
          HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
          nanos.add(System.nanoTime() - t0);
          if (r.statusCode() != 200) {
            failures.incrementAndGet();
          }
          Thread.sleep(200);
        } catch (IOException e) {
          nanos.add(System.nanoTime() - t0);
          failures.incrementAndGet();
        } catch (InterruptedException e) {
          return;
        }
      }
    }

    long[] nanos() {
      return nanos.stream().mapToLong(Long::longValue).toArray();
    }
  }
}
