package se.loftesgrafen.graph.dump;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;

/**
 * Streams quads as expanded JSON-LD 1.1 (https://www.w3.org/TR/json-ld11/#expanded-document-form): a top-level
 * array of graph objects, each holding one node object per run of quads with the same subject. Nothing beyond one
 * node is held in memory, so a national dump needs no more heap than a page. Repeated node or graph objects with
 * the same {@code @id} are allowed and merge when the document is expanded or turned into RDF.
 */
final class JsonLdDumpWriter implements StreamRDF, AutoCloseable {
  private final JsonGenerator json;
  private Node graph;
  private Node subject;
  private final Map<String, List<Node>> properties = new LinkedHashMap<>();
  private boolean inGraph;

  JsonLdDumpWriter(OutputStream out) throws IOException {
    this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    json.writeStartArray();
  }

  @Override
  public void start() {
  }

  @Override
  public void triple(Triple triple) {
    quad(Quad.create(Quad.defaultGraphIRI, triple));
  }

  @Override
  public void quad(Quad quad) {
    try {
      Node g = quad.isDefaultGraph() ? Quad.defaultGraphIRI : quad.getGraph();
      if (!Objects.equals(g, graph)) {
        flushNode();
        endGraph();
        startGraph(g);
      } else if (!quad.getSubject().equals(subject)) {
        flushNode();
      }
      subject = quad.getSubject();
      properties.computeIfAbsent(quad.getPredicate().getURI(), p -> new ArrayList<>()).add(quad.getObject());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the JSON-LD dump", e);
    }
  }

  private void startGraph(Node g) throws IOException {
    graph = g;
    json.writeStartObject();
    if (!g.equals(Quad.defaultGraphIRI)) {
      json.writeStringField("@id", id(g));
    }
    json.writeArrayFieldStart("@graph");
    inGraph = true;
  }

  private void endGraph() throws IOException {
    if (inGraph) {
      json.writeEndArray();
      json.writeEndObject();
      inGraph = false;
    }
  }

  private void flushNode() throws IOException {
    if (subject == null) {
      return;
    }
    json.writeStartObject();
    json.writeStringField("@id", id(subject));
    for (Map.Entry<String, List<Node>> p : properties.entrySet()) {
      json.writeArrayFieldStart(p.getKey());
      for (Node o : p.getValue()) {
        value(o);
      }
      json.writeEndArray();
    }
    json.writeEndObject();
    properties.clear();
    subject = null;
  }

  private void value(Node o) throws IOException {
    json.writeStartObject();
    if (o.isLiteral()) {
      json.writeStringField("@value", o.getLiteralLexicalForm());
      String lang = o.getLiteralLanguage();
      if (lang != null && !lang.isEmpty()) {
        json.writeStringField("@language", lang);
      } else if (!XSDDatatype.XSDstring.getURI().equals(o.getLiteralDatatypeURI())) {
        json.writeStringField("@type", o.getLiteralDatatypeURI());
      }
    } else {
      json.writeStringField("@id", id(o));
    }
    json.writeEndObject();
  }

  private static String id(Node n) {
    return n.isBlank() ? "_:b" + n.getBlankNodeLabel().replaceAll("[^A-Za-z0-9]", "") : n.getURI();
  }

  @Override
  public void base(String base) {
  }

  @Override
  public void prefix(String prefix, String iri) {
  }

  @Override
  public void version(String version) {
  }

  @Override
  public void finish() {
    try {
      flushNode();
      endGraph();
      graph = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the JSON-LD dump", e);
    }
  }

  @Override
  public void close() throws IOException {
    finish();
    json.writeEndArray();
    json.close();
  }
}
