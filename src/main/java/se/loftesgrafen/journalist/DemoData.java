package se.loftesgrafen.journalist;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.Queries;

/**
 * Whether the store holds only the bundled sample (serve harvests it into an empty store): then every view says
 * "demo data", since its maps and numbers show five pages, not Sweden. Known by the sample's page URLs (their
 * {@code originalUrl}s, the identity their snapshots carry).
 */
public final class DemoData {
  private final PromiseStore store;
  private final Set<String> sampleUrls;
  private final Duration timeout;

  public DemoData(PromiseStore store, Set<URI> sampleUrls, Duration timeout) {
    this.store = store;
    this.sampleUrls = new HashSet<>();
    sampleUrls.forEach(u -> this.sampleUrls.add(u.toString()));
    this.timeout = timeout;
  }

  /** How many current snapshots there are, and how many of them are not the sample's. */
  public record Status(int snapshots, int others) {
    public boolean demo() {
      return snapshots > 0 && others == 0;
    }
  }

  public Status status() {
    int[] counts = new int[2];
    store.query(Queries.load("journalist-snapshot-urls").asQuery(), timeout, exec -> {
      exec.select().forEachRemaining(b -> {
        var n = b.get(org.apache.jena.sparql.core.Var.alloc("url"));
        String url = n.isURI() ? n.getURI() : n.getLiteralLexicalForm();
        counts[0]++;
        if (!sampleUrls.contains(url)) {
          counts[1]++;
        }
      });
      return null;
    });
    return new Status(counts[0], counts[1]);
  }
}
