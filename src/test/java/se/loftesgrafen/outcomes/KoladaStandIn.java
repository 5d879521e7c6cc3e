package se.loftesgrafen.outcomes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A local stand-in of Kolada's API v2 on 127.0.0.1 (JDK HttpServer, port 0): {@code /v2/data/kpi/{kpi}/year/{years}}
 * answered from the given figures in pages of {@code perPage} with {@code next_page} links, in the answer shape of
 * api.kolada.se (count, values with kpi, municipality, period and per-gender values, next_page, previous_page). Like
 * Kolada it also answers for a county code and with per-gender values, which the client must skip. A figure can be
 * answered differently ({@link #change}) and one page can fail ({@link #failPage}).
 */
final class KoladaStandIn implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  private final Map<String, List<Outcome>> byKpi;
  private final int perPage;
  private final Map<String, BigDecimal> changed = new HashMap<>();
  private volatile String failKpi = "";
  private volatile int failPage = -1;
  final AtomicInteger laterPages = new AtomicInteger();

  KoladaStandIn(List<Outcome> figures, int perPage) throws IOException {
    this.byKpi = figures.stream().collect(Collectors.groupingBy(Outcome::kpi));
    this.perPage = perPage;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/v2/data/kpi/", this::answer);
    server.start();
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v2/");
  }

  void change(String kpi, String code, int year, BigDecimal value) {
    changed.put(kpi + "|" + code + "|" + year, value);
  }

  void failPage(String kpi, int page) {
    failKpi = kpi;
    failPage = page;
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String[] parts = exchange.getRequestURI().getPath().split("/");  // "", v2, data, kpi, K, year, Y
      String kpi = parts[4];
      Set<Integer> years = Arrays.stream(parts[6].split(",")).map(Integer::parseInt).collect(Collectors.toSet());
      String query = exchange.getRequestURI().getQuery();
      int page = query != null && query.startsWith("page=") ? Integer.parseInt(query.substring(5)) : 1;
      if (page > 1) {
        laterPages.incrementAndGet();
      }
      if (kpi.equals(failKpi) && page == failPage) {
        byte[] body = "{\"error\":\"internal\"}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(500, body.length);
        exchange.getResponseBody().write(body);
        return;
      }
      List<ObjectNode> all = new ArrayList<>();
      for (Outcome o : byKpi.getOrDefault(kpi, List.of())) {
        if (years.contains(o.year())) {
          BigDecimal value = changed.getOrDefault(o.kpi() + "|" + o.code() + "|" + o.year(), o.value());
          all.add(value(kpi, o.code(), o.year(), value));
        }
      }
      all.add(value(kpi, "0014", years.iterator().next(), BigDecimal.TEN)); // a county (Uppsala län): not ours
      int from = (page - 1) * perPage;
      ObjectNode root = JSON.createObjectNode().put("count", Math.max(0, Math.min(perPage, all.size() - from)));
      ArrayNode values = root.putArray("values");
      all.subList(Math.min(from, all.size()), Math.min(from + perPage, all.size())).forEach(values::add);
      if (from + perPage < all.size()) {
        root.put("next_page", base() + "data/kpi/" + kpi + "/year/" + parts[6] + "?page=" + (page + 1));
      } else {
        root.putNull("next_page");
      }
      root.putNull("previous_page");
      byte[] body = JSON.writeValueAsBytes(root);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  private static ObjectNode value(String kpi, String code, int year, BigDecimal value) {
    ObjectNode n = JSON.createObjectNode().put("kpi", kpi).put("municipality", code).put("period", year);
    ArrayNode genders = n.putArray("values");
    genders.addObject().put("count", 1).put("gender", "K").put("status", "").put("value", value.add(BigDecimal.ONE));
    genders.addObject().put("count", 1).put("gender", "T").put("status", "").put("value", value);
    return n;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
