package se.loftesgrafen.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quartz.CronExpression;

/**
 * Reads {@code <configDir>/loftesgrafen.yaml}, applies overrides and validates every value, collecting all
 * problems into one {@link ConfigException} so a user fixes them in one go.
 */
public final class ConfigLoader {
  public static final String FILE_NAME = "loftesgrafen.yaml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ConfigLoader() {}

  public static AppConfig load(Path configDir, ConfigOverrides overrides) {
    return load(configDir, overrides, Path.of(""));
  }

  /**
   * @param workingDir what relative folders of the configuration (service.store, harvest.warc) are resolved against:
   *                   the current folder, or the installation when its own configuration is used from elsewhere
   */
  public static AppConfig load(Path configDir, ConfigOverrides overrides, Path workingDir) {
    Path file = configDir.resolve(FILE_NAME);
    if (!Files.isDirectory(configDir)) {
      throw new ConfigException("config folder not found: " + configDir);
    }
    if (!Files.isRegularFile(file)) {
      throw new ConfigException("config file not found: " + file);
    }
    ConfigFile raw = read(file);
    return validate(configDir, file, raw, overrides, workingDir);
  }

  private static ConfigFile read(Path file) {
    try {
      if (YAML.readTree(file.toFile()) == null || YAML.readTree(file.toFile()).isMissingNode()) {
        return new ConfigFile(null, null, null, null);
      }
      return YAML.readValue(file.toFile(), ConfigFile.class);
    } catch (UnrecognizedPropertyException e) {
      throw YamlErrors.unknownKey(file, e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + " " + where(e.getLocation()) + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static String where(JsonLocation location) {
    return location == null ? "" : "line " + location.getLineNr() + ": ";
  }

  private static AppConfig validate(Path configDir, Path file, ConfigFile raw, ConfigOverrides o,
      Path workingDir) {
    List<String> problems = new ArrayList<>();
    ConfigFile.Service s = raw.service() != null ? raw.service()
        : ConfigFile.Service.empty();
    ConfigFile.Harvest h = raw.harvest() != null ? raw.harvest()
        : ConfigFile.Harvest.empty();
    Values v = new Values(file, problems, o);

    int port = v.port(o.pick("port", o.port(), s.port() == null ? "8080" : String.valueOf(s.port())));
    String host = o.pick("host", Optional.empty(), s.host() == null ? AppConfig.ServiceConfig.EVERY_INTERFACE
        : s.host()).trim();
    if (!host.matches("[A-Za-z0-9._:-]+")) {
      problems.add(v.where("service.host") + ": service.host must be an address or host name to listen on"
          + " (0.0.0.0 for every interface, 127.0.0.1 for this machine only), not '" + host + "'");
    }
    Path store = workingDir.resolve(o.pick("store", o.store(), s.store() == null ? "./data" : s.store()));
    Optional<URI> remote = v.httpUri("service.remoteStore", o.pick("remoteStore", Optional.empty(), s.remoteStore()));
    Optional<URI> base = v.httpUri("service.baseIri", o.pick("baseIri", Optional.empty(), s.baseIri()));
    base.filter(b -> !b.toString().endsWith("/"))
        .ifPresent(b -> problems.add(v.where("service.baseIri") + ": service.baseIri must end with '/': " + b));
    Optional<URI> publicUrl = v.httpUri("service.publicUrl", o.pick("publicUrl", Optional.empty(), s.publicUrl()));
    publicUrl.filter(b -> !b.toString().endsWith("/"))
        .ifPresent(b -> problems.add(v.where("service.publicUrl") + ": service.publicUrl must end with '/': " + b));
    Duration timeout = v.duration("service.sparqlTimeout",
        o.pick("sparqlTimeout", Optional.empty(), s.sparqlTimeout() == null ? "10s" : s.sparqlTimeout()));
    long maxRows = v.count("service.sparqlMaxRows", o.pick("sparqlMaxRows", Optional.empty(),
        s.sparqlMaxRows() == null ? "100000" : String.valueOf(s.sparqlMaxRows())));
    if (maxRows < 1) {
      problems.add(v.where("service.sparqlMaxRows") + ": service.sparqlMaxRows must be at least 1, not " + maxRows);
    }
    Optional<String> token = Optional.ofNullable(o.pick("adminToken", Optional.empty(), s.adminToken()))
        .filter(t -> !t.isBlank());
    token.filter(t -> t.length() < 16)
        .ifPresent(t -> problems.add(v.where("service.adminToken") + ": service.adminToken must be at least 16 characters"));

    AppConfig.EndpointLimits limits = endpointLimits(s, v, o);
    if (limits.idleTimeout().compareTo(timeout) <= 0) {
      // a connection waits without traffic while its query runs: it must not be closed as idle meanwhile
      problems.add(file + ": service.idleTimeout (" + limits.idleTimeout() + ") must be longer than"
          + " service.sparqlTimeout (" + timeout + ")");
    }

    String sourcesName = o.pick("sources", o.sources(), h.sources() == null ? "sources.yaml" : h.sources());
    Path sources = o.sources().isPresent() ? Path.of(sourcesName) : configDir.resolve(sourcesName);
    if (!Files.isRegularFile(sources)) {
      problems.add("sources file not found: " + sources);
    }
    Duration delay = v.duration("harvest.perHostDelay", h.perHostDelay() == null ? "1s" : h.perHostDelay());
    String cron = h.schedule() == null ? "0 0 3 * * ?" : h.schedule();
    if (!CronExpression.isValidExpression(cron)) {
      problems.add(file + ": harvest.schedule is not a Quartz cron expression: '" + cron + "'");
    }
    String userAgent = h.userAgent() == null ? "Loftesgrafen/0.1 (+https://w3id.org/loftesgrafen)" : h.userAgent();
    if (!userAgent.matches("[\\x20-\\x7E]+")) {
      // a header value is bytes: outside printable ASCII a server reads whatever its charset makes of them (RFC 9110 5.5)
      problems.add(file + ": harvest.userAgent must be printable ASCII (no 'ö', no control characters): '"
          + userAgent + "'");
    }
    AppConfig.FetchLimits fetch = fetchLimits(h, v, o);
    AppConfig.DiscoveryLimits discovery = new AppConfig.DiscoveryLimits(
        v.atLeast("harvest.discoveryDepth", h.discoveryDepth(), 3, 0),
        v.atLeast("harvest.pagesPerHost", h.pagesPerHost(), 400, 1));
    Duration extraction = v.duration("harvest.extractionTimeout",
        h.extractionTimeout() == null ? "60s" : h.extractionTimeout());
    String warcName = o.pick("warc", Optional.empty(), h.warc());
    Path warc = warcName == null || warcName.isBlank() ? store.resolve("warc") : workingDir.resolve(warcName.trim());
    AppConfig.ClusterConfig cluster = cluster(raw.cluster() != null ? raw.cluster() : ConfigFile.Cluster.empty(), v,
        o);
    if (cluster.enabled() && remote.isEmpty()) {
      problems.add(file + ": cluster.database needs service.remoteStore: the replicas of a fleet share one store"
          + " (an embedded TDB2 store belongs to one process)");
    }
    AppConfig.CatalogConfig catalog = catalog(raw.catalog(), v, file, problems);
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new AppConfig(configDir,
        new AppConfig.ServiceConfig(port, host, store, remote, base, timeout, maxRows, token, limits, publicUrl),
        new AppConfig.HarvestConfig(sources, configDir.resolve("sample/sources.yaml"),
            h.sampleOnEmptyStore() == null || h.sampleOnEmptyStore(), userAgent, delay, cron, fetch, discovery,
            extraction, warc), cluster, catalog);
  }

  /**
   * The fleet: a PostgreSQL JDBC URL turns it on. User and password come from the environment only, so that no
   * secret sits in a configuration file that is checked in.
   */
  private static AppConfig.ClusterConfig cluster(ConfigFile.Cluster c, Values v, ConfigOverrides o) {
    Optional<String> database = Optional.ofNullable(o.pick("clusterDatabase", Optional.empty(), c.database()))
        .map(String::trim).filter(d -> !d.isEmpty());
    database.filter(d -> !d.startsWith("jdbc:postgresql:"))
        .ifPresent(d -> v.problems().add(v.file() + ": cluster.database must be a PostgreSQL JDBC URL"
            + " (jdbc:postgresql://host:5432/name), not '" + d + "'"));
    Optional<String> user = Optional.ofNullable(o.pick("clusterUser", Optional.empty(), null)).filter(u -> !u.isBlank());
    Optional<String> password = Optional.ofNullable(o.pick("clusterPassword", Optional.empty(), null));
    String replica = Optional.ofNullable(o.pick("replica", Optional.empty(), c.replica())).map(String::trim)
        .filter(r -> !r.isEmpty()).orElseGet(ConfigLoader::defaultReplica);
    if (!replica.matches("[A-Za-z0-9._-]{1,80}")) {
      v.problems().add(v.file() + ": cluster.replica must be 1 to 80 letters, digits, '.', '_' or '-', not '"
          + replica + "'");
    }
    Duration checkin = v.duration("cluster.checkinInterval",
        c.checkinInterval() == null ? "5s" : c.checkinInterval());
    if (checkin.toMillis() < 500) {
      v.problems().add(v.file() + ": cluster.checkinInterval must be at least 500ms, not " + checkin);
    }
    return new AppConfig.ClusterConfig(database, user, password, replica, checkin);
  }

  /** A replica without a configured name: host name and process id, unique among running replicas. */
  private static String defaultReplica() {
    String host;
    try {
      host = java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      host = "replica";
    }
    return (host.replaceAll("[^A-Za-z0-9._-]", "-") + "-" + ProcessHandle.current().pid());
  }

  private static AppConfig.CatalogConfig catalog(ConfigFile.Catalog c, Values v, Path file, List<String> problems) {
    AppConfig.CatalogConfig d = AppConfig.CatalogConfig.defaults();
    if (c == null) {
      return d;
    }
    String email = c.contactEmail() == null ? d.contactEmail() : c.contactEmail().trim().replaceFirst("^mailto:", "");
    if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      problems.add(file + ": catalog.contactEmail must be an e-mail address, not '" + email + "'");
    }
    Optional<String> periodicity = Optional.ofNullable(c.accrualPeriodicity()).map(String::trim)
        .filter(f -> !f.isEmpty());
    periodicity.filter(f -> !f.matches("[A-Z_0-9]{3,20}")).ifPresent(f -> problems.add(file
        + ": catalog.accrualPeriodicity must be a code of the EU frequency table (DAILY, WEEKLY, MONTHLY, IRREG,"
        + " ...), not '" + f + "'"));
    return new AppConfig.CatalogConfig(c.publisher() == null ? d.publisher() : c.publisher(),
        v.httpUri("catalog.publisherHomepage", c.publisherHomepage()),
        c.contactName() == null ? d.contactName() : c.contactName(), email,
        v.httpUri("catalog.license", c.license()).orElse(d.license()), periodicity);
  }

  private static AppConfig.EndpointLimits endpointLimits(ConfigFile.Service s, Values v, ConfigOverrides o) {
    List<URI> allowed = new ArrayList<>();
    String fromEnvironment = o.pick("sparqlServiceAllowList", Optional.empty(), null);
    List<String> names = fromEnvironment != null ? List.of(fromEnvironment.trim().split("[\\s,]+"))
        : s.sparqlServiceAllowList() == null ? List.of() : s.sparqlServiceAllowList();
    names.stream().filter(n -> !n.isBlank())
        .forEach(n -> v.httpUri("service.sparqlServiceAllowList", n).ifPresent(allowed::add));
    AppConfig.EndpointLimits d = AppConfig.EndpointLimits.defaults();
    return new AppConfig.EndpointLimits(allowed,
        v.size("service.sparqlMaxQuerySize", o.pick("sparqlMaxQuerySize", Optional.empty(),
            s.sparqlMaxQuerySize() == null ? String.valueOf(d.maxQueryBytes()) : s.sparqlMaxQuerySize())),
        v.atLeast("service.queryThreads", v.integer("service.queryThreads",
            o.pick("queryThreads", Optional.empty(), s.queryThreads() == null ? null : s.queryThreads().toString())),
            d.queryThreads(), 1),
        v.atLeast("service.queryQueue", v.integer("service.queryQueue",
            o.pick("queryQueue", Optional.empty(), s.queryQueue() == null ? null : s.queryQueue().toString())),
            d.queryQueue(), 0),
        v.duration("service.idleTimeout", o.pick("idleTimeout", Optional.empty(),
            s.idleTimeout() == null ? "90s" : s.idleTimeout())),
        v.duration("service.writeTimeout", o.pick("writeTimeout", Optional.empty(),
            s.writeTimeout() == null ? "30s" : s.writeTimeout())));
  }

  private static AppConfig.FetchLimits fetchLimits(ConfigFile.Harvest h, Values v, ConfigOverrides o) {
    String allowPrivate = o.pick("allowPrivateAddresses", Optional.empty(),
        h.allowPrivateAddresses() == null ? "false" : h.allowPrivateAddresses().toString());
    return new AppConfig.FetchLimits(
        v.duration("harvest.connectTimeout", h.connectTimeout() == null ? "10s" : h.connectTimeout()),
        v.duration("harvest.firstByteTimeout", h.firstByteTimeout() == null ? "30s" : h.firstByteTimeout()),
        v.duration("harvest.totalTimeout", h.totalTimeout() == null ? "2m" : h.totalTimeout()),
        v.size("harvest.maxBodySize", h.maxBodySize() == null ? "20MB" : h.maxBodySize()),
        v.atLeast("harvest.maxRedirects", h.maxRedirects(), 5, 0),
        v.atLeast("harvest.retries", h.retries(), 2, 0),
        v.duration("harvest.maxRetryAfter", h.maxRetryAfter() == null ? "2m" : h.maxRetryAfter()),
        Boolean.parseBoolean(allowPrivate.trim()));
  }

  /** Validation of single values; each failure adds one line naming the file and key. */
  private record Values(Path file, List<String> problems, ConfigOverrides overrides) {
    /** Where a value came from: the flag or environment variable that set it, else the file. */
    String where(String key) {
      return overrides.sourceOf(key.substring(key.indexOf('.') + 1)).orElse(file.toString());
    }

    int port(String text) {
      try {
        int port = Integer.parseInt(text.trim());
        if (port >= 0 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.add(where("service.port") + ": service.port must be a number from 0 to 65535, not '" + text + "'");
      return 0;
    }

    long count(String key, String text) {
      try {
        return Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        problems.add(where(key) + ": " + key + " must be a whole number, not '" + text + "'");
        return 1;
      }
    }

    /** A whole number given as text, or null when none is given. */
    Integer integer(String key, String text) {
      if (text == null) {
        return null;
      }
      try {
        return Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        problems.add(where(key) + ": " + key + " must be a whole number, not '" + text + "'");
        return null;
      }
    }

    Duration duration(String key, String text) {
      Optional<Duration> d = DurationParser.parse(text);
      if (d.isEmpty()) {
        problems.add(where(key) + ": " + key + " must be a duration like 500ms, 10s, 2m; not '" + text + "'");
      }
      return d.orElse(Duration.ZERO);
    }

    int atLeast(String key, Integer value, int fallback, int min) {
      int n = value == null ? fallback : value;
      if (n < min) {
        problems.add(where(key) + ": " + key + " must be at least " + min + ", not " + n);
      }
      return n;
    }

    /** Sizes as written: {@code 20MB}, {@code 512KB}, {@code 1048576}. */
    long size(String key, String text) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*(B|KB|MB|GB)?")
          .matcher(text.trim().toUpperCase(java.util.Locale.ROOT));
      if (m.matches()) {
        long unit = switch (m.group(2) == null ? "B" : m.group(2)) {
          case "KB" -> 1024L;
          case "MB" -> 1024L * 1024;
          case "GB" -> 1024L * 1024 * 1024;
          default -> 1L;
        };
        return Long.parseLong(m.group(1)) * unit;
      }
      problems.add(where(key) + ": " + key + " must be a size like 20MB, 512KB or a number of bytes; not '" + text + "'");
      return 0;
    }

    Optional<URI> httpUri(String key, String text) {
      if (text == null || text.isBlank()) {
        return Optional.empty();
      }
      try {
        URI uri = new URI(text.trim());
        if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
          return Optional.of(uri);
        }
      } catch (URISyntaxException e) {
        // reported below
      }
      problems.add(where(key) + ": " + key + " must be an http(s) URL, not '" + text + "'");
      return Optional.empty();
    }
  }
}
