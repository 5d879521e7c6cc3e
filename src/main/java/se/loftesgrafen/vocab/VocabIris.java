package se.loftesgrafen.vocab;

import java.net.URI;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.irix.IRIx;

/**
 * The IRI patterns of the reference data in vocab/ (common brief: identifiers), as paths relative to the
 * service's base IRI, and their resolution against a base. The only place in {@code vocab} that builds IRIs
 * from strings.
 */
public final class VocabIris {
  public static final Set<String> ACTORS = Set.of("polisen", "kommunen", "annan");
  public static final Set<String> BASES =
      Set.of("medborgardialog", "trygghetsmatning", "medarbetardialog", "lagesbild", "statistik");

  private static final Pattern MUNICIPALITY_CODE = Pattern.compile("[0-9]{4}");
  private static final Pattern COUNTY_CODE = Pattern.compile("[0-9]{2}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern WIKIDATA_ITEM = Pattern.compile("Q[1-9][0-9]*");

  private VocabIris() {}

  /** {@code id/kommun/1492} for Åmål: the SCB municipality code. */
  public static String municipality(String code) {
    return "id/kommun/" + check(MUNICIPALITY_CODE, code, "municipality code");
  }

  /** {@code id/lan/14}: the SCB county code. */
  public static String county(String code) {
    return "id/lan/" + check(COUNTY_CODE, code, "county code");
  }

  /** {@code id/polisregion/vast}. */
  public static String policeRegion(String slug) {
    return "id/polisregion/" + check(SLUG, slug, "police region id");
  }

  /** {@code id/tema/narkotika}: the theme id is the concept's skos:notation. */
  public static String theme(String id) {
    return "id/tema/" + check(SLUG, id, "theme id");
  }

  /** {@code id/temaschema/fokusomraden}. */
  public static String themeScheme(String name) {
    return "id/temaschema/" + check(SLUG, name, "theme scheme");
  }

  /** {@code id/aktor/polisen}, {@code id/aktor/kommunen} or {@code id/aktor/annan}. */
  public static String actor(String id) {
    if (!ACTORS.contains(id)) {
      throw new IllegalArgumentException("unknown actor '" + id + "', expected one of " + ACTORS);
    }
    return "id/aktor/" + id;
  }

  /** {@code id/underlag/medborgardialog} etc. */
  public static String basis(String id) {
    if (!BASES.contains(id)) {
      throw new IllegalArgumentException("unknown basis '" + id + "', expected one of " + BASES);
    }
    return "id/underlag/" + id;
  }

  /** The Wikidata entity IRI of an item id such as {@code Q501526}. */
  public static String wikidataItem(String item) {
    return "http://www.wikidata.org/entity/" + check(WIKIDATA_ITEM, item, "Wikidata item");
  }

  /** A municipality's homepage from its registrable domain ({@code amal.se} gives {@code https://amal.se/}). */
  public static String homepage(String domain) {
    URI uri = URI.create("https://" + domain + "/");
    if (domain.isBlank() || !domain.equals(uri.getHost())) {
      throw new IllegalArgumentException("not a domain name: '" + domain + "'");
    }
    return uri.toString();
  }

  /**
   * Resolves a relative path of this class against the base IRI, which must be absolute and end with a slash
   * (so that {@code id/...} lands below it, RFC 3986 §5.2).
   */
  public static String resolve(String baseIri, String relative) {
    return checkBase(baseIri).resolve(relative).str();
  }

  /** Checks a service base IRI: absolute, hierarchical, ending with '/'. */
  public static IRIx checkBase(String baseIri) {
    IRIx base = IRIx.create(baseIri);
    if (!base.isAbsolute() || !baseIri.endsWith("/") || URI.create(baseIri).getHost() == null) {
      throw new IllegalArgumentException("base IRI must be absolute, with a host, and end with '/': " + baseIri);
    }
    return base;
  }

  private static String check(Pattern pattern, String value, String what) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new IllegalArgumentException("bad " + what + ": '" + value + "'");
    }
    return value;
  }
}
