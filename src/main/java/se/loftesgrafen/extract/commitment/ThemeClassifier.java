package se.loftesgrafen.extract.commitment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.ExtractionRules;
import se.loftesgrafen.extract.ThemeLexicon;

/**
 * Assigns theme ids to a commitment text through the Swedish labels of the lexicon. Labels match at the start of
 * a word and take Swedish inflections and compounds: a label of five or more letters is stemmed (final -ar, -er,
 * -or, -na, -a, -e dropped) and matches any word beginning with the stem ("föräldrar" finds "föräldrainriktade",
 * "skola" finds "skolmiljö"); shorter labels, and the labels listed in the rules as exact, only take endings.
 * Rules (extract/rules.yaml) add labels that begin compounds though short, labels that end compounds
 * ("Sävastskolan"), labels to ignore as too broad, phrases to ignore, and themes that imply others.
 * Each label's pattern runs only when the text contains its stem, which keeps classification cheap.
 */
public final class ThemeClassifier {
  private static final String ENDINGS = "(?:en|et|er|na|n|s|ns|ens|ets|erna|ernas|a)?";
  private static final Pattern STEM_END = Pattern.compile("(ar|er|or|na|a|e)$");
  private static final String WORD = "[\\p{L}\\d-]";
  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /**
   * One label: its text, the lower-case start that a word of the text must have (or, for a compound-final label,
   * contain), and the pattern that decides.
   */
  private record Label(String id, String label, String needle, Pattern pattern, boolean suffix) {}

  private record Rule(String id, List<Label> labels) {}

  private final List<Rule> rules = new ArrayList<>();
  /** Word-initial labels by the first (up to) four letters of their needle: a text's words look them up. */
  private final Map<String, List<Label>> byStart = new java.util.HashMap<>();
  private final List<Label> suffixLabels = new ArrayList<>();
  private final List<Pattern> ignorePhrases;
  private final Map<String, List<String>> implies;
  /** Narrower concepts report their top concept: the JSON and the graph use the ids of teman.csv. */
  private final Map<String, String> reported = new java.util.HashMap<>();

  /** A classifier over the lexicon's labels with the theme rules of extract/rules.yaml. */
  public ThemeClassifier(ThemeLexicon lexicon, ExtractionRules rules) {
    this(lexicon, rules.strings("theme_exact_labels"), rules.strings("theme_prefix_labels"),
        rules.strings("theme_suffix_labels"), rules.stringLists("theme_ignored_labels"),
        rules.patterns("theme_ignore_phrases"), rules.stringLists("theme_implies"));
  }

  ThemeClassifier(ThemeLexicon lexicon, List<String> exactLabels, List<String> prefixLabels, List<String> suffixLabels,
                  Map<String, List<String>> ignoredLabels, List<Pattern> ignorePhrases,
                  Map<String, List<String>> implies) {
    this.ignorePhrases = ignorePhrases;
    this.implies = implies;
    Map<String, String> broader = new java.util.HashMap<>();
    lexicon.themes().forEach(t -> t.broader().ifPresent(b -> broader.put(t.id(), b)));
    for (ThemeLexicon.Theme t : lexicon.themes()) {
      String top = t.id();
      for (int depth = 0; broader.containsKey(top) && depth < 10; depth++) {
        top = broader.get(top);
      }
      reported.put(t.id(), top);
    }
    Set<String> exact = lower(exactLabels);
    Set<String> prefix = lower(prefixLabels);
    Set<String> suffix = lower(suffixLabels);
    for (ThemeLexicon.Theme t : lexicon.themes()) {
      List<Label> labels = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      List<String> all = new ArrayList<>(t.altLabels());
      all.add(t.prefLabel());
      for (String label : all) {
        String l = label.toLowerCase(Locale.ROOT).strip();
        if (l.isEmpty() || ignored(ignoredLabels.getOrDefault(t.id(), List.of()), l) || !seen.add(l)) {
          continue;
        }
        String regex = prefix.contains(l) ? Pattern.quote(l) + WORD + "*" : labelRegex(l, exact.contains(l));
        labels.add(new Label(t.id(), l, needle(l, exact.contains(l) || prefix.contains(l)),
            Pattern.compile("(?<!" + WORD + ")" + regex, FLAGS), false));
        if (suffix.contains(l)) {
          labels.add(new Label(t.id(), l, l,
              Pattern.compile(WORD + "+" + Pattern.quote(l) + ENDINGS + "(?!" + WORD + ")", FLAGS), true));
        }
      }
      if (!labels.isEmpty()) {
        rules.add(new Rule(t.id(), List.copyOf(labels)));
      }
      for (Label l : labels) {
        if (l.suffix()) {
          this.suffixLabels.add(l);
        } else {
          byStart.computeIfAbsent(l.needle().substring(0, Math.min(KEY, l.needle().length())),
              k -> new ArrayList<>()).add(l);
        }
      }
    }
  }

  private static final int KEY = 4;

  private static boolean ignored(List<String> patterns, String label) {
    for (String p : patterns) {
      if (label.matches(p)) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> lower(List<String> values) {
    Set<String> out = new LinkedHashSet<>();
    values.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
    return out;
  }

  /** The part of a label every match contains: its first word, stemmed as the pattern stems it. */
  private static String needle(String label, boolean whole) {
    String first = label.split("\\s+")[0];
    if (whole || first.length() < 5) {
      return first;
    }
    String stem = STEM_END.matcher(first).replaceFirst("");
    return stem.length() >= 4 ? stem : first;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '-';
  }

  static String labelRegex(String label, boolean exact) {
    String[] words = label.split("\\s+");
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < words.length; i++) {
      if (i > 0) {
        out.append("\\s+");
      }
      String w = words[i];
      if (!exact && w.length() >= 5) {
        String stem = STEM_END.matcher(w).replaceFirst("");
        stem = stem.length() >= 4 ? stem : w;
        out.append(Pattern.quote(stem)).append(WORD).append('*');
      } else {
        out.append(Pattern.quote(w)).append(ENDINGS).append("(?!").append(WORD).append(')');
      }
    }
    return out.toString();
  }

  /** Which label gave each theme (for tuning the rules and for tests). */
  Map<String, String> explain(String text) {
    String t = text;
    for (Pattern p : ignorePhrases) {
      t = p.matcher(t).replaceAll(" ");
    }
    String lower = t.toLowerCase(Locale.ROOT);
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (Rule r : rules) {
      for (Label l : r.labels()) {
        if (lower.contains(l.needle()) && l.pattern().matcher(t).find()) {
          out.put(r.id(), l.label());
          break;
        }
      }
    }
    return out;
  }

  /** The keyword themes of a text: the lexicon's hits and the themes they imply (the rules' baseline). */
  List<String> classify(String text) {
    Set<String> out = new LinkedHashSet<>(hits(text));
    for (String id : List.copyOf(out)) {
      out.addAll(implies.getOrDefault(id, List.of()));
    }
    return List.copyOf(out);
  }

  /** The themes that the themes found imply and that were not found themselves (theme_implies in the rules). */
  Set<String> implied(java.util.Collection<String> found) {
    Set<String> out = new LinkedHashSet<>();
    for (String id : found) {
      for (String i : implies.getOrDefault(id, List.of())) {
        if (!found.contains(i)) {
          out.add(i);
        }
      }
    }
    return out;
  }

  /** The themes (teman.csv ids) whose labels the text contains, in the lexicon's order, without implications. */
  List<String> hits(String text) {
    String t = text;
    for (Pattern p : ignorePhrases) {
      t = p.matcher(t).replaceAll(" ");
    }
    String lower = t.toLowerCase(Locale.ROOT);
    Set<String> found = new java.util.HashSet<>();
    Set<Label> tried = new java.util.HashSet<>();
    int i = 0;
    while (i < lower.length()) {
      if (!isWordChar(lower.charAt(i))) {
        i++;
        continue;
      }
      int end = i;
      while (end < lower.length() && isWordChar(lower.charAt(end))) {
        end++;
      }
      for (int k = 1; k <= KEY && i + k <= end; k++) {
        List<Label> candidates = byStart.get(lower.substring(i, i + k));
        if (candidates == null) {
          continue;
        }
        for (Label l : candidates) {
          if (!found.contains(l.id()) && lower.startsWith(l.needle(), i) && tried.add(l)
              && l.pattern().matcher(t).find()) {
            found.add(l.id());
          }
        }
      }
      i = end;
    }
    for (Label l : suffixLabels) {
      if (!found.contains(l.id()) && lower.contains(l.needle()) && l.pattern().matcher(t).find()) {
        found.add(l.id());
      }
    }
    Set<String> out = new LinkedHashSet<>();
    for (Rule r : rules) {
      if (found.contains(r.id())) {
        out.add(reported.getOrDefault(r.id(), r.id()));
      }
    }
    return List.copyOf(out);
  }

  /** The theme ids a classifier may report (teman.csv: the top concepts of the lexicon), sorted. */
  List<String> reportedIds() {
    return new java.util.TreeSet<>(reported.values()).stream().toList();
  }
}
