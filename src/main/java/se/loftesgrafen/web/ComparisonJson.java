package se.loftesgrafen.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.compare.Comparison;
import se.loftesgrafen.graph.compare.ComparisonThemes;
import se.loftesgrafen.vocab.JsonLdContext;

/**
 * Writes comparison answers as JSON-LD: the service's context ({@code context/v1.jsonld}) plus the API's own terms
 * inline, Hydra collections with {@code hydra:PartialCollectionView} paging links. Short ids (theme notations,
 * actor ids, municipality codes) expand to our IRIs through property-scoped {@code @vocab}s (JSON-LD 1.1).
 */
final class ComparisonJson {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String HYDRA = "http://www.w3.org/ns/hydra/core#";
  static final String API = "https://w3id.org/loftesgrafen/api#";
  private final Iris iris;
  private final ObjectNode context;

  private final String contextUrl;

  /** {@code contextUrl}: where this instance serves {@code context/v1.jsonld}, so that clients load it. */
  ComparisonJson(Iris iris, String contextUrl) {
    this.iris = iris;
    this.contextUrl = contextUrl;
    this.context = context(iris);
  }

  /** A Hydra collection of one page; {@code path} is the request path, {@code params} its checked parameters. */
  ObjectNode collection(String path, Map<String, String> params, Comparison.Page<?> page, List<ObjectNode> members) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode ctx = root.putArray("@context");
    ctx.add(contextUrl);
    ctx.add(context);
    Map<String, String> without = new java.util.TreeMap<>(params);
    without.remove("page");
    root.put("@id", url(path, without));
    root.put("@type", "hydra:Collection");
    root.put("hydra:totalItems", page.total());
    ArrayNode list = root.putArray("hydra:member");
    members.forEach(list::add);
    ObjectNode view = root.putObject("hydra:view");
    view.put("@id", url(path, with(params, page.page())));
    view.put("@type", "hydra:PartialCollectionView");
    view.put("hydra:first", url(path, with(params, 1)));
    view.put("hydra:last", url(path, with(params, page.lastPage())));
    if (page.page() > 1) {
      view.put("hydra:previous", url(path, with(params, Math.min(page.page() - 1, page.lastPage()))));
    }
    if (page.page() < page.lastPage()) {
      view.put("hydra:next", url(path, with(params, page.page() + 1)));
    }
    return root;
  }

  /**
   * A commitment's follow-up as a node of the shared context: the item ({@code FollowUpItem}) that
   * {@code followsUp} the commitment, its status and unclear reason (lg: concepts by local name), its evidence
   * sentences, and the report ({@code partOf}) with the page it was read from ({@code derivedFrom}).
   */
  ObjectNode followUp(se.loftesgrafen.graph.FollowUpQueries.CommitmentFollowUp f) {
    ObjectNode n = JSON.createObjectNode();
    n.put("@id", f.item());
    n.put("@type", "FollowUpItem");
    n.put("followsUp", f.commitment());
    n.put("followUpStatus", f.status());
    f.unclearReason().ifPresent(r -> n.put("unclearReason", r));
    ArrayNode evidence = n.putArray("evidence");
    f.evidence().forEach(e -> evidence.addObject().put("@id", e.iri()).put("text", e.text()));
    ObjectNode report = n.putObject("partOf");
    report.put("@id", f.report());
    report.put("@type", "FollowUpReport");
    f.reportTitle().ifPresent(t -> report.put("title", t));
    report.putArray("derivedFrom").addObject().put("@id", f.snapshot()).put("url", f.url());
    return n;
  }

  ObjectNode municipality(Comparison.Municipality m) {
    ObjectNode n = JSON.createObjectNode();
    n.put("@id", iris.municipality(m.code()).getURI());
    n.put("@type", "Municipality");
    n.put("code", m.code());
    n.put("name", m.name());
    ObjectNode county = n.putObject("county");
    county.put("@id", iris.county(m.countyCode()).getURI());
    county.put("code", m.countyCode());
    county.put("name", m.county());
    return n;
  }

  ObjectNode promise(Comparison.Promise p) {
    ObjectNode n = JSON.createObjectNode();
    n.put("@id", p.iri());
    n.put("@type", "CitizenPromise");
    if (!p.title().isEmpty()) {
      n.put("title", p.title());
    }
    if (!p.periodText().isEmpty()) {
      n.put("periodText", p.periodText());
    }
    p.years().ifPresent(y -> n.put("startYear", y.from()).put("endYear", y.to()));
    ArrayNode k = n.putArray("municipality");
    p.municipalities().forEach(code -> k.addObject().put("@id", iris.municipality(code).getURI())
        .put("municipalityCode", code));
    return n;
  }

  ObjectNode commitment(Comparison.Commitment c, ComparisonThemes themes) {
    ObjectNode n = JSON.createObjectNode();
    n.put("@id", c.iri());
    n.put("@type", "Commitment");
    n.put("text", c.text());
    n.put("kind", c.kind());
    // Strings under the context's xsd:decimal, as target values (below): exact in every JSON-LD processor.
    c.confidence().ifPresent(conf -> {
      n.put("confidence", conf.commitment().toPlainString());
      conf.actors().ifPresent(a -> n.put("actorsConfidence", a.toPlainString()));
      conf.themes().ifPresent(t -> n.put("themesConfidence", t.toPlainString()));
    });
    ArrayNode actors = n.putArray("actor");
    c.actors().forEach(actors::add);
    ArrayNode t = n.putArray("theme");
    c.themes().forEach(iri -> t.add(themes.id(iri)));
    ArrayNode targets = n.putArray("target");
    for (Comparison.Target target : c.targets()) {
      ObjectNode tn = targets.addObject().put("@id", target.iri()).put("@type", "Target");
      // a string under the context's xsd:decimal: exact in every processor (a JSON number 5.0 becomes "5.0E0"^^xsd:decimal
      // in pyld, "5" in jsonld.js)
      target.value().ifPresent(v -> tn.put("value", v.toPlainString()));
      tn.put("unitText", target.unit()).put("counts", target.counts()).put("description", target.description());
    }
    n.set("promise", promise(c.promise()));
    ArrayNode sources = n.putArray("source");
    for (Comparison.Source s : c.sources()) {
      ObjectNode sn = sources.addObject().put("@id", s.snapshot()).put("url", s.url());
      if (!s.fetchedAt().isEmpty()) {
        sn.put("fetchedAt", s.fetchedAt());
      }
      if (!s.format().isEmpty()) {
        sn.put("format", s.format());
      }
      // what happened, no more: a status only for a fetch over HTTP, a record only where the bytes were archived
      s.httpStatus().ifPresent(status -> sn.put("httpStatus", status));
      s.warcRecord().ifPresent(record -> sn.put("warcRecord", record));
    }
    return n;
  }

  ObjectNode theme(Comparison.Theme t) {
    ObjectNode n = JSON.createObjectNode();
    n.put("@id", t.iri());
    n.put("@type", "skos:Concept");
    n.put("notation", t.id());
    n.putObject("prefLabel").put("sv", t.labelSv()).put("en", t.labelEn());
    n.put("scheme", t.scheme());
    t.broader().ifPresent(b -> n.put("broader", b));
    return n;
  }

  private Map<String, String> with(Map<String, String> params, int page) {
    Map<String, String> out = new java.util.TreeMap<>(params);
    out.put("page", String.valueOf(page));
    return out;
  }

  /**
   * A link to a page of an API answer: the request path (which starts with "/") as a relative reference, which a
   * JSON-LD processor resolves against the answer's own URL (JSON-LD 1.1, 4.1.3). API pages are addresses of this
   * service, not names under the base IRI: the links work on whatever host and port it runs, and the answer is the
   * same on each.
   */
  private String url(String path, Map<String, String> params) {
    String query = params.entrySet().stream()
        .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
    return path + (query.isEmpty() ? "" : "?" + query);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * The API's own terms. The service context (vocab/context.jsonld) is {@code @protected}, so its terms (text, kind,
   * municipality, title, commitments, url, prefLabel ...) are used as it defines them and never redefined here.
   */
  private static ObjectNode context(Iris iris) {
    ObjectNode c = JSON.createObjectNode();
    c.put("hydra", HYDRA).put("api", API);
    scoped(c, "actor", "lg:actor", vocabOf(iris.actor("x").getURI()));
    scoped(c, "theme", "lg:theme", vocabOf(iris.theme("x").getURI()));
    for (String t : List.of("newThemes", "continuedThemes", "droppedThemes", "sharedThemes")) {
      scoped(c, t, "api:" + t, vocabOf(iris.theme("x").getURI()));
    }
    c.put("target", "lg:target").put("unitText", "schema:unitText");
    c.putObject("promise").put("@id", "dcterms:isPartOf");
    c.putObject("startYear").put("@id", "api:startYear").put("@type", "xsd:integer");
    c.putObject("endYear").put("@id", "api:endYear").put("@type", "xsd:integer");
    c.putObject("source").put("@id", "prov:wasDerivedFrom");
    c.putObject("fetchedAt").put("@id", "prov:generatedAtTime").put("@type", "xsd:dateTime");
    c.put("code", "api:code");
    for (String term : List.of("matchingCommitments", "scheme", "year", "municipalities", "reporting", "harvested",
        "registered", "shareOfReporting", "shareOfAll", "commitmentCount", "score", "method", "highlight", "latestPromise",
        "lastHarvest", "lastTried", "coverage", "sourceKinds", "currentPromiseMissing")) {
      c.put(term, "api:" + term);
    }
    return c;
  }

  private static void scoped(ObjectNode c, String term, String iri, String vocab) {
    ObjectNode t = c.putObject(term);
    t.put("@id", iri).put("@type", "@vocab");
    t.putObject("@context").put("@vocab", vocab);
  }

  private static String vocabOf(String sampleIri) {
    return sampleIri.substring(0, sampleIri.length() - 1);
  }
}
