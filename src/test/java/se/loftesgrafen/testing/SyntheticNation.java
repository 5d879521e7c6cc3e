package se.loftesgrafen.testing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import se.loftesgrafen.extract.Commitment;
import se.loftesgrafen.extract.ExtractedPromise;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseMapper;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.SnapshotInfo;

/**
 * A national-scale synthetic graph for tests and benchmarks: every municipality of vocab/data/kommuner.csv, a promise
 * per year, commitments with random (seeded) actors, themes and targets, each page with its provenance, mapped by the
 * real {@link PromiseMapper}. 290 × 10 × 10 gives about a million triples. The generated records are kept, so tests
 * compute their expected answers from them rather than from the store.
 */
public final class SyntheticNation {
  /** One municipality row of the register. */
  public record Kommun(String code, String name, String countyCode, String county, String domain) {
  }

  /** One generated page: what the extractor would have found and where it came from. */
  public record Page(Kommun kommun, int year, ExtractedPromise promise, SnapshotInfo snapshot) {
  }

  private static final String[] VERBS = {"genomföra", "öka", "utveckla", "fortsätta med", "samordna", "förstärka"};
  private static final String[] PLACES = {"i centrum", "vid skolorna", "i bostadsområdena", "på helgerna",
      "vid resecentrum", "i hela kommunen"};

  private final List<Kommun> kommuner;
  private final Map<String, String> themeLabels;
  private final List<Page> pages;

  private SyntheticNation(List<Kommun> kommuner, Map<String, String> themeLabels, List<Page> pages) {
    this.kommuner = kommuner;
    this.themeLabels = themeLabels;
    this.pages = pages;
  }

  /**
   * @param municipalities how many municipalities of the register (290 for all)
   * @param firstYear      first promise year
   * @param years          promises per municipality (one per year)
   * @param perPromise     commitments per promise
   * @param seed           random seed: the same arguments give the same nation
   */
  public static SyntheticNation generate(int municipalities, int firstYear, int years, int perPromise, long seed) {
    List<Kommun> kommuner = readKommuner().subList(0, municipalities);
    Map<String, String> themes = readThemes();
    List<String> themeIds = new ArrayList<>(themes.keySet());
    Random random = new Random(seed);
    List<Page> pages = new ArrayList<>();
    Instant fetched = Instant.parse("2026-11-01T03:00:00Z");
    for (Kommun k : kommuner) {
      for (int y = firstYear; y < firstYear + years; y++) {
        List<Commitment> commitments = new ArrayList<>();
        StringBuilder text = new StringBuilder("Medborgarlöfte " + k.name() + " " + y + "\n");
        for (int i = 0; i < perPromise; i++) {
          Set<String> picked = new LinkedHashSet<>();
          int n = 1 + random.nextInt(3);
          while (picked.size() < n) {
            picked.add(themeIds.get(random.nextInt(themeIds.size())));
          }
          Set<Commitment.Actor> actors = EnumSet.noneOf(Commitment.Actor.class);
          switch (random.nextInt(4)) {
            case 0 -> actors.add(Commitment.Actor.POLISEN);
            case 1 -> actors.add(Commitment.Actor.KOMMUNEN);
            case 2 -> actors.addAll(EnumSet.of(Commitment.Actor.POLISEN, Commitment.Actor.KOMMUNEN));
            default -> actors.add(Commitment.Actor.OTHER);
          }
          boolean goal = random.nextInt(5) == 0;
          String label = themes.get(picked.iterator().next()).toLowerCase();
          String sentence = (actors.contains(Commitment.Actor.POLISEN) ? "Polisen" : "Kommunen") + " ska "
              + VERBS[random.nextInt(VERBS.length)] + " insatser mot " + label + " " + PLACES[random.nextInt(PLACES.length)]
              + (goal ? " vid minst " + (2 + random.nextInt(8)) + " tillfällen" : "") + " (" + (i + 1) + ").";
          List<Commitment.Target> targets = goal
              ? List.of(new Commitment.Target(3, "tillfällen", "insatser", "vid minst tre tillfällen")) : List.of();
          int start = text.length();
          text.append(sentence).append('\n');
          commitments.add(new Commitment(sentence, actors, List.copyOf(picked),
              goal ? Commitment.Kind.GOAL : Commitment.Kind.ACTIVITY, targets, start, start + sentence.length()));
        }
        ExtractedPromise promise = new ExtractedPromise("synthetic", true,
            List.of(new ExtractedPromise.MunicipalityRef(k.code(), k.name())), Optional.of("Lokalpolisområde " + k.name()),
            Optional.of(new ExtractedPromise.Period(Optional.of(String.valueOf(y)), Optional.of(String.valueOf(y)),
                "Under " + y)), Optional.of(y + "-01-15"), Optional.empty(), List.of("medborgardialog"),
            List.of(new ExtractedPromise.Signatory("Person i " + k.name(), Optional.of("Kommunstyrelsens ordförande"),
                Optional.of(k.name() + " kommun"), Optional.of("S"))),
            commitments, Optional.of("Medborgarlöfte " + k.name() + " " + y));
        String url = "https://www." + k.domain() + "/trygghet/medborgarlofte-" + y + ".html";
        String sha = Iris.sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8));
        SnapshotInfo snapshot = new SnapshotInfo(url, fetched, 200, "text/html", sha,
            Optional.of("urn:uuid:" + java.util.UUID.nameUUIDFromBytes(sha.getBytes(StandardCharsets.UTF_8))),
            Optional.of("synthetic.warc.gz"), "synthetic", Optional.empty());
        pages.add(new Page(k, y, promise, snapshot));
      }
    }
    return new SyntheticNation(List.copyOf(kommuner), themes, List.copyOf(pages));
  }

  /** The whole nation: 290 municipalities × 10 years × 10 commitments. */
  public static SyntheticNation national() {
    return generate(290, 2016, 10, 10, 42);
  }

  public List<Page> pages() {
    return pages;
  }

  public List<Kommun> kommuner() {
    return kommuner;
  }

  /** Stores every page as its own named graph, in batches of {@code batch} pages per write transaction. */
  public void load(PromiseStore store, Iris iris, int batch) {
    PromiseMapper mapper = new PromiseMapper(iris, "synthetic");
    Map<Node, Graph> pending = new HashMap<>();
    for (Page page : pages) {
      Node name = NodeFactory.createURI(iris.snapshot(page.snapshot().url(), page.snapshot().sha256()).getURI());
      pending.put(name, mapper.map(page.promise(), page.snapshot()).getGraph());
      if (pending.size() >= batch) {
        store.replaceGraphs(pending);
        pending.clear();
      }
    }
    if (!pending.isEmpty()) {
      store.replaceGraphs(pending);
    }
  }

  /** Known answer: codes of the municipalities with a commitment in {@code theme} in {@code year}. */
  public Set<String> municipalitiesWithTheme(String theme, int year) {
    Set<String> codes = new TreeSet<>();
    for (Page p : pages) {
      if (p.year() == year && p.promise().commitments().stream().anyMatch(c -> c.themes().contains(theme))) {
        codes.add(p.kommun().code());
      }
    }
    return codes;
  }

  public Map<String, String> themeLabels() {
    return themeLabels;
  }

  static List<Kommun> readKommuner() {
    return se.loftesgrafen.reference.CsvTable.fromClasspath("vocab/data/kommuner.csv").rows().stream()
        .map(r -> new Kommun(r.get("kommunkod"), r.get("kommun"), r.get("lanskod"), r.get("lan"), r.get("webbplats")))
        .toList();
  }

  static Map<String, String> readThemes() {
    Map<String, String> themes = new java.util.LinkedHashMap<>();
    se.loftesgrafen.reference.CsvTable.fromClasspath("vocab/data/teman.csv").rows()
        .forEach(r -> themes.put(r.get("id"), r.get("sv")));
    return themes;
  }
}
