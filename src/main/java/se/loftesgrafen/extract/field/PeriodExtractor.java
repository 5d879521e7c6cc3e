package se.loftesgrafen.extract.field;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.ExtractedPromise.Period;
import se.loftesgrafen.extract.ExtractionRules;
import se.loftesgrafen.extract.read.TextReader;

/**
 * The period a promise covers, by candidate and rank. Every phrase of a period shape of the rules is a candidate
 * ("1 januari 2023 - 31 december 2024", "2023 till och med 2025", "januari–maj 2017", "fram till halvårsskiftet
 * 2021", "2024 och tills vidare", "2018 års löften gäller även 2019", "under 2021", a bare year). A candidate
 * scores the weight of its shape, the cue words around it in its sentence ("gäller", "medborgarlöftet för",
 * "under" raise it; "publicerad", "undertecknade", "trygghetsmätningen", "sedan" lower it; a cue counts less the
 * further it stands) and a bonus in a heading or the title. So a publication, survey or signing date does not win
 * over the promise's own period, and a page whose only year is a survey's has no period. Pages that list earlier
 * promises too state the current one first; a tie goes to the earlier phrase. A start without end ("med början den
 * 17 november 2016") is completed by an end phrase ("fram till och med den 18 maj 2017"), an end without start by a
 * start phrase, the best other candidate, the publication year, or else the year before an end within a year.
 */
public final class PeriodExtractor {
  /** A promise states its period near the top; lines with years beyond this many are not read (bounded cost). */
  private static final int MAX_LINES = 400;
  /** A sentence up to this long is the period's text ("Medborgarlöfte i Hjo 2024"); a longer one gives its phrase. */
  private static final int TEXT_SENTENCE = 100;
  /** Cues further than this many words from a candidate do not count. */
  private static final int CUE_REACH = 12;
  /** Another mention of the same period adds this much, up to {@link #REPEAT_CAP}. */
  private static final double REPEAT_BONUS = 0.5;
  private static final double REPEAT_CAP = 1.0;
  /** The shape that extends a period ("2018 års löften gäller även 2019"). */
  private static final String EXTENSION = "extension";
  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu})");
  private static final Pattern ABBREVIATION = Pattern.compile("(?:\\b\\p{L}{1,3}\\.){2,}$");
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\d]+");

  private record Shape(String name, Pattern pattern, double weight) {}

  private record Cue(Pattern pattern, double weight) {}

  /** A period phrase found in the text: where, what it says, and how likely it is the promise's period. */
  private record Candidate(int order, String shape, String text, Optional<String> from, Optional<String> to, boolean open,
                           double score, String sentence) {
    boolean startOnly() {
      return from.isPresent() && to.isEmpty() && !open;
    }

    boolean endOnly() {
      return from.isEmpty() && to.isPresent();
    }

    String key() {
      return from.map(f -> f.substring(0, 4)).orElse("?") + "/" + to.map(t -> t.substring(0, 4)).orElse("?");
    }

    Candidate withScore(double s) {
      return new Candidate(order, shape, text, from, to, open, s, sentence);
    }
  }

  private final List<Shape> shapes = new ArrayList<>();
  private final List<Cue> cues = new ArrayList<>();
  private final List<Pattern> openStatement;
  private final PeriodLength length;
  private final Map<String, Integer> months;
  private final double heading;
  private final double titleBonus;
  private final double threshold;

  /** The period rules (phrases, shapes and their weights), compiled once. */
  public PeriodExtractor(ExtractionRules rules) {
    Map<String, Integer> shapeWeights = rules.intMap("period_shape_weights");
    rules.namedPatterns("period_shapes").forEach((name, list) -> list.forEach(p ->
        shapes.add(new Shape(name, p, weight(shapeWeights, "period_shape_weights", name)))));
    Map<String, Integer> cueWeights = rules.intMap("period_cue_weights");
    rules.namedCombined("period_cues").forEach((name, list) ->
        cues.add(new Cue(list.get(0), weight(cueWeights, "period_cue_weights", name))));
    Map<String, Integer> position = rules.intMap("period_position_weights");
    this.heading = weight(position, "period_position_weights", "heading");
    this.titleBonus = weight(position, "period_position_weights", "title");
    this.threshold = weight(rules.intMap("period_threshold"), "period_threshold", "min");
    this.openStatement = rules.combined("period_open");
    this.length = new PeriodLength(rules);
    this.months = rules.intMap("months");
  }

  private static double weight(Map<String, Integer> weights, String section, String name) {
    Integer w = weights.get(name);
    if (w == null) {
      throw new IllegalStateException("broken rule " + section + ": no weight for " + name);
    }
    return w;
  }

  /** The period the promise covers: the best-ranked period phrase of the text and title, if one scores enough. */
  public Optional<Period> extract(String mainText, Optional<String> title, Optional<String> published) {
    boolean openEnded = openStatement.get(0).matcher(mainText).find();
    List<Candidate> all = new ArrayList<>();
    title.ifPresent(t -> candidatesOfLine(t, titleBonus, all));
    String[] lines = linesWithYears(mainText).split("\n");
    for (int i = 0; i < Math.min(lines.length, MAX_LINES); i++) {
      candidatesOfLine(lines[i], TextReader.looksLikeHeading(lines[i]) ? heading : 0, all);
    }
    List<Candidate> ranked = withRepeats(all);
    Optional<Candidate> best = ranked.stream().filter(c -> c.score() >= threshold)
        .max(Comparator.comparingDouble(Candidate::score).thenComparing(Candidate::order, Comparator.reverseOrder()));
    return best.flatMap(b -> complete(b, ranked, published, openEnded))
        .map(p -> length.lasting(p, mainText));
  }

  /** Only lines that hold a year can state a period. */
  static String linesWithYears(String text) {
    StringBuilder out = new StringBuilder();
    int start = 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      if (hasYear(text, start, end)) {
        out.append(text, start, end).append('\n');
      }
      start = end + 1;
    }
    return out.toString();
  }

  private static boolean hasYear(String s, int from, int to) {
    for (int i = from; i + 3 < to; i++) {
      char c = s.charAt(i);
      if ((c == '1' && s.charAt(i + 1) == '9' || c == '2' && s.charAt(i + 1) == '0')
          && Character.isDigit(s.charAt(i + 2)) && Character.isDigit(s.charAt(i + 3))) {
        return true;
      }
    }
    return false;
  }

  private void candidatesOfLine(String line, double bonus, List<Candidate> out) {
    for (String s : sentences(line)) {
      if (!hasYear(s, 0, s.length())) {
        continue;
      }
      List<int[]> spans = new ArrayList<>();
      List<Candidate> found = new ArrayList<>();
      List<List<int[]>> hits = new ArrayList<>();
      for (Shape shape : shapes) {
        Matcher m = shape.pattern().matcher(s);
        while (m.find()) {
          if (m.end() == m.start() || inside(spans, m.start(), m.end())) {
            continue;
          }
          if (hits.isEmpty()) {
            cueHits(s, hits);
          }
          int order = out.size() + found.size();
          read(m, shape, s, bonus, hits, order).ifPresent(c -> {
            spans.add(new int[] {m.start(), m.end()});
            found.add(c);
          });
        }
      }
      out.addAll(found);
    }
  }

  /** Where each class of cue words stands in the sentence (found once for all its candidates). */
  private void cueHits(String sentence, List<List<int[]>> hits) {
    for (Cue cue : cues) {
      List<int[]> at = new ArrayList<>();
      Matcher m = cue.pattern().matcher(sentence);
      while (m.find()) {
        at.add(new int[] {m.start(), m.end()});
      }
      hits.add(at);
    }
  }

  /**
   * Sentences of a line, split only before a capital: "fr.o.m. 1 februari 2022 t.o.m. 31 januari 2023" and "ca. 2
   * gånger" stay whole, and so does an abbreviation before a capital ("bl.a. Polisen").
   */
  static List<String> sentences(String line) {
    List<String> out = new ArrayList<>();
    Matcher m = SENTENCE_END.matcher(line);
    int from = 0;
    while (m.find()) {
      if (!ABBREVIATION.matcher(line.substring(from, m.start())).find()) {
        out.add(line.substring(from, m.start()));
        from = m.end();
      }
    }
    out.add(line.substring(from));
    return out;
  }

  /** Shapes run most specific first; a phrase inside one already found is part of it. */
  private static boolean inside(List<int[]> spans, int start, int end) {
    return spans.stream().anyMatch(s -> s[0] <= start && end <= s[1] || start < s[1] && s[0] < end);
  }

  private Optional<Candidate> read(Matcher m, Shape shape, String sentence, double bonus, List<List<int[]>> hits,
                                   int order) {
    Optional<String> from;
    Optional<String> to;
    if (has(m, "y")) {
      from = Optional.of(m.group("y"));
      to = from;
    } else {
      String fy = has(m, "fy") ? m.group("fy") : has(m, "fm") && has(m, "ty") ? m.group("ty") : null;
      from = date(fy, m, "fm", "fd", false);
      String ty = has(m, "ty") ? m.group("ty") : has(m, "ty2") && fy != null ? fy.substring(0, 2) + m.group("ty2") : null;
      to = date(ty, m, "tm", "td", true);
    }
    if (has(m, "half") && to.isPresent()) {
      String half = m.group("half").toLowerCase(Locale.ROOT);
      to = Optional.of(to.get().substring(0, 4) + (half.equals("årsskiftet") ? "-12-31" : "-06-30"));
    }
    if (from.isPresent() && to.isPresent() && !ordered(from.get(), to.get())) {
      return Optional.empty();
    }
    double score = shape.weight() + bonus + cueScore(sentence, hits, m.start(), m.end(), bonus > 0);
    String text = (sentence.strip().length() <= TEXT_SENTENCE ? sentence : m.group()).strip().replaceAll("\\s+", " ");
    return Optional.of(new Candidate(order, shape.name(), text, from, to, has(m, "open"), score, sentence));
  }

  /** A period runs forwards and for a few years at most ("2015 och 2030" is not one). */
  private static boolean ordered(String from, String to) {
    int years = Integer.parseInt(to.substring(0, 4)) - Integer.parseInt(from.substring(0, 4));
    return from.compareTo(to) <= 0 && years <= 6;
  }

  private Optional<String> date(String year, Matcher m, String month, String day, boolean end) {
    if (year == null) {
      return Optional.empty();
    }
    Integer mo = has(m, month) ? monthOf(m.group(month)) : null;
    if (mo == null) {
      return Optional.of(year);
    }
    int y = Integer.parseInt(year);
    if (has(m, day)) {
      return DateExtractor.valid(y, mo, Integer.parseInt(m.group(day))).or(() -> Optional.of(year));
    }
    if (mo < 1 || mo > 12) {
      return Optional.of(year);
    }
    YearMonth ym = YearMonth.of(y, mo);
    return Optional.of((end ? ym.atEndOfMonth() : ym.atDay(1)).toString());
  }

  private Integer monthOf(String s) {
    return s.chars().allMatch(Character::isDigit) ? Integer.valueOf(s) : months.get(s.toLowerCase(Locale.ROOT));
  }

  /**
   * The cue words of the sentence, each class counted once at its nearest match, fading with distance; a heading
   * is a label as a whole ("Medborgarlöften i Mjölby kommun 2020-2021"), its cues do not fade.
   */
  private double cueScore(String sentence, List<List<int[]>> hits, int start, int end, boolean label) {
    double total = 0;
    for (int c = 0; c < cues.size(); c++) {
      double weight = cues.get(c).weight();
      double best = 0;
      for (int[] h : hits.get(c)) {
        if (h[0] < end && start < h[1]) {
          continue;
        }
        int words = h[1] <= start ? words(sentence, h[1], start) : words(sentence, end, h[0]);
        if (words <= CUE_REACH) {
          double w = label ? weight : weight / (1 + words / 2.0);
          best = Math.abs(w) > Math.abs(best) ? w : best;
        }
      }
      total += best;
    }
    return total;
  }

  private static int words(String s, int from, int to) {
    int n = 0;
    Matcher w = WORD.matcher(s).region(from, to);
    while (w.find()) {
      n++;
    }
    return n;
  }

  /** The same period stated again adds a little to each of its mentions. */
  private static List<Candidate> withRepeats(List<Candidate> all) {
    Map<String, Integer> mentions = new HashMap<>();
    all.stream().filter(c -> c.score() > 0).forEach(c -> mentions.merge(c.key(), 1, Integer::sum));
    return all.stream().map(c -> c.withScore(c.score()
        + Math.min(REPEAT_CAP, REPEAT_BONUS * (mentions.getOrDefault(c.key(), 1) - 1)))).toList();
  }

  /**
   * A period from the best candidate: an end-only or start-only phrase completed by its counterpart, a single year
   * extended ("2018 års löften gäller även 2019") or left open ("gäller tills vidare") by what the page says.
   */
  private Optional<Period> complete(Candidate best, List<Candidate> all, Optional<String> published,
                                    boolean openEnded) {
    Optional<String> from = best.from();
    Optional<String> to = best.to();
    String text = best.text();
    boolean single = best.to().equals(best.from());
    boolean open = best.open() || (single || best.startOnly()) && openEnded;
    boolean closed = best.from().isPresent() && best.to().isPresent() && !best.shape().equals(EXTENSION);
    Optional<Candidate> extension = closed ? all.stream().filter(c -> extends_(c, best)).findFirst() : Optional.empty();
    if (extension.isPresent()) {
      to = extension.get().to();
      String ext = extension.get().text();
      text = extension.get().from().isPresent() || ext.equals(best.text()) ? ext : best.text() + " … " + ext;
    } else if (best.endOnly()) {
      Optional<Candidate> start = startFor(best, all);
      from = start.map(s -> s.from().get().substring(0, s.startOnly() ? s.from().get().length() : 4))
          .or(() -> impliedStart(best.to().get(), published));
      text = start.filter(Candidate::startOnly).map(s -> s.text() + " … " + best.text()).orElse(text);
    } else if (best.startOnly() && !open) {
      Optional<Candidate> end = all.stream().filter(c -> c.endOnly() && c.score() > 0
          && ordered(best.from().get(), c.to().get())).findFirst();
      to = end.flatMap(Candidate::to).or(() -> Optional.of(best.from().get().substring(0, 4)));
      text = end.map(e -> best.text() + " … " + e.text()).orElse(text);
    }
    if (open) {
      to = Optional.empty();
    }
    return from.isEmpty() ? Optional.empty() : Optional.of(new Period(from, to, text));
  }

  /**
   * An extension of this period: "2018 års löften gäller även 2019" of 2018, "förlängs till och med 2022" of
   * 2020–2021 (an end beyond this one's, from its start or with no start of its own).
   */
  private static boolean extends_(Candidate c, Candidate best) {
    String bestTo = best.to().get().substring(0, 4);
    return c.shape().equals(EXTENSION) && c.score() > 0
        && (c.from().isEmpty() || c.from().get().equals(best.from().get().substring(0, 4)) || c.from().get().equals(bestTo))
        && ordered(best.from().get(), c.to().get()) && c.to().get().substring(0, 4).compareTo(bestTo) > 0;
  }

  /** A start phrase for an end: a stated start, else the best other period that begins within three years before. */
  private Optional<Candidate> startFor(Candidate end, List<Candidate> all) {
    String to = end.to().get();
    int toYear = Integer.parseInt(to.substring(0, 4));
    Optional<Candidate> stated = all.stream().filter(c -> c.startOnly() && c.score() > 0 && ordered(c.from().get(), to))
        .findFirst();
    return stated.or(() -> all.stream().filter(c -> c != end && c.from().isPresent() && c.score() >= threshold)
        .filter(c -> ordered(c.from().get(), to) && toYear - Integer.parseInt(c.from().get().substring(0, 4)) <= 3)
        .max(Comparator.comparingDouble(Candidate::score)));
  }

  /** Only the end stated: the publication year, or the year before an end within a year ("det kommande året"). */
  private static Optional<String> impliedStart(String to, Optional<String> published) {
    int end = Integer.parseInt(to.substring(0, 4));
    Optional<Integer> pub = published.map(s -> Integer.parseInt(s.substring(0, 4))).filter(y -> y <= end);
    boolean yearEnd = to.length() == 4 || to.endsWith("-12-31");
    return Optional.of(String.valueOf(pub.orElse(yearEnd ? end : end - 1)));
  }

  static boolean has(Matcher m, String group) {
    try {
      return m.group(group) != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
