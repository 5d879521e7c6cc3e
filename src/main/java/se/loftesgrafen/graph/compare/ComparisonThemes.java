package se.loftesgrafen.graph.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The theme concepts as read from the store, with their broader/narrower links, and profile overlap measures. */
public final class ComparisonThemes {
  private final Map<String, Comparison.Theme> byIri = new LinkedHashMap<>();
  private final Map<String, Comparison.Theme> byId = new LinkedHashMap<>();
  private final Map<String, List<String>> narrower = new HashMap<>();

  ComparisonThemes(List<Comparison.Theme> themes) {
    for (Comparison.Theme t : themes) {
      byIri.put(t.iri(), t);
      byId.put(t.id(), t);
      t.broader().ifPresent(b -> narrower.computeIfAbsent(b, x -> new ArrayList<>()).add(t.iri()));
    }
  }

  public List<Comparison.Theme> all() {
    return List.copyOf(byIri.values());
  }

  public Optional<Comparison.Theme> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  public Optional<Comparison.Theme> byIri(String iri) {
    return Optional.ofNullable(byIri.get(iri));
  }

  /** The notation of a theme IRI; the IRI's last segment when the concept is unknown. */
  public String id(String iri) {
    Comparison.Theme t = byIri.get(iri);
    return t != null ? t.id() : ComparisonSparql.lastSegment(iri);
  }

  public Set<String> schemes() {
    Set<String> out = new LinkedHashSet<>();
    byIri.values().forEach(t -> out.add(t.scheme()));
    return out;
  }

  /** The concept and all concepts below it (skos:broader, transitively). */
  public Set<String> withNarrower(String iri) {
    Set<String> out = new LinkedHashSet<>();
    List<String> todo = new ArrayList<>(List.of(iri));
    while (!todo.isEmpty()) {
      String next = todo.remove(todo.size() - 1);
      if (out.add(next)) {
        todo.addAll(narrower.getOrDefault(next, List.of()));
      }
    }
    return out;
  }

  /** The concepts and all concepts above them: a commitment tagged "langning" counts for "alkohol" too. */
  public Set<String> withBroader(Set<String> iris) {
    Set<String> out = new LinkedHashSet<>();
    for (String iri : iris) {
      String next = iri;
      while (next != null && out.add(next)) {
        Comparison.Theme t = byIri.get(next);
        next = t == null ? null : t.broader().orElse(null);
      }
    }
    return out;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return 0;
    }
    long shared = a.stream().filter(b::contains).count();
    return (double) shared / (a.size() + b.size() - shared);
  }

  static double cosine(Map<String, Integer> a, Map<String, Integer> b) {
    double dot = 0;
    for (Map.Entry<String, Integer> e : a.entrySet()) {
      dot += e.getValue() * (double) b.getOrDefault(e.getKey(), 0);
    }
    double na = Math.sqrt(a.values().stream().mapToDouble(v -> v * (double) v).sum());
    double nb = Math.sqrt(b.values().stream().mapToDouble(v -> v * (double) v).sum());
    return na == 0 || nb == 0 ? 0 : dot / (na * nb);
  }
}
