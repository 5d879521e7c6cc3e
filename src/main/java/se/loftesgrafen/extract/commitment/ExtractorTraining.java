package se.loftesgrafen.extract.commitment;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import se.loftesgrafen.extract.AnnotatedPage;
import se.loftesgrafen.extract.Commitment.Actor;
import se.loftesgrafen.extract.ExtractionRules;
import se.loftesgrafen.extract.PromiseExtractor;
import se.loftesgrafen.extract.ThemeLexicon;

/**
 * Trains the commitment model from annotated pages and measures it honestly: k-fold cross-validation with the
 * pages of one municipality always in the same fold, so no page is scored by a model that saw it or its
 * municipality's other years. Candidates are labelled by pairing them with the annotation as the evaluation
 * does (word overlap, one-to-one).
 */
public final class ExtractorTraining {
  /**
   * The probability from which a candidate is kept. Grouped cross-validation is flat from 0.45 to 0.6 (F1 0.900 at
   * both ends, 2026-12-08); on pages newer than the ones a model learned from (trained on 001-047, scored on the
   * unsealed 1xx pages) precision is the weaker side, and 0.6 scored 0.883 against 0.876 at 0.5.
   */
  static final double THRESHOLD = 0.6;

  private final ThemeLexicon lexicon;
  private final Set<String> dropped;
  private final boolean chain;
  private final ActorFeatures actorFeatures = new ActorFeatures(new ActorResolver(ExtractionRules.load()));

  public ExtractorTraining(ThemeLexicon lexicon) {
    this(lexicon, Set.of());
  }

  /** Training that ignores the named features (and their crossings): for ablation, to see what each is worth. */
  public ExtractorTraining(ThemeLexicon lexicon, Set<String> dropped) {
    this(lexicon, dropped, false);
  }

  /**
   * Training that ignores the named features and, with {@code chain}, decides commitments by a linear-chain CRF
   * over each page's candidates rather than by the logistic regression that ships. Grouped 10-fold cross-validation
   * (2026-12-08, 92 pages) gave both the same: F1 0.892 (CRF) against 0.894, calibration error 0.023 for both; the
   * chain's transitions mostly penalise a change of label, which costs the first item after a lead-in as often as it
   * saves an item in a run. So the simpler model ships and the chain stays measurable ({@code train --chain}).
   */
  public ExtractorTraining(ThemeLexicon lexicon, Set<String> dropped, boolean chain) {
    this.lexicon = lexicon;
    this.dropped = Set.copyOf(dropped);
    this.chain = chain;
  }

  /** A page's candidates and, for each, the annotated commitment it is paired with (-1 for none). */
  private record Labelled(AnnotatedPage page, List<Candidate> candidates, int[] pairedWith) {}

  /** Measures of one evaluation: commitments found against annotated, actors right on the paired ones. */
  public record Score(int tp, int predicted, int annotated, int actorsRight, int reachable)
      implements PrecisionRecall {
    public double actors() {
      return tp == 0 ? 0 : (double) actorsRight / tp;
    }

    Score plus(Score o) {
      return new Score(tp + o.tp, predicted + o.predicted, annotated + o.annotated, actorsRight + o.actorsRight,
          reachable + o.reachable);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "commitments P %.3f  R %.3f  F1 %.3f  (%d matched, %d predicted, %d annotated;"
          + " %d reachable by a candidate)   actors exact %.3f", precision(), recall(), f1(), tp, predicted, annotated,
          reachable, actors());
    }
  }

  /**
   * The result of cross-validation: the models' score, the hand rules' score on the same folds, per threshold, and
   * the reliability of the held-out commitment probabilities and actor confidences.
   */
  public record CrossValidation(int folds, int pages, Score model, Score rules, Map<Double, Score> byThreshold,
      List<String> errors, Reliability commitments, Reliability actors) {}

  /** The trained models of one training run. */
  public record Models(CommitmentModel commitments, ActorModel actors) {}

  /** Trains on every page given. */
  public Models train(List<AnnotatedPage> pages, String description) throws IOException {
    List<Labelled> labelled = label(pages);
    String trained = "Trained " + LocalDate.now() + " on " + pages.size() + " annotated pages, "
        + labelled.stream().mapToInt(l -> l.candidates().size()).sum() + " candidates, "
        + labelled.stream().mapToInt(l -> l.page().gold().size()).sum() + " annotated commitments. " + description;
    String retrain = "Retrain: ./loftesgrafen train --cases ../shared/eval/dev --cases src/test/resources/extract/training";
    CommitmentModel commitments = fit(labelled, List.of(
        (chain ? "Löftesgrafen commitment model: linear-chain CRF over each page's candidates in reading order"
            : "Löftesgrafen commitment model: logistic regression over each candidate's features")
            + " (CommitmentCandidates); " + ChainTrainer.forCommitments().description()
            + (chain ? "." : " over examples that stand alone."),
        retrain, trained));
    ActorModel actors = fitActors(labelled).withHeader(List.of(
        "Löftesgrafen actor confidence: logistic regression over ActorFeatures, whether the actors read for a"
            + " candidate paired with an annotated commitment are exactly the annotated ones; "
            + ChainTrainer.forActors().description() + " over examples that stand alone.",
        retrain, trained));
    return new Models(commitments, actors);
  }

  /** One example for every candidate paired with an annotated commitment: are the actors read exactly right? */
  private ActorModel fitActors(List<Labelled> labelled) {
    List<ChainTrainer.Example> examples = new ArrayList<>();
    for (Labelled l : labelled) {
      for (int i = 0; i < l.candidates().size(); i++) {
        if (l.pairedWith()[i] >= 0) {
          Candidate c = l.candidates().get(i);
          Set<String> gold = l.page().gold().get(l.pairedWith()[i]).actors();
          examples.add(new ChainTrainer.Example(actorFeatures.of(c), ids(c.actors()).equals(new TreeSet<>(gold))));
        }
      }
    }
    return new ActorModel(ChainTrainer.forActors().trainIndependent(examples, 0.5, List.of()));
  }

  private CommitmentModel fit(List<Labelled> labelled, List<String> header) {
    List<List<ChainTrainer.Example>> pages = new ArrayList<>();
    for (Labelled l : labelled) {
      List<ChainTrainer.Example> page = new ArrayList<>();
      for (int i = 0; i < l.candidates().size(); i++) {
        page.add(ChainTrainer.Example.of(l.candidates().get(i), l.pairedWith()[i] >= 0));
      }
      pages.add(page);
    }
    if (chain) {
      return ChainTrainer.forCommitments().train(pages, THRESHOLD, header);
    }
    return ChainTrainer.forCommitments().trainIndependent(pages.stream().flatMap(List::stream).toList(), THRESHOLD,
        header);
  }

  /**
   * k-fold cross-validation grouped by municipality: train on k-1 folds, score the held-out fold, rotate. Groups
   * are dealt to folds in a fixed order (sorted by name, round robin), so runs are repeatable.
   */
  public CrossValidation crossValidate(List<AnnotatedPage> pages, int folds) throws IOException {
    return crossValidate(pages, List.of(), folds);
  }

  /**
   * As {@link #crossValidate(List, int)}, with {@code alwaysTrain} pages in every training fold and never scored
   * (pages written for the project to show shapes the real pages have too rarely to learn from).
   */
  public CrossValidation crossValidate(List<AnnotatedPage> pages, List<AnnotatedPage> alwaysTrain, int folds)
      throws IOException {
    List<Labelled> labelled = label(pages);
    List<Labelled> extra = label(alwaysTrain);
    List<String> groups = pages.stream().map(AnnotatedPage::group).distinct().sorted().toList();
    Map<String, Integer> foldOf = new HashMap<>();
    for (int i = 0; i < groups.size(); i++) {
      foldOf.put(groups.get(i), i % folds);
    }
    double[] thresholds = {0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7};
    Map<Double, Score> byThreshold = new TreeMap<>();
    Score rules = new Score(0, 0, 0, 0, 0);
    List<String> errors = new ArrayList<>();
    Reliability commitmentReliability = new Reliability();
    Reliability actorReliability = new Reliability();
    for (int k = 0; k < folds; k++) {
      List<Labelled> train = new ArrayList<>(extra);
      List<Labelled> test = new ArrayList<>();
      for (Labelled l : labelled) {
        (foldOf.get(l.page().group()) == k ? test : train).add(l);
      }
      CommitmentModel model = fit(train, List.of());
      ActorModel actorModel = fitActors(train);
      for (Labelled l : test) {
        double[] p = model.probabilities(l.candidates());
        errors(l, p, model.threshold(), errors);
        for (double t : thresholds) {
          byThreshold.merge(t, score(l, i -> p[i] >= t), Score::plus);
        }
        rules = rules.plus(score(l, i -> l.candidates().get(i).ruleAccepts()));
        reliability(l, p, model.threshold(), c -> actorModel.confidence(c, actorFeatures), commitmentReliability,
            actorReliability);
      }
    }
    return new CrossValidation(folds, pages.size(), byThreshold.get(THRESHOLD), rules, byThreshold, errors,
        commitmentReliability, actorReliability);
  }

  /**
   * Held-out probabilities against what the annotation says: every candidate's commitment probability against
   * whether it is paired with an annotated commitment, and on the kept and paired ones the actor decision's
   * confidence against whether the actors are exactly right.
   */
  private static void reliability(Labelled l, double[] p, double threshold,
      java.util.function.ToDoubleFunction<Candidate> actorConfidence, Reliability commitments, Reliability actors) {
    List<Integer> keptAt = kept(l, p, threshold);
    List<Candidate> kept = keptAt.stream().map(l.candidates()::get).toList();
    List<String> gold = l.page().gold().stream().map(AnnotatedPage.Gold::text).toList();
    int[] pairs = CommitmentMatch.pair(kept.stream().map(Candidate::text).toList(), gold);
    for (int j = 0; j < kept.size(); j++) {
      Candidate c = kept.get(j);
      commitments.add(p[keptAt.get(j)], pairs[j] >= 0);
      if (pairs[j] >= 0) {
        Set<String> want = l.page().gold().get(pairs[j]).actors();
        actors.add(actorConfidence.applyAsDouble(c), ids(c.actors()).equals(new TreeSet<>(want)));
      }
    }
  }

  private static TreeSet<String> ids(Set<Actor> actors) {
    return actors.stream().map(Actor::id).collect(Collectors.toCollection(TreeSet::new));
  }

  /** What the held-out model missed and added on one page, with its probabilities and the features. */
  private static List<Integer> kept(Labelled l, double[] p, double threshold) {
    return java.util.stream.IntStream.range(0, p.length).filter(i -> p[i] >= threshold).boxed().toList();
  }

  private static void errors(Labelled l, double[] p, double threshold, List<String> out) {
    List<Integer> keptAt = kept(l, p, threshold);
    List<Candidate> kept = keptAt.stream().map(l.candidates()::get).toList();
    List<String> gold = l.page().gold().stream().map(AnnotatedPage.Gold::text).toList();
    int[] pairs = CommitmentMatch.pair(kept.stream().map(Candidate::text).toList(), gold);
    Set<Integer> matched = new java.util.HashSet<>();
    for (int j = 0; j < pairs.length; j++) {
      if (pairs[j] >= 0) {
        matched.add(pairs[j]);
        Set<String> found = ids(kept.get(j).actors());
        if (!found.equals(new TreeSet<>(l.page().gold().get(pairs[j]).actors()))) {
          out.add(l.page().name() + "  actors " + found + " want " + new TreeSet<>(l.page().gold().get(pairs[j]).actors())
              + ": " + cut(kept.get(j).text()));
        }
      } else {
        out.add(String.format(Locale.ROOT, "%s  extra %.2f: %s   %s", l.page().name(), p[keptAt.get(j)],
            cut(kept.get(j).text()), kept.get(j).features()));
      }
    }
    for (int i = 0; i < gold.size(); i++) {
      if (!matched.contains(i)) {
        String best = "no candidate";
        for (int c = 0; c < l.candidates().size(); c++) {
          if (l.pairedWith()[c] == i) {
            Candidate cand = l.candidates().get(c);
            best = String.format(Locale.ROOT, "%.2f %s", p[c], cand.features());
          }
        }
        out.add(l.page().name() + "  missed: " + cut(gold.get(i)) + "   " + best);
      }
    }
  }

  private static String cut(String s) {
    return s.length() > 100 ? s.substring(0, 100) + "…" : s;
  }

  private static Score score(Labelled l, java.util.function.IntPredicate keep) {
    List<Candidate> kept = java.util.stream.IntStream.range(0, l.candidates().size()).filter(keep)
        .mapToObj(l.candidates()::get).toList();
    List<String> gold = l.page().gold().stream().map(AnnotatedPage.Gold::text).toList();
    int[] pairs = CommitmentMatch.pair(kept.stream().map(Candidate::text).toList(), gold);
    int tp = 0;
    int actors = 0;
    for (int j = 0; j < pairs.length; j++) {
      if (pairs[j] >= 0) {
        tp++;
        Set<String> found = ids(kept.get(j).actors());
        actors += found.equals(new TreeSet<>(l.page().gold().get(pairs[j]).actors())) ? 1 : 0;
      }
    }
    int reachable = (int) java.util.Arrays.stream(l.pairedWith()).filter(i -> i >= 0).count();
    return new Score(tp, kept.size(), gold.size(), actors, reachable);
  }

  private List<Labelled> label(List<AnnotatedPage> pages) throws IOException {
    PromiseExtractor extractor = PromiseExtractor.create(lexicon, CommitmentModel.empty());
    List<Labelled> out = new ArrayList<>();
    for (AnnotatedPage p : pages) {
      List<Candidate> candidates = extractor.candidates(p.document()).stream().map(this::withoutDropped).toList();
      List<String> gold = p.gold().stream().map(AnnotatedPage.Gold::text).toList();
      out.add(new Labelled(p, candidates, CommitmentMatch.pair(candidates.stream().map(Candidate::text).toList(), gold)));
    }
    return out;
  }

  private Candidate withoutDropped(Candidate c) {
    if (dropped.isEmpty()) {
      return c;
    }
    List<String> kept = c.features().stream()
        .filter(f -> !dropped.contains(f) && !dropped.contains(f.contains("=") ? f.substring(0, f.indexOf('=')) : f))
        .toList();
    return c.withFeatures(kept);
  }

  /** Writes a trained model to a file (the form {@link CommitmentModel#load()} reads from the jar). */
  public static void write(CommitmentModel model, Writer out) throws IOException {
    model.write(out);
  }

  /** Writes a trained actor model (the form {@link ActorModel#load()} reads from the jar). */
  public static void write(ActorModel model, Writer out) throws IOException {
    model.write(out);
  }

  /** Prints a cross-validation the way the closing notes quote it. */
  public static String report(CrossValidation cv) {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "%d-fold cross-validation over %d annotated pages, grouped by municipality%n",
        cv.folds(), cv.pages()));
    s.append(String.format(Locale.ROOT, "model (threshold %.2f): ", THRESHOLD)).append(cv.model()).append('\n');
    s.append("hand rules alone:      ").append(cv.rules()).append('\n');
    s.append("by threshold:\n");
    cv.byThreshold().forEach((t, sc) -> s.append(String.format(Locale.ROOT, "  %.2f  %s%n", t, sc)));
    s.append("reliability of the commitment probability (kept candidates, held out):\n")
        .append(cv.commitments().table());
    s.append("reliability of the actors' confidence (actors exactly right; matched commitments, held out):\n").append(cv.actors().table());
    return s.toString();
  }

  /** The held-out errors of a cross-validation, one line each. */
  public static String errors(CrossValidation cv) {
    return String.join("\n", cv.errors()) + "\n";
  }
}
