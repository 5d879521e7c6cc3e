package se.loftesgrafen.outcomes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A client of Kolada's open API, version 2 ({@code <base>/data/kpi/{kpi}/year/{years}}), following its paging: an
 * answer carries {@code values} and, while there are more, {@code next_page} (the URL of the next page). Per
 * municipality and period it takes the value for both sexes together ({@code gender} "T"). Only the codes asked for
 * are kept (Kolada also answers for counties, regions and the country). Expected failures are values, not
 * exceptions: a non-200 answer, an unreadable body or a network error is a {@link Failed} naming the URL.
 */
public final class KoladaClient {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final int MAX_PAGES = 1000;
  private final HttpClient http;
  private final URI base;
  private final String userAgent;

  /** The answer for one KPI: all its values, or why not. */
  public sealed interface Fetch permits Fetched, Failed {
  }

  public record Fetched(String kpi, List<Outcome> outcomes, int pages) implements Fetch {
    public Fetched {
      outcomes = List.copyOf(outcomes);
    }
  }

  public record Failed(String kpi, URI url, int status, String reason) implements Fetch {
  }

  /** @param base the API root, e.g. {@code https://api.kolada.se/v2/} */
  public KoladaClient(HttpClient http, URI base, String userAgent) {
    this.http = Objects.requireNonNull(http, "http");
    String text = base.toString();
    this.base = URI.create(text.endsWith("/") ? text : text + "/");
    this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
  }

  /** Every value of {@code measure} for {@code years} and the municipalities {@code codes}, all pages. */
  public Fetch fetch(Measure measure, String unit, List<Integer> years, Set<String> codes) {
    String yearList = years.stream().map(String::valueOf).collect(Collectors.joining(","));
    URI url = base.resolve("data/kpi/" + measure.kpi() + "/year/" + yearList);
    List<Outcome> out = new ArrayList<>();
    int pages = 0;
    while (url != null) {
      if (++pages > MAX_PAGES) {
        return new Failed(measure.kpi(), url, 0, "more than " + MAX_PAGES + " pages: a paging loop?");
      }
      HttpResponse<String> answer;
      try {
        answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(1))
            .header("Accept", "application/json").header("User-Agent", userAgent).build(),
            HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        return new Failed(measure.kpi(), url, 0, e.toString());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Failed(measure.kpi(), url, 0, "interrupted");
      }
      if (answer.statusCode() != 200) {
        return new Failed(measure.kpi(), url, answer.statusCode(), "HTTP " + answer.statusCode());
      }
      JsonNode page;
      try {
        page = JSON.readTree(answer.body());
        read(page, measure, unit, codes, out);
      } catch (IOException | RuntimeException e) {
        return new Failed(measure.kpi(), url, 200, "unreadable answer: " + e.getMessage());
      }
      JsonNode next = page.path("next_page");
      url = next.isTextual() && !next.asText().isBlank() ? url.resolve(next.asText()) : null;
    }
    return new Fetched(measure.kpi(), out, pages);
  }

  private static void read(JsonNode page, Measure measure, String unit, Set<String> codes, List<Outcome> out) {
    JsonNode values = page.get("values");
    if (values == null || !values.isArray()) {
      throw new IllegalArgumentException("no 'values' array");
    }
    for (JsonNode v : values) {
      String code = v.path("municipality").asText();
      if (!codes.contains(code) || !measure.kpi().equals(v.path("kpi").asText())) {
        continue;
      }
      int year = v.path("period").asInt();
      for (JsonNode g : v.path("values")) {
        JsonNode value = g.get("value");
        if ("T".equals(g.path("gender").asText()) && value != null && value.isNumber()) {
          out.add(new Outcome(code, year, measure.slug(), value.decimalValue(), unit, measure.kpi()));
        }
      }
    }
  }
}
