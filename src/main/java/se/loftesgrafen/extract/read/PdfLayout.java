package se.loftesgrafen.extract.read;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the positioned lines of a PDF into page furniture-free lines in reading order, with list markers found in
 * the layout: a small shape just left of a line, at its height, starts a list item (browsers, Word and LibreOffice
 * draw bullets so). Running headers and footers (the same text at the same place on several pages) and page numbers
 * are dropped; two-column blocks (signatures side by side) are read column by column.
 */
final class PdfLayout {
  private static final Pattern PAGE_NUMBER = Pattern.compile(
      "^(?:(?:sida|sid|s\\.|page)\\s*)?\\d{1,3}(?:\\s*(?:\\(|av|/|of)\\s*\\d{1,3}\\)?)?$|^[-–]\\s*\\d{1,3}\\s*[-–]$",
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);
  /** The address a browser prints in the page margin. */
  private static final Pattern PRINTED_URL = Pattern.compile("^(?:https?|file)://\\S+$");
  /** Top and bottom bands of a page (share of its height) where headers, footers and page numbers sit. */
  private static final float BAND = 0.09f;
  /** Signature blocks are a few rows (name, title, party); longer side-by-side runs are tables. */
  private static final int MAX_COLUMN_ROWS = 5;

  private PdfLayout() {}

  /**
   * The lines of all pages in reading order, with shape bullets attached and page furniture dropped.
   *
   * @param pages   each page's lines, top to bottom
   * @param shapes  each page's small shapes (same page order)
   * @param heights each page's height in points
   */
  static List<PdfLine> readingOrder(List<List<PdfLine>> pages, List<List<Rectangle2D>> shapes, List<Float> heights) {
    Set<String> running = runningKeys(pages, heights);
    List<PdfLine> out = new ArrayList<>();
    for (int p = 0; p < pages.size(); p++) {
      float height = p < heights.size() ? heights.get(p) : 842;
      List<Rectangle2D> pageShapes = p < shapes.size() ? shapes.get(p) : List.of();
      List<PdfLine> kept = new ArrayList<>();
      for (PdfLine l : pages.get(p)) {
        if (!isFurniture(l, height, running)) {
          kept.add(bullet(l, pageShapes));
        }
      }
      out.addAll(columns(kept));
    }
    return out;
  }

  /** A line beside a small shape whose middle is between the baseline and the cap height starts a list item. */
  private static PdfLine bullet(PdfLine l, List<Rectangle2D> shapes) {
    if (l.marker() == PdfLine.Marker.GLYPH) {
      return l;
    }
    Rectangle2D best = null;
    for (Rectangle2D r : shapes) {
      double side = Math.max(r.getWidth(), r.getHeight());
      double mid = r.getCenterY();
      double gap = l.x() - r.getMaxX();
      if (side <= 0.55 * l.size() && mid <= l.y() + 0.1 * l.size() && mid >= l.y() - 0.9 * l.size()
          && gap >= -0.1 * l.size() && gap <= 3 * l.size() && (best == null || r.getMaxX() > best.getMaxX())) {
        best = r;
      }
    }
    if (best == null) {
      return l;
    }
    return l.withMarker(PdfLine.Marker.SHAPE, (float) best.getX());
  }

  private static boolean isFurniture(PdfLine l, float height, Set<String> running) {
    boolean band = l.y() < height * BAND || l.y() > height * (1 - BAND);
    if (!band) {
      return false;
    }
    return PAGE_NUMBER.matcher(l.text()).matches() && l.marker() != PdfLine.Marker.GLYPH || running.contains(key(l))
        || PRINTED_URL.matcher(l.text()).matches();
  }

  /** Lines in the top or bottom band that recur, digits aside, at the same height on at least two pages. */
  private static Set<String> runningKeys(List<List<PdfLine>> pages, List<Float> heights) {
    Map<String, Set<Integer>> seen = new HashMap<>();
    for (int p = 0; p < pages.size(); p++) {
      float height = p < heights.size() ? heights.get(p) : 842;
      for (PdfLine l : pages.get(p)) {
        if (l.y() < height * BAND || l.y() > height * (1 - BAND)) {
          seen.computeIfAbsent(key(l), k -> new HashSet<>()).add(p);
        }
      }
    }
    Set<String> out = new HashSet<>();
    seen.forEach((k, v) -> {
      if (v.size() >= 2) {
        out.add(k);
      }
    });
    return out;
  }

  private static String key(PdfLine l) {
    String marker = l.isItemStart() ? "•" : "";
    return Math.round(l.y() / 3) + "|" + marker + l.text().toLowerCase(Locale.ROOT).replaceAll("\\d+", "#");
  }

  /**
   * Reads runs of rows that hold two or more lines side by side (names and titles in columns) column by column,
   * so that each name stays with the title under it. Rows with one line are kept in place.
   */
  static List<PdfLine> columns(List<PdfLine> lines) {
    List<List<PdfLine>> rows = rows(lines);
    List<PdfLine> out = new ArrayList<>();
    int i = 0;
    while (i < rows.size()) {
      if (rows.get(i).size() < 2) {
        out.addAll(rows.get(i++));
        continue;
      }
      List<Float> starts = rows.get(i).stream().map(PdfLine::x).toList();
      int j = i + 1;
      while (j < rows.size() && fits(rows.get(j), starts) && close(rows.get(j - 1), rows.get(j))) {
        j++;
      }
      if (j - i > MAX_COLUMN_ROWS) {
        // A long run is a table: its rows are read across, as the cells of a row belong together.
        rows.subList(i, j).forEach(r -> r.forEach(l -> out.add(l.asCell())));
        i = j;
        continue;
      }
      List<PdfLine> run = new ArrayList<>();
      rows.subList(i, j).forEach(r -> r.forEach(l -> run.add(l.asCell())));
      for (int c = 0; c < starts.size(); c++) {
        for (PdfLine l : run) {
          if (column(l, starts) == c) {
            out.add(l);
          }
        }
      }
      i = j;
    }
    return out;
  }

  /**
   * A row continues a column run if each of its lines starts near one of the run's column starts, and a line alone
   * in its row stays inside its column: a paragraph that runs across the columns under a signature block (a contact
   * line) ends the run.
   */
  private static boolean fits(List<PdfLine> row, List<Float> starts) {
    float spread = Float.MAX_VALUE;
    for (int c = 1; c < starts.size(); c++) {
      spread = Math.min(spread, starts.get(c) - starts.get(c - 1));
    }
    if (row.size() == 1) {
      PdfLine l = row.get(0);
      int c = column(l, starts);
      if (c + 1 < starts.size() && l.xEnd() > starts.get(c + 1) - l.size()) {
        return false;
      }
    }
    for (PdfLine l : row) {
      float best = Float.MAX_VALUE;
      for (float s : starts) {
        best = Math.min(best, Math.abs(l.x() - s));
      }
      // Titles may sit a little off their name (centred under it); a column is a third of the spacing wide.
      if (best > Math.max(2 * l.size(), spread / 3)) {
        return false;
      }
    }
    return true;
  }

  private static boolean close(List<PdfLine> a, List<PdfLine> b) {
    PdfLine x = a.get(0);
    return b.get(0).y() - x.y() <= 2.5 * x.size();
  }

  private static int column(PdfLine l, List<Float> starts) {
    int best = 0;
    for (int c = 1; c < starts.size(); c++) {
      if (Math.abs(l.x() - starts.get(c)) < Math.abs(l.x() - starts.get(best))) {
        best = c;
      }
    }
    return best;
  }

  /** Groups lines sharing a baseline (within a third of their size), each row left to right. */
  private static List<List<PdfLine>> rows(List<PdfLine> lines) {
    List<List<PdfLine>> rows = new ArrayList<>();
    for (PdfLine l : lines) {
      List<PdfLine> last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
      if (last != null && Math.abs(last.get(0).y() - l.y()) <= l.size() / 3) {
        last.add(l);
      } else {
        List<PdfLine> row = new ArrayList<>();
        row.add(l);
        rows.add(row);
      }
    }
    rows.forEach(r -> r.sort(Comparator.comparingDouble(PdfLine::x)));
    return rows;
  }
}
