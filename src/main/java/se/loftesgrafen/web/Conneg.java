package se.loftesgrafen.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Content negotiation, in one place (RFC 9110, 12.5.1): picks the offered media type the client's {@code Accept}
 * header ranks highest; ties go to the server's order of preference. No Accept header, or {@code *}{@code /*},
 * gives the first offer.
 */
public final class Conneg {
  private Conneg() {}

  /** One media range of an Accept header with its quality. */
  record Range(String type, String subtype, double q, int order) {
    boolean matches(String mediaType) {
      String[] parts = mediaType.split("/", 2);
      return (type.equals("*") || type.equals(parts[0])) && (subtype.equals("*") || subtype.equals(parts[1]));
    }

    int specificity() {
      return type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2;
    }
  }

  /** The best of {@code offers} (media types, server preference first), or empty when none is acceptable. */
  public static Optional<String> choose(String accept, List<String> offers) {
    if (accept == null || accept.isBlank()) {
      return offers.stream().findFirst();
    }
    List<Range> ranges = parse(accept);
    String best = null;
    double bestQ = 0;
    for (String offer : offers) {
      double q = quality(ranges, offer);
      if (q > bestQ) {
        best = offer;
        bestQ = q;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The quality the client gives {@code offer}: that of the most specific range that matches it. */
  static double quality(List<Range> ranges, String offer) {
    return ranges.stream().filter(r -> r.matches(offer))
        .max(Comparator.comparingInt(Range::specificity)).map(Range::q).orElse(0.0);
  }

  /** Whether the client asks for HTML before anything else of {@code others} (a browser). */
  public static boolean prefersHtml(String accept, List<String> others) {
    if (accept == null || !accept.contains("text/html")) {
      return false;
    }
    List<Range> ranges = parse(accept);
    double html = quality(ranges, "text/html");
    return others.stream().noneMatch(o -> {
      double q = quality(ranges, o);
      return q > html || q == html && ranges.stream().anyMatch(r -> r.specificity() == 2 && r.matches(o));
    });
  }

  static List<Range> parse(String accept) {
    List<Range> ranges = new ArrayList<>();
    String[] items = accept.split(",");
    for (int i = 0; i < items.length; i++) {
      String[] params = items[i].trim().split(";", -1); // ";" alone gives one empty type, not none
      String[] type = params[0].trim().toLowerCase(Locale.ROOT).split("/", 2);
      if (type.length != 2 || type[0].isEmpty() || type[1].isEmpty()) {
        continue;
      }
      double q = 1;
      for (int p = 1; p < params.length; p++) {
        String[] kv = params[p].trim().split("=", 2);
        if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("q")) {
          try {
            q = Math.max(0, Math.min(1, Double.parseDouble(kv[1].trim())));
          } catch (NumberFormatException e) {
            q = 0; // a malformed quality counts as "not acceptable" (RFC 9110 12.4.2 allows only 0..1)
          }
        }
      }
      ranges.add(new Range(type[0], type[1], q, i));
    }
    return ranges;
  }
}
