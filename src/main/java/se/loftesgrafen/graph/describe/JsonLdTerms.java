package se.loftesgrafen.graph.describe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The term definitions of our JSON-LD context (vocab/context.jsonld), read once: which term writes a property, how
 * it coerces its values ({@code @type} {@code @id}, {@code @vocab} or a datatype) and in which container
 * ({@code @set}, {@code @language}), and the prefixes for compact IRIs (JSON-LD 1.1, 4.1.3 and the IRI Compaction
 * algorithm, restricted to what our context uses: no {@code @vocab}, no {@code @base}, no scoped contexts).
 */
final class JsonLdTerms {
  /** How a term coerces its values. */
  enum Coercion { NONE, ID, VOCAB, DATATYPE }

  /** One term: its name, the IRI it expands to, its coercion (with the datatype) and containers. */
  record Term(String name, String iri, Coercion coercion, String datatype, boolean set, boolean language) {
  }

  private final Map<String, List<Term>> byIri = new HashMap<>();
  private final Map<String, String> exact = new HashMap<>();
  /** Reverse terms by the property they reverse ({@code "promises": {"@reverse": "lg:municipality"}}). */
  private final Map<String, String> reverse = new HashMap<>();
  /** Prefix terms (simple terms whose IRI ends with a gen-delim), longest IRI first. */
  private final List<Map.Entry<String, String>> prefixes = new ArrayList<>();
  private final Set<String> names;
  private final String idAlias;
  private final String typeAlias;

  JsonLdTerms(byte[] contextDocument) {
    JsonNode context;
    try {
      context = new ObjectMapper().readTree(contextDocument).path("@context");
    } catch (IOException e) {
      throw new UncheckedIOException("the JSON-LD context does not parse", e);
    }
    Map<String, String> simple = new HashMap<>();
    context.properties().forEach(e -> {
      if (!e.getKey().startsWith("@") && e.getValue().isTextual()) {
        simple.put(e.getKey(), e.getValue().asText());
      }
    });
    String id = "@id";
    String type = "@type";
    for (Map.Entry<String, JsonNode> e : context.properties()) {
      String name = e.getKey();
      JsonNode def = e.getValue();
      if (name.startsWith("@")) {
        continue;
      }
      if (def.isTextual()) {
        String value = def.asText();
        if (value.equals("@id")) {
          id = name;
          continue;
        }
        if (value.equals("@type")) {
          type = name;
          continue;
        }
        String iri = expand(value, simple);
        add(new Term(name, iri, Coercion.NONE, null, false, false));
        if (iri.endsWith("/") || iri.endsWith("#") || iri.endsWith(":")) {
          prefixes.add(Map.entry(name, iri));
        }
        continue;
      }
      if (def.has("@reverse")) { // "promises": the promises whose lg:municipality is this node
        reverse.put(expand(def.path("@reverse").asText(), simple), name);
        continue;
      }
      String iri = expand(def.path("@id").asText(), simple);
      String t = def.path("@type").asText("");
      Coercion coercion = switch (t) {
        case "" -> Coercion.NONE;
        case "@id" -> Coercion.ID;
        case "@vocab" -> Coercion.VOCAB;
        default -> Coercion.DATATYPE;
      };
      List<String> containers = new ArrayList<>();
      def.path("@container").forEach(c -> containers.add(c.asText()));
      if (def.path("@container").isTextual()) {
        containers.add(def.path("@container").asText());
      }
      add(new Term(name, iri, coercion, coercion == Coercion.DATATYPE ? expand(t, simple) : null,
          containers.contains("@set"), containers.contains("@language")));
    }
    prefixes.sort(Comparator.comparingInt((Map.Entry<String, String> p) -> p.getValue().length()).reversed()
        .thenComparing(Map.Entry::getKey));
    List<String> all = new ArrayList<>();
    context.fieldNames().forEachRemaining(all::add);
    this.names = Set.copyOf(all);
    this.idAlias = id;
    this.typeAlias = type;
  }

  private void add(Term term) {
    byIri.computeIfAbsent(term.iri(), k -> new ArrayList<>()).add(term);
    // a term without coercion and container is the one that compacts the IRI itself (types, @vocab values)
    if (term.coercion() == Coercion.NONE && !term.set() && !term.language()) {
      exact.putIfAbsent(term.iri(), term.name());
    }
  }

  private static String expand(String value, Map<String, String> simple) {
    int colon = value.indexOf(':');
    if (colon > 0 && simple.containsKey(value.substring(0, colon)) && !value.startsWith("//", colon + 1)) {
      return simple.get(value.substring(0, colon)) + value.substring(colon + 1);
    }
    return value;
  }

  /** The terms defined for a property IRI, in the order of the context. */
  List<Term> terms(String iri) {
    return byIri.getOrDefault(iri, List.of());
  }

  /** The reverse term of a property IRI: the key under which the subjects pointing to a node are embedded in it. */
  Optional<String> reverseTerm(String iri) {
    return Optional.ofNullable(reverse.get(iri));
  }

  /** The properties that have a reverse term. */
  Set<String> reversed() {
    return Set.copyOf(reverse.keySet());
  }

  /** The key {@code @id} is written as ("id"). */
  String id() {
    return idAlias;
  }

  /** The key {@code @type} is written as ("type"). */
  String type() {
    return typeAlias;
  }

  /**
   * An IRI as a type, property or {@code @vocab} value is written: the term for it, else a compact IRI, else
   * itself.
   */
  String vocab(String iri) {
    String term = exact.get(iri);
    return term != null ? term : compact(iri);
  }

  /** An IRI as a node identifier or {@code @id} value is written: a compact IRI where a prefix fits, else itself. */
  String compact(String iri) {
    for (Map.Entry<String, String> p : prefixes) {
      String suffix = iri.startsWith(p.getValue()) ? iri.substring(p.getValue().length()) : null;
      if (suffix != null && !suffix.isEmpty() && !suffix.startsWith("//")
          && !names.contains(p.getKey() + ":" + suffix)) {
        return p.getKey() + ":" + suffix;
      }
    }
    return iri;
  }
}
