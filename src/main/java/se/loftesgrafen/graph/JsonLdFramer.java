package se.loftesgrafen.graph;

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
        return bytes(JsonLd.frame(expanded, JsonDocument.of(frame)).options(options).get());
      }
      return bytes(JsonLd.compact(expanded, JsonDocument.of(compactFrame)).options(options).get());
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
    Set<Node> seen = new HashSet<>(List.of(root));
    ArrayDeque<Node> todo = new ArrayDeque<>(List.of(root));
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

  /** The vocabulary's context (vocab/context.jsonld). */
  private static byte[] loadContext() {
    return JsonLdContext.bytes();
  }


}
