package se.loftesgrafen.outcomes;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.query.ParameterizedSparqlString;
import org.apache.jena.rdf.model.ResourceFactory;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;
import se.loftesgrafen.graph.Queries;
import se.loftesgrafen.reference.Municipality;
import se.loftesgrafen.reference.MunicipalityRegister;

/**
 * "Municipalities with a commitment on a theme in year Y: a measure in Y-1 ... Y+2, beside those without." Every
 * municipality of the register falls in one group: {@code with} (a promise overlapping Y has a commitment on the
 * theme or a narrower one), {@code without} (it has a promise overlapping Y, none on the theme) or {@code unknown}
 * (no harvested promise overlaps Y). Values are Kolada's; group means and medians are computed from them.
 * Blocks: call it on a worker thread.
 */
public final class OutcomeComparison {
  /** Years before and after Y that the answer covers. */
  public static final int BEFORE = 1;
  public static final int AFTER = 2;

  public enum Group { WITH, WITHOUT, UNKNOWN;
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One municipality's values by year (absent: no figure that year). */
  public record Row(Municipality municipality, Group group, Map<Integer, BigDecimal> values) {
    public Row {
      Objects.requireNonNull(municipality, "municipality");
      Objects.requireNonNull(group, "group");
      values = Map.copyOf(values);
    }
  }

  /** A group in one year: members, how many have a value, and the unweighted mean and median of those. */
  public record GroupYear(Group group, int year, int municipalities, int withValue, Optional<BigDecimal> mean,
                          Optional<BigDecimal> median) {
  }

  public record Result(String theme, int year, Measure measure, String unit, List<Integer> years, List<Row> rows,
                       List<GroupYear> groups, List<Caveat> caveats, OutcomeSource source) {
    public Result {
      years = List.copyOf(years);
      rows = List.copyOf(rows);
      groups = List.copyOf(groups);
      caveats = List.copyOf(caveats);
    }
  }

  private final PromiseStore store;
  private final Iris iris;
  private final OutcomeIris names;
  /** The bundled copy with each measure's unit: read on the first question, not at start. */
  private record Reference(OutcomeData data, Map<String, String> units) {
  }

  private final java.util.function.Supplier<OutcomeData> source;
  private volatile Reference reference;
  private final List<Caveat> caveats;
  private final MunicipalityRegister register;
  private final Duration timeout;

  public OutcomeComparison(PromiseStore store, Iris iris, java.util.function.Supplier<OutcomeData> data,
                           List<Caveat> caveats, Duration timeout) {
    this.store = store;
    this.iris = iris;
    this.names = new OutcomeIris(iris);
    this.source = data;
    this.caveats = List.copyOf(caveats);
    this.register = MunicipalityRegister.load();
    this.timeout = timeout;
  }

  public static OutcomeComparison bundled(PromiseStore store, Iris iris, Duration timeout) {
    return new OutcomeComparison(store, iris, OutcomeData::bundled, OutcomeFiles.CLASSPATH.caveats(), timeout);
  }

  public OutcomeData data() {
    return reference().data();
  }

  private Reference reference() {
    Reference r = reference;
    if (r == null) {
      synchronized (this) {
        if (reference == null) {
          OutcomeData d = source.get();
          Map<String, String> units = new HashMap<>();
          d.outcomes().forEach(o -> units.putIfAbsent(o.measure(), o.unit()));
          reference = new Reference(d, Map.copyOf(units));
        }
        r = reference;
      }
    }
    return r;
  }

  /** Whether {@code id} is a theme of the vocabulary (skos:notation of a concept). */
  public boolean isTheme(String id) {
    ParameterizedSparqlString q = Queries.load("outcomes-theme");
    q.setIri("theme", iris.theme(id).getURI());
    q.setLiteral("id", id);
    return store.query(q.asQuery(), timeout, exec -> exec.ask());
  }

  public Result compare(String theme, int year, Measure measure) {
    Map<String, Group> groups = groups(theme, year);
    Map<String, Map<Integer, BigDecimal>> values = values(measure, year - BEFORE, year + AFTER);
    List<Integer> years = new ArrayList<>();
    for (int y = year - BEFORE; y <= year + AFTER; y++) {
      years.add(y);
    }
    List<Row> rows = new ArrayList<>();
    for (Municipality m : register.all()) {
      String iri = iris.municipality(m.code()).getURI();
      rows.add(new Row(m, groups.getOrDefault(iri, Group.UNKNOWN), values.getOrDefault(iri, Map.of())));
    }
    List<GroupYear> summary = new ArrayList<>();
    for (Group g : Group.values()) {
      List<Row> members = rows.stream().filter(r -> r.group() == g).toList();
      for (int y : years) {
        List<BigDecimal> present = members.stream().map(r -> r.values().get(y)).filter(Objects::nonNull)
            .sorted().toList();
        summary.add(new GroupYear(g, y, members.size(), present.size(), mean(present), median(present)));
      }
    }
    return new Result(theme, year, measure, reference().units().getOrDefault(measure.slug(), ""), years, rows,
        summary, caveats.stream().filter(c -> c.appliesTo(measure)).toList(), data().source());
  }

  private Map<String, Group> groups(String theme, int year) {
    ParameterizedSparqlString q = Queries.load("outcomes-theme-municipalities");
    q.setIri("theme", iris.theme(theme).getURI());
    q.setLiteral("year", year);
    return store.query(q.asQuery(), timeout, exec -> {
      Map<String, Group> out = new HashMap<>();
      exec.select().forEachRemaining(b -> out.put(b.get("kommun").getURI(),
          ((Number) b.get("onTheme").getLiteralValue()).intValue() > 0 ? Group.WITH : Group.WITHOUT));
      return out;
    });
  }

  private Map<String, Map<Integer, BigDecimal>> values(Measure measure, int from, int to) {
    ParameterizedSparqlString q = Queries.load("outcomes-values");
    q.setIri("kpi", names.kpi(measure.kpi()).getURI());
    q.setLiteral("from", ResourceFactory.createTypedLiteral(Integer.toString(from), XSDDatatype.XSDgYear));
    q.setLiteral("to", ResourceFactory.createTypedLiteral(Integer.toString(to), XSDDatatype.XSDgYear));
    return store.query(q.asQuery(), timeout, exec -> {
      Map<String, Map<Integer, BigDecimal>> out = new HashMap<>();
      exec.select().forEachRemaining(b -> out.computeIfAbsent(b.get("kommun").getURI(), k -> new TreeMap<>())
          .put(Integer.parseInt(b.get("year").getLiteralLexicalForm()),
              new BigDecimal(b.get("value").getLiteralLexicalForm())));
      return out;
    });
  }

  static Optional<BigDecimal> mean(List<BigDecimal> sorted) {
    if (sorted.isEmpty()) {
      return Optional.empty();
    }
    BigDecimal sum = sorted.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return Optional.of(sum.divide(BigDecimal.valueOf(sorted.size()), MathContext.DECIMAL64)
        .setScale(2, RoundingMode.HALF_EVEN));
  }

  static Optional<BigDecimal> median(List<BigDecimal> sorted) {
    if (sorted.isEmpty()) {
      return Optional.empty();
    }
    int n = sorted.size();
    BigDecimal mid = n % 2 == 1 ? sorted.get(n / 2)
        : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
    return Optional.of(mid.setScale(2, RoundingMode.HALF_EVEN));
  }
}
