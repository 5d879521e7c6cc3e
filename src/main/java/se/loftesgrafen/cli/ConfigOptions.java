package se.loftesgrafen.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.config.ConfigLoader;
import se.loftesgrafen.config.ConfigOverrides;

/** Options shared by the commands that read the configuration. */
final class ConfigOptions {
  /** The folder the launcher runs from, set by {@code ./loftesgrafen}: its configuration is the default elsewhere. */
  static final String HOME_VARIABLE = "LOFTESGRAFEN_HOME";
  private static final Path DEFAULT_CONFIG = Path.of("harvest-config");

  @Option(names = "--config", paramLabel = "DIR",
      description = "configuration folder (default: ./harvest-config, else the installation's, $LOFTESGRAFEN_HOME)")
  Path config;

  @Option(names = "--store", paramLabel = "DIR",
      description = "store folder (default: service.store of the configuration, ./data)")
  String store;

  AppConfig load(Optional<Integer> port, Optional<String> sources) {
    ConfigOverrides overrides = ConfigOverrides.fromEnvironment(port, Optional.ofNullable(store), sources);
    if (config != null) {
      return ConfigLoader.load(config, overrides);
    }
    Optional<Path> home = installation(System.getenv(HOME_VARIABLE));
    return home.isPresent() && !Files.isDirectory(DEFAULT_CONFIG)
        ? ConfigLoader.load(home.get().resolve(DEFAULT_CONFIG), overrides, home.get())
        : ConfigLoader.load(DEFAULT_CONFIG, overrides);
  }

  /** The installation the launcher names, when it holds a configuration folder. */
  static Optional<Path> installation(String home) {
    return Optional.ofNullable(home).filter(h -> !h.isBlank()).map(Path::of)
        .filter(h -> Files.isDirectory(h.resolve(DEFAULT_CONFIG)));
  }
}
