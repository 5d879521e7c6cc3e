package se.loftesgrafen.outcomes;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Resource;
import se.loftesgrafen.graph.Iris;

/**
 * IRIs of the outcome data under the service's base IRI: the named graph {@code graph/utfall}, the data set
 * {@code id/utfall}, its structure, the KPI concepts {@code id/kpi/N07544}, units and observations
 * {@code id/utfall/N07544/1492/2019}: by what a figure is, so loading the same copy again mints the same IRIs.
 */
public final class OutcomeIris {
  private final Iris iris;

  public OutcomeIris(Iris iris) {
    this.iris = iris;
  }

  public Iris iris() {
    return iris;
  }

  public Resource graph() {
    return iris.page("graph/utfall");
  }

  public Node graphNode() {
    return graph().asNode();
  }

  public Resource dataSet() {
    return iris.page("id/utfall");
  }

  public Resource structure() {
    return iris.page("id/utfall/struktur");
  }

  public Resource componentSpec(String name) {
    return iris.inDocument("id/utfall/struktur", name);
  }

  /** The copy of Kolada's API that the bundled figures were taken from. */
  public Resource sourceCopy() {
    return iris.page("id/utfall/kalla");
  }

  public Resource kpiScheme() {
    return iris.page("id/kpi");
  }

  public Resource kpi(String id) {
    return iris.page("id/kpi/" + Iris.slug(id).toUpperCase(java.util.Locale.ROOT));
  }

  public Resource unit(String label) {
    return iris.page("id/enhet/" + Iris.slug(label));
  }

  public Resource observation(Outcome o) {
    return iris.page("id/utfall/" + o.kpi() + "/" + o.code() + "/" + o.year());
  }

  public Resource municipality(String code) {
    return iris.municipality(code);
  }
}
