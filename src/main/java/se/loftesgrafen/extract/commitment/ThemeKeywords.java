package se.loftesgrafen.extract.commitment;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import se.loftesgrafen.extract.ExtractionRules;
import se.loftesgrafen.extract.ThemeLexicon;

/**
 * Maps the annotators' free focus-area keywords ("narkotika", "krogmiljö", "synlighet/närvaro") to theme ids
 * through the vocabulary's own labels: a keyword that is a theme's notation, preferred or alternative Swedish label
 * (vocab/teman.ttl) names that theme, reported as its top concept as the extractor reports it. A keyword written
 * as alternatives ("synlighet/närvaro") names what its parts name. A keyword that is a label of several concepts
 * ("belysning": unsafe places and physical measures) names the one the rules' {@code theme_keyword_senses} give.
 * Keywords that name nothing are unknown: neither training nor scoring uses them (as {@code eval/score.py}).
 */
final class ThemeKeywords {
  private final Map<String, Set<String>> byLabel = new HashMap<>();
  private final Map<String, String> senses;

  ThemeKeywords(ThemeLexicon lexicon, Map<String, String> senses) {
    this.senses = Map.copyOf(senses);
    Map<String, String> broader = new HashMap<>();
    lexicon.themes().forEach(t -> t.broader().ifPresent(b -> broader.put(t.id(), b)));
    for (ThemeLexicon.Theme t : lexicon.themes()) {
      String top = t.id();
      for (int depth = 0; broader.containsKey(top) && depth < 10; depth++) {
        top = broader.get(top);
      }
      add(t.id(), top);
      add(t.prefLabel(), top);
      for (String alt : t.altLabels()) {
        add(alt, top);
      }
    }
  }

  ThemeKeywords(ThemeLexicon lexicon, ExtractionRules rules) {
    this(lexicon, senses(rules.stringLists("theme_keyword_senses")));
  }

  private static Map<String, String> senses(Map<String, List<String>> lists) {
    Map<String, String> out = new HashMap<>();
    lists.forEach((k, v) -> {
      if (v.size() != 1) {
        throw new IllegalArgumentException("theme_keyword_senses: " + k + " needs exactly one theme id, got " + v);
      }
      out.put(k.toLowerCase(Locale.ROOT), v.get(0));
    });
    return out;
  }

  private void add(String label, String id) {
    byLabel.computeIfAbsent(label.strip().toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>()).add(id);
  }

  /** The theme ids the keywords name, in order; unknown keywords add nothing. */
  Set<String> themes(List<String> keywords) {
    Set<String> out = new LinkedHashSet<>();
    for (String k : keywords) {
      out.addAll(themes(k));
    }
    return out;
  }

  /** The theme ids one keyword names: empty when it is unknown. */
  Set<String> themes(String keyword) {
    String k = keyword.strip().toLowerCase(Locale.ROOT);
    if (senses.containsKey(k)) {
      return Set.of(senses.get(k));
    }
    Set<String> ids = byLabel.get(k);
    if (ids != null) {
      return ids;
    }
    if (k.contains("/")) {
      Set<String> out = new LinkedHashSet<>();
      for (String part : k.split("/")) {
        if (!part.isBlank()) {
          out.addAll(themes(part));
        }
      }
      return out;
    }
    return Set.of();
  }
}
