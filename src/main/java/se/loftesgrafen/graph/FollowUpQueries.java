package se.loftesgrafen.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;

/**
 * What the follow-up reports say about one municipality's commitments: per commitment the latest report linked to
 * it (by the end of the period it follows up), the status, the evidence sentences, the report and its page.
 * Commitments no report follows up are not listed: "no report" is never "not kept".
 */
public final class FollowUpQueries {
  private static final ParameterizedSparqlString OF_MUNICIPALITY = Queries.load("followups-of-municipality");

  private final PromiseStore store;
  private final Iris iris;
  private final Duration timeout;

  /** One commitment's follow-up. {@code status} and {@code unclearReason} are local names of lg: concepts. */
  public record CommitmentFollowUp(String commitment, String item, String status, Optional<String> unclearReason,
                                   List<Evidence> evidence, String report, Optional<String> reportTitle,
                                   String snapshot, String url) {
    public CommitmentFollowUp {
      Objects.requireNonNull(commitment, "commitment");
      Objects.requireNonNull(status, "status");
      evidence = List.copyOf(evidence);
    }
  }

  /** An evidence sentence and its IRI. */
  public record Evidence(String iri, String text) {}

  public FollowUpQueries(PromiseStore store, Iris iris, Duration timeout) {
    this.store = store;
    this.iris = iris;
    this.timeout = timeout;
  }

  /** The follow-ups of the commitments of the municipality with SCB code {@code code}, in commitment order. */
  public List<CommitmentFollowUp> ofMunicipality(String code) {
    ParameterizedSparqlString q = OF_MUNICIPALITY.copy();
    q.setParam("kommun", iris.municipality(code).asNode());
    return store.query(q.asQuery(), timeout, exec -> {
      Map<String, CommitmentFollowUp> latest = new LinkedHashMap<>();
      Map<String, List<Evidence>> evidence = new LinkedHashMap<>();
      ResultSet rows = ResultSet.adapt(exec.select());
      while (rows.hasNext()) {
        QuerySolution r = rows.next();
        String c = r.getResource("c").getURI();
        String item = r.getResource("item").getURI();
        CommitmentFollowUp first = latest.get(c);
        if (first == null) {
          evidence.put(c, new ArrayList<>());
          latest.put(c, new CommitmentFollowUp(c, item, local(r.get("status")),
              Optional.ofNullable(r.get("reason")).map(FollowUpQueries::local), List.of(),
              r.getResource("report").getURI(), Optional.ofNullable(r.getLiteral("reportTitle")).map(l -> l.getString()),
              r.getResource("snapshot").getURI(), r.get("url").isResource() ? r.getResource("url").getURI()
              : r.getLiteral("url").getString()));
        }
        if (latest.get(c).item().equals(item) && r.contains("evidence")) {
          Evidence e = new Evidence(r.getResource("e").getURI(), r.getLiteral("evidence").getString());
          if (!evidence.get(c).contains(e)) {
            evidence.get(c).add(e);
          }
        }
      }
      List<CommitmentFollowUp> out = new ArrayList<>();
      latest.forEach((c, f) -> out.add(new CommitmentFollowUp(f.commitment(), f.item(), f.status(), f.unclearReason(),
          evidence.get(c), f.report(), f.reportTitle(), f.snapshot(), f.url())));
      return List.copyOf(out);
    });
  }

  private static String local(RDFNode n) {
    return n.asResource().getLocalName();
  }
}
