package se.loftesgrafen.graph.stream;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.Queries;
import se.loftesgrafen.vocab.LG;
import se.loftesgrafen.vocab.PROV;

/**
 * The LDES of promise versions (https://w3id.org/ldes/specification, TREE https://w3id.org/tree/specification):
 * a member is one version of a promise, {@code <snapshot>#lofte}, {@code dcterms:isVersionOf} the promise, stamped
 * with the snapshot's {@code prov:generatedAtTime}, carrying what that snapshot's graph states of the promise (its
 * commitments, period, municipalities, signatories: a changed commitment text is a new commitment IRI, so it shows as
 * a new version). The root node links one page per UTC day with a GreaterThanOrEqualTo and a LessThan relation on
 * the time; every version is kept (no retention policy: the store keeps the history of each page).
 */
public final class EventStream {
  public static final String LDES = "https://w3id.org/ldes#";
  public static final String TREE = "https://w3id.org/tree#";
  private static final Property TREE_VIEW = p(TREE, "view");
  private static final Property TREE_RELATION = p(TREE, "relation");
  private static final Property TREE_NODE = p(TREE, "node");
  private static final Property TREE_PATH = p(TREE, "path");
  private static final Property TREE_VALUE = p(TREE, "value");
  private static final Property TREE_MEMBER = p(TREE, "member");

  private final PromiseStore store;
  private final String root;

  /** {@code root}: the stream's root node, where this instance serves it (e.g. {@code http://host/ldes}). */
  public EventStream(PromiseStore store, String root) {
    this.store = store;
    this.root = root;
  }

  /** One version: the snapshot it comes from, its time, the promise and what the snapshot states of it. */
  private record Version(String snapshot, Instant time, String promise, List<Node[]> statements) {
  }

  public String root() {
    return root;
  }

  /** The page of one day's versions, e.g. {@code <root>/2026-12-08}. */
  public String page(LocalDate day) {
    return root + "/" + day;
  }

  /** The root node: the stream, its paths, and a relation pair to each day that has versions. Blocks. */
  public Model rootNode() {
    Model m = model();
    Resource node = m.createResource(root).addProperty(RDF.type, m.createResource(TREE + "Node"));
    stream(m).addProperty(TREE_VIEW, node);
    for (LocalDate day : versionsByDay().keySet()) {
      Resource page = m.createResource(page(day));
      Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();
      relation(m, node, "GreaterThanOrEqualToRelation", from, page);
      relation(m, node, "LessThanRelation", from.plus(Duration.ofDays(1)), page);
    }
    return m;
  }

  /** The page of one day: its versions as members of the stream; empty when the day has none. Blocks. */
  public Optional<Model> dayPage(LocalDate day) {
    List<Version> versions = versionsByDay().get(day);
    if (versions == null) {
      return Optional.empty();
    }
    Model m = model();
    m.createResource(page(day)).addProperty(RDF.type, m.createResource(TREE + "Node"));
    Resource stream = stream(m);
    for (Version v : versions) {
      Resource member = m.createResource(v.snapshot() + "#lofte");
      stream.addProperty(TREE_MEMBER, member);
      member.addProperty(DCTerms.isVersionOf, m.createResource(v.promise()))
          .addLiteral(PROV.generatedAtTime, m.createTypedLiteral(v.time().toString(), XSDDatatype.XSDdateTime))
          .addProperty(PROV.wasDerivedFrom, m.createResource(v.snapshot()));
      for (Node[] po : v.statements()) {
        m.getGraph().add(member.asNode(), po[0], po[1]);
      }
    }
    return Optional.of(m);
  }

  private Resource stream(Model m) {
    return m.createResource(root + "#stream").addProperty(RDF.type, m.createResource(LDES + "EventStream"))
        .addProperty(p(LDES, "timestampPath"), PROV.generatedAtTime)
        .addProperty(p(LDES, "versionOfPath"), DCTerms.isVersionOf)
        .addProperty(DCTerms.description, "Every version of every citizen promise, one per source snapshot that"
            + " states it, paged by day of its fetch or read time; every version is kept.", "en")
        .addProperty(DCTerms.description, "Varje version av varje medborgarlöfte, en per källögonblicksbild som"
            + " anger det, sidindelad per dag för hämtningen eller läsningen; alla versioner behålls.", "sv");
  }

  private static void relation(Model m, Resource node, String kind, Instant value, Resource page) {
    node.addProperty(TREE_RELATION, m.createResource()
        .addProperty(RDF.type, m.createResource(TREE + kind))
        .addProperty(TREE_PATH, PROV.generatedAtTime)
        .addLiteral(TREE_VALUE, m.createTypedLiteral(value.toString(), XSDDatatype.XSDdateTime))
        .addProperty(TREE_NODE, page));
  }

  /** The versions in the store, by UTC day of their time, oldest first. */
  private Map<LocalDate, List<Version>> versionsByDay() {
    return store.query(Queries.load("ldes-members").asQuery(), Duration.ofMinutes(1), exec -> {
      Map<String, Version> versions = new LinkedHashMap<>();
      RowSet rows = exec.select();
      while (rows.hasNext()) {
        Binding b = rows.next();
        String snapshot = b.get("g").getURI();
        String promise = b.get("promise").getURI();
        Version v = versions.computeIfAbsent(snapshot + " " + promise, k -> new Version(snapshot,
            Instant.parse(b.get("time").getLiteralLexicalForm()), promise, new ArrayList<>()));
        if (!b.get("p").equals(RDF.type.asNode())) {
          v.statements().add(new Node[] {b.get("p"), b.get("o")});
        }
      }
      Map<LocalDate, List<Version>> byDay = new TreeMap<>();
      for (Version v : versions.values()) {
        byDay.computeIfAbsent(v.time().atZone(ZoneOffset.UTC).toLocalDate(), d -> new ArrayList<>()).add(v);
      }
      return byDay;
    });
  }

  private static Model model() {
    Model m = ModelFactory.createDefaultModel();
    m.setNsPrefix("ldes", LDES).setNsPrefix("tree", TREE).setNsPrefix("prov", PROV.NS)
        .setNsPrefix("dcterms", DCTerms.NS).setNsPrefix("lg", LG.NS).setNsPrefix("xsd", XSDDatatype.XSD + "#");
    return m;
  }

  private static Property p(String ns, String local) {
    return ResourceFactory.createProperty(ns, local);
  }
}
