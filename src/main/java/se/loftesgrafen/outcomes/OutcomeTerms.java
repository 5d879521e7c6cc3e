package se.loftesgrafen.outcomes;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The Data Cube component properties of the outcome figures, in their own namespace beside the ontology's
 * ({@code lg:}); they are defined (labels, ranges, the SDMX properties they specialise) in the outcome graph itself,
 * next to the data structure definition that uses them.
 */
public final class OutcomeTerms {
  public static final String NS = "https://w3id.org/loftesgrafen/def/utfall#";

  /** Dimension: the municipality (our {@code id/kommun/NNNN}); a sub-property of sdmx-dimension:refArea. */
  public static final Property municipality = prop("municipality");
  /** Dimension: the year the figure is for, an xsd:gYear; a sub-property of sdmx-dimension:refPeriod. */
  public static final Property year = prop("year");
  /** Dimension: which Kolada key figure (KPI) the value is of, a skos:Concept of the KPI scheme. */
  public static final Property indicator = prop("indicator");
  /** Measure: the value as Kolada published it, an xsd:decimal in the observation's unit. */
  public static final Property value = prop("value");

  private OutcomeTerms() {}

  private static Property prop(String local) {
    return ResourceFactory.createProperty(NS + local);
  }
}
