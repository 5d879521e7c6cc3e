package se.loftesgrafen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import se.loftesgrafen.testing.RunningService;

/**
 * {@code validate} on a store the service wrote on port 0: the IRIs are minted under the configured base IRI, not
 * the port, so validate opens the store as the service does and checks the same graph.
 */
class ValidateCommandIT {
  @TempDir
  Path store;

  @Test
  void theHarvestedSamplePassesTheShapes() throws Exception {
    try (RunningService service = RunningService.start(store)) {
      assertTrue(service.service().port() != 8080);
    }
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    int exit = cl.execute("validate", "--store", store.toString());
    assertTrue(out.toString().contains(" 0 violations"), out.toString());
    assertEquals(0, exit, out.toString());
  }
}
