package se.loftesgrafen.config;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Values that win over the configuration file: CLI flags first, then environment variables.
 * Each is kept as text so that {@link ConfigLoader} validates it like a value from the file.
 */
public record ConfigOverrides(Optional<String> port, Optional<String> store, Optional<String> sources,
                              Map<String, String> environment) {
  /** Environment variables read, by configuration key. */
  static final Map<String, String> VARIABLES = Map.of(
      "port", "LOFTESGRAFEN_PORT",
      "store", "LOFTESGRAFEN_STORE",
      "remoteStore", "LOFTESGRAFEN_REMOTE_STORE",
      "baseIri", "LOFTESGRAFEN_BASE_IRI",
      "adminToken", "LOFTESGRAFEN_ADMIN_TOKEN",
      "sources", "LOFTESGRAFEN_SOURCES",
      "sparqlTimeout", "LOFTESGRAFEN_SPARQL_TIMEOUT",
      "sparqlMaxRows", "LOFTESGRAFEN_SPARQL_MAX_ROWS",
      "allowPrivateAddresses", "LOFTESGRAFEN_ALLOW_PRIVATE_ADDRESSES");

  public ConfigOverrides {
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(sources, "sources");
    environment = Map.copyOf(environment);
  }

  public static ConfigOverrides none() {
    return new ConfigOverrides(Optional.empty(), Optional.empty(), Optional.empty(), Map.of());
  }

  public static ConfigOverrides fromEnvironment(Optional<Integer> port, Optional<String> store,
                                                Optional<String> sources) {
    return new ConfigOverrides(port.map(String::valueOf), store, sources, System.getenv());
  }

  /** The flag if given, else the environment variable for the key, else the file's value. */
  String pick(String key, Optional<String> flag, String fileValue) {
    if (flag.isPresent()) {
      return flag.get();
    }
    String variable = VARIABLES.get(key);
    if (variable != null && environment.containsKey(variable) && !environment.get(variable).isBlank()) {
      return environment.get(variable);
    }
    return fileValue;
  }
}
