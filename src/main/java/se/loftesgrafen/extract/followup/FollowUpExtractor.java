package se.loftesgrafen.extract.followup;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.loftesgrafen.extract.Commitment;
import se.loftesgrafen.extract.ExtractedPromise;
import se.loftesgrafen.extract.PromiseExtractor;
import se.loftesgrafen.extract.SourceDocument;
import se.loftesgrafen.extract.read.Block;
import se.loftesgrafen.extract.read.MainText;

/**
 * Reads a page both ways: the promise it states (by {@link PromiseExtractor}, unchanged) and the follow-up report
 * it gives, if any: the period followed up, each commitment as the report names it with its status and evidence,
 * and the page's own verdict. A page is a promise, a follow-up, both (a report that also states the next
 * promise) or neither. On a page that is both, commitments read from inside the report are the old promise's, so
 * they are left out of the promise. Immutable and thread-safe; all rules in {@code extract/followup.yaml}.
 */
public final class FollowUpExtractor {
  /** Recorded with every report read (lg:extractorVersion); bump when results change. */
  public static final String VERSION = "1.0.0";

  private final PromiseExtractor promises;
  private final ReportLocator locator;
  private final ReportSections sections;
  private final ProseCommitments prose;
  private final EvidenceMatcher matcher;
  private final StatusJudge judge;
  private final ActorReader actors;
  private final ReportPeriod periods;
  private final VerdictFinder verdicts;

  private FollowUpExtractor(PromiseExtractor promises, FollowUpRules rules) {
    TenseCues tense = new TenseCues(rules);
    this.promises = promises;
    this.actors = new ActorReader(rules);
    this.locator = new ReportLocator(rules);
    this.sections = new ReportSections(rules, tense, actors);
    this.prose = new ProseCommitments(rules, tense);
    this.matcher = new EvidenceMatcher(rules);
    this.judge = new StatusJudge(rules, tense, matcher);
    this.periods = new ReportPeriod(rules);
    this.verdicts = new VerdictFinder(rules);
  }

  /** A reader with the shipped follow-up rules, reading promises with this extractor. */
  public static FollowUpExtractor create(PromiseExtractor promises) {
    return new FollowUpExtractor(promises, FollowUpRules.load());
  }

  /** Reads a document (parsed once). A document that cannot be read gives an IOException with its source. */
  public PageReading read(SourceDocument doc) throws IOException {
    MainText main = promises.mainText(doc);
    return read(main, Optional.ofNullable(doc.uri()), promises.extract(doc, main));
  }

  PageReading read(MainText main, Optional<URI> uri, ExtractedPromise promise) {
    Optional<ReportLocator.Span> span = locator.locate(main, uri);
    if (span.isEmpty()) {
      return new PageReading(promise, promise.isPromise() ? PageKind.PROMISE : PageKind.OTHER, Optional.empty());
    }
    ExtractedPromise own = withoutReport(promise, main, span.get());
    FollowUpReport report = report(main, span.get(), own.isPromise() || locator.statesNewPromise(main));
    if (!span.get().named() && !reports(report)) {
      return new PageReading(promise, promise.isPromise() ? PageKind.PROMISE : PageKind.OTHER, Optional.empty());
    }
    return new PageReading(own, report.statesPromise() ? PageKind.BOTH : PageKind.FOLLOW_UP, Optional.of(report));
  }

  private FollowUpReport report(MainText main, ReportLocator.Span span, boolean statesPromise) {
    List<Statement> statements = prose.add(main, span, sections.read(main, span.from(), span.to()));
    List<Statement> commitments = new ArrayList<>();
    List<Statement> results = new ArrayList<>();
    for (Statement s : statements) {
      (s.role() == Statement.Role.COMMITMENT ? commitments : results).add(s);
    }
    if (commitments.isEmpty()) {
      commitments.addAll(prose.focusList(main, span));
    }
    if (commitments.isEmpty()) {
      commitments.addAll(sections.topicHeadings(main, span, results));
    }
    Map<Integer, List<Statement>> tied = matcher.match(commitments, results);
    boolean truncated = truncated(main);
    Set<String> pageActors = pageActors(main, span);
    List<FollowUpItem> items = new ArrayList<>();
    for (int i = 0; i < commitments.size(); i++) {
      Statement c = commitments.get(i);
      List<Statement> evidence = tied.getOrDefault(i, List.of());
      StatusJudge.Judgement j = judge.judge(c.text(), evidence, truncated);
      items.add(new FollowUpItem(c.text(), c.start(), j.status(), j.reason(),
          evidence.stream().map(e -> new FollowUpItem.Evidence(e.text(), e.start())).toList(),
          actors.of(c.text(), c.actors(), pageActors)));
    }
    Set<Statement> used = new java.util.HashSet<>();
    tied.values().forEach(used::addAll);
    List<FollowUpItem.Evidence> activities = results.stream().filter(r -> !used.contains(r))
        .map(r -> new FollowUpItem.Evidence(r.text(), r.start())).toList();
    int firstCommitment = commitments.stream().mapToInt(Statement::block).min().orElse(span.to());
    return new FollowUpReport(periods.find(main, span), items, activities,
        verdicts.find(main, span.from(), Math.min(firstCommitment, span.to()), span.to()), statesPromise, truncated);
  }

  /**
   * Whether a report found only by a heading or sentence inside a page says something: a commitment with a result,
   * a verdict, or two things done. A promise page's "Uppföljning 2018" link or "Läs mer i denna rapport" is no report.
   */
  private static boolean reports(FollowUpReport r) {
    long tied = r.items().stream().filter(i -> !i.evidence().isEmpty()).count();
    return tied > 0 || r.overall().isPresent() || r.activities().size() >= 2;
  }

  /** The actors the report's opening names ("lovade polisen och Skara kommun", "undertecknade ..."). */
  private Set<String> pageActors(MainText main, ReportLocator.Span span) {
    for (int i = span.from(); i < Math.min(span.to(), span.from() + 6); i++) {
      String t = main.blocks().get(i).text();
      if (t.matches("(?s).*\\b(lovade|undertecknade|lovar|skrev)\\b.*")) {
        Set<String> named = actors.named(t);
        named.remove(ActorReader.OTHER);
        if (!named.isEmpty()) {
          return named;
        }
      }
    }
    return Set.of();
  }

  /** The text breaks off: its last paragraph ends without a sentence's end. */
  private static boolean truncated(MainText main) {
    if (main.blocks().isEmpty()) {
      return false;
    }
    Block last = main.blocks().get(main.blocks().size() - 1);
    String t = last.text().strip();
    return !last.isHeading() && !t.isEmpty() && ".!?:)\"”»".indexOf(t.charAt(t.length() - 1)) < 0
        && (!last.isItem() || t.length() < 20);
  }

  /** The promise without the commitments read from inside the report (an old promise restated). */
  private static ExtractedPromise withoutReport(ExtractedPromise p, MainText main, ReportLocator.Span span) {
    if (p.commitments().isEmpty()) {
      return p;
    }
    int from = main.blocks().get(span.from()).start();
    int to = span.to() < main.blocks().size() ? main.blocks().get(span.to()).start() : Integer.MAX_VALUE;
    List<Commitment> kept = p.commitments().stream().filter(c -> {
      int at = main.text().indexOf(c.text());
      return at < 0 || at < from || at >= to;
    }).toList();
    if (kept.size() == p.commitments().size()) {
      return p;
    }
    return new ExtractedPromise(p.source(), !kept.isEmpty(), p.municipalities(), p.policeArea(), p.period(),
        p.published(), p.updated(), p.basedOn(), p.signatories(), kept, p.title());
  }
}
