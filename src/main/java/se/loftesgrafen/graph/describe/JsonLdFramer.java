package se.loftesgrafen.graph.describe;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.riot.system.RiotLib;
import org.apache.jena.riot.system.jsonld.JenaToTitanium;
import org.apache.jena.riot.system.jsonld.TitaniumToJena;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.SchemaDO;
import se.loftesgrafen.vocab.JsonLdContext;
import se.loftesgrafen.vocab.LG;
import se.loftesgrafen.vocab.PROV;

/**
 * JSON-LD of one resource with OUR context (vocab/context.jsonld, served at {@code <base>context/v1.jsonld} and
 * referenced by that URL), framed on the resource so that a promise comes with its commitments nested. The document
 * is written straight from the graph ({@link FramedJsonLdWriter}); framing by titanium-json-ld (JSON-LD 1.1
 * Framing) remains for what that writer leaves out. Framing drops what is not reachable from the root (a
 * municipality's promises point to it, not it to them), so a single framed object is given only when every subject
 * of the description is reachable from the root along its links (rdf:type excepted: JSON-LD writes types as
 * {@code @type}, which framing does not follow), and otherwise a {@code @graph} of the nodes: the JSON-LD always
 * expands to exactly the triples of the Turtle. The check is a walk over the graph, not a round trip through RDF;
 * the context is parsed once.
 */
public final class JsonLdFramer {
  /** Prefixes of every description (Turtle). */
  public static final PrefixMapping PREFIXES = PrefixMapping.Factory.create()
      .setNsPrefixes(PrefixMapping.Standard)
      .setNsPrefix("lg", LG.NS).setNsPrefix("dcterms", DCTerms.NS).setNsPrefix("dcat", DCAT.NS)
      .setNsPrefix("schema", SchemaDO.NS).setNsPrefix("prov", PROV.NS).setNsPrefix("skos", SKOS.uri)
      .setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/").setNsPrefix("wd", "http://www.wikidata.org/entity/")
      .setNsPrefix("wdt", "http://www.wikidata.org/prop/direct/").lock();

  private final String contextUrl;
  private final byte[] context;
  /** The context parsed once; titanium reads it, never changes it (jakarta.json values are immutable). */
  private final Document contextDocument;
  private final JsonObject compactFrame;
  private final FramedJsonLdWriter direct;
  /** Terms our context types as xsd:integer (textStart, httpStatus, ...): their values go out as JSON numbers. */
  private final java.util.Set<String> integerTerms;

  public JsonLdFramer(String contextUrl) {
    this.contextUrl = contextUrl;
    this.context = loadContext();
    try {
      this.contextDocument = JsonDocument.of(new ByteArrayInputStream(context));
    } catch (JsonLdError e) {
      throw new IllegalStateException("the JSON-LD context does not parse: " + e.getMessage(), e);
    }
    this.compactFrame = Json.createObjectBuilder().add("@context", contextUrl).build();
    this.direct = new FramedJsonLdWriter(new JsonLdTerms(context), contextUrl);
    this.integerTerms = integerTerms(context);
  }

  public String contextUrl() {
    return contextUrl;
  }

  /** The context document, as served at the context URL. */
  public byte[] context() {
    return context.clone();
  }

  /**
   * The description as JSON-LD: framed on {@code root} when that loses nothing, else the nodes as a graph.
   * Written directly from the graph ({@link FramedJsonLdWriter}, some 20 times faster than framing with titanium);
   * what that writer leaves out (blank nodes, literals with a base direction) goes through titanium.
   */
  public byte[] write(Graph description, String root) {
    return direct.write(description, root).orElseGet(() -> general(description, root));
  }

  /** Framing or compaction by titanium-json-ld (JSON-LD 1.1 Framing and Compaction algorithms). */
  byte[] general(Graph description, String root) {
    try {
      JsonLdOptions options = options();
      Document expanded = JsonDocument.of(JenaToTitanium.convert(DatasetGraphFactory.wrap(description), options));
      if (reachesAll(description, NodeFactory.createURI(root))) {
        JsonObject frame = Json.createObjectBuilder().add("@context", contextUrl).add("@id", root).build();
        return bytes((JsonObject) numbers(JsonLd.frame(expanded, JsonDocument.of(frame)).options(options).get(), null));
      }
      return bytes((JsonObject) numbers(JsonLd.compact(expanded, JsonDocument.of(compactFrame)).options(options).get(),
          null));
    } catch (JsonLdError e) {
      throw new IllegalStateException("cannot write JSON-LD of " + root + ": " + e.getMessage(), e);
    }
  }

  /** The triples of a JSON-LD document, its context resolved locally. */
  public Graph toGraph(JsonObject document) throws JsonLdError {
    Graph graph = GraphFactory.createDefaultGraph();
    TitaniumToJena.convert(JsonDocument.of(document), options(), StreamRDFLib.graph(graph), RiotLib.dftProfile());
    return graph;
  }

  /**
   * Whether framing on {@code root} keeps every triple: every subject of the graph is reached from the root along
   * links to IRIs and blank nodes, rdf:type links excepted.
   */
  static boolean reachesAll(Graph graph, Node root) {
    return reachesAll(graph, List.of(root));
  }

  /** Whether every subject of the graph is reached from one of {@code from} (the root and what it embeds). */
  static boolean reachesAll(Graph graph, java.util.Collection<Node> from) {
    Set<Node> seen = new HashSet<>(from);
    ArrayDeque<Node> todo = new ArrayDeque<>(from);
    while (!todo.isEmpty()) {
      graph.find(todo.pop(), Node.ANY, Node.ANY).forEachRemaining(t -> {
        Node o = t.getObject();
        if (!t.getPredicate().equals(RDF.Nodes.type) && (o.isURI() || o.isBlank()) && seen.add(o)) {
          todo.push(o);
        }
      });
    }
    return GraphUtil.listSubjects(graph, Node.ANY, Node.ANY).filterDrop(seen::contains).toList().isEmpty();
  }

  private JsonLdOptions options() {
    JsonLdOptions options = new JsonLdOptions();
    options.setDocumentLoader(loader());
    return options;
  }

  /** Resolves our context URL from the classpath; nothing else is fetched (no network while answering). */
  private DocumentLoader loader() {
    return (url, opts) -> {
      if (url.toString().equals(contextUrl)) {
        return contextDocument;
      }
      throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "only " + contextUrl + " is resolved, not " + url);
    };
  }

  private static byte[] bytes(JsonObject json) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
      writer.write(json);
    }
    return out.toByteArray();
  }

  /**
   * Integers as JSON numbers, as jsonld.js and pyld read and write them: compaction leaves a value of a term typed
   * xsd:integer as a string ("12"); a canonical integer lexical form becomes the number 12, which expands under the
   * same term to the same literal "12"^^xsd:integer. Decimals stay strings under their xsd:decimal term, exact
   * ("5.0", never the double 5.0 that processors would turn into "5.0E0" or "5").
   */
  private jakarta.json.JsonValue numbers(jakarta.json.JsonValue value, String term) {
    switch (value.getValueType()) {
      case OBJECT -> {
        jakarta.json.JsonObjectBuilder b = Json.createObjectBuilder();
        value.asJsonObject().forEach((k, v) -> b.add(k, k.equals("@context") ? v : numbers(v, k)));
        return b.build();
      }
      case ARRAY -> {
        jakarta.json.JsonArrayBuilder b = Json.createArrayBuilder();
        value.asJsonArray().forEach(v -> b.add(numbers(v, term)));
        return b.build();
      }
      case STRING -> {
        String text = ((jakarta.json.JsonString) value).getString();
        if (term != null && integerTerms.contains(term) && text.matches("-?(0|[1-9][0-9]{0,17})")) {
          return Json.createValue(Long.parseLong(text));
        }
        return value;
      }
      default -> {
        return value;
      }
    }
  }

  private static java.util.Set<String> integerTerms(byte[] context) {
    try {
      com.fasterxml.jackson.databind.JsonNode terms = new com.fasterxml.jackson.databind.ObjectMapper().readTree(context)
          .path("@context");
      java.util.Set<String> out = new java.util.HashSet<>();
      terms.fields().forEachRemaining(e -> {
        String type = e.getValue().path("@type").asText("");
        if (type.equals("xsd:integer") || type.equals("http://www.w3.org/2001/XMLSchema#integer")) {
          out.add(e.getKey());
        }
      });
      return java.util.Set.copyOf(out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("the JSON-LD context cannot be read", e);
    }
  }

  /** The vocabulary's context (vocab/context.jsonld). */
  private static byte[] loadContext() {
    return JsonLdContext.bytes();
  }


}
