package se.loftesgrafen.harvest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import se.loftesgrafen.Loftesgrafen;
import se.loftesgrafen.config.AppConfig;
import se.loftesgrafen.config.ConfigLoader;
import se.loftesgrafen.config.ConfigOverrides;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.vocab.VocabularyFiles;

/**
 * A disk that fills up during a harvest, injected at the store so that it runs everywhere (DiskFullIT fills a real
 * filesystem where one can be mounted): a real TDB2 store on disk whose third commit fails with the InternalError
 * that the JVM throws when a write to TDB2's memory-mapped files finds the disk full. The harvest must end (not
 * hang), say why in one line, keep everything committed before, and leave a store that validates.
 */
class StoreFailureIT {
  @TempDir
  Path folder;

  /** The real store, with commits failing from the {@code failFrom}-th on. */
  private record DiskFullStore(PromiseStore real, int failFrom, AtomicInteger commits) implements PromiseStore {
    @Override
    public <T> T query(Query query, Duration timeout, Function<QueryExec, T> handler) {
      return real.query(query, timeout, handler);
    }

    @Override
    public void replaceGraphs(Map<Node, Graph> graphs) {
      if (commits.incrementAndGet() >= failFrom) {
        throw new InternalError("a fault occurred in an unsafe memory access operation (simulated: disk full)");
      }
      real.replaceGraphs(graphs);
    }

    @Override
    public Graph graph(Node name) {
      return real.graph(name);
    }

    @Override
    public void export(StreamRDF sink) {
      real.export(sink);
    }

    @Override
    public boolean hasGraphsOtherThan(Node except) {
      return real.hasGraphsOtherThan(except);
    }

    @Override
    public long version() {
      return real.version();
    }

    @Override
    public java.util.Optional<String> baseIri() {
      return real.baseIri();
    }

    @Override
    public void recordBaseIri(String base) {
      real.recordBaseIri(base);
    }

    @Override
    public void close() {
      real.close();
    }
  }

  @Test
  void aFullDiskEndsTheHarvestWithOneLineAndTheStoreValidates() throws Exception {
    Path storeFolder = folder.resolve("store");
    AppConfig config = ConfigLoader.load(Path.of("harvest-config"), new ConfigOverrides(Optional.of("8080"),
        Optional.of(storeFolder.toString()), Optional.of("harvest-config/sample/sources.yaml"), Map.of()));
    Iris iris = new Iris(config.baseIri());
    AtomicInteger commits = new AtomicInteger();
    HarvestSummary summary;
    try (PromiseStore store = new DiskFullStore(PromiseStore.embedded(storeFolder), 3, commits)) {
      store.replaceGraphs(Map.of(org.apache.jena.graph.NodeFactory.createURI(iris.vocabularyGraph().getURI()),
          VocabularyFiles.load(iris.base()))); // commit 1
      Harvester harvester = Loftesgrafen.harvester(config, store, iris);
      summary = assertTimeoutPreemptively(Duration.ofSeconds(60),
          () -> harvester.run(SourcesFile.read(config.harvest().sources())), "the harvest hung on a failed commit");
    }
    assertTrue(summary.stopped().isPresent(), summary.toString());
    assertTrue(summary.stopped().get().contains("store cannot be written"), summary.stopped().get());
    assertEquals(1, summary.stored(), "one page committed before the disk filled: " + summary);
    assertTrue(summary.ended().isPresent());

    // what was committed is there and passes the shapes
    StringWriter out = new StringWriter();
    CommandLine cl = se.loftesgrafen.cli.Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    int exit = cl.execute("validate", "--store", storeFolder.toString());
    assertEquals(0, exit, out.toString());
    assertTrue(out.toString().contains(" 0 violations") && !out.toString().startsWith("0 triples"), out.toString());
  }
}
