package se.loftesgrafen.vocab;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.json.stream.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.riot.system.jsonld.JenaToTitanium;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.Context;

/**
 * The JSON-LD 1.1 context of vocab/context.jsonld: short keys for our terms ("commitments", "text", "actors",
 * "themes", "period", "startDate"...). It is served at {@link #PATH} below the service's base IRI; the "v1" in
 * the path is its version, so the content at that URL never changes (a new key set gets a new path) and may be
 * cached for good ({@link #CACHE_CONTROL}). Every JSON-LD document we serve names it in "@context".
 */
public final class JsonLdContext {
  /** Path below the base IRI. */
  public static final String PATH = "context/v1.jsonld";
  public static final String MEDIA_TYPE = "application/ld+json";
  public static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

  private static final byte[] CONTENT = readContent();
  private static final JsonObject CONTEXT_JSON =
      Json.createReader(new StringReader(content())).readObject();

  private JsonLdContext() {}

  /** The context's URL for a service base IRI, e.g. {@code http://localhost:8080/context/v1.jsonld}. */
  public static String url(String baseIri) {
    return VocabIris.resolve(baseIri, PATH);
  }

  /** The context document, as served. */
  public static String content() {
    return new String(CONTENT, StandardCharsets.UTF_8);
  }

  public static byte[] bytes() {
    return CONTENT.clone();
  }

  /**
   * The graph as a compacted JSON-LD document whose "@context" is this context's URL: a flat "@graph" of node
   * objects (or a single node object), IRIs absolute, literals typed as in the graph, so that expanding it gives
   * back exactly the graph's triples (JSON-LD 1.1 API, compaction algorithm).
   */
  public static String compact(Graph graph, String baseIri) {
    return compactReferencing(graph, url(baseIri));
  }

  /**
   * As {@link #compact(Graph, String)}, the "@context" naming {@code contextUrl}: where this instance serves the
   * context ({@code <publicUrl>context/v1.jsonld}), so that a client's default document loader fetches it.
   */
  public static String compactReferencing(Graph graph, String contextUrl) {
    try {
      JsonLdOptions options = new JsonLdOptions();
      options.setOrdered(true);
      JsonArray expanded = JenaToTitanium.convert(DatasetGraphFactory.wrap(graph), options);
      JsonObject compacted = JsonLd.compact(JsonDocument.of(expanded), JsonDocument.of(CONTEXT_JSON))
          .compactToRelative(false)
          .ordered(true)
          .get();
      JsonObject withUrl = Json.createObjectBuilder(compacted).add("@context", contextUrl).build();
      return write(withUrl);
    } catch (JsonLdError e) {
      throw new IllegalStateException("compacting to JSON-LD: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a JSON-LD document that names this context by URL, without fetching it: the context comes from the
   * classpath, any other remote document is refused.
   */
  public static Graph read(String json, String baseIri) {
    Context context = new Context();
    context.set(LangJSONLD11.JSONLD_OPTIONS, options(baseIri));
    Graph graph = GraphFactory.createDefaultGraph();
    RDFParser.fromString(json, Lang.JSONLD11).base(baseIri).context(context).parse(graph);
    return graph;
  }

  /** Options whose document loader serves this context for {@link #url(String)} and nothing else. */
  public static JsonLdOptions options(String baseIri) {
    JsonLdOptions options = new JsonLdOptions();
    options.setDocumentLoader(documentLoader(baseIri));
    return options;
  }

  public static DocumentLoader documentLoader(String baseIri) {
    URI own = URI.create(url(baseIri));
    return (URI url, com.apicatalog.jsonld.loader.DocumentLoaderOptions loaderOptions) -> {
      if (!own.equals(url)) {
        throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
            "only the service's own context " + own + " is loaded, not " + url);
      }
      Document document = JsonDocument.of(CONTEXT_JSON);
      document.setDocumentUrl(own);
      return document;
    };
  }

  private static String write(JsonObject json) {
    StringWriter out = new StringWriter();
    try (JsonWriter writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
      writer.writeObject(json);
    }
    return out.toString().strip() + "\n";
  }

  private static byte[] readContent() {
    try (InputStream in = VocabularyFiles.open(VocabularyFiles.CONTEXT)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + VocabularyFiles.CONTEXT, e);
    }
  }
}
