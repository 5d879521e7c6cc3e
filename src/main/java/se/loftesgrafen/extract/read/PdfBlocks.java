package se.loftesgrafen.extract.read;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds headings, paragraphs and list items from PDF lines in reading order. A line continues the block above
 * when it follows at the block's line pitch, in the same font, at the block's indent (an item's wrapped lines hang
 * at its text, or return to the margin), and the line above was full: a word that would have fitted there means the
 * author broke the line on purpose (a signature, a line of its own). A marker (drawn or glyph) starts an item;
 * deeper markers nest. Headings are larger or bold; short unpunctuated lines are headings as in {@link TextReader}.
 */
final class PdfBlocks {
  /** Words that follow a hyphen kept at a line end: "polis- och kommun". */
  private static final Set<String> CONJUNCTIONS = Set.of("och", "eller", "samt", "respektive", "som", "till", "resp.");

  /** One block: its type, text and list level (0 unless an item). */
  record Part(Block.Type type, String text, int level) {}

  private final List<PdfLine> lines;
  private final float body;
  private final float leading;
  private final List<Part> out = new ArrayList<>();
  private final Deque<Float> markers = new ArrayDeque<>();
  private Current cur;

  private PdfBlocks(List<PdfLine> lines) {
    this.lines = lines;
    this.body = bodySize(lines);
    this.leading = leading(lines, body);
  }

  static List<Part> of(List<PdfLine> lines) {
    PdfBlocks b = new PdfBlocks(lines);
    for (int i = 0; i < lines.size(); i++) {
      b.add(lines.get(i), i);
    }
    b.flush();
    return b.out;
  }

  /** The block being built. */
  private static final class Current {
    final PdfLine first;
    final boolean item;
    /** The first character of a weak marker ("1" of "1.", "–"), to recognise the next item of the same list. */
    char firstMarker;
    final int level;
    final StringBuilder text = new StringBuilder();
    PdfLine last;
    int lastIndex;
    int count = 1;
    float pitch;

    Current(PdfLine first, boolean item, int level, String text, int index) {
      this.first = first;
      this.item = item;
      this.level = level;
      this.text.append(text);
      this.last = first;
      this.lastIndex = index;
    }
  }

  private void add(PdfLine l, int index) {
    String original = l.text();
    boolean item = l.marker() == PdfLine.Marker.SHAPE || l.marker() == PdfLine.Marker.GLYPH || sameWeakMarker(l);
    if (!item && cur != null && continues(l, index)) {
      if (cur.count == 1 && l.page() == cur.last.page()) {
        cur.pitch = l.y() - cur.last.y();
      }
      join(cur.text, l.text());
      cur.last = l;
      cur.lastIndex = index;
      cur.count++;
      return;
    }
    if (l.marker() == PdfLine.Marker.WEAK_GLYPH && !item && cur != null && !siblingOrNewBlock(l)) {
      // "- text" or "2. text" in the middle of prose stays text.
      item = false;
    } else if (l.marker() == PdfLine.Marker.WEAK_GLYPH) {
      item = true;
      l = l.withText(PdfLineCollector.WEAK_GLYPH.matcher(l.text()).replaceFirst(""), l.textX(), l.firstWord(),
          l.marker(), l.markerX());
    }
    flush();
    int level = 0;
    if (item) {
      float tol = 0.5f * l.size();
      while (!markers.isEmpty() && markers.peek() > l.markerX() + tol) {
        markers.pop();
      }
      if (markers.isEmpty() || l.markerX() > markers.peek() + tol) {
        markers.push(l.markerX());
      }
      level = markers.size();
    } else if (!markers.isEmpty() && l.x() <= markers.peekLast() + 0.5f * l.size()) {
      markers.clear();
    }
    char marker = l.marker() == PdfLine.Marker.WEAK_GLYPH && !original.isEmpty() ? original.charAt(0) : ' ';
    cur = new Current(l, item, level, l.text(), index);
    cur.firstMarker = marker;
  }

  /** "2." under "1.", "–" under "–", at the same x: the next item of a list with weak markers. */
  private boolean sameWeakMarker(PdfLine l) {
    if (l.marker() != PdfLine.Marker.WEAK_GLYPH || cur == null || !cur.item
        || cur.first.marker() != PdfLine.Marker.WEAK_GLYPH || Math.abs(cur.first.markerX() - l.markerX()) > 0.5f * l.size()) {
      return false;
    }
    char a = cur.firstMarker;
    char b = l.text().charAt(0);
    return Character.isDigit(a) ? Character.isDigit(b) : a == b;
  }

  /** A weak marker ("-", "1.") starts an item where a block would start anyway, or beside an item's marker. */
  private boolean siblingOrNewBlock(PdfLine l) {
    return cur.item && Math.abs(cur.first.markerX() - l.markerX()) <= 0.5f * l.size() || !continues(l, -1);
  }

  private boolean continues(PdfLine l, int index) {
    PdfLine last = cur.last;
    if (l.cell() || last.cell()) {
      return false;
    }
    if (Math.abs(l.size() - last.size()) > 0.15f * last.size() || l.bold() != cur.first.bold()) {
      return false;
    }
    float tol = 0.6f * l.size();
    boolean aligned;
    if (isDisplay(cur.first) && !cur.item && Math.abs(centre(l) - centre(last)) <= tol) {
      // A centred title over two lines.
      aligned = true;
    } else if (cur.count > 1) {
      aligned = Math.abs(l.x() - cur.last.x()) <= tol;
    } else if (cur.item) {
      aligned = l.x() >= cur.first.markerX() - tol && l.x() <= cur.first.textX() + tol;
    } else {
      aligned = l.x() >= cur.first.x() - 4 * l.size() && l.x() <= cur.first.x() + tol;
    }
    if (!aligned || !wrapped(last, l)) {
      return false;
    }
    if (l.page() != last.page()) {
      // Across a page break: the block ended its page and the line opens the next.
      return index >= 0 && isLastOnPage(cur.lastIndex) && isFirstOnPage(index);
    }
    float delta = l.y() - last.y();
    float pitch = cur.count > 1 ? cur.pitch : leading * l.size() / body;
    return delta > 0.3f * l.size() && delta <= pitch * 1.15f + 0.5f;
  }

  /**
   * The line above was full: the first word of this line would not have fitted after it. The right edge is the
   * furthest any line reaches that starts at or left of the line above (the text area, not a narrow column's own
   * width). A line ending in a hyphenated word is full.
   */
  private boolean wrapped(PdfLine above, PdfLine l) {
    String t = above.text();
    if (t.length() > 1 && (t.endsWith("-") || t.endsWith("\u00ad")) && Character.isLetter(t.charAt(t.length() - 2))) {
      return true;
    }
    float edge = above.xEnd();
    for (PdfLine o : lines) {
      if (o.x() <= above.x() + 4 * o.size()) {
        edge = Math.max(edge, o.xEnd());
      }
    }
    float room = edge - above.xEnd();
    return room < l.firstWord() + 0.35f * l.size();
  }

  private boolean isDisplay(PdfLine l) {
    return l.bold() || l.size() >= body * 1.15f;
  }

  private static float centre(PdfLine l) {
    return (l.x() + l.xEnd()) / 2;
  }

  private boolean isLastOnPage(int index) {
    return index + 1 >= lines.size() || lines.get(index + 1).page() != lines.get(index).page();
  }

  private boolean isFirstOnPage(int index) {
    return index == 0 || lines.get(index - 1).page() != lines.get(index).page();
  }

  private void flush() {
    if (cur == null) {
      return;
    }
    String text = cur.text.toString().replace("\u00ad", "").strip();
    if (!text.isEmpty()) {
      Block.Type type;
      if (cur.item) {
        type = Block.Type.ITEM;
      } else if (isDisplay(cur.first) && text.length() <= (cur.first.bold() ? 150 : 200)
          || TextReader.looksLikeHeading(text)) {
        type = Block.Type.HEADING;
      } else {
        type = Block.Type.PARAGRAPH;
      }
      out.add(new Part(type, text, cur.item ? cur.level : 0));
    }
    cur = null;
  }

  /** Joins a wrapped line: "narkotika-" + "brott" is one word, "polis-" + "och" keeps its hyphen. */
  static void join(StringBuilder sb, String next) {
    int n = sb.length();
    if (next.isEmpty()) {
      return;
    }
    if (n > 1 && (sb.charAt(n - 1) == '-' || sb.charAt(n - 1) == '\u00ad') && Character.isLetterOrDigit(sb.charAt(n - 2))) {
      String word = next.split(" ", 2)[0];
      boolean soft = sb.charAt(n - 1) == '\u00ad';
      if (CONJUNCTIONS.contains(word)) {
        sb.append(' ').append(next);
      } else if (soft || Character.isLowerCase(sb.charAt(n - 2)) && Character.isLowerCase(next.codePointAt(0))) {
        sb.setLength(n - 1);
        sb.append(next);
      } else {
        sb.append(next);
      }
      return;
    }
    sb.append(' ').append(next);
  }

  /** The font size that most text is set in. */
  private static float bodySize(List<PdfLine> lines) {
    Map<Integer, Integer> chars = new HashMap<>();
    for (PdfLine l : lines) {
      chars.merge(Math.round(l.size() * 2), l.text().length(), Integer::sum);
    }
    return chars.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey() / 2f).orElse(11f);
  }

  /**
   * The commonest baseline distance between consecutive body lines of a page: the line pitch of the body text.
   * Distances beyond 1.7 sizes are paragraph gaps (a text of one-line paragraphs has more of those than of lines).
   */
  private static float leading(List<PdfLine> lines, float body) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      PdfLine a = lines.get(i - 1);
      PdfLine b = lines.get(i);
      float d = b.y() - a.y();
      if (a.page() == b.page() && Math.abs(a.size() - body) < 0.5f && Math.abs(b.size() - body) < 0.5f
          && d > 0.8f * body && d < 1.7f * body) {
        counts.merge(Math.round(d * 2), 1, Integer::sum);
      }
    }
    // Without a tight pitch anywhere, every line stands alone (one-line paragraphs; nothing shows lines wrapping).
    return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> e.getKey() / 2f).orElse(body * 1.25f);
  }
}
