package se.loftesgrafen.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the browser tests find Debian's headless Chromium and chromedriver (CHROMIUM_BIN, CHROMEDRIVER_BIN), and what
 * happens when they are missing: in CI ({@code .ci/run} installs them and sets LOFTESGRAFEN_BROWSER_TESTS=required)
 * the test fails; on a developer's machine with only a JDK and Maven it is skipped with the same message, so that
 * {@code mvn verify} still runs everything else.
 */
public final class Browser {
  private Browser() {}

  public static Path chromium() {
    return Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
  }

  public static Path chromedriver() {
    return Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
  }

  /** Fails (in CI) or skips (elsewhere) unless every program given is there. */
  public static void require(Path... programs) {
    for (Path p : programs) {
      if (!Files.isExecutable(p)) {
        String why = "this test needs " + p + ": `apt-get install -y chromium chromium-driver` (.ci/run does), or set"
            + " CHROMIUM_BIN and CHROMEDRIVER_BIN";
        if ("required".equals(System.getenv("LOFTESGRAFEN_BROWSER_TESTS"))) {
          Assertions.fail(why);
        }
        Assumptions.abort(why);
      }
    }
  }
}
