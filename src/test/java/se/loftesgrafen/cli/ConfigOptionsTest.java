package se.loftesgrafen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigOptionsTest {
  @Test
  void theInstallationCountsOnlyWhenItHoldsAConfigurationFolder(@TempDir Path dir) throws IOException {
    assertTrue(ConfigOptions.installation(null).isEmpty());
    assertTrue(ConfigOptions.installation(" ").isEmpty());
    assertTrue(ConfigOptions.installation(dir.toString()).isEmpty(), "no harvest-config in it");
    Files.createDirectory(dir.resolve("harvest-config"));
    assertEquals(Optional.of(dir), ConfigOptions.installation(dir.toString()));
  }
}
