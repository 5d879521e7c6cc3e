package se.loftesgrafen.extract.commitment;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import se.loftesgrafen.extract.AnnotatedPage;
import se.loftesgrafen.extract.ExtractionRules;
import se.loftesgrafen.extract.PromiseExtractor;
import se.loftesgrafen.extract.ThemeLexicon;
import se.loftesgrafen.extract.read.MainText;

/**
 * Trains the theme model from annotated pages and measures it honestly: k-fold cross-validation with the pages of
 * one municipality always in one fold, the threshold chosen inside each training part by an inner cross-validation
 * (so the held-out fold tunes nothing), scored beside the lexicon's keyword classification on the same
 * commitments. Examples are the annotated commitments with their annotated text, under the heading or lead line
 * that the extractor's reading of the page puts above them; their themes are the annotators' keywords mapped by
 * {@link ThemeKeywords}. Pages whose commitments carry no keywords were not annotated for themes and are skipped.
 */
public final class ThemeTraining {
  static final double[] THRESHOLDS = {0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7};
  static final int INNER_FOLDS = 5;

  private final ThemeClassifier lexicon;
  private final ThemeFeatures features;
  private final ThemeKeywords keywords;
  private final PromiseExtractor reader;
  private final ThemeTrainer trainer = new ThemeTrainer();

  private final Set<String> dropped;

  public ThemeTraining(ThemeLexicon lexicon) {
    this(lexicon, Set.of());
  }

  /** Training that ignores the named feature families ({@code p}, {@code hkw}, ...): for ablation. */
  public ThemeTraining(ThemeLexicon lexicon, Set<String> dropped) {
    this.dropped = Set.copyOf(dropped);
    ExtractionRules rules = ExtractionRules.load();
    this.lexicon = new ThemeClassifier(lexicon, rules);
    this.features = new ThemeFeatures(this.lexicon);
    this.keywords = new ThemeKeywords(lexicon, rules);
    this.reader = PromiseExtractor.create(lexicon, CommitmentModel.empty());
  }

  /** One annotated commitment as the theme model sees it. */
  record Case(String page, String group, String text, List<String> features, Set<String> gold, List<String> keyword) {}

  /** Micro-averaged theme decisions over commitments. */
  public record Score(int tp, int predicted, int annotated) implements PrecisionRecall {
    Score plus(Set<String> predictedThemes, Set<String> gold) {
      int hit = (int) predictedThemes.stream().filter(gold::contains).count();
      return new Score(tp + hit, predicted + predictedThemes.size(), annotated + gold.size());
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "themes P %.3f  R %.3f  F1 %.3f  (%d right, %d assigned, %d annotated)",
          precision(), recall(), f1(), tp, predicted, annotated);
    }
  }

  /** A held-out prediction: the case, every theme's probability, the threshold its fold chose. */
  record HeldOut(Case c, double[] p, double threshold) {}

  /** The result of cross-validation. */
  public record CrossValidation(int folds, int pages, int commitments, List<String> themes, List<HeldOut> heldOut,
      Score model, Score keywords, Map<Double, Score> byThreshold) {}

  /** The commitments of the theme-annotated pages as cases. */
  List<Case> cases(List<AnnotatedPage> pages) throws IOException {
    List<Case> out = new ArrayList<>();
    for (AnnotatedPage p : pages) {
      if (!p.themesAnnotated()) {
        continue;
      }
      MainText main = reader.mainText(p.document());
      for (AnnotatedPage.Gold g : p.gold()) {
        int at = locate(main.text(), g.text());
        String context = at < 0 ? "" : ThemeFeatures.context(main, at);
        List<String> f = features.of(g.text(), context).stream()
            .filter(x -> !dropped.contains(x.substring(0, Math.max(0, x.indexOf(':'))))).toList();
        out.add(new Case(p.name(), p.group(), g.text(), f,
            keywords.themes(g.focusAreas()), lexicon.classify(g.text())));
      }
    }
    return out;
  }

  /** Where an annotated text is in the main text: verbatim, else from its first words; -1 when not found. */
  static int locate(String main, String text) {
    int at = main.indexOf(text);
    if (at >= 0) {
      return at;
    }
    String norm = MainText.Builder.normalise(text);
    at = main.indexOf(norm);
    if (at >= 0 || norm.length() < 30) {
      return at;
    }
    return main.indexOf(norm.substring(0, 30));
  }

  /** Trains on every page given; the header records the pages, features, trainer, threshold and CV scores. */
  public ThemeModel train(List<AnnotatedPage> pages, int folds, String sources) throws IOException {
    List<Case> cases = cases(pages);
    List<String> themes = lexicon.reportedIds();
    double threshold = chooseThreshold(themes, cases);
    CrossValidation cv = crossValidate(themes, cases, folds, pages.size());
    long annotated = pages.stream().filter(AnnotatedPage::themesAnnotated).count();
    List<String> header = List.of(
        "Löftesgrafen theme model: one logistic regression per theme (ThemeModel) over ThemeFeatures",
        "(lexicon hits kw/imp/hkw from vocab/teman.ttl and rules.yaml, shared and per theme; word prefixes p: and "
            + "compound heads s:, " + ThemeFeatures.PREFIX + " letters).",
        "Retrain: ./loftesgrafen train --cases ../shared/eval/dev --cases src/test/resources/extract/training",
        "Trained " + LocalDate.now() + " on " + annotated + " theme-annotated pages, " + cases.size()
            + " commitments. Sources: " + sources,
        "Trainer: " + trainer.description() + "; threshold " + threshold + " by " + INNER_FOLDS
            + "-fold grouped CV.",
        String.format(Locale.ROOT, "%d-fold CV grouped by municipality (threshold chosen inside each training part): "
            + "model %s; keyword lexicon %s", folds, cv.model(), cv.keywords()));
    return fit(themes, cases, threshold, header);
  }

  private ThemeModel fit(List<String> themes, List<Case> cases, double threshold, List<String> header) {
    List<ThemeTrainer.Example> examples = cases.stream()
        .map(c -> new ThemeTrainer.Example(c.features(), c.gold())).toList();
    return trainer.train(themes, examples, threshold, header);
  }

  public CrossValidation crossValidate(List<AnnotatedPage> pages, int folds) throws IOException {
    return crossValidate(pages, List.of(), folds);
  }

  /**
   * As {@link #crossValidate(List, int)}, with {@code alwaysTrain} pages in every training part and never scored
   * (to score only pages nobody tuned the lexicon on, while still learning from the others).
   */
  public CrossValidation crossValidate(List<AnnotatedPage> pages, List<AnnotatedPage> alwaysTrain, int folds)
      throws IOException {
    return crossValidate(lexicon.reportedIds(), cases(pages), cases(alwaysTrain), folds, pages.size());
  }

  private CrossValidation crossValidate(List<String> themes, List<Case> cases, int folds, int pages) {
    return crossValidate(themes, cases, List.of(), folds, pages);
  }

  private CrossValidation crossValidate(List<String> themes, List<Case> cases, List<Case> extra, int folds,
      int pages) {
    Map<String, Integer> foldOf = folds(cases, folds);
    List<HeldOut> heldOut = new ArrayList<>();
    for (int k = 0; k < folds; k++) {
      List<Case> train = new ArrayList<>();
      List<Case> test = new ArrayList<>();
      for (Case c : cases) {
        (foldOf.get(c.group()) == k ? test : train).add(c);
      }
      if (test.isEmpty()) {
        continue;
      }
      // An always-trained page of a municipality being scored would be its other year: left out of this part.
      Set<String> scored = new java.util.HashSet<>(test.stream().map(Case::group).toList());
      extra.stream().filter(c -> !scored.contains(c.group())).forEach(train::add);
      double threshold = chooseThreshold(themes, train);
      ThemeModel model = fit(themes, train, threshold, List.of());
      for (Case c : test) {
        heldOut.add(new HeldOut(c, model.probabilities(c.features()), threshold));
      }
    }
    Score model = new Score(0, 0, 0);
    Score keyword = new Score(0, 0, 0);
    Map<Double, Score> byThreshold = new TreeMap<>();
    for (HeldOut h : heldOut) {
      model = model.plus(assigned(themes, h.p(), h.threshold()), h.c().gold());
      keyword = keyword.plus(Set.copyOf(h.c().keyword()), h.c().gold());
      for (double t : THRESHOLDS) {
        byThreshold.merge(t, new Score(0, 0, 0).plus(assigned(themes, h.p(), t), h.c().gold()),
            (a, b) -> new Score(a.tp() + b.tp(), a.predicted() + b.predicted(), a.annotated() + b.annotated()));
      }
    }
    return new CrossValidation(folds, pages, cases.size(), themes, heldOut, model, keyword, byThreshold);
  }

  /** The threshold with the best F1 in a grouped cross-validation of these cases alone. */
  private double chooseThreshold(List<String> themes, List<Case> cases) {
    Map<String, Integer> foldOf = folds(cases, INNER_FOLDS);
    Map<Double, Score> scores = new TreeMap<>();
    for (int k = 0; k < INNER_FOLDS; k++) {
      List<Case> train = new ArrayList<>();
      List<Case> test = new ArrayList<>();
      for (Case c : cases) {
        (foldOf.get(c.group()) == k ? test : train).add(c);
      }
      ThemeModel model = fit(themes, train, 0.5, List.of());
      for (Case c : test) {
        double[] p = model.probabilities(c.features());
        for (double t : THRESHOLDS) {
          Score s = scores.getOrDefault(t, new Score(0, 0, 0)).plus(assigned(themes, p, t), c.gold());
          scores.put(t, s);
        }
      }
    }
    double best = 0.5;
    double bestF1 = -1;
    for (Map.Entry<Double, Score> e : scores.entrySet()) {
      if (e.getValue().f1() > bestF1 + 1e-9) {
        bestF1 = e.getValue().f1();
        best = e.getKey();
      }
    }
    return best;
  }

  /** Groups dealt to folds in a fixed order (sorted by name, round robin), so runs are repeatable. */
  private static Map<String, Integer> folds(List<Case> cases, int folds) {
    List<String> groups = cases.stream().map(Case::group).distinct().sorted().toList();
    // (groups of always-trained pages are dealt too: in an inner cross-validation they are ordinary cases)
    Map<String, Integer> out = new HashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      out.put(groups.get(i), i % folds);
    }
    return out;
  }

  private static Set<String> assigned(List<String> themes, double[] p, double threshold) {
    Set<String> out = new java.util.LinkedHashSet<>();
    for (int i = 0; i < p.length; i++) {
      if (p[i] >= threshold) {
        out.add(themes.get(i));
      }
    }
    return out;
  }

  /** Writes a trained model (the form {@link ThemeModel#load()} reads from the jar). */
  public static void write(ThemeModel model, Writer out) throws IOException {
    model.write(out);
  }

  /** Prints a cross-validation: scores, per-threshold scores, per-theme scores, reliability tables. */
  public static String report(CrossValidation cv) {
    return ThemeReport.of(cv);
  }

  /** The held-out theme errors, one line per commitment whose theme set was wrong. */
  public static String errors(CrossValidation cv) {
    return ThemeReport.errors(cv);
  }
}
