package se.loftesgrafen.graph;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Mints every IRI of the data, relative to the configured base IRI. The patterns are the contract of BRIEF.md
 * ("Identifiers"): they depend only on what a promise is (municipalities, period, text), never on when it was
 * harvested, so harvesting the same promise again gives the same IRIs.
 */
public final class Iris {
  private final String base;

  public Iris(URI base) {
    String text = Objects.requireNonNull(base, "base").toString();
    this.base = text.endsWith("/") ? text : text + "/";
  }

  public String base() {
    return base;
  }

  public Resource municipality(String code) {
    return at("id/kommun/" + code);
  }

  public Resource county(String code) {
    return at("id/lan/" + code);
  }

  public Resource theme(String id) {
    return at("id/tema/" + id);
  }

  public Resource actor(String id) {
    return at("id/aktor/" + id);
  }

  public Resource basis(String label) {
    return at("id/underlag/" + slug(label));
  }

  public Resource policeArea(String name) {
    return at("id/polisomrade/" + slug(name));
  }

  /** A promise: by the municipalities it covers and its period key (e.g. {@code 2021} or {@code 2020-2021}). */
  public Resource promise(List<String> municipalityCodes, String periodKey) {
    return at("id/lofte/" + String.join("-", municipalityCodes) + "/" + slug(periodKey));
  }

  /**
   * A follow-up report: by the municipalities it is about, the period it follows up and the page it stands on
   * (a page reports on one period; two pages may report on the same one).
   */
  public Resource followUpReport(List<String> municipalityCodes, String periodKey, String url) {
    String codes = municipalityCodes.isEmpty() ? "okand" : String.join("-", municipalityCodes);
    return at("id/uppfoljning/" + codes + "/" + slug(periodKey) + "/" + shortHash(url));
  }

  /** An item of a follow-up report: by its normalised text, as commitments are. */
  public Resource followUpItem(Resource report, String text) {
    return ResourceFactory.createResource(report.getURI() + "/punkt/" + shortHash(normalise(text)));
  }

  public Resource evidence(Resource item, int index) {
    return ResourceFactory.createResource(item.getURI() + "/belagg/" + (index + 1));
  }

  public Resource period(Resource promise) {
    return ResourceFactory.createResource(promise.getURI() + "/period");
  }

  /** A commitment: by its promise and its normalised text, so the same words get the same IRI. */
  public Resource commitment(Resource promise, String text) {
    return ResourceFactory.createResource(promise.getURI() + "/atagande/" + shortHash(normalise(text)));
  }

  public Resource target(Resource commitment, int index) {
    return ResourceFactory.createResource(commitment.getURI() + "/mal/" + (index + 1));
  }

  public Resource signatory(Resource promise, String name) {
    return ResourceFactory.createResource(promise.getURI() + "/undertecknare/" + slug(name));
  }

  /** A snapshot of a page: by its URL and content hash. Also the name of its named graph. */
  public Resource snapshot(String url, String sha256) {
    return at("id/snapshot/" + shortHash(url) + "-" + sha256.substring(0, 16));
  }

  public Resource harvestRun(String runId) {
    return at("id/run/" + slug(runId));
  }

  /** The extractor of one version, as the software agent of a re-extraction. */
  public Resource extractor(String version) {
    return at("id/extraktor/" + slug(version));
  }

  /** Named graph holding the vocabulary, themes and the municipality register. */
  public Resource vocabularyGraph() {
    return at("graph/vocab");
  }

  /** The public pages of the service: {@code sparql}, {@code dumps/...}, {@code datasets/dcat}. */
  public Resource page(String path) {
    return at(path);
  }

  /** A thing described in one of the service's documents, e.g. {@code datasets/dcat#catalog}. */
  public Resource inDocument(String documentPath, String fragment) {
    return at(documentPath + "#" + fragment);
  }

  private Resource at(String path) {
    return ResourceFactory.createResource(base + path);
  }

  /** Lower-case ASCII slug: "Östra Fyrbodal" → "ostra-fyrbodal". */
  public static String slug(String text) {
    String ascii = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "");
    String slug = ascii.replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    return slug.isEmpty() ? "x" : slug;
  }

  static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
  }

  static String shortHash(String text) {
    return sha256Hex(text.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
  }

  public static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
