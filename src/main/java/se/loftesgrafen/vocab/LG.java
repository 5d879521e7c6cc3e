package se.loftesgrafen.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Terms of the Löftesgrafen ontology (vocab/loftesgrafen.ttl), in the style of Jena's schemagen output.
 * {@code VocabularyTest} checks that every constant here is defined in the Turtle and vice versa.
 */
public final class LG {
  public static final String NS = "https://w3id.org/loftesgrafen/def#";
  /** The ontology resource (no '#'); every term is rdfs:isDefinedBy it. */
  public static final String ONTOLOGY = "https://w3id.org/loftesgrafen/def";

  public static Resource getURI() { return ResourceFactory.createResource(NS); }

  // Classes
  public static final Resource CitizenPromise = res("CitizenPromise");
  public static final Resource Commitment = res("Commitment");
  public static final Resource Target = res("Target");
  public static final Resource Signatory = res("Signatory");
  public static final Resource Municipality = res("Municipality");
  public static final Resource County = res("County");
  public static final Resource PoliceRegion = res("PoliceRegion");
  public static final Resource LocalPoliceArea = res("LocalPoliceArea");
  public static final Resource SourceSnapshot = res("SourceSnapshot");
  public static final Resource HarvestRun = res("HarvestRun");
  public static final Resource CommitmentKind = res("CommitmentKind");
  public static final Resource FollowUpStatus = res("FollowUpStatus");
  public static final Resource FollowUpReport = res("FollowUpReport");
  public static final Resource FollowUpItem = res("FollowUpItem");
  public static final Resource Evidence = res("Evidence");
  public static final Resource UnclearReason = res("UnclearReason");

  // Individuals: commitment kinds (scheme lg:commitmentKinds)
  public static final Resource commitmentKinds = res("commitmentKinds");
  public static final Resource activity = res("activity");
  public static final Resource goal = res("goal");

  // Individuals: follow-up statuses (scheme lg:followUpStatuses)
  public static final Resource followUpStatuses = res("followUpStatuses");
  public static final Resource kept = res("kept");
  public static final Resource partlyKept = res("partlyKept");
  public static final Resource notKept = res("notKept");
  public static final Resource notYet = res("notYet");
  public static final Resource uncheckable = res("uncheckable");

  // Individuals: reasons for an unclear status (scheme lg:unclearReasons)
  public static final Resource unclearReasons = res("unclearReasons");
  public static final Resource reportCut = res("reportCut");
  public static final Resource notMentioned = res("notMentioned");
  public static final Resource noTarget = res("noTarget");
  public static final Resource outcomeOnly = res("outcomeOnly");

  // Promise
  public static final Property municipality = prop("municipality");
  public static final Property policeArea = prop("policeArea");
  public static final Property periodText = prop("periodText");
  public static final Property startPrecision = prop("startPrecision");
  public static final Property endPrecision = prop("endPrecision");
  public static final Property signatory = prop("signatory");
  public static final Property basedOn = prop("basedOn");
  public static final Property commitment = prop("commitment");
  public static final Property followUpStatus = prop("followUpStatus");

  // Commitment
  public static final Property actor = prop("actor");
  public static final Property theme = prop("theme");
  public static final Property kind = prop("kind");
  public static final Property target = prop("target");
  public static final Property textStart = prop("textStart");
  public static final Property textEnd = prop("textEnd");
  public static final Property extractorVersion = prop("extractorVersion");
  /** Calibrated probabilities (xsd:decimal in [0, 1]) from the extractor's learned models, not the publisher's. */
  public static final Property confidence = prop("confidence");
  public static final Property actorsConfidence = prop("actorsConfidence");
  public static final Property themesConfidence = prop("themesConfidence");

  // Follow-up report and its items
  public static final Property followUpItem = prop("followUpItem");
  public static final Property followsUp = prop("followsUp");
  public static final Property followedUpBy = prop("followedUpBy");
  public static final Property linkScore = prop("linkScore");
  public static final Property evidence = prop("evidence");
  public static final Property unclearReason = prop("unclearReason");
  public static final Property overallStatus = prop("overallStatus");
  public static final Property overallText = prop("overallText");

  // Target
  public static final Property counts = prop("counts");

  // Signatory
  public static final Property politicalParty = prop("politicalParty");

  // Municipality, county, region
  public static final Property municipalityCode = prop("municipalityCode");
  public static final Property county = prop("county");
  public static final Property countyCode = prop("countyCode");
  public static final Property policeRegion = prop("policeRegion");

  // Snapshot
  public static final Property httpStatus = prop("httpStatus");
  public static final Property sha256 = prop("sha256");
  public static final Property warcRecord = prop("warcRecord");
  public static final Property warcFile = prop("warcFile");
  public static final Property goneSince = prop("goneSince");

  private LG() {}

  private static Resource res(String local) { return ResourceFactory.createResource(NS + local); }

  private static Property prop(String local) { return ResourceFactory.createProperty(NS + local); }
}
