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

/** {@code harvest}: a summary table on stdout; exit 0 when something was harvested, 1 when nothing could be. */
class HarvestCommandTest {
  @TempDir
  Path dir;

  private int run(StringWriter out, String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    return cl.execute(args);
  }

  @Test
  void theSampleIsHarvestedAndSummarised() {
    StringWriter out = new StringWriter();
    int exit = run(out, "harvest", "--store", dir.resolve("store").toString(), "--sources",
        "harvest-config/sample/sources.yaml", "--progress", "0");
    assertEquals(0, exit, out.toString());
    assertTrue(out.toString().contains(": 5 stored, 0 unchanged"), out.toString());
    assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("file ")), "a row per host: " + out);
  }

  @Test
  void nothingHarvestedExitsNonZeroWithAClearLine() throws Exception {
    Path sources = Files.writeString(dir.resolve("sources.yaml"), "sources:\n  - url: nowhere/\n");
    StringWriter out = new StringWriter();
    int exit = run(out, "harvest", "--store", dir.resolve("store").toString(), "--sources", sources.toString(),
        "--progress", "0");
    assertEquals(1, exit, out.toString());
    assertTrue(out.toString().contains("nowhere: no such file or folder"), out.toString());
  }
}
