package se.loftesgrafen.graph.compare;

import java.time.Clock;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import se.loftesgrafen.graph.Iris;
import se.loftesgrafen.graph.PromiseStore;

/**
 * The comparisons of issue 7: theme × municipality × year, the national overview, a municipality's timeline,
 * similar municipalities and coverage. Answers are cached per store version ({@link ComparisonCache}); every call
 * may block on the store.
 */
public final class ComparisonQueries {
  private final ComparisonSparql sparql;
  private final ComparisonRegister register;
  private final ComparisonCache cache;
  private final ComparisonCache view;
  private final Clock clock;
  private final TriedSources tried;

  /**
   * @param cached answers are kept per data version
   * @param viewed the rows every comparison is computed from (themes, commitment rows, coverage rows) are read once
   *               per data version, a materialised view; off only to measure what a cold store costs
   */
  public ComparisonQueries(PromiseStore store, Iris iris, Duration timeout, ComparisonRegister register,
                           boolean cached, boolean viewed, Clock clock) {
    this(store, iris, timeout, register, cached, viewed, clock, TriedSources.none());
  }

  /** @param tried the configured sources' pages per municipality, to tell "nothing found" from "not harvested" */
  public ComparisonQueries(PromiseStore store, Iris iris, Duration timeout, ComparisonRegister register,
                           boolean cached, boolean viewed, Clock clock, TriedSources tried) {
    this.tried = tried;
    this.sparql = new ComparisonSparql(store, iris, timeout);
    this.register = register;
    this.cache = new ComparisonCache(store, 2000, cached);
    this.view = new ComparisonCache(store, 200, viewed);
    this.clock = clock;
  }

  /** Reads the per-version view (themes, commitment rows, coverage rows) now, ahead of the first question. */
  public void warm() {
    themes();
    allRows();
    coverageRows();
  }

  public ComparisonRegister register() {
    return register;
  }

  /** The commitments with these IRIs, with all their details, in the order given (not cached: searches vary). */
  public List<Comparison.Commitment> commitments(List<String> iris) {
    return details(iris);
  }

  /**
   * Commitment details, read from the store once per data version: later answers that show the same commitments
   * (other pages, filters or formats of a question) take them from the view.
   */
  private List<Comparison.Commitment> details(List<String> iris) {
    Map<String, Comparison.Commitment> known = view.get("details", java.util.concurrent.ConcurrentHashMap::new);
    List<String> missing = iris.stream().filter(i -> !known.containsKey(i)).distinct().toList();
    if (!missing.isEmpty()) {
      sparql.details(missing).forEach(c -> known.put(c.iri(), c));
    }
    return iris.stream().map(known::get).filter(java.util.Objects::nonNull).toList();
  }

  /**
   * Every commitment of the store, per municipality in code order, each list in {@link #COMMITMENT_ORDER}: the
   * commitments CSV dump. Read in batches, not cached.
   */
  public List<ComparisonResults.MunicipalityCommitments> allCommitments() {
    List<ComparisonResults.MunicipalityCommitments> out = new ArrayList<>();
    Map<String, Comparison.Commitment> read = new HashMap<>();
    sparql.commitmentsByMunicipality().forEach((code, iris) -> {
      List<String> missing = iris.stream().filter(i -> !read.containsKey(i)).distinct().toList();
      for (int i = 0; i < missing.size(); i += 500) {
        sparql.details(missing.subList(i, Math.min(missing.size(), i + 500))).forEach(c -> read.put(c.iri(), c));
      }
      out.add(new ComparisonResults.MunicipalityCommitments(municipality(code), iris.stream().map(read::get)
          .filter(java.util.Objects::nonNull).distinct().sorted(COMMITMENT_ORDER).toList()));
    });
    return out;
  }

  public ComparisonThemes themes() {
    return view.get("themes", () -> new ComparisonThemes(sparql.themes()));
  }

  /** Municipalities with commitments in {@code theme} (and its narrower themes, if asked), in code order. */
  public Comparison.Page<ComparisonResults.MunicipalityCommitments> municipalitiesWithTheme(
      Comparison.Theme theme, boolean narrower, Comparison.Filter filter, int page, int pageSize) {
    String key = "theme|" + theme.id() + "|" + narrower + "|" + filter.key() + "|" + page + "|" + pageSize;
    return cache.get(key, () -> {
      Set<String> tags = narrower ? themes().withNarrower(theme.iri()) : Set.of(theme.iri());
      Map<String, List<Comparison.Row>> byMunicipality = new TreeMap<>();
      for (Comparison.Row row : rows(tags)) {
        if (row.passes(filter)) {
          row.municipalities().stream().filter(filter::acceptsMunicipality)
              .forEach(code -> byMunicipality.computeIfAbsent(code, c -> new ArrayList<>()).add(row));
        }
      }
      List<String> codes = new ArrayList<>(byMunicipality.keySet());
      Comparison.Page<String> slice = Comparison.Page.of(codes, page, pageSize);
      List<String> wanted = slice.items().stream().flatMap(c -> byMunicipality.get(c).stream())
          .map(Comparison.Row::commitment).distinct().toList();
      Map<String, Comparison.Commitment> details = byIri(details(wanted));
      List<ComparisonResults.MunicipalityCommitments> members = new ArrayList<>();
      for (String code : slice.items()) {
        List<Comparison.Commitment> list = byMunicipality.get(code).stream().map(r -> details.get(r.commitment()))
            .filter(java.util.Objects::nonNull).distinct().sorted(COMMITMENT_ORDER).toList();
        members.add(new ComparisonResults.MunicipalityCommitments(municipality(code), list));
      }
      return new Comparison.Page<>(members, slice.total(), page, pageSize);
    });
  }

  /**
   * Per theme and group (year, or county code with {@code byCounty}): municipalities and commitments, with themes
   * rolled up to their broader themes. {@code scheme} and {@code theme} narrow the themes shown.
   */
  public List<ComparisonResults.OverviewCell> overview(Comparison.Filter filter, Optional<String> scheme,
                                                       Optional<Comparison.Theme> only, boolean byCounty) {
    String key = "overview|" + filter.key() + "|" + scheme.orElse("") + "|" + only.map(Comparison.Theme::id).orElse("")
        + "|" + byCounty;
    return cache.get(key, () -> {
      ComparisonThemes catalog = themes();
      Map<String, Map<String, Set<String>>> kommuner = new TreeMap<>();
      Map<String, Map<String, Set<String>>> commitments = new TreeMap<>();
      for (Comparison.Row row : allRows()) {
        if (!row.passes(filter)) {
          continue;
        }
        Set<String> concepts = catalog.withBroader(row.themes());
        if (only.isPresent()) {
          // One theme asked for: only its cells are computed (the other themes' would be dropped below).
          if (!concepts.contains(only.get().iri())) {
            continue;
          }
          concepts = Set.of(only.get().iri());
        }
        for (String code : row.municipalities()) {
          if (!filter.acceptsMunicipality(code)) {
            continue;
          }
          for (String group : groups(row, code, filter, byCounty)) {
            for (String concept : concepts) {
              kommuner.computeIfAbsent(concept, k -> new TreeMap<>()).computeIfAbsent(group, g -> new HashSet<>())
                  .add(code);
              commitments.computeIfAbsent(concept, k -> new TreeMap<>()).computeIfAbsent(group, g -> new HashSet<>())
                  .add(row.commitment());
            }
          }
        }
      }
      Map<String, Set<String>> reporting = reporting(filter, byCounty);
      List<String> harvested = coverage().stream().filter(c -> c.status().harvested())
          .map(c -> c.municipality().code()).filter(filter::acceptsMunicipality).toList();
      List<ComparisonResults.OverviewCell> cells = new ArrayList<>();
      for (Comparison.Theme theme : catalog.all()) {
        if (scheme.isPresent() && !scheme.get().equals(theme.scheme())
            || only.isPresent() && !only.get().id().equals(theme.id())) {
          continue;
        }
        kommuner.getOrDefault(theme.iri(), Map.of()).forEach((group, codes) -> cells.add(
            new ComparisonResults.OverviewCell(theme, group, codes.size(),
                reporting.getOrDefault(group, Set.of()).size(),
                byCounty ? (int) harvested.stream().filter(k -> k.startsWith(group)).count() : harvested.size(),
                registered(group, byCounty),
                commitments.get(theme.iri()).get(group).size())));
      }
      cells.sort(Comparator.comparing(ComparisonResults.OverviewCell::group)
          .thenComparing(c -> c.theme().id()));
      return List.copyOf(cells);
    });
  }

  /** One municipality's promises in period order, each with its themes compared with the previous promise. */
  public List<ComparisonResults.TimelineEntry> timeline(String code) {
    return timeline(code, Optional.empty());
  }

  /**
   * One municipality's promises in period order, with only the commitments of at least {@code minConfidence} (a
   * commitment without a confidence passes only when none is asked); themes are those of the commitments kept.
   */
  public List<ComparisonResults.TimelineEntry> timeline(String code, Optional<java.math.BigDecimal> minConfidence) {
    Comparison.Filter confident = new Comparison.Filter(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), minConfidence);
    return cache.get("timeline|" + code + "|" + confident.key(), () -> {
      ComparisonThemes catalog = themes();
      Map<String, List<Comparison.Commitment>> byPromise = new LinkedHashMap<>();
      for (Comparison.Commitment c : details(sparql.commitmentsOf(code))) {
        if (!confident.acceptsConfidence(c.confidence().map(Comparison.Confidence::commitment))) {
          continue;
        }
        byPromise.computeIfAbsent(c.promise().iri(), p -> new ArrayList<>()).add(c);
      }
      List<List<Comparison.Commitment>> promises = new ArrayList<>(byPromise.values());
      promises.sort(Comparator.comparing((List<Comparison.Commitment> l) -> l.get(0).promise(), PROMISE_ORDER));
      List<ComparisonResults.TimelineEntry> out = new ArrayList<>();
      Set<String> previous = Set.of();
      for (List<Comparison.Commitment> commitments : promises) {
        Set<String> current = new TreeSet<>();
        commitments.forEach(c -> c.themes().forEach(t -> current.add(catalog.id(t))));
        out.add(new ComparisonResults.TimelineEntry(commitments.get(0).promise(), List.copyOf(current),
            minus(current, previous), List.copyOf(intersect(current, previous)), minus(previous, current),
            commitments.stream().sorted(COMMITMENT_ORDER).toList()));
        previous = current;
      }
      return List.copyOf(out);
    });
  }

  /** Municipalities ranked by the overlap of their theme profiles with {@code code}'s; best first. */
  public List<ComparisonResults.Similar> similar(String code, Comparison.Filter filter, boolean jaccard) {
    return cache.get("similar|" + code + "|" + filter.key() + "|" + jaccard, () -> {
      Map<String, Map<String, Integer>> profiles = new TreeMap<>();
      ComparisonThemes catalog = themes();
      for (Comparison.Row row : allRows()) {
        if (row.passes(filter)) {
          for (String k : row.municipalities()) {
            Map<String, Integer> p = profiles.computeIfAbsent(k, x -> new HashMap<>());
            row.themes().forEach(t -> p.merge(catalog.id(t), 1, Integer::sum));
          }
        }
      }
      Map<String, Integer> mine = profiles.getOrDefault(code, Map.of());
      List<ComparisonResults.Similar> out = new ArrayList<>();
      profiles.forEach((other, profile) -> {
        if (other.equals(code) || !filter.acceptsMunicipality(other)) {
          return;
        }
        double score = jaccard ? ComparisonThemes.jaccard(mine.keySet(), profile.keySet())
            : ComparisonThemes.cosine(mine, profile);
        if (score > 0) {
          List<String> shared = mine.keySet().stream().filter(profile::containsKey)
              .sorted(Comparator.comparing((String t) -> -(mine.get(t) + profile.get(t))).thenComparing(t -> t))
              .toList();
          out.add(new ComparisonResults.Similar(municipality(other), Math.round(score * 10000) / 10000.0, shared));
        }
      });
      out.sort(Comparator.comparing((ComparisonResults.Similar s) -> -s.score())
          .thenComparing(s -> s.municipality().code()));
      return List.copyOf(out);
    });
  }

  /**
   * Every municipality of the register with its latest promise, last harvest, source kinds and what the store knows
   * ({@link CoverageStatus}): a promise, harvested with nothing found, or never harvested, with when last tried.
   */
  public List<ComparisonResults.Coverage> coverage() {
    int year = Year.now(clock).getValue();
    return cache.get("coverage|" + year, () -> {
      Map<String, List<ComparisonSparql.CoverageRow>> byCode = new HashMap<>();
      for (ComparisonSparql.CoverageRow row : coverageRows()) {
        row.municipalities().forEach(k -> byCode.computeIfAbsent(k, x -> new ArrayList<>()).add(row));
      }
      Map<String, String> lastTried = lastTried();
      List<ComparisonResults.Coverage> out = new ArrayList<>();
      for (Comparison.Municipality m : register.all()) {
        List<ComparisonSparql.CoverageRow> rows = byCode.getOrDefault(m.code(), List.of());
        Optional<ComparisonSparql.CoverageRow> latest = rows.stream().max(Comparator
            .comparing((ComparisonSparql.CoverageRow r) -> r.years().map(Comparison.Years::to).orElse(0))
            .thenComparing(r -> r.years().map(Comparison.Years::from).orElse(0))
            .thenComparing(ComparisonSparql.CoverageRow::promise));
        Optional<String> harvested = rows.stream().flatMap(r -> r.sources().stream())
            .map(Comparison.Source::fetchedAt).filter(s -> !s.isEmpty()).max(String::compareTo);
        List<Comparison.Source> sources = latest.map(ComparisonSparql.CoverageRow::sources).orElse(List.of());
        boolean current = rows.stream().anyMatch(r -> r.years().map(y -> y.overlaps(year, year)).orElse(false));
        CoverageStatus status = CoverageStatus.of(!rows.isEmpty(), current, lastTried.containsKey(m.code()));
        Optional<String> when = TriedSources.of(lastTried, m.code()).or(() -> harvested);
        out.add(new ComparisonResults.Coverage(m, latest.map(r -> new Comparison.Promise(r.promise(), r.title(), "",
            r.years(), List.copyOf(new TreeSet<>(r.municipalities())), r.startDate(), r.endDate())), harvested,
            sources.stream().map(ComparisonQueries::sourceKind).distinct().sorted().toList(), sources, status, when));
      }
      return List.copyOf(out);
    });
  }

  /** Municipality code → when a page of it was last tried: its sources' pages and the pages its promises came from. */
  private Map<String, String> lastTried() {
    Map<String, Set<String>> promisePages = new HashMap<>();
    for (ComparisonSparql.CoverageRow row : coverageRows()) {
      row.sources().forEach(s -> promisePages.computeIfAbsent(s.url(), u -> new HashSet<>())
          .addAll(row.municipalities()));
    }
    return view.get("tried", () -> tried.lastTried(sparql.triedPages(), promisePages));
  }

  /**
   * Every promise of the store with its period and the pages it came from, from the per-version view that coverage
   * reads too: the maps and "since when" grids of a theme tell "a promise without the theme" from "nothing harvested".
   */
  public List<ComparisonResults.SourcedPromise> promises() {
    return view.get("promises", () -> coverageRows().stream().map(r -> new ComparisonResults.SourcedPromise(
        new Comparison.Promise(r.promise(), r.title(), "", r.years(), List.copyOf(new TreeSet<>(r.municipalities())),
            r.startDate(), r.endDate()), r.sources())).toList());
  }

  /** HTML, PDF or polisen.se, from the page's host and content type. */
  static String sourceKind(Comparison.Source s) {
    String host = java.net.URI.create(s.url().isEmpty() ? "x:/" : s.url()).getHost();
    if (host != null && (host.equals("polisen.se") || host.endsWith(".polisen.se"))) {
      return "polisen.se";
    }
    return s.format().toLowerCase(java.util.Locale.ROOT).contains("pdf") || s.url().toLowerCase().endsWith(".pdf")
        ? "PDF" : "HTML";
  }

  public Comparison.Municipality municipality(String code) {
    return register.municipality(code).orElse(new Comparison.Municipality(code, code, code.substring(0, 2), ""));
  }

  private List<Comparison.Row> rows(Set<String> tags) {
    return view.get("rows|" + new TreeSet<>(tags), () -> sparql.rows(tags));
  }

  private List<Comparison.Row> allRows() {
    return view.get("rows|*", () -> sparql.rows(themes().all().stream().map(Comparison.Theme::iri).toList()));
  }

  private List<ComparisonSparql.CoverageRow> coverageRows() {
    return view.get("coverage-rows", sparql::coverage);
  }

  /** The groups a row counts in: each year of its period within the filter, or the municipality's county. */
  private static List<String> groups(Comparison.Row row, String code, Comparison.Filter filter, boolean byCounty) {
    if (byCounty) {
      return List.of(code.substring(0, 2));
    }
    if (row.years().isEmpty()) {
      return List.of();
    }
    List<String> years = new ArrayList<>();
    for (int y = row.years().get().from(); y <= row.years().get().to(); y++) {
      if (y >= filter.from().orElse(y) && y <= filter.to().orElse(y)) {
        years.add(String.valueOf(y));
      }
    }
    return years;
  }

  /** Municipalities with any promise, per group: the denominator of the overview's shares. */
  private Map<String, Set<String>> reporting(Comparison.Filter filter, boolean byCounty) {
    Map<String, Set<String>> out = new HashMap<>();
    for (ComparisonSparql.CoverageRow row : coverageRows()) {
      if (!filter.accepts(row.years())) {
        continue;
      }
      Comparison.Row asRow = new Comparison.Row(row.promise(), row.promise(), row.municipalities(), row.years(), "",
          Set.of(), Set.of(), Optional.empty());
      for (String code : row.municipalities()) {
        if (filter.acceptsMunicipality(code)) {
          groups(asRow, code, filter, byCounty).forEach(g -> out.computeIfAbsent(g, x -> new HashSet<>()).add(code));
        }
      }
    }
    return out;
  }

  private int registered(String group, boolean byCounty) {
    return byCounty ? (int) register.all().stream().filter(m -> m.countyCode().equals(group)).count()
        : register.size();
  }

  private static Map<String, Comparison.Commitment> byIri(List<Comparison.Commitment> list) {
    return list.stream().collect(Collectors.toMap(Comparison.Commitment::iri, c -> c, (a, b) -> a));
  }

  private static List<String> minus(Set<String> a, Set<String> b) {
    return a.stream().filter(x -> !b.contains(x)).sorted().toList();
  }

  private static Set<String> intersect(Set<String> a, Set<String> b) {
    Set<String> out = new LinkedHashSet<>(a);
    out.retainAll(b);
    return out;
  }

  static final Comparator<Comparison.Promise> PROMISE_ORDER = Comparator
      .comparing((Comparison.Promise p) -> p.years().map(Comparison.Years::from).orElse(Integer.MAX_VALUE))
      .thenComparing(p -> p.years().map(Comparison.Years::to).orElse(Integer.MAX_VALUE))
      .thenComparing(Comparison.Promise::iri);

  /** Stable order of commitments: by promise period, promise, then IRI. */
  public static final Comparator<Comparison.Commitment> COMMITMENT_ORDER = Comparator
      .comparing(Comparison.Commitment::promise, PROMISE_ORDER).thenComparing(Comparison.Commitment::iri);
}
