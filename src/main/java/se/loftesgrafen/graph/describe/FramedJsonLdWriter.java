package se.loftesgrafen.graph.describe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * Writes a resource's description as the JSON-LD document that framing it on the resource with our context gives
 * (embed once, every property kept), straight from the graph with Jackson's streaming API: the frame is fixed and
 * the context known, so the framing and compaction algorithms reduce to choosing, per value, the term the context
 * defines for it. Nodes are embedded at their first reference, keys and values in a stable order (the ETag of the
 * bytes stays the same while the data does). Integers (xsd:integer in canonical form) are JSON numbers, which expand
 * to xsd:integer; every other literal keeps its lexical form. Subjects that point to the root by a property with a
 * reverse term in the context are embedded under that term, as framing with it does: a municipality's promises
 * under {@code "promises"}. When the root still does not reach every subject, the document is a {@code @graph} of
 * the root and the other nodes.
 *
 * <p>What it does not write (blank nodes, literals with a base direction) is left to titanium: {@link #write}
 * is then empty.
 */
final class FramedJsonLdWriter {
  private static final JsonFactory JSON = new JsonFactory();
  /** Two-space indentation, {@code "key": value} as other JSON of ours. */
  private static final com.fasterxml.jackson.core.util.DefaultPrettyPrinter PRETTY =
      new com.fasterxml.jackson.core.util.DefaultPrettyPrinter().withSeparators(
          com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
              .withObjectFieldValueSpacing(com.fasterxml.jackson.core.util.Separators.Spacing.AFTER));
  private static final Pattern CANONICAL_INTEGER = Pattern.compile("0|-?[1-9][0-9]{0,17}");
  private static final String XSD_STRING = XSDDatatype.XSDstring.getURI();
  private static final String XSD_INTEGER = XSDDatatype.XSDinteger.getURI();
  private static final Comparator<Node> ORDER = Comparator.comparing(Node::toString);

  private final JsonLdTerms terms;
  private final String contextUrl;

  FramedJsonLdWriter(JsonLdTerms terms, String contextUrl) {
    this.terms = terms;
    this.contextUrl = contextUrl;
  }

  /** The document; empty when the graph holds what only the general algorithm writes. */
  Optional<byte[]> write(Graph graph, String root) {
    if (!writable(graph)) {
      return Optional.empty();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    Node rootNode = NodeFactory.createURI(root);
    Set<Node> embedded = new HashSet<>();
    try (JsonGenerator json = JSON.createGenerator(out).setPrettyPrinter(PRETTY.createInstance())) {
      json.writeStartObject();
      json.writeStringField("@context", contextUrl);
      List<Triple> pointing = pointingTo(graph, rootNode);
      List<Node> from = new ArrayList<>(List.of(rootNode));
      pointing.forEach(t -> from.add(t.getSubject()));
      if (JsonLdFramer.reachesAll(graph, from)) {
        embedded.add(rootNode);
        embedded.addAll(from); // reserved for the root's reverse keys, written there
        fields(json, graph, rootNode, embedded, pointing, null);
      } else {
        json.writeArrayFieldStart("@graph");
        List<Node> subjects = new ArrayList<>(GraphUtil.listSubjects(graph, Node.ANY, Node.ANY).toList());
        subjects.sort(ORDER);
        subjects.remove(rootNode);
        if (graph.contains(rootNode, Node.ANY, Node.ANY)) {
          subjects.addFirst(rootNode);
        }
        for (Node s : subjects) {
          if (embedded.add(s)) {
            node(json, graph, s, embedded);
          }
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(out.toByteArray());
  }

  private static boolean writable(Graph graph) {
    return graph.find().filterKeep(t -> !t.getSubject().isURI() || t.getObject().isBlank()
        || t.getObject().isTripleTerm()
        || t.getObject().isLiteral() && t.getObject().getLiteralBaseDirection() != null
        || t.getPredicate().equals(RDF.Nodes.type) && !t.getObject().isURI()).toList().isEmpty();
  }

  /**
   * The links to {@code root} that the root's reverse terms write ({@code "promises"}: the promises whose
   * lg:municipality it is), from subjects described in the graph.
   */
  private List<Triple> pointingTo(Graph graph, Node root) {
    List<Triple> out = new ArrayList<>();
    for (String property : terms.reversed()) {
      graph.find(Node.ANY, NodeFactory.createURI(property), root)
          .filterKeep(t -> t.getSubject().isURI() && !t.getSubject().equals(root)
              && graph.contains(t.getSubject(), Node.ANY, Node.ANY))
          .forEachRemaining(out::add);
    }
    return out;
  }

  private void node(JsonGenerator json, Graph graph, Node subject, Set<Node> embedded) throws IOException {
    node(json, graph, subject, embedded, null);
  }

  /** @param via the link this node is embedded by under a reverse key: written there, so not here again */
  private void node(JsonGenerator json, Graph graph, Node subject, Set<Node> embedded, Triple via) throws IOException {
    json.writeStartObject();
    fields(json, graph, subject, embedded, List.of(), via);
    json.writeEndObject();
  }

  /**
   * What the values of one key are: the term that writes them (null for a compact IRI key), and the values; for a
   * reverse key, the subjects pointing to the node by {@code reversed}.
   */
  private record Group(JsonLdTerms.Term term, List<Node> values, Node reversed) {
    Group(JsonLdTerms.Term term, List<Node> values) {
      this(term, values, null);
    }
  }

  private void fields(JsonGenerator json, Graph graph, Node subject, Set<Node> embedded, List<Triple> pointing,
      Triple via) throws IOException {
    json.writeStringField(terms.id(), terms.compact(subject.getURI()));
    List<Node> types = new ArrayList<>();
    Map<String, Group> groups = new TreeMap<>();
    List<Triple> triples = graph.find(subject, Node.ANY, Node.ANY).toList();
    for (Triple t : pointing) {
      String key = terms.reverseTerm(t.getPredicate().getURI()).orElseThrow();
      groups.computeIfAbsent(key, k -> new Group(null, new ArrayList<>(), t.getPredicate())).values()
          .add(t.getSubject());
    }
    for (Triple t : triples) {
      if (t.getPredicate().equals(RDF.Nodes.type)) {
        types.add(t.getObject());
        continue;
      }
      if (t.equals(via)) {
        continue;
      }
      JsonLdTerms.Term term = term(t.getPredicate().getURI(), t.getObject());
      String key = term != null ? term.name() : terms.compact(t.getPredicate().getURI());
      groups.computeIfAbsent(key, k -> new Group(term, new ArrayList<>())).values().add(t.getObject());
    }
    if (!types.isEmpty()) {
      types.sort(ORDER);
      json.writeFieldName(terms.type());
      if (types.size() > 1) {
        json.writeStartArray();
      }
      for (Node type : types) {
        json.writeString(terms.vocab(type.getURI()));
      }
      if (types.size() > 1) {
        json.writeEndArray();
      }
    }
    for (Map.Entry<String, Group> e : groups.entrySet()) {
      json.writeFieldName(e.getKey());
      Group group = e.getValue();
      group.values().sort(ORDER);
      if (group.reversed() != null) {
        json.writeStartArray(); // reverse terms are sets
        for (Node pointer : group.values()) {
          node(json, graph, pointer, embedded, Triple.create(pointer, group.reversed(), subject));
        }
        json.writeEndArray();
      } else if (group.term() != null && group.term().language()) {
        languageMap(json, group);
      } else {
        values(json, graph, group.term(), group.values(), embedded);
      }
    }
  }

  private void values(JsonGenerator json, Graph graph, JsonLdTerms.Term term, List<Node> values, Set<Node> embedded)
      throws IOException {
    boolean array = values.size() > 1 || term != null && term.set();
    if (array) {
      json.writeStartArray();
    }
    for (Node v : values) {
      value(json, graph, term, v, embedded);
    }
    if (array) {
      json.writeEndArray();
    }
  }

  /** {@code "label": {"sv": "...", "en": "..."}}: a language map, arrays where a language has several values. */
  private static void languageMap(JsonGenerator json, Group group) throws IOException {
    Map<String, List<String>> byLanguage = new TreeMap<>();
    group.values().forEach(v -> byLanguage.computeIfAbsent(v.getLiteralLanguage(), l -> new ArrayList<>())
        .add(v.getLiteralLexicalForm()));
    json.writeStartObject();
    for (Map.Entry<String, List<String>> e : byLanguage.entrySet()) {
      json.writeFieldName(e.getKey());
      boolean array = e.getValue().size() > 1 || group.term().set();
      if (array) {
        json.writeStartArray();
      }
      for (String text : e.getValue()) {
        json.writeString(text);
      }
      if (array) {
        json.writeEndArray();
      }
    }
    json.writeEndObject();
  }

  private void value(JsonGenerator json, Graph graph, JsonLdTerms.Term term, Node v, Set<Node> embedded)
      throws IOException {
    if (v.isURI()) {
      if (graph.contains(v, Node.ANY, Node.ANY) && embedded.add(v)) {
        node(json, graph, v, embedded);
      } else if (term != null && term.coercion() == JsonLdTerms.Coercion.ID) {
        json.writeString(terms.compact(v.getURI()));
      } else if (term != null && term.coercion() == JsonLdTerms.Coercion.VOCAB) {
        json.writeString(terms.vocab(v.getURI()));
      } else {
        json.writeStartObject();
        json.writeStringField(terms.id(), terms.compact(v.getURI()));
        json.writeEndObject();
      }
      return;
    }
    String lexical = v.getLiteralLexicalForm();
    String datatype = v.getLiteralDatatypeURI();
    String language = v.getLiteralLanguage();
    if (language != null && !language.isEmpty()) {
      json.writeStartObject();
      json.writeStringField("@value", lexical);
      json.writeStringField("@language", language);
      json.writeEndObject();
    } else if (datatype.equals(XSD_INTEGER) && CANONICAL_INTEGER.matcher(lexical).matches()) {
      json.writeNumber(Long.parseLong(lexical));
    } else if (term != null && term.coercion() == JsonLdTerms.Coercion.DATATYPE || datatype.equals(XSD_STRING)) {
      json.writeString(lexical);
    } else {
      json.writeStartObject();
      json.writeStringField("@value", lexical);
      json.writeStringField("@type", terms.vocab(datatype));
      json.writeEndObject();
    }
  }

  /**
   * The term for a value of the property {@code iri}: one coercing to the value's kind (IRI, datatype, language
   * map) first, else one without coercion, else none (the key is then a compact IRI).
   */
  private JsonLdTerms.Term term(String iri, Node value) {
    JsonLdTerms.Term plain = null;
    for (JsonLdTerms.Term t : terms.terms(iri)) {
      boolean noCoercion = t.coercion() == JsonLdTerms.Coercion.NONE && !t.language();
      if (value.isURI()) {
        if (t.coercion() == JsonLdTerms.Coercion.ID || t.coercion() == JsonLdTerms.Coercion.VOCAB) {
          return t;
        }
      } else if (value.getLiteralLanguage() != null && !value.getLiteralLanguage().isEmpty()) {
        if (t.language() && t.coercion() == JsonLdTerms.Coercion.NONE) {
          return t;
        }
      } else if (t.coercion() == JsonLdTerms.Coercion.DATATYPE && t.datatype().equals(value.getLiteralDatatypeURI())) {
        return t;
      }
      if (noCoercion && plain == null) {
        plain = t;
      }
    }
    return plain;
  }
}
