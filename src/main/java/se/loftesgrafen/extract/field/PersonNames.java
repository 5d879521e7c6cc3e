package se.loftesgrafen.extract.field;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.ExtractionRules;

/**
 * People's names and signing titles in a line: "Anna Andersson (S), kommunstyrelsens ordförande", "/Lars Ek",
 * "Carl von Essen", "MARIA LIND", "Kommunstyrelsens ordförande Maria Lind", the titles of two columns side by side.
 * Capitalised words that are no names (rules: not_name_words) and titles (rules: signatory_roles) are data.
 */
final class PersonNames {
  static final String NAME_WORD = "\\p{Lu}[\\p{Ll}]+(?:-\\p{Lu}[\\p{Ll}]+)?";
  /** Nobiliary and foreign particles inside a name ("Carl von Essen", "Johan af Klint", "Anna de Wit"). */
  private static final String PARTICLE = "(?:von|af|de|van|der|di|da|du)";
  static final Pattern NAME = Pattern.compile(NAME_WORD + "(?:\\s+(?:" + PARTICLE + "\\s+)?" + NAME_WORD + "){1,3}");
  private static final Pattern PARTICLE_WORD = Pattern.compile(PARTICLE);
  /** A name in capitals on a signature line ("MARIA LIND"): read as "Maria Lind". */
  private static final Pattern CAPITALS_NAME = Pattern.compile("\\p{Lu}{2,}(?:-\\p{Lu}{2,})?(?:\\s+\\p{Lu}{2,}(?:-\\p{Lu}{2,})?){1,3}");
  static final Pattern PARTY = Pattern.compile("^\\s*\\(([A-ZÅÄÖ]{1,3}|[A-Z][a-z]{1,2})\\)");

  private final List<Pattern> roles;
  private final List<Pattern> notName;

  PersonNames(ExtractionRules rules) {
    this.roles = rules.patterns("signatory_roles");
    this.notName = rules.combined("not_name_words");
  }

  /** A person's name as found: the name, the text after it on its line, and whether it began with "/". */
  record NameLine(String name, Optional<String> party, String rest, boolean slash) {}

  /** A line that starts with a person's name ("/Anna Andersson (S), kommunstyrelsens ordförande"). */
  Optional<NameLine> nameLine(String line) {
    String s = line.strip();
    boolean slash = s.startsWith("/");
    if (slash) {
      s = s.substring(1).strip();
    }
    Matcher caps = CAPITALS_NAME.matcher(s);
    if (caps.matches()) {
      s = titleCase(s);
    }
    Matcher m = NAME.matcher(s);
    if (s.length() > 100 || !m.lookingAt()) {
      return Optional.empty();
    }
    // "Lars Ek Lokalpolisområdeschef": the name ends where a title word begins
    String[] words = m.group().split("\\s+");
    String candidate = null;
    for (int k = words.length; k >= 2 && candidate == null; k--) {
      String prefix = String.join(" ", Arrays.copyOf(words, k));
      if (cleanName(prefix).filter(prefix::equals).isPresent()) {
        candidate = prefix;
      }
    }
    if (candidate == null) {
      return Optional.empty();
    }
    String rest = s.substring(candidate.length());
    Optional<String> party = Optional.empty();
    Matcher p = PARTY.matcher(rest);
    if (p.find()) {
      party = Optional.of(p.group(1));
      rest = rest.substring(p.end());
    }
    rest = rest.replaceFirst("^[\\s,–—/-]+", "").replaceFirst("[\\s/]+$", "").strip();
    return Optional.of(new NameLine(candidate, party, rest, slash));
  }

  /**
   * A line that starts with a signing title and ends with the name ("Kommunstyrelsens ordförande Maria Lind (S)",
   * "Lokalpolisområdeschef Johan Ek"). A title that names a police area ("Chef för lokalpolisområde Ljusdal Johan
   * Ek") is left alone: where the area ends and the name begins is not known.
   */
  Optional<NameLine> titledNameLine(String line) {
    String s = line.strip();
    if (s.length() > 100) {
      return Optional.empty();
    }
    for (Pattern p : roles) {
      Matcher r = p.matcher(s);
      if (!r.lookingAt() || r.group().toLowerCase(Locale.ROOT).endsWith("område")) {
        continue;
      }
      String rest = s.substring(r.end()).replaceFirst("^[\\s,:–-]+", "");
      Matcher m = NAME.matcher(rest);
      if (m.lookingAt() && m.group().split("\\s+").length <= 3) {
        Optional<String> name = cleanName(m.group()).filter(m.group()::equals);
        Matcher party = PARTY.matcher(rest.substring(m.end()));
        boolean whole = rest.substring(m.end()).isBlank() || party.lookingAt()
            && rest.substring(m.end() + party.end()).isBlank();
        if (name.isPresent() && whole) {
          return Optional.of(new NameLine(name.get(), rest.substring(m.end()).isBlank() ? Optional.empty()
              : Optional.of(party.group(1)), s.substring(0, r.end()), false));
        }
      }
    }
    return Optional.empty();
  }

  /** "MARIA LIND-BERG" → "Maria Lind-Berg". */
  private static String titleCase(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean start = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(start ? c : Character.toLowerCase(c));
      start = !Character.isLetter(c);
    }
    return out.toString();
  }

  boolean isRole(String s) {
    return s.length() <= 80 && ExtractionRules.any(roles, s);
  }

  /**
   * The signing roles a line names side by side, each with the words up to the next one: "Kommunstyrelsens
   * ordförande Lokalpolisområdeschef" gives both titles, in column order.
   */
  List<String> roleColumns(String s) {
    List<int[]> spans = new ArrayList<>();
    for (Pattern p : roles) {
      Matcher m = p.matcher(s);
      while (m.find()) {
        spans.add(new int[] {m.start(), m.end()});
      }
    }
    spans.sort((x, y) -> Integer.compare(x[0], y[0]));
    List<Integer> starts = new ArrayList<>();
    int lastEnd = -1;
    for (int[] x : spans) {
      if (lastEnd < 0 || x[0] >= lastEnd && s.substring(lastEnd, x[0]).isBlank()) {
        starts.add(starts.isEmpty() ? 0 : x[0]);
      }
      lastEnd = Math.max(lastEnd, x[1]);
    }
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      columns.add(s.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : s.length()).strip());
    }
    return columns;
  }

  /** The title right before a name ("kommunstyrelsens ordförande Lena Holm"), at most two words away. */
  Optional<String> roleBefore(String before) {
    String best = null;
    int bestEnd = -1;
    int bestStart = Integer.MAX_VALUE;
    for (Pattern p : roles) {
      Matcher m = p.matcher(before);
      while (m.find()) {
        // the nearest title, and of two that end together the longer ("kommunstyrelsens ordförande", not "ordförande")
        boolean better = m.end() > bestEnd || m.end() == bestEnd && m.start() < bestStart;
        if (better && before.substring(m.end()).strip().split("\\s+").length <= 2) {
          bestEnd = m.end();
          bestStart = m.start();
          best = m.group();
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /** Drops leading words that are not names ("Kommunchef Ralf Hedin" → "Ralf Hedin"); empty if fewer than two remain. */
  Optional<String> cleanName(String candidate) {
    String[] words = candidate.split("\\s+");
    int from = 0;
    while (from < words.length && ExtractionRules.any(notName, words[from])) {
      from++;
    }
    for (int i = from; i < words.length; i++) {
      boolean particle = i > from && PARTICLE_WORD.matcher(words[i]).matches();
      if (!particle && ExtractionRules.any(notName, words[i])) {
        return Optional.empty();
      }
    }
    if (words.length - from < 2 || PARTICLE_WORD.matcher(words[words.length - 1]).matches()) {
      return Optional.empty();
    }
    return Optional.of(String.join(" ", Arrays.copyOfRange(words, from, words.length)));
  }
}
