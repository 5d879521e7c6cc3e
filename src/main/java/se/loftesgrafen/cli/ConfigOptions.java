package se.loftesgrafen.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.config.ConfigLoader;
import se.loftesgrafen.config.ConfigOverrides;

/** Options shared by the commands that read the configuration. */
final class ConfigOptions {
  @Option(names = "--config", paramLabel = "DIR", defaultValue = "harvest-config",
      description = "configuration folder (default: ${DEFAULT-VALUE})")
  Path config;

  @Option(names = "--store", paramLabel = "DIR",
      description = "store folder (default: service.store of the configuration, ./data)")
  String store;

  AppConfig load(Optional<Integer> port, Optional<String> sources) {
    return ConfigLoader.load(config, ConfigOverrides.fromEnvironment(port, Optional.ofNullable(store), sources));
  }
}
