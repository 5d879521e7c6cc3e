package se.loftesgrafen.graph.compare;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds a municipality of the register from what a person types: its SCB code ("1492"), its name in any case,
 * with or without accents, spaces, hyphens or "kommun" ("amal", "Dals Ed", "Åmåls kommun"). An exact name wins
 * over a folded one (Habo and Håbo both exist: "habo" is Habo, "håbo" Håbo); a folded form that fits several gives
 * them all. When nothing fits, the close names (edit distance on the folded forms, or a common start) are offered.
 */
public final class MunicipalityLookup {
  private static final int MAX_CLOSE = 5;
  private final List<Comparison.Municipality> all;

  /** What a lookup found: one match, several (ambiguous), or none with the names closest to it. */
  public record Result(String query, List<Comparison.Municipality> matches, List<Comparison.Municipality> close) {
    public Result {
      matches = List.copyOf(matches);
      close = List.copyOf(close);
    }

    public Optional<Comparison.Municipality> unique() {
      return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }
  }

  public MunicipalityLookup(List<Comparison.Municipality> all) {
    this.all = List.copyOf(all);
  }

  public Result find(String typed) {
    String query = typed == null ? "" : typed.strip().replaceAll("\\s+", " ");
    if (query.isEmpty()) {
      return new Result(query, List.of(), List.of());
    }
    if (query.matches("\\d{4}")) {
      List<Comparison.Municipality> byCode = all.stream().filter(m -> m.code().equals(query)).toList();
      if (!byCode.isEmpty()) {
        return new Result(query, byCode, List.of());
      }
    }
    String name = withoutKommun(query);
    List<Comparison.Municipality> exact = all.stream()
        .filter(m -> m.name().equalsIgnoreCase(name) || m.name().equalsIgnoreCase(query)).toList();
    if (!exact.isEmpty()) {
      return new Result(query, exact, List.of());
    }
    String folded = fold(name);
    List<Comparison.Municipality> matches = all.stream().filter(m -> fold(m.name()).equals(folded)).toList();
    if (matches.isEmpty() && folded.endsWith("s")) { // "Åmåls kommun": the genitive of the name
      String stem = folded.substring(0, folded.length() - 1);
      matches = all.stream().filter(m -> fold(m.name()).equals(stem)).toList();
    }
    return new Result(query, matches, matches.isEmpty() ? close(folded) : List.of());
  }

  /** Lower case, no accents (å ä ö é → a a o e), no spaces, hyphens or other punctuation. */
  static String fold(String s) {
    String lower = s.toLowerCase(new Locale("sv", "SE"));
    return Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^\\p{L}\\p{N}]", "");
  }

  private static String withoutKommun(String query) {
    return query.replaceFirst("(?i)\\s+kommun$", "");
  }

  private List<Comparison.Municipality> close(String folded) {
    int allowed = Math.max(2, folded.length() / 3);
    record Scored(Comparison.Municipality m, int distance) {
    }
    List<Scored> scored = new ArrayList<>();
    for (Comparison.Municipality m : all) {
      String name = fold(m.name());
      int d = name.startsWith(folded) && folded.length() >= 3 ? 0 : distance(folded, name);
      if (d <= allowed) {
        scored.add(new Scored(m, d));
      }
    }
    return scored.stream().sorted(Comparator.comparingInt(Scored::distance).thenComparing(s -> s.m().name()))
        .limit(MAX_CLOSE).map(Scored::m).toList();
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
