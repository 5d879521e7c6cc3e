package se.loftesgrafen.extract;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Assigns theme ids to a commitment text through the Swedish labels of the lexicon. Labels match at the start of
 * a word and take Swedish inflections and compounds: a label of five or more letters is stemmed (final -ar, -er,
 * -or, -na, -a, -e dropped) and matches any word beginning with the stem ("föräldrar" finds "föräldrainriktade",
 * "skola" finds "skolmiljö"); shorter labels, and the labels listed in the rules as exact, only take endings.
 */
final class ThemeClassifier {
  private static final String ENDINGS = "(?:en|et|er|na|n|s|ns|ens|ets|erna|ernas|a)?";
  private static final Pattern STEM_END = Pattern.compile("(ar|er|or|na|a|e)$");
  private static final String WORD = "[\\p{L}\\d-]";

  private record Rule(String id, Pattern pattern) {}

  private final List<Rule> rules = new ArrayList<>();

  private final List<Pattern> ignorePhrases;
  private final java.util.Map<String, List<String>> implies;

  ThemeClassifier(ThemeLexicon lexicon, ExtractionRules rules) {
    this(lexicon, rules.strings("theme_exact_labels"), rules.strings("theme_prefix_labels"),
        rules.stringLists("theme_ignored_labels"), rules.patterns("theme_ignore_phrases"),
        rules.stringLists("theme_implies"));
    List<String> suffixes = rules.strings("theme_suffix_labels");
    for (int i = 0; i < this.rules.size(); i++) {
      Rule r = this.rules.get(i);
      List<String> own = new ArrayList<>();
      for (ThemeLexicon.Theme t : lexicon.themes()) {
        if (t.id().equals(r.id())) {
          List<String> labels = new ArrayList<>(t.altLabels());
          labels.add(t.prefLabel());
          for (String l : labels) {
            if (suffixes.contains(l.toLowerCase(Locale.ROOT))) {
              own.add(WORD + "+" + Pattern.quote(l.toLowerCase(Locale.ROOT)) + ENDINGS + "(?!" + WORD + ")");
            }
          }
        }
      }
      if (!own.isEmpty()) {
        String regex = r.pattern().pattern() + "|(?<!" + WORD + ")(?:" + String.join("|", own) + ")";
        this.rules.set(i, new Rule(r.id(), Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
      }
    }
  }

  ThemeClassifier(ThemeLexicon lexicon, List<String> exactLabels, List<String> prefixLabels,
                  java.util.Map<String, List<String>> ignoredLabels, List<Pattern> ignorePhrases,
                  java.util.Map<String, List<String>> implies) {
    this.ignorePhrases = ignorePhrases;
    this.implies = implies;
    Set<String> exact = new LinkedHashSet<>();
    exactLabels.forEach(l -> exact.add(l.toLowerCase(Locale.ROOT)));
    Set<String> prefix = new LinkedHashSet<>();
    prefixLabels.forEach(l -> prefix.add(l.toLowerCase(Locale.ROOT)));
    for (ThemeLexicon.Theme t : lexicon.themes()) {
      List<String> alternatives = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      List<String> labels = new ArrayList<>(t.altLabels());
      labels.add(t.prefLabel());
      for (String label : labels) {
        String l = label.toLowerCase(Locale.ROOT).strip();
        boolean ignored = ignoredLabels.getOrDefault(t.id(), List.of()).contains(l);
        if (!l.isEmpty() && !ignored && seen.add(l)) {
          alternatives.add(prefix.contains(l) ? Pattern.quote(l) + WORD + "*" : labelRegex(l, exact.contains(l)));
        }
      }
      if (!alternatives.isEmpty()) {
        String regex = "(?<!" + WORD + ")(?:" + String.join("|", alternatives) + ")";
        rules.add(new Rule(t.id(), Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)));
      }
    }
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

  List<String> classify(String text) {
    String t = text;
    for (Pattern p : ignorePhrases) {
      t = p.matcher(t).replaceAll(" ");
    }
    Set<String> out = new LinkedHashSet<>();
    for (Rule r : rules) {
      if (r.pattern().matcher(t).find()) {
        out.add(r.id());
      }
    }
    for (String id : List.copyOf(out)) {
      out.addAll(implies.getOrDefault(id, List.of()));
    }
    return List.copyOf(out);
  }
}
