package se.loftesgrafen.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import se.loftesgrafen.extract.AnnotatedPage;
import se.loftesgrafen.extract.commitment.CommitmentModel;
import se.loftesgrafen.extract.commitment.ExtractorTraining;
import se.loftesgrafen.extract.commitment.ThemeModel;
import se.loftesgrafen.extract.commitment.ThemeTraining;
import se.loftesgrafen.vocab.ThemeLexiconLoader;

/**
 * {@code train --cases DIR... [--out FILE] [--cross-validate K]}: trains the commitment model from annotated
 * pages and writes its weights, or with {@code --cross-validate} measures it by k-fold cross-validation grouped by
 * municipality (nothing is written then).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = "Trains the commitment model from annotated pages, or cross-validates it (--cross-validate K).")
public final class TrainCommand implements Callable<Integer> {
  @Option(names = "--cases", required = true, paramLabel = "DIR",
      description = "Folder of annotated pages: development-set case files (NNN.json) or fixture folders "
          + "(expected.json + page.*). Repeat for several.")
  List<Path> cases;

  @Option(names = "--train-also", paramLabel = "DIR",
      description = "With --cross-validate: annotated pages that are in every training fold and never scored.")
  List<Path> trainAlso = new ArrayList<>();

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "src/main/resources/extract",
      description = "Folder to write the trained models to (commitment-model.tsv, actor-model.tsv, theme-model.tsv;"
          + " default: ${DEFAULT-VALUE}, the ones the jar ships).")
  Path out;

  @Option(names = "--cross-validate", paramLabel = "K",
      description = "Only measure: K-fold cross-validation, pages of one municipality in one fold.")
  Integer folds;

  @Option(names = "--without", paramLabel = "FEATURE", split = ",",
      description = "Features to leave out (a name such as rule, or a family such as w1 for w1=...): ablation.")
  List<String> without = new ArrayList<>();

  @Option(names = "--verbose", description = "With --cross-validate: list each held-out miss and extra.")
  boolean verbose;

  @Option(names = "--chain", description = "Decide commitments with a linear-chain CRF over each page's candidates"
      + " instead of the logistic regression that ships (to measure one against the other).")
  boolean chain;

  @Option(names = "--themes",
      description = "Train only the theme model (into --out DIR), or with --cross-validate measure it.")
  boolean themes;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter log = spec.commandLine().getOut();
    List<AnnotatedPage> pages = new ArrayList<>();
    for (Path dir : cases) {
      if (!Files.isDirectory(dir)) {
        throw new UserError("no such folder of annotated pages: " + dir, 2);
      }
      pages.addAll(AnnotatedPage.load(dir));
    }
    if (pages.isEmpty()) {
      throw new UserError("no annotated pages in " + cases, 2);
    }
    if (folds != null && (folds < 2 || folds > pages.size())) {
      throw new UserError("--cross-validate needs 2.." + pages.size() + " folds, got " + folds, 2);
    }
    if (themes) {
      return trainThemes(pages, log);
    }
    ExtractorTraining training = new ExtractorTraining(ThemeLexiconLoader.load(), java.util.Set.copyOf(without), chain);
    if (folds != null) {
      ExtractorTraining.CrossValidation cv = training.crossValidate(pages, trainAlsoPages(), folds);
      if (verbose) {
        log.print(ExtractorTraining.errors(cv));
      }
      log.print(ExtractorTraining.report(cv));
      log.flush();
      return 0;
    }
    ExtractorTraining.Models models = training.train(pages, "Sources: " + cases);
    Files.createDirectories(out);
    try (Writer w = Files.newBufferedWriter(out.resolve("commitment-model.tsv"), StandardCharsets.UTF_8)) {
      ExtractorTraining.write(models.commitments(), w);
    }
    try (Writer w = Files.newBufferedWriter(out.resolve("actor-model.tsv"), StandardCharsets.UTF_8)) {
      ExtractorTraining.write(models.actors(), w);
    }
    writeThemeModel(themeTraining().train(pages, Math.min(THEME_FOLDS, pages.size()), String.valueOf(cases)));
    log.println("trained on " + pages.size() + " pages; models written to " + out);
    log.flush();
    return 0;
  }

  /** Folds of the cross-validation inside theme training that chooses the theme model's threshold. */
  private static final int THEME_FOLDS = 10;

  /** {@code --themes}: only the theme model, trained or (with {@code --cross-validate}) measured. */
  private int trainThemes(List<AnnotatedPage> pages, PrintWriter log) throws IOException {
    ThemeTraining training = themeTraining();
    if (folds != null) {
      ThemeTraining.CrossValidation cv = training.crossValidate(pages, trainAlsoPages(), folds);
      if (verbose) {
        log.print(ThemeTraining.errors(cv));
      }
      log.print(ThemeTraining.report(cv));
      log.flush();
      return 0;
    }
    ThemeModel model = training.train(pages, Math.min(THEME_FOLDS, pages.size()), String.valueOf(cases));
    writeThemeModel(model);
    model.header().forEach(log::println);
    log.println("trained on " + pages.size() + " pages; theme weights written to " + out.resolve("theme-model.tsv"));
    log.flush();
    return 0;
  }

  private ThemeTraining themeTraining() {
    return new ThemeTraining(ThemeLexiconLoader.load(), java.util.Set.copyOf(without));
  }

  private void writeThemeModel(ThemeModel model) throws IOException {
    Files.createDirectories(out);
    try (Writer w = Files.newBufferedWriter(out.resolve("theme-model.tsv"), StandardCharsets.UTF_8)) {
      ThemeTraining.write(model, w);
    }
  }

  /** The {@code --train-also} pages: in every training fold of a cross-validation, never scored. */
  private List<AnnotatedPage> trainAlsoPages() throws IOException {
    List<AnnotatedPage> extra = new ArrayList<>();
    for (Path dir : trainAlso) {
      extra.addAll(AnnotatedPage.load(dir));
    }
    return extra;
  }
}
