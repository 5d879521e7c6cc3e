package se.loftesgrafen.graph.compare;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which municipalities a page belongs to, from the configured sources files (a source's URL and its public
 * original URL, with the SCB codes it lists): with the pages the store holds snapshots of, this says whose sources
 * were tried and when, also where no promise came out. A page that never got a snapshot (a failed fetch) is not
 * known here, so such a municipality counts as not harvested.
 */
public final class TriedSources {
  private final Map<String, Set<String>> codesByUrl;

  /** @param codesByUrl page URL → SCB codes of the municipalities its source lists */
  public TriedSources(Map<String, Set<String>> codesByUrl) {
    Map<String, Set<String>> copy = new HashMap<>();
    codesByUrl.forEach((url, codes) -> copy.put(url, Set.copyOf(codes)));
    this.codesByUrl = Map.copyOf(copy);
  }

  public static TriedSources none() {
    return new TriedSources(Map.of());
  }

  /**
   * When each municipality's pages were last tried, from the store's pages (URL → last fetch time, ISO) and the
   * municipalities of the promises found on them ({@code promisePages}: URL → codes).
   */
  public Map<String, String> lastTried(Map<String, String> triedPages, Map<String, Set<String>> promisePages) {
    Map<String, String> out = new HashMap<>();
    triedPages.forEach((url, when) -> {
      codesByUrl.getOrDefault(url, Set.of()).forEach(code -> latest(out, code, when));
      promisePages.getOrDefault(url, Set.of()).forEach(code -> latest(out, code, when));
    });
    return out;
  }

  private static void latest(Map<String, String> out, String code, String when) {
    out.merge(code, when, (a, b) -> a.compareTo(b) >= 0 ? a : b);
  }

  /** The last-tried time of one municipality, when known and not blank. */
  static Optional<String> of(Map<String, String> lastTried, String code) {
    return Optional.ofNullable(lastTried.get(code)).filter(s -> !s.isEmpty());
  }

  List<String> urls() {
    return List.copyOf(codesByUrl.keySet());
  }
}
