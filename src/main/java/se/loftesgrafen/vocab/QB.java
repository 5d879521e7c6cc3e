package se.loftesgrafen.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Terms of the W3C RDF Data Cube vocabulary (https://www.w3.org/TR/vocab-data-cube/) that the outcome figures use,
 * and the SDMX-RDF dimension and attribute properties they specialise, in the style of Jena's schemagen output.
 */
public final class QB {
  public static final String NS = "http://purl.org/linked-data/cube#";
  public static final String SDMX_DIMENSION = "http://purl.org/linked-data/sdmx/2009/dimension#";
  public static final String SDMX_ATTRIBUTE = "http://purl.org/linked-data/sdmx/2009/attribute#";

  public static final Resource DataSet = res("DataSet");
  public static final Resource Observation = res("Observation");
  public static final Resource DataStructureDefinition = res("DataStructureDefinition");
  public static final Resource ComponentSpecification = res("ComponentSpecification");
  public static final Resource ComponentProperty = res("ComponentProperty");
  public static final Resource DimensionProperty = res("DimensionProperty");
  public static final Resource MeasureProperty = res("MeasureProperty");
  public static final Resource AttributeProperty = res("AttributeProperty");
  public static final Resource CodedProperty = res("CodedProperty");

  public static final Property dataSet = prop("dataSet");
  public static final Property structure = prop("structure");
  public static final Property component = prop("component");
  public static final Property componentProperty = prop("componentProperty");
  public static final Property dimension = prop("dimension");
  public static final Property measure = prop("measure");
  public static final Property attribute = prop("attribute");
  public static final Property order = prop("order");
  public static final Property componentRequired = prop("componentRequired");
  public static final Property codeList = prop("codeList");
  public static final Property concept = prop("concept");

  /** sdmx-dimension:refArea and refPeriod, which our municipality and year dimensions specialise. */
  public static final Property refArea = ResourceFactory.createProperty(SDMX_DIMENSION + "refArea");
  public static final Property refPeriod = ResourceFactory.createProperty(SDMX_DIMENSION + "refPeriod");
  /** sdmx-attribute:unitMeasure: the unit of an observation's value. */
  public static final Property unitMeasure = ResourceFactory.createProperty(SDMX_ATTRIBUTE + "unitMeasure");

  private QB() {}

  private static Resource res(String local) {
    return ResourceFactory.createResource(NS + local);
  }

  private static Property prop(String local) {
    return ResourceFactory.createProperty(NS + local);
  }
}
