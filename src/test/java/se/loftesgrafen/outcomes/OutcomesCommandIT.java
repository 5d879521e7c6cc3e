package se.loftesgrafen.outcomes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import se.loftesgrafen.cli.Main;

/** {@code outcomes load} twice, then {@code validate}, on a real TDB2 store through the command line. */
class OutcomesCommandIT {
  @TempDir
  Path store;

  private String run(int expectedExit, String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    int exit = cl.execute(args);
    assertEquals(expectedExit, exit, out.toString());
    return out.toString();
  }

  @Test
  void loadTwiceThenValidate() {
    String first = run(0, "outcomes", "load", "--store", store.toString());
    assertTrue(first.contains("loaded 47,524 observations"), first);
    String second = run(0, "outcomes", "load", "--store", store.toString());
    assertTrue(second.contains("holds this copy already: 47,524 observations"), second);
    String validated = run(0, "validate", "--store", store.toString());
    assertTrue(validated.contains(" 0 violations"), validated);
    assertTrue(validated.contains("in 1 graphs"), "the outcome graph was checked: " + validated);
  }
}
