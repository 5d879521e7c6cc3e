package se.loftesgrafen.extract.field;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.ExtractedPromise.MunicipalityRef;
import se.loftesgrafen.extract.ExtractionRules;
import se.loftesgrafen.extract.read.Block;
import se.loftesgrafen.extract.read.MainText;
import se.loftesgrafen.reference.Municipality;
import se.loftesgrafen.reference.MunicipalityRegister;

/**
 * Which municipalities a promise covers. Strong evidence: "Xs kommun" / "X kommun" / "Xs stad", a list after
 * "kommunerna", the name in the page title or first heading ("Kungsör – medborgarlöften"), the site's domain
 * or a polisen.se URL slug. Without strong evidence, the name mentioned most ("i Åmål", "Karlstadsborna") or the
 * domain of a contact e-mail, or else the city whose districts it names. Names after "lokalpolisområde" are police
 * areas, not municipalities.
 */
public final class MunicipalityFinder {
  private static final Pattern WORD = Pattern.compile("\\p{Lu}[\\p{L}]*(?:-\\p{L}+)*");
  private static final Pattern CONTEXT_AFTER = Pattern.compile("^\\s+(kommun|kommuns|stad|stads|kommuner|kommunerna)\\b"
      + "|^s?(?:\\s*,\\s*\\p{Lu}[\\p{L}-]*)*\\s+(?:och|samt)\\s+\\p{Lu}[\\p{L}-]*?s?\\s+(?:kommuner|kommunerna|kommuners)\\b",
      Pattern.UNICODE_CHARACTER_CLASS);
  /** "kommunerna Ljusdal och Bollnäs", also opening a sentence ("Kommunerna Ljusdal och ..."). */
  private static final Pattern LIST_BEFORE = Pattern.compile("\\bkommunerna\\b[^.:;]{0,80}$",
      Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** A capitalised word (not opening a sentence) right before: "Ulla Berg", "Anna Mora". */
  private static final Pattern AFTER_NAME = Pattern.compile("[\\p{L},]\\s+\\p{Lu}\\p{Ll}+\\s+$");
  private static final Pattern EMAIL_DOMAIN = Pattern.compile("@([a-z0-9.-]+\\.se)\\b", Pattern.CASE_INSENSITIVE);

  private final MunicipalityRegister register;
  private final Set<String> needContext = new HashSet<>();
  private final List<Pattern> notAfter;
  private final List<Pattern> notInListAfter;
  private final int minMentions;
  private final int minShare;
  /** City districts (rules: municipality_districts), the last resort of a page that names no municipality. */
  private final Map<Municipality, Pattern> districts = new LinkedHashMap<>();

  /** A finder over the municipalities of the register, with the place rules of extract/rules.yaml. */
  public MunicipalityFinder(MunicipalityRegister register, ExtractionRules rules) {
    this.register = register;
    rules.strings("municipality_need_context").forEach(n -> needContext.add(n.toLowerCase(java.util.Locale.ROOT)));
    this.notAfter = rules.patterns("municipality_not_after");
    this.notInListAfter = rules.patterns("municipality_not_in_list_after");
    Map<String, Integer> also = rules.intMap("municipality_also_covered");
    this.minMentions = also.getOrDefault("min_mentions", Integer.MAX_VALUE);
    this.minShare = also.getOrDefault("min_share", 100);
    rules.namedCombined("municipality_districts").forEach((city, p) -> districts.put(register.byName(city)
        .orElseThrow(() -> new IllegalStateException("broken rule municipality_districts: no municipality " + city)),
        p.get(0)));
  }

  private static final class Score {
    final Municipality m;
    final int first;
    int strong;
    int weak;
    /** Weak mentions right after a capitalised word: a surname ("Ulla Berg") rather than the municipality. */
    int afterName;

    Score(Municipality m, int first) {
      this.m = m;
      this.first = first;
    }
  }

  /** The municipalities the page is about (by text, title, headings, address), in the order it first names them. */
  public List<MunicipalityRef> find(MainText main, String text, URI uri) {
    Map<String, Score> scores = new LinkedHashMap<>();
    scan(text, scores, 0, false);
    main.title().ifPresent(t -> {
      for (Score s : scan(t, scores, Integer.MAX_VALUE / 2, true)) {
        s.strong++;
      }
    });
    headingMentions(main, scores);
    fromUri(uri, scores);
    List<Score> strong = scores.values().stream().filter(s -> s.strong > 0).toList();
    List<Score> chosen = new ArrayList<>(strong);
    alsoCovered(scores, chosen);
    if (chosen.isEmpty()) {
      Matcher e = EMAIL_DOMAIN.matcher(text);
      while (e.find() && chosen.isEmpty()) {
        register.byDomain(e.group(1)).ifPresent(m -> chosen.add(new Score(m, 0)));
      }
    }
    if (chosen.isEmpty()) {
      scores.values().stream().filter(s -> s.weak > 0)
          .max((a, b) -> a.weak != b.weak ? Integer.compare(a.weak, b.weak) : Integer.compare(b.first, a.first))
          .ifPresent(chosen::add);
    }
    if (chosen.isEmpty()) {
      byDistrict(text).ifPresent(m -> chosen.add(new Score(m, 0)));
    }
    return chosen.stream().sorted((a, b) -> Integer.compare(a.first, b.first))
        .map(s -> new MunicipalityRef(s.m.code(), s.m.name())).toList();
  }

  /**
   * A page about several municipalities names one with "kommun" and the other only by name, but as often ("i
   * Vaggeryd", "från Vaggeryd och Värnamo"): a municipality mentioned nearly as often as the best-evidenced one is
   * covered too. Police-area mentions do not count (municipality_not_after).
   */
  private void alsoCovered(Map<String, Score> scores, List<Score> chosen) {
    int top = chosen.stream().mapToInt(s -> s.strong + s.weak).max().orElse(0);
    for (Score s : scores.values()) {
      int mentions = s.weak - s.afterName;
      if (s.strong == 0 && mentions >= minMentions && mentions * 100 >= top * minShare && !chosen.isEmpty()) {
        chosen.add(s);
      }
    }
  }

  /** The city whose districts the text names most ("Biskopsgården", "Västra Hisingen" are Göteborg). */
  private Optional<Municipality> byDistrict(String text) {
    Municipality best = null;
    long bestCount = 0;
    for (Map.Entry<Municipality, Pattern> d : districts.entrySet()) {
      long count = d.getValue().matcher(text).results().count();
      if (count > bestCount) {
        best = d.getKey();
        bestCount = count;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Mentions in the first heading (polisen.se: "Kungsör – medborgarlöften") are strong. */
  private void headingMentions(MainText main, Map<String, Score> scores) {
    for (Block b : main.blocks()) {
      if (b.isHeading() && b.text().toLowerCase(java.util.Locale.ROOT).contains("medborgarlöfte")) {
        for (Score s : scan(b.text(), scores, b.start(), true)) {
          s.strong++;
          s.weak = Math.max(0, s.weak - 1);
        }
        return;
      }
    }
  }

  private void fromUri(URI uri, Map<String, Score> scores) {
    List<Municipality> found = new ArrayList<>();
    register.byUri(uri).ifPresent(found::add);
    if ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) {
      String path = Optional.ofNullable(uri.getPath()).orElse("");
      for (String seg : path.split("/")) {
        register.bySlug(seg).ifPresent(found::add);
      }
    }
    for (Municipality m : found) {
      scores.computeIfAbsent(m.code(), c -> new Score(m, Integer.MAX_VALUE)).strong++;
    }
  }

  /**
   * Counts the mentions in a text; returns the municipalities mentioned. In a title or the promise's heading
   * ({@code titled}) a name that is also a common word ("Medborgarlöfte Ale 2024") needs no "kommun" beside it.
   */
  private List<Score> scan(String text, Map<String, Score> scores, int offset, boolean titled) {
    List<Score> seen = new ArrayList<>();
    Matcher w = WORD.matcher(text);
    int from = 0;
    while (w.find(from)) {
      from = w.end();
      Match hit = lookup(text, w);
      if (hit == null) {
        continue;
      }
      from = hit.end;
      String before = text.substring(Math.max(0, w.start() - 60), w.start());
      if (ExtractionRules.any(notAfter, before)) {
        continue;
      }
      boolean context = CONTEXT_AFTER.matcher(text.substring(hit.end, Math.min(text.length(), hit.end + 80))).find()
          || LIST_BEFORE.matcher(text.substring(Math.max(0, w.start() - 120), w.start())).find();
      // "Lokalpolisområde Boden och Bodens kommun": the police area's list ends where "kommun" names the municipality
      if (!context && ExtractionRules.any(notInListAfter, before)
          || !context && !titled && needContext.contains(hit.m.name().toLowerCase(java.util.Locale.ROOT))) {
        continue;
      }
      Score s = scores.computeIfAbsent(hit.m.code(), c -> new Score(hit.m, offset + w.start()));
      if (context) {
        s.strong++;
      } else {
        s.weak++;
        s.afterName += AFTER_NAME.matcher(before).find() ? 1 : 0;
      }
      seen.add(s);
    }
    return seen;
  }

  private record Match(Municipality m, int end) {}

  /** The longest name starting at this word: "Upplands Väsby" before "Upplands". */
  private Match lookup(String text, Matcher w) {
    int words = register.longestNameWords();
    int end = w.end();
    List<Integer> ends = new ArrayList<>();
    ends.add(end);
    for (int i = 1; i < words; i++) {
      if (end + 1 >= text.length() || text.charAt(end) != ' ') {
        break;
      }
      Matcher next = WORD.matcher(text).region(end + 1, text.length());
      if (!next.lookingAt()) {
        break;
      }
      end = next.end();
      ends.add(end);
    }
    for (int i = ends.size() - 1; i >= 0; i--) {
      Optional<Municipality> m = register.byName(text.substring(w.start(), ends.get(i)));
      if (m.isPresent()) {
        return new Match(m.get(), ends.get(i));
      }
    }
    return null;
  }
}
