package se.loftesgrafen.extract;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import se.loftesgrafen.extract.ExtractedPromise.MunicipalityRef;
import se.loftesgrafen.extract.commitment.ActorModel;
import se.loftesgrafen.extract.commitment.ActorResolver;
import se.loftesgrafen.extract.commitment.Candidate;
import se.loftesgrafen.extract.commitment.CommitmentExtractor;
import se.loftesgrafen.extract.commitment.CommitmentModel;
import se.loftesgrafen.extract.commitment.TargetExtractor;
import se.loftesgrafen.extract.commitment.ThemeClassifier;
import se.loftesgrafen.extract.commitment.ThemeModel;
import se.loftesgrafen.extract.field.BasisExtractor;
import se.loftesgrafen.extract.field.DateExtractor;
import se.loftesgrafen.extract.field.MunicipalityFinder;
import se.loftesgrafen.extract.field.PeriodExtractor;
import se.loftesgrafen.extract.field.SignatoryExtractor;
import se.loftesgrafen.extract.read.Block;
import se.loftesgrafen.extract.read.DocumentReader;
import se.loftesgrafen.extract.read.HtmlReader;
import se.loftesgrafen.extract.read.MainText;
import se.loftesgrafen.extract.read.TextReader;
import se.loftesgrafen.reference.MunicipalityRegister;

/**
 * From a page (HTML, PDF or text) to the promise it states: reads the main content into blocks, then runs the
 * field extractors over it. Rules and term lists are data (extract/rules.yaml, the theme lexicon, the municipality
 * register), compiled once in {@link #create(ThemeLexicon)}; an instance is immutable and thread-safe.
 */
public final class PromiseExtractor {
  /** Recorded with every extracted commitment (lg:extractorVersion); bump when results change. */
  public static final String VERSION = "2.0.0";

  private static final int SCAN_HEAD = 200_000;
  private static final int SCAN_TAIL = 20_000;

  private final DocumentReader reader;
  private final CommitmentExtractor commitments;
  private final MunicipalityFinder municipalities;
  private final PeriodExtractor periods;
  private final DateExtractor dates;
  private final SignatoryExtractor signatories;
  private final BasisExtractor basis;
  private final List<java.util.regex.Pattern> followUp;
  private final List<java.util.regex.Pattern> announcements;
  /** How much of a page's start is read for an announcement of a promise not made yet. */
  private static final int ANNOUNCEMENT_HEAD = 900;
  /** A first line up to this long is read as the page's title when no heading says one (text and PDF pages). */
  private static final int TITLE_LINE = 160;

  private PromiseExtractor(ExtractionRules rules, ThemeLexicon lexicon, MunicipalityRegister register,
      CommitmentModel model, ActorModel actorModel, ThemeModel themeModel) {
    List<java.util.regex.Pattern> chromeLines = rules.combined("chrome_lines");
    this.reader = new DocumentReader(
        new HtmlReader(rules, chromeLines),
        new TextReader(chromeLines));
    ThemeClassifier themes = new ThemeClassifier(lexicon, rules);
    this.commitments = new CommitmentExtractor(rules, new ActorResolver(rules), themes, new TargetExtractor(rules), model,
        actorModel, themeModel);
    this.municipalities = new MunicipalityFinder(register, rules);
    this.periods = new PeriodExtractor(rules);
    this.dates = new DateExtractor(rules);
    this.signatories = new SignatoryExtractor(rules);
    this.basis = new BasisExtractor(rules);
    this.followUp = rules.combined("followup_titles");
    this.announcements = rules.combined("announcement_sentences");
  }

  /** An extractor with the shipped rules and municipality register, classifying with this theme lexicon. */
  public static PromiseExtractor create(ThemeLexicon lexicon) {
    return new PromiseExtractor(ExtractionRules.load(), lexicon, MunicipalityRegister.load(), CommitmentModel.load(),
        ActorModel.load(), ThemeModel.load());
  }

  /**
   * An extractor with the models of a training run ({@code train --out DIR}) instead of the shipped ones: to score
   * models trained without some pages on those pages ({@code extract --models DIR}).
   */
  public static PromiseExtractor create(ThemeLexicon lexicon, java.nio.file.Path models) throws IOException {
    try (java.io.InputStream c = java.nio.file.Files.newInputStream(models.resolve("commitment-model.tsv"));
         java.io.InputStream a = java.nio.file.Files.newInputStream(models.resolve("actor-model.tsv"));
         java.io.InputStream t = java.nio.file.Files.newInputStream(models.resolve("theme-model.tsv"))) {
      return new PromiseExtractor(ExtractionRules.load(), lexicon, MunicipalityRegister.load(), CommitmentModel.read(c),
          ActorModel.read(a), ThemeModel.read(t));
    }
  }

  static PromiseExtractor create(ExtractionRules rules, ThemeLexicon lexicon, MunicipalityRegister register) {
    return new PromiseExtractor(rules, lexicon, register, CommitmentModel.load(), ActorModel.load(), ThemeModel.load());
  }

  /** The same extractor deciding commitments with another model (training, cross-validation). */
  public static PromiseExtractor create(ThemeLexicon lexicon, CommitmentModel model) {
    return new PromiseExtractor(ExtractionRules.load(), lexicon, MunicipalityRegister.load(), model,
        ActorModel.empty(), ThemeModel.load());
  }

  /**
   * Extracts the promise of one document. Never throws for bad content: a document that cannot be read at all
   * (a broken PDF) gives an {@link IOException} with the source in the message.
   */
  public ExtractedPromise extract(SourceDocument doc) throws IOException {
    return extract(doc, read(doc));
  }

  /** The page's main text as the extractor reads it (theme training places annotated texts under headings). */
  public MainText mainText(SourceDocument doc) throws IOException {
    return read(doc);
  }

  private MainText read(SourceDocument doc) throws IOException {
    try {
      return reader.read(doc);
    } catch (IOException | RuntimeException e) {
      throw new IOException(doc.source() + ": cannot read document: " + e.getMessage(), e);
    }
  }

  /**
   * Extracts the promise of a document already read by {@link #mainText(SourceDocument)}: for readers that look at
   * the same blocks for something else too (the follow-up reader), so that a page is parsed once.
   */
  public ExtractedPromise extract(SourceDocument doc, MainText main) {
    String text = scanned(main.text());
    Optional<String> title = main.title().filter(t -> !t.isBlank()).or(() -> firstHeading(main));
    boolean report = statesNoPromise(main, title);
    List<Commitment> found = report ? List.of() : commitments.extract(main);
    Optional<String> published = dates.published(text);
    List<MunicipalityRef> where = municipalities.find(main, text, doc.uri());
    Optional<String> organisation = where.isEmpty() ? Optional.empty() : Optional.of(where.get(0).name());
    List<ExtractedPromise.Signatory> signed = signatories.extract(main, organisation);
    java.util.Set<String> people = signed.stream().map(ExtractedPromise.Signatory::name)
        .collect(java.util.stream.Collectors.toSet());
    return new ExtractedPromise(doc.source(), !found.isEmpty(), where, basis.policeArea(text, people),
        periods.extract(text, main.title(), published), published, dates.updated(text), basis.basedOn(text, found),
        signed, found, title);
  }

  /**
   * Why the extractor decided as it did: one line per candidate with the model's probability, whether it was kept,
   * and its features. For developers ({@code extract --explain}).
   */
  public List<String> explain(SourceDocument doc) throws IOException {
    List<Candidate> all = candidates(doc);
    double[] p = commitments.probabilities(all);
    return java.util.stream.IntStream.range(0, all.size()).mapToObj(i -> String.format(java.util.Locale.ROOT,
        "%s %.2f %s  %s %s", p[i] >= commitments.threshold() ? "+" : "-", p[i], all.get(i).text(),
        all.get(i).actors(), all.get(i).features())).toList();
  }

  /**
   * The commitment candidates of a document, as the model sees them; none on a follow-up report (which the
   * extractor never reads commitments from). For training and cross-validation.
   */
  public List<Candidate> candidates(SourceDocument doc) throws IOException {
    MainText main = read(doc);
    Optional<String> title = main.title().filter(t -> !t.isBlank()).or(() -> firstHeading(main));
    return statesNoPromise(main, title) ? List.of() : commitments.candidates(main);
  }

  /**
   * The part of the main text that page-level facts (dates, period, basis, police area) are read from: all of it
   * on real pages, the head and the tail on pathological ones, so that a 5 MB page costs no more than a large one.
   */
  private static String scanned(String text) {
    if (text.length() <= SCAN_HEAD + SCAN_TAIL) {
      return text;
    }
    return text.substring(0, SCAN_HEAD) + "\n" + text.substring(text.length() - SCAN_TAIL);
  }

  /**
   * A page that reports on a promise (a follow-up) or announces one not made yet (an invitation to the signing,
   * news that one is being prepared) states no undertakings of its own, whatever it quotes.
   */
  private boolean statesNoPromise(MainText main, Optional<String> title) {
    String head = main.text().substring(0, Math.min(main.text().length(), ANNOUNCEMENT_HEAD));
    if (ExtractionRules.any(announcements, head)) {
      return true;
    }
    if (title.isPresent() && ExtractionRules.any(followUp, title.get())) {
      return true;
    }
    if (firstHeading(main).filter(h -> ExtractionRules.any(followUp, h)).isPresent()) {
      return true;
    }
    // A text or PDF whose title line is too long to pass for a heading still opens with it.
    return !main.blocks().isEmpty() && main.blocks().get(0).text().length() <= TITLE_LINE
        && ExtractionRules.any(followUp, main.blocks().get(0).text());
  }

  private static Optional<String> firstHeading(MainText main) {
    return main.blocks().stream().filter(Block::isHeading).map(Block::text).findFirst();
  }
}
