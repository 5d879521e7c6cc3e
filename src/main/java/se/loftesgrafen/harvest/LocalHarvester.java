package se.loftesgrafen.harvest;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.loftesgrafen.extract.ExtractedPromise;
import se.loftesgrafen.extract.PromiseExtractor;
import se.loftesgrafen.extract.SourceDocument;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseMapper;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.SnapshotInfo;

/**
 * Walking-skeleton harvester: reads local files and folders named by the sources, extracts each page and stores
 * it as one named graph per snapshot. HTTP, WARC and discovery come with the harvester issue.
 */
public final class LocalHarvester {
  private static final Logger LOG = LoggerFactory.getLogger("harvest");
  private final PromiseExtractor extractor;
  private final PromiseMapper mapper;
  private final PromiseStore store;
  private final Iris iris;

  public LocalHarvester(PromiseExtractor extractor, PromiseStore store, Iris iris) {
    this.extractor = extractor;
    this.mapper = new PromiseMapper(iris, PromiseExtractor.VERSION);
    this.store = store;
    this.iris = iris;
  }

  public HarvestSummary run(List<Source> sources) {
    String runId = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(Instant.now());
    int stored = 0;
    int unchanged = 0;
    List<String> failed = new ArrayList<>();
    for (Source source : sources) {
      if (!source.isLocal()) {
        failed.add(source.location() + ": only local files are harvested by this version");
        continue;
      }
      for (Path file : files(Path.of(source.location()), failed)) {
        try {
          boolean fresh = harvestFile(file, source, runId);
          stored += fresh ? 1 : 0;
          unchanged += fresh ? 0 : 1;
        } catch (IOException | RuntimeException e) {
          LOG.warn("run {}: {} failed: {}", runId, file, e.toString());
          failed.add(file + ": " + e.getMessage());
        }
      }
    }
    return new HarvestSummary(runId, stored, unchanged, failed);
  }

  private static List<Path> files(Path location, List<String> failed) {
    if (Files.isRegularFile(location)) {
      return List.of(location);
    }
    if (!Files.isDirectory(location)) {
      failed.add(location + ": no such file or folder");
      return List.of();
    }
    try (Stream<Path> listing = Files.list(location)) {
      return listing.filter(p -> p.toString().matches("(?i).*\\.(html?|pdf|txt)$")).sorted().toList();
    } catch (IOException e) {
      failed.add(location + ": cannot list: " + e.getMessage());
      return List.of();
    }
  }

  /** @return true when the page was stored, false when the same content was already there */
  private boolean harvestFile(Path file, Source source, String runId) throws IOException {
    byte[] body = Files.readAllBytes(file);
    String sha = Iris.sha256Hex(body);
    String url = source.originalUrl().filter(u -> Files.isRegularFile(Path.of(source.location())))
        .map(URI::toString).orElse(file.toUri().toString());
    Node graphName = NodeFactory.createURI(iris.snapshot(url, sha).getURI());
    if (!store.graph(graphName).isEmpty()) {
      return false;
    }
    String type = contentType(file);
    ExtractedPromise promise = extractor.extract(
        new SourceDocument(file.toString(), URI.create(url), body, Optional.of(type)));
    SnapshotInfo info = new SnapshotInfo(url, Instant.now(), 200, type, sha, Optional.empty(), Optional.empty(),
        runId, Optional.empty());
    Graph graph = mapper.map(promise, info).getGraph();
    store.replaceGraphs(Map.of(graphName, graph));
    LOG.info("run {}: stored {} ({} commitments)", runId, file, promise.commitments().size());
    return true;
  }

  static String contentType(Path file) {
    String name = file.getFileName().toString().toLowerCase();
    if (name.endsWith(".pdf")) {
      return "application/pdf";
    }
    return name.endsWith(".txt") ? "text/plain" : "text/html";
  }
}
