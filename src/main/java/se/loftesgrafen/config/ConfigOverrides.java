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
  static final Map<String, String> VARIABLES = Map.ofEntries(
      Map.entry("port", "LOFTESGRAFEN_PORT"),
      Map.entry("host", "LOFTESGRAFEN_HOST"),
      Map.entry("store", "LOFTESGRAFEN_STORE"),
      Map.entry("remoteStore", "LOFTESGRAFEN_REMOTE_STORE"),
      Map.entry("baseIri", "LOFTESGRAFEN_BASE_IRI"),
      Map.entry("publicUrl", "LOFTESGRAFEN_PUBLIC_URL"),
      Map.entry("adminToken", "LOFTESGRAFEN_ADMIN_TOKEN"),
      Map.entry("sources", "LOFTESGRAFEN_SOURCES"),
      Map.entry("sparqlTimeout", "LOFTESGRAFEN_SPARQL_TIMEOUT"),
      Map.entry("sparqlMaxRows", "LOFTESGRAFEN_SPARQL_MAX_ROWS"),
      Map.entry("sparqlServiceAllowList", "LOFTESGRAFEN_SPARQL_SERVICE_ALLOW_LIST"),
      Map.entry("sparqlMaxQuerySize", "LOFTESGRAFEN_SPARQL_MAX_QUERY_SIZE"),
      Map.entry("queryThreads", "LOFTESGRAFEN_QUERY_THREADS"),
      Map.entry("queryQueue", "LOFTESGRAFEN_QUERY_QUEUE"),
      Map.entry("idleTimeout", "LOFTESGRAFEN_IDLE_TIMEOUT"),
      Map.entry("writeTimeout", "LOFTESGRAFEN_WRITE_TIMEOUT"),
      Map.entry("allowPrivateAddresses", "LOFTESGRAFEN_ALLOW_PRIVATE_ADDRESSES"),
      Map.entry("warc", "LOFTESGRAFEN_WARC"),
      Map.entry("clusterDatabase", "LOFTESGRAFEN_CLUSTER_DATABASE"),
      Map.entry("clusterUser", "LOFTESGRAFEN_CLUSTER_USER"),
      Map.entry("clusterPassword", "LOFTESGRAFEN_CLUSTER_PASSWORD"),
      Map.entry("replica", "LOFTESGRAFEN_REPLICA"));

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

  /** What set the value of {@code key}, when not the file: {@code --port} or {@code environment LOFTESGRAFEN_PORT}. */
  java.util.Optional<String> sourceOf(String key) {
    Optional<String> flag = switch (key) {
      case "port" -> port;
      case "store" -> store;
      case "sources" -> sources;
      default -> Optional.empty();
    };
    if (flag.isPresent()) {
      return Optional.of("--" + key);
    }
    String variable = VARIABLES.get(key);
    if (variable != null && environment.containsKey(variable) && !environment.get(variable).isBlank()) {
      return Optional.of("environment " + variable);
    }
    return Optional.empty();
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
