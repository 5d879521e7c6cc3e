package se.loftesgrafen.graph.sparql;

import java.util.List;
import java.util.Optional;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.resultset.ResultSetLang;

/**
 * The answer formats of the SPARQL endpoint: result sets (SELECT, ASK) per the SPARQL 1.1 Query Results formats,
 * graphs (CONSTRUCT, DESCRIBE) per RDF 1.1. Each has its media type and the short name of the {@code format=} parameter.
 */
public enum SparqlFormat {
  JSON("application/sparql-results+json", "json", ResultSetLang.RS_JSON, null),
  XML("application/sparql-results+xml", "xml", ResultSetLang.RS_XML, null),
  CSV("text/csv", "csv", ResultSetLang.RS_CSV, null),
  TSV("text/tab-separated-values", "tsv", ResultSetLang.RS_TSV, null),
  TURTLE("text/turtle", "turtle", Lang.TURTLE, RDFFormat.TURTLE_PRETTY),
  JSONLD("application/ld+json", "jsonld", Lang.JSONLD11, RDFFormat.JSONLD11_PRETTY),
  NTRIPLES("application/n-triples", "ntriples", Lang.NTRIPLES, RDFFormat.NTRIPLES_UTF8),
  RDFXML("application/rdf+xml", "rdfxml", Lang.RDFXML, RDFFormat.RDFXML_PLAIN);

  private final String mediaType;
  private final String shortName;
  private final Lang lang;
  private final RDFFormat rdfFormat;

  SparqlFormat(String mediaType, String shortName, Lang lang, RDFFormat rdfFormat) {
    this.mediaType = mediaType;
    this.shortName = shortName;
    this.lang = lang;
    this.rdfFormat = rdfFormat;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The Content-Type header value, with the charset for the text formats. */
  public String contentType() {
    return mediaType + "; charset=utf-8";
  }

  public String shortName() {
    return shortName;
  }

  public Lang lang() {
    return lang;
  }

  public boolean isGraph() {
    return rdfFormat != null;
  }

  public RDFFormat rdfFormat() {
    return rdfFormat;
  }

  /** Formats for SELECT and ASK, preferred first. */
  public static List<SparqlFormat> results() {
    return List.of(JSON, XML, CSV, TSV);
  }

  /** Formats for CONSTRUCT and DESCRIBE, preferred first. */
  public static List<SparqlFormat> graphs() {
    return List.of(TURTLE, JSONLD, NTRIPLES, RDFXML);
  }

  /** By the {@code format=} parameter: a short name (json, ttl, ...) or a media type. */
  public static Optional<SparqlFormat> byName(String name) {
    return byName(name, List.of(values()));
  }

  /**
   * By the {@code format=} parameter, among the formats that suit the query: {@code xml} is RDF/XML for a graph and
   * SPARQL XML results for a result set, as Fuseki reads it (SPARQLWrapper sends {@code format=xml} by default).
   */
  public static Optional<SparqlFormat> byName(String name, List<SparqlFormat> offers) {
    String n = name.trim().toLowerCase(java.util.Locale.ROOT);
    return offers.stream().filter(f -> f.shortName.equals(n) || f.mediaType.equals(n)
        || alias(f).contains(n)).findFirst();
  }

  private static List<String> alias(SparqlFormat f) {
    return switch (f) {
      // N3 is a superset of Turtle: a Turtle answer is N3 (Fuseki answers format=n3 with Turtle too)
      case TURTLE -> List.of("ttl", "text/turtle", "n3", "text/n3", "text/rdf+n3");
      case JSONLD -> List.of("json-ld", "ld+json");
      case NTRIPLES -> List.of("nt", "n-triples");
      case RDFXML -> List.of("rdf", "rdf/xml", "rdf+xml", "application/xml+rdf", "xml", "application/xml");
      case JSON -> List.of("srj", "application/json");
      case XML -> List.of("srx", "application/xml");
      default -> List.of();
    };
  }
}
