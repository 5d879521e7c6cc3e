package se.loftesgrafen.graph.compare;

import java.util.List;
import java.util.Optional;

/** What each comparison answers with; the web layer writes them as JSON-LD or CSV. */
public final class ComparisonResults {
  private ComparisonResults() {}

  /** A municipality with its commitments matching a theme and the filters. */
  public record MunicipalityCommitments(Comparison.Municipality municipality, List<Comparison.Commitment> commitments) {
    public MunicipalityCommitments {
      commitments = List.copyOf(commitments);
    }
  }

  /**
   * One cell of the national overview: a theme in a group (a year, or a county code).
   *
   * @param municipalities municipalities with at least one commitment in the theme (or a narrower theme)
   * @param reporting      municipalities in the group with a promise for it (a year, or any year for a county)
   * @param harvested      municipalities in the group whose pages were harvested, with or without a promise found:
   *                       the denominator of {@link #shareOfReporting} (never the few that happened to report)
   * @param registered     municipalities in the group according to the register (290 for a year)
   * @param commitments    commitments in the theme
   */
  public record OverviewCell(Comparison.Theme theme, String group, int municipalities, int reporting, int harvested,
                             int registered, int commitments) {
    public double shareOfReporting() {
      return harvested == 0 ? 0 : Math.round(10000.0 * municipalities / harvested) / 10000.0;
    }

    public double shareOfAll() {
      return registered == 0 ? 0 : Math.round(10000.0 * municipalities / registered) / 10000.0;
    }
  }

  /** One promise in a municipality's timeline, with its themes compared with the previous promise. */
  public record TimelineEntry(Comparison.Promise promise, List<String> themes, List<String> newThemes,
                              List<String> continuedThemes, List<String> droppedThemes,
                              List<Comparison.Commitment> commitments) {
    public TimelineEntry {
      themes = List.copyOf(themes);
      newThemes = List.copyOf(newThemes);
      continuedThemes = List.copyOf(continuedThemes);
      droppedThemes = List.copyOf(droppedThemes);
      commitments = List.copyOf(commitments);
    }
  }

  /** A municipality similar to another one: the score and the themes they share. */
  public record Similar(Comparison.Municipality municipality, double score, List<String> sharedThemes) {
    public Similar {
      sharedThemes = List.copyOf(sharedThemes);
    }
  }

  /**
   * Coverage of one municipality of the register.
   *
   * @param latest      its promise with the latest period
   * @param lastHarvest when any of its promise pages was last fetched (ISO date-time)
   * @param sourceKinds where its latest promise came from: HTML, PDF, polisen.se
   * @param status      a current promise, an old one, harvested with nothing found, or not harvested
   * @param lastTried   when a page of it was last fetched or read, with or without a promise (ISO date-time)
   */
  public record Coverage(Comparison.Municipality municipality, Optional<Comparison.Promise> latest,
                         Optional<String> lastHarvest, List<String> sourceKinds, List<Comparison.Source> sources,
                         CoverageStatus status, Optional<String> lastTried) {
    public Coverage {
      sourceKinds = List.copyOf(sourceKinds);
      sources = List.copyOf(sources);
      java.util.Objects.requireNonNull(status, "status");
      java.util.Objects.requireNonNull(lastTried, "lastTried");
    }

    /** Known to lack a promise for the current year (harvested, none found for it); unknown when not harvested. */
    public boolean missing() {
      return status.knownMissing();
    }
  }

  /** A promise with the snapshots of the pages it came from. */
  public record SourcedPromise(Comparison.Promise promise, List<Comparison.Source> sources) {
    public SourcedPromise {
      sources = List.copyOf(sources);
    }
  }
}
