package se.loftesgrafen.extract.followup;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import se.loftesgrafen.extract.read.Block;
import se.loftesgrafen.extract.read.MainText;
import se.loftesgrafen.extract.read.Sentences;

/**
 * Whether a page reports on an earlier promise, and where the report starts and ends. A report is named by its
 * title ("Uppföljning medborgarlöfte 2018", "Så här gick det med ..."), its address ("/uppfoljning-..."), a heading
 * inside the page ("Uppföljning av Medborgarlöften 2017", "Sammanfattning för 2022") or a sentence only a report
 * says ("En uppföljning efter 6 månader visar ...", "Polisen uppfyllde sina utlovade aktiviteter"). A promise page
 * that says it will be followed up ("Löftet följs upp kvartalsvis") is not one. The report ends where a new
 * promise begins ("Vi lovar därför inför 2019 ...").
 */
final class ReportLocator {
  /**
   * Where the report stands in the page's blocks: from (inclusive) to (exclusive), and whether the page itself
   * says it is one (title or address) or only a heading or sentence inside it does.
   */
  record Span(int from, int to, boolean named) {}

  /** A first line up to this long is read as the title (text and PDF pages). */
  private static final int TITLE_LINE = 160;
  /** Report sentences are looked for in this many blocks from the top. */
  private static final int SENTENCE_BLOCKS = 40;
  /** The report's year is looked for in this many of its first blocks. */
  private static final int OPENING_BLOCKS = 3;
  private static final Pattern YEAR = Pattern.compile("\\b(19|20)\\d\\d\\b");

  private final List<Pattern> titles;
  private final List<Pattern> urls;
  private final List<Pattern> headings;
  private final List<Pattern> sentences;
  private final List<Pattern> future;
  private final List<Pattern> newPromise;

  ReportLocator(FollowUpRules rules) {
    this.titles = rules.patterns("followup_titles");
    this.urls = rules.patterns("followup_urls");
    this.headings = rules.patterns("followup_headings");
    this.sentences = rules.patterns("followup_sentences");
    this.future = rules.patterns("future_followup");
    this.newPromise = rules.patterns("new_promise");
  }

  /** The report's span, when the page is one (or holds one). */
  Optional<Span> locate(MainText main, Optional<URI> uri) {
    boolean named = named(main, uri);
    OptionalInt from = named ? OptionalInt.of(0) : start(main);
    if (from.isEmpty()) {
      return Optional.empty();
    }
    List<Block> blocks = main.blocks();
    int to = blocks.size();
    int reported = reportYear(main, from.getAsInt());
    for (int i = from.getAsInt() + 1; i < blocks.size(); i++) {
      String t = blocks.get(i).text();
      if (FollowUpRules.any(newPromise, t) && laterYear(t, reported)) {
        to = i;
        break;
      }
    }
    return Optional.of(new Span(from.getAsInt(), to, named));
  }

  /**
   * The year the report is about, as its start says it ("Uppföljning ... 2022", "Inför 2018 lovade ..."): the
   * latest year in the title or the report's first blocks; 0 when none is named.
   */
  private static int reportYear(MainText main, int from) {
    List<String> texts = new java.util.ArrayList<>(titles(main));
    for (int i = from; i < Math.min(main.blocks().size(), from + OPENING_BLOCKS); i++) {
      texts.add(main.blocks().get(i).text());
    }
    for (String t : texts) {
      int y = latestYear(t);
      if (y > 0) {
        return y;
      }
    }
    return 0;
  }

  /** A "new promise" heading ends the report only when it names a later year ("Medborgarlöftet 2022" inside the
   * 2022 report restates the promise followed up); a sentence without a year ("Vi lovar därför ...") ends it too. */
  private static boolean laterYear(String text, int reported) {
    int y = latestYear(text);
    return y == 0 || reported == 0 || y > reported;
  }

  private static int latestYear(String text) {
    java.util.regex.Matcher m = YEAR.matcher(text);
    int y = 0;
    while (m.find()) {
      y = Math.max(y, Integer.parseInt(m.group()));
    }
    return y;
  }

  /** Whether some block outside the report (or anywhere) states a new promise. */
  boolean statesNewPromise(MainText main) {
    return main.blocks().stream().anyMatch(b -> FollowUpRules.any(newPromise, b.text()));
  }

  private boolean named(MainText main, Optional<URI> uri) {
    return !main.blocks().isEmpty() && (titles(main).stream().anyMatch(t -> FollowUpRules.any(titles, t))
        || uri.filter(u -> FollowUpRules.any(urls, u.getPath() == null ? u.toString() : u.getPath())).isPresent());
  }

  private OptionalInt start(MainText main) {
    List<Block> blocks = main.blocks();
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (!b.isItem() && b.text().length() <= TITLE_LINE && FollowUpRules.any(headings, b.text())) {
        return OptionalInt.of(i);
      }
    }
    for (int i = 0; i < Math.min(SENTENCE_BLOCKS, blocks.size()); i++) {
      for (Sentences.Span s : Sentences.split(blocks.get(i).text())) {
        if (FollowUpRules.any(sentences, s.text()) && !FollowUpRules.any(future, s.text())) {
          return OptionalInt.of(0);
        }
      }
    }
    return OptionalInt.empty();
  }

  /** What may be the page's title: the HTML title, the first heading, a short first line. */
  static List<String> titles(MainText main) {
    List<String> out = new java.util.ArrayList<>();
    main.title().filter(s -> !s.isBlank()).ifPresent(out::add);
    main.blocks().stream().filter(Block::isHeading).map(Block::text).findFirst().ifPresent(out::add);
    main.blocks().stream().findFirst().map(Block::text).filter(s -> s.length() <= TITLE_LINE).ifPresent(out::add);
    return out;
  }
}
