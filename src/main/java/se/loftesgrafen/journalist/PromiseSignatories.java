package se.loftesgrafen.journalist;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.Queries;

/** Who signed a municipality's promises (queries/journalist-signatories.rq), per promise IRI. */
public final class PromiseSignatories {
  /** One signatory as the page shows it: name, role, party and organisation as stated. */
  public record Signatory(String iri, String name, Optional<String> role, Optional<String> party,
                          Optional<String> organisation) {
  }

  private final PromiseStore store;
  private final Iris iris;
  private final Duration timeout;

  public PromiseSignatories(PromiseStore store, Iris iris, Duration timeout) {
    this.store = store;
    this.iris = iris;
    this.timeout = timeout;
  }

  /** Promise IRI → its signatories in IRI order; promises without signatories are absent. */
  public Map<String, List<Signatory>> of(String municipalityCode) {
    ParameterizedSparqlString q = Queries.load("journalist-signatories");
    q.setParam("kommun", iris.municipality(municipalityCode));
    Map<String, Map<String, Signatory>> out = new LinkedHashMap<>();
    store.query(q.asQuery(), timeout, exec -> {
      exec.select().forEachRemaining(b -> out.computeIfAbsent(uri(b, "promise"), p -> new LinkedHashMap<>())
          .putIfAbsent(uri(b, "signatory"), new Signatory(uri(b, "signatory"), text(b, "name").orElse(""),
              text(b, "role"), text(b, "party"), text(b, "organisation"))));
      return null;
    });
    Map<String, List<Signatory>> lists = new LinkedHashMap<>();
    out.forEach((p, m) -> lists.put(p, new ArrayList<>(m.values())));
    return lists;
  }

  static String uri(Binding b, String var) {
    Node n = b.get(Var.alloc(var));
    return n == null ? "" : n.isURI() ? n.getURI() : n.toString();
  }

  static Optional<String> text(Binding b, String var) {
    Node n = b.get(Var.alloc(var));
    return n != null && n.isLiteral() ? Optional.of(n.getLiteralLexicalForm()) : Optional.empty();
  }
}
