package se.loftesgrafen.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The shape of loftesgrafen.yaml as written; {@link ConfigLoader} validates it into an {@link AppConfig}. */
record ConfigFile(@JsonProperty("service") Service service, @JsonProperty("harvest") Harvest harvest,
                  @JsonProperty("cluster") Cluster cluster, @JsonProperty("catalog") Catalog catalog) {

  record Catalog(String publisher, String publisherHomepage, String contactName, String contactEmail,
                 String license, String accrualPeriodicity) {
  }

  record Service(Integer port, String store, String remoteStore, String baseIri, String sparqlTimeout,
                 Long sparqlMaxRows, String adminToken, java.util.List<String> sparqlServiceAllowList,
                 String sparqlMaxQuerySize, Integer queryThreads, Integer queryQueue, String idleTimeout,
                 String writeTimeout, String host, String publicUrl) {
    static Service empty() {
      return new Service(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }
  }

  record Harvest(String sources, Boolean sampleOnEmptyStore, String userAgent, String perHostDelay,
                 String schedule, String connectTimeout, String firstByteTimeout, String totalTimeout,
                 String maxBodySize, Integer maxRedirects, Integer retries, String maxRetryAfter,
                 Boolean allowPrivateAddresses, Integer discoveryDepth, Integer pagesPerHost,
                 String extractionTimeout, String warc) {
    static Harvest empty() {
      return new Harvest(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null);
    }
  }

  /** The fleet's settings; user and password only from the environment, never in the file. */
  record Cluster(String database, String replica, String checkinInterval) {
    static Cluster empty() {
      return new Cluster(null, null, null);
    }
  }
}
