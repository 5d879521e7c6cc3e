package se.loftesgrafen.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import se.loftesgrafen.graph.compare.Comparison;

/**
 * The query parameters of one API request, checked against what the endpoint allows. Every problem is a 400 that
 * says what is allowed, so that a typo ({@code yaer=2021}) is not silently ignored.
 */
final class ComparisonParams {
  static final List<String> FILTERS = List.of("year", "from", "to", "county", "actor", "kind", "minConfidence");
  static final List<String> ACTORS = List.of("polisen", "kommunen", "annan");
  static final List<String> KINDS = List.of("activity", "goal");
  static final List<String> FORMATS = List.of("jsonld", "json", "csv");
  private static final int MIN_YEAR = 1990;
  private static final int MAX_YEAR = 2100;

  private final MultiMap params;
  private final Map<String, String> given = new TreeMap<>();

  private ComparisonParams(MultiMap params) {
    this.params = params;
  }

  /** The request's parameters; unknown or repeated names are a 400 listing the allowed ones. */
  static ComparisonParams of(RoutingContext ctx, Collection<String> allowed) {
    MultiMap params = ctx.queryParams();
    ComparisonParams p = new ComparisonParams(params);
    for (String name : params.names()) {
      if (!allowed.contains(name)) {
        throw bad("unknown parameter '" + name + "'; allowed: " + String.join(", ", allowed));
      }
      if (params.getAll(name).size() > 1) {
        throw bad("parameter '" + name + "' given more than once");
      }
      p.given.put(name, params.get(name));
    }
    return p;
  }

  /** The parameters as given, in name order (for links to other pages of the same result). */
  Map<String, String> given() {
    return new LinkedHashMap<>(given);
  }

  Optional<String> text(String name, int maxLength) {
    Optional<String> v = Optional.ofNullable(params.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    if (v.isPresent() && v.get().length() > maxLength) {
      throw bad("parameter '" + name + "' is longer than " + maxLength + " characters");
    }
    return v;
  }

  Optional<String> oneOf(String name, Collection<String> allowed) {
    Optional<String> v = text(name, 100);
    if (v.isPresent() && !allowed.contains(v.get())) {
      throw bad("parameter '" + name + "' is '" + v.get() + "'; allowed: " + String.join(", ", allowed));
    }
    return v;
  }

  boolean flag(String name, boolean otherwise) {
    return oneOf(name, List.of("true", "false")).map(Boolean::parseBoolean).orElse(otherwise);
  }

  int integer(String name, int otherwise, int min, int max) {
    Optional<String> v = text(name, 12);
    if (v.isEmpty()) {
      return otherwise;
    }
    try {
      int n = Integer.parseInt(v.get());
      if (n < min || n > max) {
        throw bad("parameter '" + name + "' is " + n + "; allowed: " + min + " to " + max);
      }
      return n;
    } catch (NumberFormatException e) {
      throw bad("parameter '" + name + "' is '" + v.get() + "'; allowed: a whole number from " + min + " to " + max);
    }
  }

  int page() {
    return integer("page", 1, 1, 100_000);
  }

  int pageSize(int otherwise, int max) {
    return integer("pageSize", otherwise, 1, max);
  }

  boolean csv(RoutingContext ctx) {
    Optional<String> format = oneOf("format", FORMATS);
    if (format.isPresent()) {
      return format.get().equals("csv");
    }
    String accept = Optional.ofNullable(ctx.request().getHeader("Accept")).orElse("");
    return accept.contains("text/csv") && !accept.contains("json");
  }

  boolean plainJson() {
    return oneOf("format", FORMATS).map("json"::equals).orElse(false);
  }

  /**
   * {@code minConfidence}: a decimal from 0 to 1 ("0.8", ".8", "1"), the least lg:confidence a commitment must have.
   * Not a double parse: "NaN", "1e-1" or "0x1p-1" are no way to write a probability in a URL.
   */
  Optional<BigDecimal> minConfidence() {
    Optional<String> v = text("minConfidence", 20);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    String allowed = "; allowed: a decimal number from 0 to 1, e.g. 0.8";
    if (!v.get().matches("[0-9]*(\\.[0-9]*)?") || v.get().equals(".")) {
      throw bad("parameter 'minConfidence' is '" + v.get() + "'" + allowed);
    }
    BigDecimal c = new BigDecimal(v.get());
    if (c.compareTo(BigDecimal.ONE) > 0) {
      throw bad("parameter 'minConfidence' is " + v.get() + allowed);
    }
    return Optional.of(c);
  }

  /** year, from, to, county, actor, kind, minConfidence, checked and combined. */
  Comparison.Filter filter(Set<String> counties) {
    Optional<Integer> year = year("year");
    Optional<Integer> from = year("from");
    Optional<Integer> to = year("to");
    if (year.isPresent() && (from.isPresent() || to.isPresent())) {
      throw bad("give either 'year' or 'from'/'to', not both");
    }
    if (from.isPresent() && to.isPresent() && from.get() > to.get()) {
      throw bad("'from' (" + from.get() + ") is after 'to' (" + to.get() + ")");
    }
    Optional<String> county = text("county", 10);
    if (county.isPresent() && !counties.contains(county.get())) {
      throw bad("parameter 'county' is '" + county.get() + "'; allowed: a two-digit SCB county code: "
          + String.join(", ", counties));
    }
    return new Comparison.Filter(year.or(() -> from), year.or(() -> to), county, oneOf("actor", ACTORS),
        oneOf("kind", KINDS), minConfidence());
  }

  private Optional<Integer> year(String name) {
    return text(name, 12).isPresent() ? Optional.of(integer(name, 0, MIN_YEAR, MAX_YEAR)) : Optional.empty();
  }

  static HttpError bad(String message) {
    return new HttpError(400, message);
  }
}
