package se.loftesgrafen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad flags, a missing configuration and a port in use: one clear line, a non-zero exit, no stack trace. */
class CommandLineErrorsTest {
  @TempDir
  Path store;

  private record Run(int exit, String out, String err) {
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static void assertOneClearLine(Run run, String expected) {
    assertNotEquals(0, run.exit());
    String[] lines = run.err().strip().split("\n");
    assertEquals(1, lines.length, "one line: " + run.err());
    assertTrue(lines[0].startsWith("error: ") && lines[0].contains(expected), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace");
  }

  @Test
  void anUnknownFlag() {
    assertOneClearLine(run("serve", "--bogus"), "Unknown option: '--bogus'");
  }

  @Test
  void aPortThatIsNotANumber() {
    assertOneClearLine(run("serve", "--port", "eighty"), "--port");
  }

  @Test
  void aMissingConfigFolder() {
    assertOneClearLine(run("harvest", "--config", store.resolve("none").toString()), "config folder not found");
  }

  @Test
  void aPortInUse() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
      Run run = run("serve", "--store", store.toString(), "--port", String.valueOf(taken.getLocalPort()));
      assertOneClearLine(run, "port " + taken.getLocalPort() + " is already in use");
    }
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"serve", "harvest", "extract", "validate"}) {
      Run run = run(command, "--help");
      assertEquals(0, run.exit(), command);
      assertTrue(run.out().contains("Usage: loftesgrafen " + command), run.out());
    }
  }
}
