package se.loftesgrafen.graph;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SchemaDO;
import se.loftesgrafen.extract.ExtractedPromise;
import se.loftesgrafen.vocab.LG;
import se.loftesgrafen.vocab.PROV;

/**
 * The graph side of re-extraction: lists the current snapshot of every page, builds the graph a new extraction of
 * the snapshot's bytes gives, and tells whether it says something else than the stored one.
 *
 * <p>A snapshot's graph has two parts. Its <em>provenance</em> is what the harvest recorded: the triples about the
 * snapshot (URL, fetch time, status, type, content hash, WARC file and record, revision, gone mark), about the
 * harvest run that generated it, and about an earlier re-extraction activity (one that {@code prov:used} it) and
 * that activity's software agent. Its <em>extraction</em> is everything else: the promise, its commitments,
 * signatories, period and targets. Two extractions are the same when they are isomorphic once the
 * {@code lg:extractorVersion} triples and the promise's {@code prov:wasGeneratedBy} link to a re-extraction are
 * left out: a new extractor version that derives the same statements leaves the graph untouched.
 *
 * <p>A changed extraction keeps the harvest's provenance as it was (fetch time, hash, WARC reference, run) and
 * gets a re-extraction activity: {@code <run> a prov:Activity ; prov:used <snapshot> ; prov:startedAtTime ... ;
 * prov:wasAssociatedWith <extractor>}, the extractor a {@code prov:SoftwareAgent} with its
 * {@code schema:softwareVersion}; the promise is {@code prov:wasGeneratedBy} the activity and every commitment
 * carries the new {@code lg:extractorVersion}. The graph keeps its name, and the promise and commitment IRIs are
 * minted as the harvester mints them (from municipalities, period and text), so they stay stable.
 */
public final class Reextraction {
  private static final Duration QUERY_TIMEOUT = Duration.ofMinutes(5);
  private final PromiseStore store;
  private final PromiseMapper mapper;
  private final Iris iris;
  private final String extractorVersion;
  private final SnapshotRecorder.GraphCheck check;

  /** A current snapshot as the store describes it. */
  public record Stored(String snapshot, String url, Instant fetchedAt, String sha256, Optional<String> contentType,
                       int httpStatus, Optional<String> warcRecordId, Optional<String> warcFile) {
    public Stored {
      Objects.requireNonNull(snapshot, "snapshot");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(fetchedAt, "fetchedAt");
      Objects.requireNonNull(sha256, "sha256");
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(warcRecordId, "warcRecordId");
      Objects.requireNonNull(warcFile, "warcFile");
    }
  }

  /** What a new extraction means for a stored graph. */
  public sealed interface Outcome {
    /** The same statements: the stored graph stays as it is. */
    record Unchanged(int commitments) implements Outcome {
    }

    /**
     * Different statements: {@code graph} replaces the stored one.
     *
     * @param versionsBefore the extractor versions named in the stored graph (none for a page without commitments)
     */
    record Changed(Graph graph, int commitmentsBefore, int commitmentsAfter, List<String> versionsBefore)
        implements Outcome {
      public Changed {
        Objects.requireNonNull(graph, "graph");
        versionsBefore = List.copyOf(versionsBefore);
      }
    }

    /** The new graph breaks the shapes: the stored graph stays. */
    record Invalid(List<String> problems) implements Outcome {
      public Invalid {
        problems = List.copyOf(problems);
      }
    }
  }

  /**
   * @param mapper           maps with the new extractor's version
   * @param extractorVersion the new extractor's version, named by the re-extraction activity
   * @param check            every new graph must pass it (the SHACL shapes), as every harvested graph does
   */
  public Reextraction(PromiseStore store, PromiseMapper mapper, Iris iris, String extractorVersion,
                      SnapshotRecorder.GraphCheck check) {
    this.store = store;
    this.mapper = mapper;
    this.iris = iris;
    this.extractorVersion = Objects.requireNonNull(extractorVersion, "extractorVersion");
    this.check = check;
  }

  /** The latest snapshot of every page (retired snapshots are history and not listed), ordered by URL. */
  public List<Stored> stored() {
    return store.query(Queries.load("stored-snapshots").asQuery(), QUERY_TIMEOUT, exec -> {
      List<Stored> list = new ArrayList<>();
      ResultSet rows = ResultSet.adapt(exec.select());
      while (rows.hasNext()) {
        QuerySolution row = rows.next();
        list.add(new Stored(row.getResource("snapshot").getURI(), row.getResource("url").getURI(),
            Instant.parse(row.getLiteral("at").getLexicalForm()), row.getLiteral("sha").getLexicalForm(),
            Optional.ofNullable(row.getLiteral("format")).map(l -> l.getLexicalForm()),
            row.contains("status") ? row.getLiteral("status").getInt() : SnapshotInfo.NO_HTTP,
            Optional.ofNullable(row.getResource("record")).map(r -> r.getURI()),
            Optional.ofNullable(row.getLiteral("file")).map(l -> l.getLexicalForm())));
      }
      return list;
    });
  }

  /** The stored graph of a snapshot (a copy). */
  public Graph graph(Stored snapshot) {
    return store.graph(NodeFactory.createURI(snapshot.snapshot()));
  }

  /**
   * Compares what {@code promise} (a new extraction of the snapshot's bytes) gives with the stored graph.
   *
   * @param runId the re-extraction run, named by the activity of a changed graph
   * @param at    when the run started
   */
  public Outcome compare(Stored snapshot, Graph stored, ExtractedPromise promise, String runId, Instant at) {
    return compare(snapshot, stored, se.loftesgrafen.extract.followup.PageReading.of(promise), runId, at);
  }

  /** As above, for a page read both ways (its promise and its follow-up report). */
  public Outcome compare(Stored snapshot, Graph stored, se.loftesgrafen.extract.followup.PageReading reading,
                         String runId, Instant at) {
    Node name = NodeFactory.createURI(snapshot.snapshot());
    SnapshotInfo info = new SnapshotInfo(snapshot.url(), snapshot.fetchedAt(), snapshot.httpStatus(),
        snapshot.contentType().orElse("application/octet-stream"), snapshot.sha256(), snapshot.warcRecordId(),
        snapshot.warcFile(), runId, Optional.empty());
    Graph mapped = renamed(mapper.map(reading, info).getGraph(),
        NodeFactory.createURI(iris.snapshot(snapshot.url(), snapshot.sha256()).getURI()), name);
    if (extraction(stored, name, false).isIsomorphicWith(extraction(mapped, name, false))) {
      return new Outcome.Unchanged(commitments(stored));
    }
    // Checked as the harvester checks a page: what the mapper gives, here with the activity. The stored provenance
    // was accepted when it was stored and is kept as it is.
    addActivity(mapped, name, runId, at);
    List<String> problems = check.problems(mapped);
    if (!problems.isEmpty()) {
      return new Outcome.Invalid(problems);
    }
    Graph replacement = provenance(stored, name);
    extraction(mapped, name, true).find().forEachRemaining(replacement::add);
    addActivity(replacement, name, runId, at);
    return new Outcome.Changed(replacement, commitments(stored), commitments(replacement), versions(stored));
  }

  /** Replaces the snapshot's named graph, in one write transaction. */
  public void replace(Stored snapshot, Graph graph) {
    store.replaceGraphs(Map.of(NodeFactory.createURI(snapshot.snapshot()), graph));
  }

  /** The snapshot, the harvest run that generated it, earlier re-extraction activities and their agents. */
  private static Set<Node> provenanceNodes(Graph g, Node snapshot) {
    Set<Node> nodes = new HashSet<>(List.of(snapshot));
    g.find(snapshot, PROV.wasGeneratedBy.asNode(), Node.ANY).mapWith(Triple::getObject).forEach(nodes::add);
    for (Node activity : g.find(Node.ANY, PROV.used.asNode(), snapshot).mapWith(Triple::getSubject).toList()) {
      nodes.add(activity);
      g.find(activity, PROV.wasAssociatedWith.asNode(), Node.ANY).mapWith(Triple::getObject).forEach(nodes::add);
    }
    return nodes;
  }

  /**
   * What the extractor said: everything but the provenance and the links to a re-extraction activity; without the
   * extractor versions when they are to be ignored (comparing).
   */
  /**
   * What FollowUpLinker adds to a report's graph after it is stored: not what the page says, so not compared (a
   * re-extraction that replaces the graph drops them, and the linker, run after it, puts them back).
   */
  private static final Set<Node> LINKS = Set.of(LG.followsUp.asNode(), LG.linkScore.asNode());

  static Graph extraction(Graph g, Node snapshot, boolean withVersions) {
    Set<Node> provenance = provenanceNodes(g, snapshot);
    Set<Node> linked = new HashSet<>(g.find(Node.ANY, LG.followsUp.asNode(), Node.ANY).mapWith(Triple::getObject).toList());
    Graph out = GraphFactory.createDefaultGraph();
    g.find().forEachRemaining(t -> {
      boolean activityLink = t.getPredicate().equals(PROV.wasGeneratedBy.asNode())
          && provenance.contains(t.getObject());
      if (!provenance.contains(t.getSubject()) && !activityLink && !LINKS.contains(t.getPredicate())
          && !linked.contains(t.getSubject())
          && (withVersions || !t.getPredicate().equals(LG.extractorVersion.asNode()))) {
        out.add(t);
      }
    });
    return out;
  }

  /** What the harvest recorded: the snapshot and its harvest run, without earlier re-extraction activities. */
  private static Graph provenance(Graph g, Node snapshot) {
    Set<Node> harvest = new HashSet<>(List.of(snapshot));
    g.find(snapshot, PROV.wasGeneratedBy.asNode(), Node.ANY).mapWith(Triple::getObject).forEach(harvest::add);
    Graph out = GraphFactory.createDefaultGraph();
    g.find().filterKeep(t -> harvest.contains(t.getSubject())).forEachRemaining(out::add);
    return out;
  }

  private void addActivity(Graph g, Node snapshot, String runId, Instant at) {
    Node activity = iris.harvestRun(runId).asNode();
    Node agent = iris.extractor(extractorVersion).asNode();
    g.add(Triple.create(activity, RDF.type.asNode(), PROV.Activity.asNode()));
    g.add(Triple.create(activity, RDFS.label.asNode(),
        NodeFactory.createLiteralLang("omextrahering med extraktor " + extractorVersion, "sv")));
    g.add(Triple.create(activity, RDFS.label.asNode(),
        NodeFactory.createLiteralLang("re-extraction with extractor " + extractorVersion, "en")));
    g.add(Triple.create(activity, PROV.used.asNode(), snapshot));
    g.add(Triple.create(activity, PROV.startedAtTime.asNode(),
        NodeFactory.createLiteralDT(at.toString(), XSDDatatype.XSDdateTime)));
    g.add(Triple.create(activity, PROV.wasAssociatedWith.asNode(), agent));
    g.add(Triple.create(agent, RDF.type.asNode(), PROV.SoftwareAgent.asNode()));
    g.add(Triple.create(agent, SchemaDO.softwareVersion.asNode(), NodeFactory.createLiteralString(extractorVersion)));
    for (Node promise : g.find(Node.ANY, RDF.type.asNode(), LG.CitizenPromise.asNode()).mapWith(Triple::getSubject)
        .toList()) {
      g.add(Triple.create(promise, PROV.wasGeneratedBy.asNode(), activity));
    }
  }

  /** The graph with node {@code from} renamed to {@code to} (the stored graph's name, should IRIs ever differ). */
  private static Graph renamed(Graph g, Node from, Node to) {
    Graph out = GraphFactory.createDefaultGraph();
    g.find().forEachRemaining(t -> out.add(Triple.create(t.getSubject().equals(from) ? to : t.getSubject(),
        t.getPredicate(), t.getObject().equals(from) ? to : t.getObject())));
    return out;
  }

  static int commitments(Graph g) {
    return g.find(Node.ANY, RDF.type.asNode(), LG.Commitment.asNode()).toList().size();
  }

  private static List<String> versions(Graph g) {
    Set<String> versions = new TreeSet<>();
    g.find(Node.ANY, LG.extractorVersion.asNode(), Node.ANY)
        .forEachRemaining(t -> versions.add(t.getObject().getLiteralLexicalForm()));
    return List.copyOf(versions);
  }
}
