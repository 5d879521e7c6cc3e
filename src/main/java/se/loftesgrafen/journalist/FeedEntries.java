package se.loftesgrafen.journalist;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.Queries;
import se.loftesgrafen.graph.compare.ComparisonCache;

/**
 * What the Atom feeds list (queries/journalist-feed-entries.rq): one entry per current snapshot that states a
 * promise or gives a follow-up report, newest fetch first; "changed" when the snapshot revises an earlier one of
 * the same page, else "new"; a report is "uppföljning publicerad".
 * Read once per data version; the feeds of a theme, county or municipality filter the same list.
 */
public final class FeedEntries {
  /**
   * One entry.
   *
   * @param snapshot  the snapshot IRI (the entry's id: a new fetch of changed content is a new entry)
   * @param fetchedAt when it was fetched (the entry's updated)
   * @param revises   the snapshot it replaced, for a changed page
   * @param issued    when the promise says it was published
   * @param themes    theme concept IRIs of its commitments
   * @param followUp  the entry is a follow-up report (its {@code promise} is the report), not a promise
   */
  public record Entry(String snapshot, String url, String fetchedAt, Optional<String> revises, String promise,
                      String title, Optional<String> issued, Set<String> municipalities, Optional<String> start,
                      Optional<String> end, Set<String> themes, int commitments, boolean followUp) {
    public Entry {
      municipalities = Set.copyOf(municipalities);
      themes = Set.copyOf(themes);
    }

    public boolean changed() {
      return revises.isPresent();
    }

    /** The promise's own date: its publication, else the start of its period; empty when it states neither. */
    public Optional<String> ownDate() {
      return issued.or(() -> start);
    }
  }

  private final PromiseStore store;
  private final Duration timeout;
  private final ComparisonCache cache;

  public FeedEntries(PromiseStore store, Duration timeout) {
    this.store = store;
    this.timeout = timeout;
    this.cache = new ComparisonCache(store, 4, true);
  }

  /** Every entry, newest first (then by snapshot IRI, for a stable order). */
  public List<Entry> all() {
    return cache.get("feed-entries", this::read);
  }

  private List<Entry> read() {
    Map<String, Set<String>> themes = new java.util.HashMap<>();
    Map<String, Integer> counts = new java.util.HashMap<>();
    store.query(Queries.load("journalist-promise-themes").asQuery(), timeout, exec -> {
      exec.select().forEachRemaining(b -> {
        String promise = value(b, "promise").orElseThrow();
        value(b, "tag").ifPresent(t -> themes.computeIfAbsent(promise, p -> new LinkedHashSet<>()).add(t));
        counts.put(promise, Integer.parseInt(value(b, "n").orElse("0")));
      });
      return null;
    });
    Map<String, Builder> found = new LinkedHashMap<>();
    store.query(Queries.load("journalist-feed-entries").asQuery(), timeout, exec -> {
      exec.select().forEachRemaining(b -> found.computeIfAbsent(value(b, "snapshot").orElseThrow() + " "
          + value(b, "promise").orElseThrow(), k -> new Builder(b.detach())).add(b));
      return null;
    });
    List<Entry> out = new ArrayList<>();
    found.values().forEach(b -> out.add(b.build(themes, counts)));
    out.sort(Comparator.comparing(Entry::fetchedAt).reversed().thenComparing(Entry::snapshot));
    return List.copyOf(out);
  }

  private static final class Builder {
    /** Detached: TDB2 resolves a binding's nodes lazily, and this one is read after the query's transaction. */
    final Binding first;
    final Set<String> municipalities = new LinkedHashSet<>();

    Builder(Binding first) {
      this.first = first;
    }

    void add(Binding b) {
      value(b, "kommun").map(k -> k.substring(k.lastIndexOf('/') + 1)).ifPresent(municipalities::add);
    }

    /** @param themes theme tags per promise; {@code counts} commitments per promise */
    Entry build(Map<String, Set<String>> themes, Map<String, Integer> counts) {
      String promise = value(first, "promise").orElseThrow();
      return new Entry(value(first, "snapshot").orElseThrow(), value(first, "url").orElse(""),
          value(first, "at").orElse(""), value(first, "previous"), promise, value(first, "title").orElse(""),
          value(first, "issued"), municipalities, value(first, "start"), value(first, "end"),
          themes.getOrDefault(promise, Set.of()), counts.getOrDefault(promise, 0),
          value(first, "followUp").map(Boolean::parseBoolean).orElse(false));
    }
  }

  private static Optional<String> value(Binding b, String var) {
    Node n = b.get(Var.alloc(var));
    if (n == null) {
      return Optional.empty();
    }
    return Optional.of(n.isURI() ? n.getURI() : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
  }
}
