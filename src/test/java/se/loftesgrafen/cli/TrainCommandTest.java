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
    assertTrue(out.matches("(?s).*model \\(threshold 0\\.5\\): commitments P 0\\.\\d+ +R 0\\.\\d+ +F1 0\\.\\d+.*"), out);
    assertTrue(out.contains("hand rules alone:"), out);
  }

  @Test
  void trainingWritesAWeightsFile(@TempDir Path dir) throws Exception {
    Path model = dir.resolve("model.tsv");
    String out = run(0, "train", "--cases", FIXTURES, "--out", model.toString());
    assertTrue(out.contains("trained on 15 pages"), out);
    String weights = Files.readString(model);
    assertTrue(weights.contains("@threshold\t0.5000"), weights);
    assertTrue(weights.lines().filter(l -> !l.startsWith("#") && !l.startsWith("@")).count() > 10, weights);
  }

  @Test
  void aMissingFolderIsOneLine() {
    String out = run(2, "train", "--cases", "no/such/folder");
    assertTrue(out.contains("no such folder of annotated pages"), out);
  }
}
