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
import se.loftesgrafen.extract.CommitmentModel;
import se.loftesgrafen.extract.ExtractorTraining;
import se.loftesgrafen.extract.ThemeModel;
import se.loftesgrafen.extract.ThemeTraining;
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
    if (themes) {
      return trainThemes(pages, log);
    }
    ExtractorTraining training = new ExtractorTraining(ThemeLexiconLoader.load(), java.util.Set.copyOf(without));
    if (folds != null) {
      if (folds < 2 || folds > pages.size()) {
        throw new UserError("--cross-validate needs 2.." + pages.size() + " folds, got " + folds, 2);
      }
      List<AnnotatedPage> extra = new ArrayList<>();
      for (Path dir : trainAlso) {
        extra.addAll(AnnotatedPage.load(dir));
      }
      ExtractorTraining.CrossValidation cv = training.crossValidate(pages, extra, folds);
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
    ThemeModel themeModel = new ThemeTraining(ThemeLexiconLoader.load(), java.util.Set.copyOf(without))
        .train(pages, 10, String.valueOf(cases));
    try (Writer w = Files.newBufferedWriter(out.resolve("theme-model.tsv"), StandardCharsets.UTF_8)) {
      ThemeTraining.write(themeModel, w);
    }
    log.println("trained on " + pages.size() + " pages; models written to " + out);
    log.flush();
    return 0;
  }

  /** {@code --themes}: the theme model (ThemeTraining); kept apart from the commitment model's path above. */
  private int trainThemes(List<AnnotatedPage> pages, PrintWriter log) throws IOException {
    ThemeTraining training = new ThemeTraining(ThemeLexiconLoader.load(), java.util.Set.copyOf(without));
    int k = folds == null ? 10 : folds;
    if (k < 2 || k > pages.size()) {
      throw new UserError("--cross-validate needs 2.." + pages.size() + " folds, got " + k, 2);
    }
    if (folds != null) {
      List<AnnotatedPage> extra = new ArrayList<>();
      for (Path dir : trainAlso) {
        extra.addAll(AnnotatedPage.load(dir));
      }
      ThemeTraining.CrossValidation cv = training.crossValidate(pages, extra, k);
      if (verbose) {
        log.print(ThemeTraining.errors(cv));
      }
      log.print(ThemeTraining.report(cv));
      log.flush();
      return 0;
    }
    Path target = out.resolve("theme-model.tsv");
    ThemeModel model = training.train(pages, k, String.valueOf(cases));
    if (target.getParent() != null) {
      Files.createDirectories(target.getParent());
    }
    try (Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      ThemeTraining.write(model, w);
    }
    model.header().forEach(h -> log.println(h));
    log.println("trained on " + pages.size() + " pages; theme weights written to " + target);
    log.flush();
    return 0;
  }
}
