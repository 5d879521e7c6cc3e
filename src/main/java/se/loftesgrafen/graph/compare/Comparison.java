package se.loftesgrafen.graph.compare;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The values the comparison queries answer with (issue 7): commitments with everything a reader needs to check
 * them (text, actors, themes, targets, promise, period, source page and snapshot date), and the filters they take.
 */
public final class Comparison {
  private Comparison() {}

  /** A promise period as years; a one-year promise has {@code from == to}. */
  public record Years(int from, int to) {
    public Years {
      if (to < from) {
        throw new IllegalArgumentException("period ends (" + to + ") before it starts (" + from + ")");
      }
    }

    public boolean overlaps(int first, int last) {
      return from <= last && to >= first;
    }
  }

  /**
   * Filters that combine (AND); empty means "any".
   *
   * @param from    first year the promise period must overlap
   * @param to      last year the promise period must overlap
   * @param county  two-digit SCB county code (municipality codes start with it)
   * @param actor   actor id: polisen, kommunen or annan
   * @param kind    activity or goal
   * @param minConfidence the least confidence (lg:confidence, in [0, 1]) a commitment must have; a commitment without
   *                one (stored before the extractor gave them, until {@code reextract}) does not pass it
   */
  public record Filter(Optional<Integer> from, Optional<Integer> to, Optional<String> county, Optional<String> actor,
                       Optional<String> kind, Optional<BigDecimal> minConfidence) {
    public static final Filter NONE = new Filter(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty());

    public Filter {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(county, "county");
      Objects.requireNonNull(actor, "actor");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(minConfidence, "minConfidence");
      minConfidence.ifPresent(c -> {
        if (c.signum() < 0 || c.compareTo(BigDecimal.ONE) > 0) {
          throw new IllegalArgumentException("minConfidence outside [0, 1]: " + c);
        }
      });
    }

    public boolean hasYears() {
      return from.isPresent() || to.isPresent();
    }

    /** Whether a period passes the year filter; promises without a period pass only when no year is asked. */
    public boolean accepts(Optional<Years> years) {
      if (!hasYears()) {
        return true;
      }
      return years.map(y -> y.overlaps(from.orElse(Integer.MIN_VALUE), to.orElse(Integer.MAX_VALUE))).orElse(false);
    }

    public boolean acceptsMunicipality(String code) {
      return county.map(code::startsWith).orElse(true);
    }

    /** Whether a commitment's confidence passes {@link #minConfidence}; an unknown one passes only when none is asked. */
    public boolean acceptsConfidence(Optional<BigDecimal> confidence) {
      return minConfidence.isEmpty() || confidence.map(c -> c.compareTo(minConfidence.get()) >= 0).orElse(false);
    }

    /** A stable text for cache keys. */
    public String key() {
      return from.map(String::valueOf).orElse("") + "|" + to.map(String::valueOf).orElse("") + "|"
          + county.orElse("") + "|" + actor.orElse("") + "|" + kind.orElse("") + "|"
          + minConfidence.map(BigDecimal::toPlainString).orElse("");
    }
  }

  /** The short form of a commitment that comparisons filter and count: its ids, tags and period. */
  public record Row(String commitment, String promise, Set<String> municipalities, Optional<Years> years, String kind,
                    Set<String> actors, Set<String> themes, Optional<BigDecimal> confidence) {
    public Row {
      Objects.requireNonNull(confidence, "confidence");
      municipalities = Set.copyOf(municipalities);
      actors = Set.copyOf(actors);
      themes = Set.copyOf(themes);
    }

    public boolean passes(Filter f) {
      return f.accepts(years) && f.actor().map(actors::contains).orElse(true)
          && f.kind().map(kind::equals).orElse(true) && f.acceptsConfidence(confidence);
    }
  }

  /** A municipality of the register. */
  public record Municipality(String code, String name, String countyCode, String county) {
  }

  /** A theme concept: notation (the id in URLs), labels, scheme id and its broader concept, if any. */
  public record Theme(String iri, String id, String labelSv, String labelEn, String scheme, Optional<String> broader) {
  }

  /** A measurable target of a commitment. */
  public record Target(String iri, Optional<BigDecimal> value, String unit, String counts,
                       String description) {
  }

  /** A page a commitment came from: the snapshot IRI, the page URL and when it was fetched. */
  /**
   * A commitment's source snapshot; {@code httpStatus} only when the page was fetched over HTTP (a page read from a
   * file has none), {@code warcRecord} the WARC record holding its bytes, when one does (so /archive/ can show it).
   */
  public record Source(String snapshot, String url, String fetchedAt, String format, Optional<Integer> httpStatus,
                       Optional<String> warcRecord) {
    public Source {
      java.util.Objects.requireNonNull(httpStatus, "httpStatus");
      java.util.Objects.requireNonNull(warcRecord, "warcRecord");
    }

    public Source(String snapshot, String url, String fetchedAt, String format) {
      this(snapshot, url, fetchedAt, format, Optional.empty(), Optional.empty());
    }
  }

  /**
   * A promise as comparisons show it; {@code startDate} and {@code endDate} are the xsd:date ends of its period
   * (the one date model), {@code years} the years it overlaps.
   */
  public record Promise(String iri, String title, String periodText, Optional<Years> years,
                        List<String> municipalities, Optional<String> startDate, Optional<String> endDate) {
    public Promise {
      municipalities = List.copyOf(municipalities);
      java.util.Objects.requireNonNull(startDate, "startDate");
      java.util.Objects.requireNonNull(endDate, "endDate");
    }
  }

  /**
   * The extractor's calibrated probabilities for a commitment (lg:confidence, lg:actorsConfidence,
   * lg:themesConfidence), each in [0, 1]; the actors' and themes' may be missing in data from elsewhere.
   */
  public record Confidence(BigDecimal commitment, Optional<BigDecimal> actors, Optional<BigDecimal> themes) {
    public Confidence {
      Objects.requireNonNull(commitment, "commitment");
      Objects.requireNonNull(actors, "actors");
      Objects.requireNonNull(themes, "themes");
    }
  }

  /**
   * A commitment with everything needed to read and check it.
   *
   * @param confidence empty for a commitment stored without one (before the extractor gave them)
   */
  public record Commitment(String iri, String text, String kind, List<String> actors, List<String> themes,
                           List<Target> targets, Promise promise, List<Source> sources,
                           Optional<Confidence> confidence) {
    public Commitment {
      Objects.requireNonNull(confidence, "confidence");
      actors = List.copyOf(actors);
      themes = List.copyOf(themes);
      targets = List.copyOf(targets);
      sources = List.copyOf(sources);
    }
  }

  /** One page of a result in a stable order, with the total count across pages. */
  public record Page<T>(List<T> items, int total, int page, int pageSize) {
    public Page {
      items = List.copyOf(items);
    }

    public static <T> Page<T> of(List<T> all, int page, int pageSize) {
      int from = Math.min(all.size(), (page - 1) * pageSize);
      int to = Math.min(all.size(), from + pageSize);
      return new Page<>(all.subList(from, to), all.size(), page, pageSize);
    }

    public int lastPage() {
      return Math.max(1, (total + pageSize - 1) / pageSize);
    }
  }
}
