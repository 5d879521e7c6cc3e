package se.loftesgrafen.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration, read once at start ({@link ConfigLoader}) and validated; immutable afterwards.
 *
 * @param configDir the configuration folder (harvest-config/ by default)
 * @param service   settings of the web service and the store
 * @param harvest   settings of the harvester
 * @param cluster   settings of a fleet of replicas (off by default: one process, in-memory schedule)
 * @param catalog   who publishes the data and how to reach them, as the DCAT catalogue states it
 */
public record AppConfig(Path configDir, ServiceConfig service, HarvestConfig harvest, ClusterConfig cluster,
                        CatalogConfig catalog) {
  public AppConfig {
    Objects.requireNonNull(configDir, "configDir");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(harvest, "harvest");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(catalog, "catalog");
  }

  /** One process (no fleet) with the default catalogue settings. */
  public AppConfig(Path configDir, ServiceConfig service, HarvestConfig harvest) {
    this(configDir, service, harvest, ClusterConfig.NONE, CatalogConfig.defaults());
  }

  /**
   * @param publisher         the publisher's name (foaf:name of dct:publisher)
   * @param publisherHomepage the publisher's home page; empty: the service's own start page
   * @param contactName       the contact point's name (vcard:fn)
   * @param contactEmail      the contact point's e-mail address (vcard:hasEmail)
   * @param license           the licence of the data (dct:license of catalogue, dataset and distributions)
   * @param accrualPeriodicity an EU frequency code (DAILY, WEEKLY, MONTHLY, IRREG, ...) the catalogue states;
   *                          empty: read from harvest.schedule
   */
  public record CatalogConfig(String publisher, Optional<URI> publisherHomepage, String contactName,
                              String contactEmail, URI license, Optional<String> accrualPeriodicity) {
    /** CC0 1.0: the data are facts from public pages, given away without conditions. */
    public static final URI CC0 = URI.create("http://creativecommons.org/publicdomain/zero/1.0/");

    public CatalogConfig {
      Objects.requireNonNull(publisher, "publisher");
      Objects.requireNonNull(publisherHomepage, "publisherHomepage");
      Objects.requireNonNull(contactName, "contactName");
      Objects.requireNonNull(contactEmail, "contactEmail");
      Objects.requireNonNull(license, "license");
      Objects.requireNonNull(accrualPeriodicity, "accrualPeriodicity");
    }

    public CatalogConfig(String publisher, Optional<URI> publisherHomepage, String contactName, String contactEmail) {
      this(publisher, publisherHomepage, contactName, contactEmail, CC0, Optional.empty());
    }

    public static CatalogConfig defaults() {
      return new CatalogConfig("Löftesgrafen", Optional.empty(), "Löftesgrafen", "data@loftesgrafen.se");
    }
  }

  /**
   * The base IRI every minted resource is named under. It is a name, not an address: it does not change with the
   * host or port the service runs on, and a store keeps the base its data was minted under.
   */
  public static final URI DEFAULT_BASE_IRI = URI.create("https://w3id.org/loftesgrafen/");

  /** The base IRI of minted resources: configured, else {@link #DEFAULT_BASE_IRI}. */
  public URI baseIri() {
    return service.baseIri().orElse(DEFAULT_BASE_IRI);
  }

  /** Where clients reach this service: {@link ServiceConfig#publicAddress()}. */
  public String publicUrl() {
    return service.publicAddress();
  }

  public AppConfig withBaseIri(URI base) {
    return new AppConfig(configDir, service.withBaseIri(base), harvest, cluster, catalog);
  }

  public AppConfig withPort(int port) {
    return new AppConfig(configDir, service.withPort(port), harvest, cluster, catalog);
  }

  /**
   * @param port          HTTP port (0 picks a free one)
   * @param host          the address to listen on: every interface ({@code 0.0.0.0}), or one such as 127.0.0.1
   * @param store         folder of the embedded TDB2 store and the WARC evidence
   * @param remoteStore   a SPARQL 1.1 dataset endpoint (Fuseki) to use instead of the embedded store
   * @param baseIri       public base IRI, when not the local default
   * @param publicUrl     where clients reach this service (behind a proxy: the proxy's address); every link a
   *                      client follows (JSON-LD context, dumps, catalogue download URLs, feeds) is under it; none:
   *                      {@code http://<localHost>:<port>/}
   * @param sparqlTimeout time limit of one SPARQL query
   * @param sparqlMaxRows result-size limit of one SPARQL query
   * @param adminToken    bearer token of the admin endpoints; none means they are off
   * @param limits        what one request or client may take of the service
   */
  public record ServiceConfig(int port, String host, Path store, Optional<URI> remoteStore, Optional<URI> baseIri,
                              Duration sparqlTimeout, long sparqlMaxRows, Optional<String> adminToken,
                              EndpointLimits limits, Optional<URI> publicUrl) {
    /** Listening on every interface, as the service does unless service.host names one. */
    public static final String EVERY_INTERFACE = "0.0.0.0";

    public ServiceConfig {
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(remoteStore, "remoteStore");
      Objects.requireNonNull(baseIri, "baseIri");
      Objects.requireNonNull(sparqlTimeout, "sparqlTimeout");
      Objects.requireNonNull(adminToken, "adminToken");
      Objects.requireNonNull(limits, "limits");
      Objects.requireNonNull(publicUrl, "publicUrl");
    }

    public ServiceConfig(int port, String host, Path store, Optional<URI> remoteStore, Optional<URI> baseIri,
                         Duration sparqlTimeout, long sparqlMaxRows, Optional<String> adminToken,
                         EndpointLimits limits) {
      this(port, host, store, remoteStore, baseIri, sparqlTimeout, sparqlMaxRows, adminToken, limits,
          Optional.empty());
    }

    ServiceConfig withBaseIri(URI base) {
      return new ServiceConfig(port, host, store, remoteStore, Optional.of(base), sparqlTimeout, sparqlMaxRows,
          adminToken, limits, publicUrl);
    }

    ServiceConfig withPort(int newPort) {
      return new ServiceConfig(newPort, host, store, remoteStore, baseIri, sparqlTimeout, sparqlMaxRows, adminToken,
          limits, publicUrl);
    }

    /**
     * Where a client reaches this service, ending in '/': {@link #publicUrl} when configured, else
     * {@code http://<localHost>:<port>/}. Not the base IRI: that is a name, and it need not resolve (a w3id
     * redirect may be unregistered, the service may run without internet); a link that a client follows must.
     */
    public String publicAddress() {
      return publicUrl.map(URI::toString).orElseGet(() -> "http://" + localHost() + ":" + port + "/");
    }

    /** The host in a URL of this service for a client on the same machine: localhost unless it listens on one. */
    public String localHost() {
      if (host.equals(EVERY_INTERFACE) || host.equals("::")) {
        return "localhost";
      }
      return host.contains(":") ? "[" + host + "]" : host;
    }
  }

  /**
   * @param serviceAllowList endpoints a public query may name in SERVICE; empty (the default) refuses every SERVICE
   * @param maxQueryBytes    longest query text accepted, in UTF-8 bytes (GET, form POST or direct POST)
   * @param queryThreads     worker threads for the public endpoint's queries, and as many for the other graph reads
   * @param queryQueue       requests that may wait for a worker, per pool; beyond that 503 with Retry-After
   * @param idleTimeout      a connection with no traffic for this long is closed
   * @param writeTimeout     an answer whose client reads nothing for this long is abandoned
   */
  public record EndpointLimits(java.util.List<URI> serviceAllowList, long maxQueryBytes, int queryThreads,
                               int queryQueue, Duration idleTimeout, Duration writeTimeout) {
    public EndpointLimits {
      serviceAllowList = java.util.List.copyOf(serviceAllowList);
      Objects.requireNonNull(idleTimeout, "idleTimeout");
      Objects.requireNonNull(writeTimeout, "writeTimeout");
    }

    /** The defaults of the configuration file. */
    public static EndpointLimits defaults() {
      return new EndpointLimits(java.util.List.of(), 64 * 1024, 16, 64, Duration.ofSeconds(90),
          Duration.ofSeconds(30));
    }
  }

  /**
   * @param sources            the sources file
   * @param sampleSources      the bundled sample's sources file, harvested by serve on an empty store
   * @param sampleOnEmptyStore whether serve harvests the sample when the store is empty
   * @param userAgent          User-Agent of every request
   * @param perHostDelay       minimum time between two requests to one host
   * @param schedule           Quartz cron expression of the scheduled harvest
   * @param fetch              limits of one HTTP fetch
   * @param discovery          bounds of link discovery
   * @param extractionTimeout  time bound of extracting one document; past it the page fails with that reason
   * @param warc               folder of the WARC evidence (default {@code <service.store>/warc}; shared by a fleet)
   */
  public record HarvestConfig(Path sources, Path sampleSources, boolean sampleOnEmptyStore, String userAgent,
                              Duration perHostDelay, String schedule, FetchLimits fetch, DiscoveryLimits discovery,
                              Duration extractionTimeout, Path warc) {
    public HarvestConfig {
      Objects.requireNonNull(warc, "warc");
      Objects.requireNonNull(extractionTimeout, "extractionTimeout");
      Objects.requireNonNull(sources, "sources");
      Objects.requireNonNull(sampleSources, "sampleSources");
      Objects.requireNonNull(userAgent, "userAgent");
      Objects.requireNonNull(perHostDelay, "perHostDelay");
      Objects.requireNonNull(schedule, "schedule");
      Objects.requireNonNull(fetch, "fetch");
      Objects.requireNonNull(discovery, "discovery");
    }
  }

  /**
   * @param connectTimeout        time to open a connection
   * @param firstByteTimeout      time from sending the request to the response headers
   * @param totalTimeout          time for the whole exchange, body included
   * @param maxBodyBytes          larger bodies are cut off and the fetch fails
   * @param maxRedirects          redirects followed per fetch (a loop fails at once)
   * @param retries               further attempts after a 5xx, 429 or network error, with exponential backoff
   * @param maxRetryAfter         a longer Retry-After is not waited for: the fetch fails
   * @param allowPrivateAddresses whether loopback, private and link-local addresses may be fetched (tests)
   */
  public record FetchLimits(Duration connectTimeout, Duration firstByteTimeout, Duration totalTimeout,
                            long maxBodyBytes, int maxRedirects, int retries, Duration maxRetryAfter,
                            boolean allowPrivateAddresses) {
    public FetchLimits {
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      Objects.requireNonNull(firstByteTimeout, "firstByteTimeout");
      Objects.requireNonNull(totalTimeout, "totalTimeout");
      Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    }
  }

  /**
   * @param depth        link hops followed from a discovering source
   * @param pagesPerHost pages fetched per host by discovery (robots.txt and sitemaps not counted)
   */
  public record DiscoveryLimits(int depth, int pagesPerHost) {
  }

  /**
   * Several replicas over one remote store: Quartz's JDBC job store in clustered mode on PostgreSQL, the fleet's
   * harvest lease, run reports and harvest state in the same database.
   *
   * @param database        JDBC URL of the PostgreSQL database ({@code jdbc:postgresql://host:5432/name}); empty: no
   *                        fleet (the in-memory schedule of one process)
   * @param user            database user (environment only: LOFTESGRAFEN_CLUSTER_USER)
   * @param password        database password (environment only: LOFTESGRAFEN_CLUSTER_PASSWORD)
   * @param replica         this replica's name in the fleet (Quartz's instance id); unique per running replica
   * @param checkinInterval how often a replica tells the others it lives; a replica silent for about this plus
   *                        7.5 s is taken for dead and its harvest is handed over
   */
  public record ClusterConfig(Optional<String> database, Optional<String> user, Optional<String> password,
                              String replica, Duration checkinInterval) {
    public static final ClusterConfig NONE = new ClusterConfig(Optional.empty(), Optional.empty(), Optional.empty(),
        "local", Duration.ofSeconds(5));

    public ClusterConfig {
      Objects.requireNonNull(database, "database");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(replica, "replica");
      Objects.requireNonNull(checkinInterval, "checkinInterval");
    }

    public boolean enabled() {
      return database.isPresent();
    }

    /** Never the password. */
    @Override
    public String toString() {
      return "ClusterConfig[database=" + database.orElse("none") + ", user=" + user.orElse("none") + ", replica="
          + replica + ", checkinInterval=" + checkinInterval + "]";
    }
  }
}
