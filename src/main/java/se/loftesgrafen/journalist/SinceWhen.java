package se.loftesgrafen.journalist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * "Since when" for a theme (issue 13): every municipality of the register × every year on the axis, each cell
 * saying whether a harvested promise covers that year and whether it has commitments on the theme. A cell with no
 * promise is {@link Status#NONE} ("nothing harvested"), never "no promise on the theme": missing data is not a "no".
 *
 * @param theme       the theme id (notation)
 * @param years       every year from the first to the last year any promise covers, gaps included
 * @param rows        one row per municipality, in register (code) order
 * @param harvested   municipalities with at least one harvested promise with a period, nationally
 * @param registered  municipalities in the register
 */
public record SinceWhen(String theme, List<Integer> years, List<Row> rows, int harvested, int registered) {
  public SinceWhen {
    Objects.requireNonNull(theme, "theme");
    years = List.copyOf(years);
    rows = List.copyOf(rows);
  }

  /** What one year says about a municipality and the theme. */
  public enum Status {
    /** A promise covers the year and has commitments on the theme. */
    WITH,
    /** A promise covers the year, without commitments on the theme. */
    WITHOUT,
    /** No harvested promise covers the year: we do not know. */
    NONE;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One year of one municipality.
   *
   * @param commitments the commitments on the theme (IRIs), empty unless {@link Status#WITH}
   * @param promises    the promises covering the year (IRIs)
   * @param sources     the page URLs those promises came from
   * @param snapshots   the snapshot IRIs of those pages (the archived copies)
   */
  public record Cell(int year, Status status, List<String> commitments, List<String> promises, List<String> sources,
                     List<String> snapshots) {
    public Cell {
      Objects.requireNonNull(status, "status");
      commitments = List.copyOf(commitments);
      promises = List.copyOf(promises);
      sources = List.copyOf(sources);
      snapshots = List.copyOf(snapshots);
    }
  }

  /** A municipality's row: its cells in axis order and the first year with the theme, if any. */
  public record Row(String code, String name, String countyCode, String county, List<Cell> cells) {
    public Row {
      cells = List.copyOf(cells);
    }

    public Optional<Integer> firstYear() {
      return cells.stream().filter(c -> c.status() == Status.WITH).map(Cell::year).findFirst();
    }

    /** Years on the axis with no harvested promise between the first and the last harvested year. */
    public List<Integer> gaps() {
      List<Cell> known = cells.stream().filter(c -> c.status() != Status.NONE).toList();
      if (known.isEmpty()) {
        return List.of();
      }
      int first = known.get(0).year();
      int last = known.get(known.size() - 1).year();
      return cells.stream().filter(c -> c.status() == Status.NONE && c.year() > first && c.year() < last)
          .map(Cell::year).toList();
    }

    public boolean harvested() {
      return cells.stream().anyMatch(c -> c.status() != Status.NONE);
    }

    /** The status over a span of years: with the theme in any year, else a promise in any year, else none. */
    public Status over(int from, int to) {
      Status best = Status.NONE;
      for (Cell c : cells) {
        if (c.year() >= from && c.year() <= to && c.status().ordinal() < best.ordinal()) {
          best = c.status();
        }
      }
      return best;
    }

    /** The cells of a span of years. */
    public List<Cell> within(int from, int to) {
      return cells.stream().filter(c -> c.year() >= from && c.year() <= to).toList();
    }

    public Map<Status, Integer> counts() {
      Map<Status, Integer> out = new TreeMap<>();
      cells.forEach(c -> out.merge(c.status(), 1, Integer::sum));
      return out;
    }
  }

  /** Only the rows of one county (two-digit SCB code). Coverage figures stay national. */
  public SinceWhen inCounty(Optional<String> county) {
    if (county.isEmpty()) {
      return this;
    }
    List<Row> kept = new ArrayList<>();
    rows.stream().filter(r -> r.countyCode().equals(county.get())).forEach(kept::add);
    return new SinceWhen(theme, years, kept, harvested, registered);
  }

  /** The years on the axis that any promise covers. */
  public List<Integer> yearsWithData() {
    return years.stream().filter(y -> rows.stream().anyMatch(r -> r.cells().stream()
        .anyMatch(c -> c.year() == y && c.status() != Status.NONE))).toList();
  }
}
