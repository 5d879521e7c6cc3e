package se.loftesgrafen.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** The PROV-O terms we use (https://www.w3.org/TR/prov-o/); Jena ships no constants for PROV. */
public final class PROV {
  public static final String NS = "http://www.w3.org/ns/prov#";

  public static final Resource Entity = res("Entity");
  public static final Resource Activity = res("Activity");
  public static final Resource SoftwareAgent = res("SoftwareAgent");

  public static final Property wasDerivedFrom = prop("wasDerivedFrom");
  public static final Property wasGeneratedBy = prop("wasGeneratedBy");
  public static final Property wasRevisionOf = prop("wasRevisionOf");
  public static final Property generatedAtTime = prop("generatedAtTime");
  public static final Property invalidatedAtTime = prop("invalidatedAtTime");
  public static final Property startedAtTime = prop("startedAtTime");
  public static final Property endedAtTime = prop("endedAtTime");
  public static final Property wasAssociatedWith = prop("wasAssociatedWith");
  public static final Property used = prop("used");

  private PROV() {}

  private static Resource res(String local) { return ResourceFactory.createResource(NS + local); }

  private static Property prop(String local) { return ResourceFactory.createProperty(NS + local); }
}
