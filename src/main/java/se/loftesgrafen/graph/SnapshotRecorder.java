package se.loftesgrafen.graph;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import se.loftesgrafen.extract.ExtractedPromise;
import se.loftesgrafen.extract.followup.PageReading;
import se.loftesgrafen.vocab.LG;
import se.loftesgrafen.vocab.PROV;

/**
 * Keeps the history of every page: one named graph per snapshot (by URL and content hash), each written with one
 * {@link PromiseStore#replaceGraphs} call so that a kill never leaves half a page. A changed page gets a new
 * snapshot that {@code prov:wasRevisionOf} the previous one; the previous graph keeps its provenance and gets
 * {@code prov:invalidatedAtTime}. When the new extraction states the same promise IRI as the previous one (the
 * page was edited within a period), the previous graph's promise triples are removed so that the union graph does
 * not show two versions of one promise; a promise of an earlier period stays. A page that answers 404 or 410 is
 * marked {@code lg:goneSince} on its latest snapshot and never deleted.
 */
public final class SnapshotRecorder {
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(30);
  private static final ParameterizedSparqlString CURRENT = Queries.load("current-snapshot");
  private final PromiseStore store;
  private final java.util.function.Consumer<Map<Node, Graph>> writer;
  private final PromiseMapper mapper;
  private final Iris iris;

  /** The latest snapshot of a page. */
  public record Current(String snapshot, String sha256, boolean gone) {
    public Current {
      Objects.requireNonNull(snapshot, "snapshot");
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  /** What a record call stored: the snapshot's IRI, and why its extraction was left out when it failed the check. */
  public record Recorded(String snapshot, List<String> problems) {
    public Recorded {
      problems = List.copyOf(problems);
    }
  }

  /** Checks a page's graph before it is stored; returns its problems (SHACL violations), none when it may go in. */
  @FunctionalInterface
  public interface GraphCheck {
    List<String> problems(Graph graph);
  }

  private final GraphCheck check;

  public SnapshotRecorder(PromiseStore store, PromiseMapper mapper, Iris iris) {
    this(store, store::replaceGraphs, mapper, iris);
  }

  /** @param writer how writes reach the store: {@code store::replaceGraphs} or a {@link GroupCommitWriter} */
  public SnapshotRecorder(PromiseStore store, java.util.function.Consumer<Map<Node, Graph>> writer,
                          PromiseMapper mapper, Iris iris) {
    this(store, writer, mapper, iris, graph -> List.of());
  }

  /**
   * @param check every page graph must pass it (the SHACL shapes of vocab/); a page whose extraction fails is stored
   *              with its provenance only, so the store never holds a graph that breaks the shapes
   */
  public SnapshotRecorder(PromiseStore store, java.util.function.Consumer<Map<Node, Graph>> writer,
                          PromiseMapper mapper, Iris iris, GraphCheck check) {
    this.store = store;
    this.writer = writer;
    this.mapper = mapper;
    this.iris = iris;
    this.check = check;
  }

  public Optional<Current> current(String url) {
    ParameterizedSparqlString q = CURRENT.copy();
    q.setIri("url", url);
    return store.query(q.asQuery(), QUERY_TIMEOUT, exec -> {
      ResultSet rows = ResultSet.adapt(exec.select());
      if (!rows.hasNext()) {
        return Optional.empty();
      }
      QuerySolution row = rows.next();
      return Optional.of(new Current(row.getResource("snapshot").getURI(), row.getLiteral("sha").getLexicalForm(),
          row.contains("gone")));
    });
  }

  /**
   * Stores a new snapshot of {@code snapshot.url()} with what was extracted from it, revising the current one.
   *
   * @return the new snapshot's IRI
   */
  public Recorded record(SnapshotInfo snapshot, ExtractedPromise promise) {
    return record(snapshot, promise, current(snapshot.url()));
  }

  /** As {@link #record(SnapshotInfo, ExtractedPromise)}, with the current snapshot the caller just looked up. */
  public Recorded record(SnapshotInfo snapshot, ExtractedPromise promise, Optional<Current> previous) {
    return record(snapshot, PageReading.of(promise), previous);
  }

  /**
   * Stores a new snapshot of a page read both ways (its promise and its follow-up report), revising the current
   * one; a page whose graph breaks the shapes keeps its provenance only.
   */
  public Recorded record(SnapshotInfo snapshot, PageReading reading, Optional<Current> previous) {
    SnapshotInfo info = new SnapshotInfo(snapshot.url(), snapshot.fetchedAt(), snapshot.httpStatus(),
        snapshot.contentType(), snapshot.sha256(), snapshot.warcRecordId(), snapshot.warcFile(), snapshot.runId(),
        previous.map(Current::snapshot).filter(p -> !p.equals(name(snapshot).getURI())));
    Node name = name(snapshot);
    Map<Node, Graph> writes = new HashMap<>();
    Graph extracted = mapper.map(reading, info).getGraph();
    List<String> problems = check.problems(extracted);
    if (!problems.isEmpty()) {
      reading = PageReading.of(withoutPromise(reading.promise()));
      extracted = mapper.map(reading, info).getGraph();
    }
    writes.put(name, extracted);
    if (info.previous().isPresent()) {
      Node old = NodeFactory.createURI(info.previous().get());
      Set<String> restated = new java.util.HashSet<>();
      mapper.promiseIri(reading.promise(), info).ifPresent(r -> restated.add(r.getURI()));
      mapper.reportIri(reading, info).ifPresent(r -> restated.add(r.getURI()));
      writes.put(old, retired(old, store.graph(old), restated, snapshot.fetchedAt()));
    }
    writer.accept(writes);
    return new Recorded(name.getURI(), problems);
  }

  /** The same page as stating no promise: only its provenance is stored. */
  private static ExtractedPromise withoutPromise(ExtractedPromise p) {
    return new ExtractedPromise(p.source(), false, p.municipalities(), p.policeArea(), p.period(), p.published(),
        p.updated(), p.basedOn(), p.signatories(), p.commitments(), p.title());
  }

  /** Marks the latest snapshot of a page as gone since {@code day}, once; false when there is none. */
  public boolean markGone(String url, LocalDate day) {
    Optional<Current> current = current(url);
    if (current.isEmpty() || current.get().gone()) {
      return current.isPresent();
    }
    Node name = NodeFactory.createURI(current.get().snapshot());
    Graph graph = store.graph(name);
    graph.add(Triple.create(name, LG.goneSince.asNode(),
        NodeFactory.createLiteralDT(day.toString(), XSDDatatype.XSDdate)));
    writer.accept(Map.of(name, graph));
    return true;
  }

  /** A page seen again after it was gone: its latest snapshot loses the mark. */
  public void markPresent(String url) {
    Optional<Current> current = current(url);
    if (current.isPresent() && current.get().gone()) {
      Node name = NodeFactory.createURI(current.get().snapshot());
      Graph graph = store.graph(name);
      graph.remove(name, LG.goneSince.asNode(), Node.ANY);
      writer.accept(Map.of(name, graph));
    }
  }

  private Node name(SnapshotInfo s) {
    return NodeFactory.createURI(iris.snapshot(s.url(), s.sha256()).getURI());
  }

  /**
   * The previous snapshot's graph as history: invalidated at {@code until}; without its promise and report triples
   * when the new snapshot states the same promise or the same report ({@code restated}), else unchanged.
   */
  private static Graph retired(Node old, Graph graph, Set<String> restated, Instant until) {
    boolean again = java.util.stream.Stream.of(LG.CitizenPromise, LG.FollowUpReport)
        .flatMap(type -> graph.find(Node.ANY, RDF.type.asNode(), type.asNode()).mapWith(Triple::getSubject).toList()
            .stream())
        .anyMatch(n -> n.isURI() && restated.contains(n.getURI()));
    Graph kept = graph;
    if (again) {
      kept = GraphFactory.createDefaultGraph();
      Set<Node> provenance = new java.util.HashSet<>(List.of(old));
      graph.find(old, PROV.wasGeneratedBy.asNode(), Node.ANY).mapWith(Triple::getObject).forEach(provenance::add);
      for (Triple t : graph.find().toList()) {
        if (provenance.contains(t.getSubject())) {
          kept.add(t);
        }
      }
    }
    kept.remove(old, PROV.invalidatedAtTime.asNode(), Node.ANY);
    kept.add(Triple.create(old, PROV.invalidatedAtTime.asNode(),
        NodeFactory.createLiteralDT(until.toString(), XSDDatatype.XSDdateTime)));
    return kept;
  }
}
