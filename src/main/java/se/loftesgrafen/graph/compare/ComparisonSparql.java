package se.loftesgrafen.graph.compare;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.Queries;

/**
 * Runs the comparison SPARQL (queries/compare-*.rq) and folds the multiplied rows into {@link Comparison} values.
 * Knows nothing of paging or caching; {@link ComparisonQueries} does that.
 */
final class ComparisonSparql {
  private final PromiseStore store;
  private final Iris iris;
  private final Duration timeout;

  ComparisonSparql(PromiseStore store, Iris iris, Duration timeout) {
    this.store = store;
    this.iris = iris;
    this.timeout = timeout;
  }

  /** Theme concepts in notation order; narrower concepts without a scheme take their broader concept's. */
  List<Comparison.Theme> themes() {
    ParameterizedSparqlString q = Queries.load("compare-themes");
    String sample = iris.theme("x").getURI();
    q.setLiteral("prefix", sample.substring(0, sample.length() - 1));
    Map<String, String[]> found = new LinkedHashMap<>();
    select(q, b -> {
      String[] t = found.computeIfAbsent(iri(b, "concept"), k -> new String[5]);
      t[0] = text(b, "notation", t[0]);
      t[1] = text(b, "sv", t[1]);
      t[2] = text(b, "en", t[2]);
      t[3] = Optional.ofNullable(iri(b, "scheme")).map(ComparisonSparql::lastSegment).orElse(t[3]);
      t[4] = Optional.ofNullable(iri(b, "broader")).orElse(t[4]);
    });
    List<Comparison.Theme> themes = new ArrayList<>();
    found.forEach((iri, t) -> {
      String scheme = t[3] != null ? t[3] : Optional.ofNullable(t[4]).map(found::get).map(p -> p[3]).orElse("");
      themes.add(new Comparison.Theme(iri, t[0], t[1] != null ? t[1] : t[0], t[2] != null ? t[2] : t[0], scheme,
          Optional.ofNullable(t[4])));
    });
    themes.sort(Comparator.comparing(Comparison.Theme::id));
    return themes;
  }

  /** The commitment rows tagged with any of {@code tags} (theme concept IRIs). */
  List<Comparison.Row> rows(Collection<String> tags) {
    if (tags.isEmpty()) {
      return List.of();
    }
    ParameterizedSparqlString q = withoutComments("compare-rows");
    q.setValues("tags", resources(tags));
    Map<String, RowBuilder> rows = new LinkedHashMap<>();
    select(q, b -> {
      RowBuilder r = rows.computeIfAbsent(iri(b, "c"), c -> new RowBuilder(c, iri(b, "promise"), years(b)));
      r.municipalities.add(lastSegment(iri(b, "kommun")));
      r.themes.add(iri(b, "tag"));
      Optional.ofNullable(iri(b, "actor")).map(ComparisonSparql::lastSegment).ifPresent(r.actors::add);
      Optional.ofNullable(iri(b, "kind")).map(ComparisonSparql::localName).ifPresent(k -> r.kind = k);
      decimal(b, "confidence").ifPresent(c -> r.confidence = Optional.of(c));
    });
    return rows.values().stream().map(RowBuilder::build).toList();
  }

  /** Every commitment IRI, by the municipality codes of its promise. */
  Map<String, List<String>> commitmentsByMunicipality() {
    Map<String, List<String>> out = new java.util.TreeMap<>();
    select(Queries.load("dump-commitments"),
        b -> out.computeIfAbsent(lastSegment(iri(b, "kommun")), k -> new ArrayList<>()).add(iri(b, "c")));
    return out;
  }

  /** The commitments with these IRIs, with all their details, in the order given. */
  List<Comparison.Commitment> details(List<String> commitments) {
    if (commitments.isEmpty()) {
      return List.of();
    }
    ParameterizedSparqlString q = withoutComments("compare-details");
    q.setValues("commitments", resources(commitments));
    Map<String, DetailBuilder> found = new LinkedHashMap<>();
    select(q, b -> found.computeIfAbsent(iri(b, "c"), c -> new DetailBuilder(c, b)).add(b));
    return commitments.stream().filter(found::containsKey).map(c -> found.get(c).build()).toList();
  }

  /** The commitment IRIs of one municipality's promises. */
  List<String> commitmentsOf(String municipalityCode) {
    ParameterizedSparqlString q = Queries.load("compare-municipality");
    q.setParam("kommun", iris.municipality(municipalityCode));
    List<String> out = new ArrayList<>();
    select(q, b -> out.add(iri(b, "c")));
    return out;
  }

  /** Per promise: municipality codes, period and sources, for coverage. */
  List<CoverageRow> coverage() {
    Map<String, CoverageRow> found = new LinkedHashMap<>();
    select(Queries.load("compare-coverage"), b -> {
      CoverageRow row = found.computeIfAbsent(iri(b, "promise"),
          p -> new CoverageRow(p, text(b, "title", ""), years(b), new LinkedHashSet<>(), new ArrayList<>(),
              Optional.of(text(b, "start", "")).filter(d -> !d.isEmpty()),
              Optional.of(text(b, "end", "")).filter(d -> !d.isEmpty())));
      row.municipalities().add(lastSegment(iri(b, "kommun")));
      source(b).filter(s -> !row.sources().contains(s)).ifPresent(row.sources()::add);
    });
    return List.copyOf(found.values());
  }

  /** Per page URL with a snapshot in the store: when it was last fetched or read (empty when the store does not say). */
  Map<String, String> triedPages() {
    Map<String, String> out = new LinkedHashMap<>();
    select(Queries.load("compare-tried-pages"), b -> {
      String url = Optional.ofNullable(iri(b, "url")).orElse(text(b, "url", ""));
      if (!url.isEmpty()) {
        out.put(url, text(b, "last", ""));
      }
    });
    return out;
  }

  record CoverageRow(String promise, String title, Optional<Comparison.Years> years, Set<String> municipalities,
                     List<Comparison.Source> sources, Optional<String> startDate, Optional<String> endDate) {
  }

  /**
   * A query whose whole-line comments are removed: Jena's setValues does not substitute a placeholder that
   * follows a comment line (seen with Jena 6.0.0), so queries bound with lists drop their header comments.
   */
  private static ParameterizedSparqlString withoutComments(String name) {
    return new ParameterizedSparqlString(Queries.load(name).getCommandText().replaceAll("(?m)^\\s*#.*$", ""));
  }

  private void select(ParameterizedSparqlString q, Consumer<Binding> each) {
    store.query(q.asQuery(), timeout, exec -> {
      exec.select().forEachRemaining(each);
      return null;
    });
  }

  private static List<RDFNode> resources(Collection<String> iris) {
    return iris.stream().<RDFNode>map(ResourceFactory::createResource).toList();
  }

  static String iri(Binding b, String var) {
    Node n = b.get(Var.alloc(var));
    return n != null && n.isURI() ? n.getURI() : null;
  }

  static String text(Binding b, String var, String otherwise) {
    Node n = b.get(Var.alloc(var));
    return n != null && n.isLiteral() ? n.getLiteralLexicalForm() : otherwise;
  }

  /** Period years from ?start and ?end (xsd:gYear or xsd:date); one of them is enough for a one-year period. */
  static Optional<Comparison.Years> years(Binding b) {
    Optional<Integer> start = year(b, "start");
    Optional<Integer> end = year(b, "end");
    if (start.isEmpty() && end.isEmpty()) {
      return Optional.empty();
    }
    int from = start.orElse(end.get());
    int to = end.orElse(from);
    return Optional.of(new Comparison.Years(Math.min(from, to), Math.max(from, to)));
  }

  private static Optional<Integer> year(Binding b, String var) {
    String lexical = text(b, var, "");
    return lexical.matches("-?\\d{4}.*") ? Optional.of(Integer.parseInt(lexical.substring(0, 4))) : Optional.empty();
  }

  static Optional<Comparison.Source> source(Binding b) {
    return Optional.ofNullable(iri(b, "snapshot")).map(s -> new Comparison.Source(s,
        Optional.ofNullable(iri(b, "url")).orElse(text(b, "url", "")), text(b, "fetched", ""), text(b, "format", ""),
        Optional.of(text(b, "status", "")).filter(t -> t.matches("\\d{3}")).map(Integer::valueOf),
        Optional.ofNullable(iri(b, "warc"))));
  }

  /** A numeric literal as a decimal ("0.9"^^xsd:decimal); empty when unbound or not a number. */
  static Optional<BigDecimal> decimal(Binding b, String var) {
    Node n = b.get(Var.alloc(var));
    if (n == null || !n.isLiteral()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(n.getLiteralLexicalForm().strip()));
    } catch (NumberFormatException e) {
      return Optional.empty(); // not a decimal (the shapes refuse it; a remote store may hold anything)
    }
  }

  /** The last path segment of our IRIs: a municipality code, an actor id. */
  static String lastSegment(String iri) {
    return iri.substring(iri.lastIndexOf('/') + 1);
  }

  private static String localName(String iri) {
    return iri.substring(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
  }

  private static final class RowBuilder {
    final String commitment;
    final String promise;
    final Optional<Comparison.Years> years;
    final Set<String> municipalities = new LinkedHashSet<>();
    final Set<String> actors = new LinkedHashSet<>();
    final Set<String> themes = new LinkedHashSet<>();
    String kind = "activity";
    Optional<BigDecimal> confidence = Optional.empty();

    RowBuilder(String commitment, String promise, Optional<Comparison.Years> years) {
      this.commitment = commitment;
      this.promise = promise;
      this.years = years;
    }

    Comparison.Row build() {
      return new Comparison.Row(commitment, promise, municipalities, years, kind, actors, themes, confidence);
    }
  }

  /** Folds the multiplied detail rows of one commitment. */
  private static final class DetailBuilder {
    final String iri;
    final String text;
    final String promise;
    final String title;
    final String periodText;
    final Optional<Comparison.Years> years;
    final Optional<String> startDate;
    final Optional<String> endDate;
    final Optional<Comparison.Confidence> confidence;
    String kind = "activity";
    final Set<String> municipalities = new LinkedHashSet<>();
    final Set<String> actors = new LinkedHashSet<>();
    final Set<String> themes = new LinkedHashSet<>();
    final Map<String, Comparison.Target> targets = new LinkedHashMap<>();
    final Map<String, Comparison.Source> sources = new LinkedHashMap<>();

    DetailBuilder(String iri, Binding first) {
      this.iri = iri;
      this.text = text(first, "text", "");
      this.promise = iri(first, "promise");
      this.title = text(first, "title", "");
      this.periodText = text(first, "periodText", "");
      this.years = years(first);
      this.startDate = Optional.of(text(first, "start", "")).filter(d -> !d.isEmpty());
      this.endDate = Optional.of(text(first, "end", "")).filter(d -> !d.isEmpty());
      // single-valued (the shapes allow one of each): the first row has them
      this.confidence = decimal(first, "confidence").map(c -> new Comparison.Confidence(c,
          decimal(first, "actorsConfidence"), decimal(first, "themesConfidence")));
    }

    void add(Binding b) {
      Optional.ofNullable(iri(b, "kind")).map(ComparisonSparql::localName).ifPresent(k -> kind = k);
      Optional.ofNullable(iri(b, "kommun")).map(ComparisonSparql::lastSegment).ifPresent(municipalities::add);
      Optional.ofNullable(iri(b, "actor")).map(ComparisonSparql::lastSegment).ifPresent(actors::add);
      Optional.ofNullable(iri(b, "tag")).ifPresent(themes::add);
      Optional.ofNullable(iri(b, "target")).ifPresent(t -> targets.computeIfAbsent(t, k -> new Comparison.Target(k,
          Optional.of(text(b, "value", "")).filter(v -> v.matches("-?[0-9.]+")).map(BigDecimal::new),
          text(b, "unit", ""), text(b, "counts", ""), text(b, "description", ""))));
      source(b).ifPresent(s -> sources.putIfAbsent(s.snapshot(), s));
    }

    Comparison.Commitment build() {
      List<Comparison.Source> newestFirst = new ArrayList<>(sources.values());
      newestFirst.sort(Comparator.comparing(Comparison.Source::fetchedAt).reversed());
      List<String> sortedActors = actors.stream().sorted().toList();
      return new Comparison.Commitment(iri, text, kind, sortedActors, themes.stream().sorted().toList(),
          targets.values().stream().sorted(Comparator.comparing(Comparison.Target::iri)).toList(),
          new Comparison.Promise(promise, title, periodText, years, municipalities.stream().sorted().toList(),
              startDate, endDate),
          newestFirst, confidence);
    }
  }
}
