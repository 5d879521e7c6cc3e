package se.loftesgrafen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code train}: trains from the project's annotated fixtures and cross-validates by municipality. */
class TrainCommandTest {
  private static final String FIXTURES = "src/test/resources/extract/pages";

  private static String run(int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(out, true));
    assertEquals(expectedExit, cl.execute(args), out.toString());
    return out.toString();
  }

  @Test
  void crossValidationPrintsTheModelAgainstTheRules() {
    String out = run(0, "train", "--cases", FIXTURES, "--cross-validate", "3");
    assertTrue(out.contains("3-fold cross-validation over 15 annotated pages, grouped by municipality"), out);
    assertTrue(out.matches("(?s).*model \\(threshold 0\\.60\\): commitments P 0\\.\\d+ +R 0\\.\\d+ +F1 0\\.\\d+.*"), out);
    assertTrue(out.contains("hand rules alone:"), out);
  }

  @Test
  void trainingWritesTheThreeModels(@TempDir Path dir) throws Exception {
    Path models = dir.resolve("models");
    String out = run(0, "train", "--cases", FIXTURES, "--out", models.toString());
    assertTrue(out.contains("trained on 15 pages"), out);
    String weights = Files.readString(models.resolve("commitment-model.tsv"));
    assertTrue(weights.contains("@threshold\t0.6000"), weights);
    assertTrue(weights.lines().filter(l -> !l.startsWith("#") && !l.startsWith("@")).count() > 10, weights);
    String actors = Files.readString(models.resolve("actor-model.tsv"));
    // On these fixture pages every paired commitment's actors are read right: nothing to separate, so the actor
    // model is its smoothed share alone (a bias well above 0: sure, not certain).
    assertTrue(actors.contains("@bias\t"), actors);
    double bias = Double.parseDouble(actors.lines().filter(l -> l.startsWith("@bias\t")).findFirst().orElseThrow()
        .substring(6));
    assertTrue(bias > 1 && bias < 10, actors);
    assertTrue(Files.size(models.resolve("theme-model.tsv")) > 100);
    // The folder is what extract --models reads: the same page, decided by these models, gives a commitment.
    String extracted = run(0, "extract", "--models", models.toString(), FIXTURES + "/" + firstFixturePage());
    assertTrue(extracted.contains("\"confidence\""), extracted);
  }

  private static String firstFixturePage() throws java.io.IOException {
    try (var pages = Files.list(Path.of(FIXTURES))) {
      Path dir = pages.filter(Files::isDirectory).sorted().findFirst().orElseThrow();
      try (var files = Files.list(dir)) {
        return dir.getFileName() + "/" + files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("page."))
            .findFirst().orElseThrow();
      }
    }
  }

  @Test
  void aMissingFolderIsOneLine() {
    String out = run(2, "train", "--cases", "no/such/folder");
    assertTrue(out.contains("no such folder of annotated pages"), out);
  }
}
