package se.loftesgrafen.extract.read;

import java.io.IOException;
import java.io.Writer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Collects the text lines of a PDF with their positions. PDFTextStripper (sorted by position) groups glyphs into
 * lines, drops the overprinted copies of fake-bold text and merges diacritics; we take its glyphs rather than its
 * text, split a line where a wide gap separates columns (signatures side by side), and recognise a list marker
 * glyph at the start ("•", "", "1.") so that the line's text starts after it.
 */
final class PdfLineCollector extends PDFTextStripper {
  /** Markers that are never text at the start of a line. */
  private static final Pattern GLYPH = Pattern.compile("^[•·▪●◦‣⁃■□▫◆◇➢➤►▶✓✔\\u2022\\u25aa\\u25cf\\uf0b7\\uf0a7\\uf0d8\\uf0fc\\uf076\\uf0a8]\\s*");
  /** Markers that may also begin a wrapped line of prose ("– det", "2. "), trusted only where a block starts. */
  static final Pattern WEAK_GLYPH = Pattern.compile("^(?:[*–—-]|o(?=\\s)|\\d{1,2}[.)]|[a-h]\\))\\s+(?=\\S)");
  private static final Pattern MARKER_ONLY = Pattern.compile(
      "[•·▪●◦‣⁃■□▫◆◇➢➤►▶✓✔*–—-]|[\\uf000-\\uf0ff]|o|\\d{1,2}[.)]|[a-h]\\)");
  /** A gap wider than this many font sizes splits a line into two (columns, tab-separated signatures). */
  private static final float COLUMN_GAP = 2.5f;

  private final List<List<PdfLine>> pages = new ArrayList<>();
  private final List<TextPosition> glyphs = new ArrayList<>();
  private final List<Integer> breaks = new ArrayList<>();
  private final Map<PDFont, Boolean> boldFonts = new IdentityHashMap<>();

  private final int maxGlyphs;
  private int seen;

  /** More glyphs than a document may have, or the watchdog's interrupt: PDFBox itself never stops a page. */
  static final class Stopped extends RuntimeException {
    Stopped(String message) {
      super(message, null, false, false);
    }
  }

  PdfLineCollector(int maxPages, int maxGlyphs) {
    this.maxGlyphs = maxGlyphs;
    setSortByPosition(true);
    setEndPage(maxPages);
    setSuppressDuplicateOverlappingText(true);
  }

  /** The lines of each page read, in top-to-bottom, left-to-right order. */
  List<List<PdfLine>> collect(PDDocument doc) throws IOException {
    writeText(doc, Writer.nullWriter());
    return pages;
  }

  @Override
  protected void startPage(PDPage page) throws IOException {
    pages.add(new ArrayList<>());
    super.startPage(page);
  }

  @Override
  protected void endPage(PDPage page) throws IOException {
    finishLine();
    super.endPage(page);
  }

  @Override
  protected void processTextPosition(TextPosition text) {
    if (++seen > maxGlyphs) {
      throw new Stopped("the PDF has more than " + maxGlyphs + " glyphs of text on the pages read");
    }
    if ((seen & 1023) == 0 && Thread.currentThread().isInterrupted()) {
      throw new Stopped("reading the PDF was stopped");
    }
    super.processTextPosition(text);
  }

  @Override
  protected void writeString(String text, List<TextPosition> positions) {
    glyphs.addAll(positions);
  }

  @Override
  protected void writeWordSeparator() {
    breaks.add(glyphs.size());
  }

  @Override
  protected void writeLineSeparator() {
    finishLine();
  }

  private void finishLine() {
    if (!glyphs.isEmpty() && !pages.isEmpty()) {
      List<PdfLine> page = pages.get(pages.size() - 1);
      int start = 0;
      for (int i = 1; i <= glyphs.size(); i++) {
        if (i == glyphs.size()
            || gap(glyphs.get(i - 1), glyphs.get(i)) > COLUMN_GAP * size(glyphs.get(i - 1)) && !isMarker(start, i)) {
          line(start, i).ifPresent(page::add);
          start = i;
        }
      }
    }
    glyphs.clear();
    breaks.clear();
  }

  /** A bullet or number alone, set off from its text by a tab: it stays with the text. */
  private boolean isMarker(int from, int to) {
    StringBuilder s = new StringBuilder();
    for (int i = from; i < to && s.length() < 5; i++) {
      s.append(glyphs.get(i).getUnicode());
    }
    String m = s.toString().strip();
    return !m.isEmpty() && m.length() <= 3 && MARKER_ONLY.matcher(m).matches();
  }

  private java.util.Optional<PdfLine> line(int from, int to) {
    StringBuilder text = new StringBuilder();
    List<Float> xs = new ArrayList<>();
    float x = Float.NaN;
    float xEnd = 0;
    float y = 0;
    float size = 0;
    int letters = 0;
    int boldLetters = 0;
    for (int i = from; i < to; i++) {
      TextPosition g = glyphs.get(i);
      float gx = g.getXDirAdj();
      if (!Float.isFinite(gx) || !Float.isFinite(g.getYDirAdj())) {
        continue;
      }
      String u = g.getUnicode();
      if (u == null || u.isEmpty()) {
        continue;
      }
      boolean space = u.isBlank();
      boolean gapBefore = i > from && (breaks.contains(i) || gap(glyphs.get(i - 1), g) > 0.2f * size(g));
      if (!text.isEmpty() && (gapBefore || space) && text.charAt(text.length() - 1) != ' ') {
        text.append(' ');
        xs.add(gx);
      }
      if (space) {
        continue;
      }
      if (Float.isNaN(x)) {
        x = gx;
      }
      // Ligatures ("ﬁ") become their letters; other characters are kept as they are.
      String t = u.codePointAt(0) >= 0xfb00 && u.codePointAt(0) <= 0xfb06 ? Normalizer.normalize(u, Normalizer.Form.NFKC) : u;
      for (int k = 0; k < t.length(); k++) {
        text.append(t.charAt(k));
        xs.add(gx);
      }
      xEnd = Math.max(xEnd, gx + g.getWidthDirAdj());
      y = Math.max(y, g.getYDirAdj());
      size = Math.max(size, size(g));
      if (Character.isLetterOrDigit(u.codePointAt(0))) {
        letters++;
        boldLetters += isBold(g.getFont()) ? 1 : 0;
      }
    }
    String s = text.toString().strip();
    if (s.isEmpty() || Float.isNaN(x)) {
      return java.util.Optional.empty();
    }
    PdfLine line = new PdfLine(getCurrentPageNo(), x, x, xEnd, y, size > 0 ? size : 1, letters > 0 && boldLetters == letters,
        s, 0, PdfLine.Marker.NONE, x, false);
    return java.util.Optional.of(withMarker(line, xs));
  }

  /** Finds a marker glyph at the start; the text then starts at the glyph after it. */
  private static PdfLine withMarker(PdfLine line, List<Float> xs) {
    String s = line.text();
    PdfLine.Marker kind = PdfLine.Marker.NONE;
    int end = 0;
    Matcher m = GLYPH.matcher(s);
    if (m.find() && m.end() < s.length()) {
      kind = PdfLine.Marker.GLYPH;
      end = m.end();
    } else {
      Matcher w = WEAK_GLYPH.matcher(s);
      if (w.find()) {
        kind = PdfLine.Marker.WEAK_GLYPH;
        end = w.end();
      }
    }
    // A weak marker keeps its text: the layout decides whether the line starts an item or continues prose.
    String rest = kind == PdfLine.Marker.WEAK_GLYPH ? s : s.substring(end).strip();
    float textX = end < xs.size() ? xs.get(end) : line.x();
    String after = s.substring(end);
    int space = after.indexOf(' ');
    int wordEnd = end + (space < 0 ? after.length() : space);
    float first = wordEnd < xs.size() ? xs.get(wordEnd) - textX : line.xEnd() - textX;
    return line.withText(rest, textX, Math.max(0, first), kind, line.x());
  }

  private static float gap(TextPosition a, TextPosition b) {
    return b.getXDirAdj() - (a.getXDirAdj() + a.getWidthDirAdj());
  }

  /** The rendered font size: the text rendering matrix includes the page's scaling (Chromium prints at 0.75). */
  private static float size(TextPosition g) {
    float s = Math.abs(g.getYScale());
    if (!Float.isFinite(s) || s < 0.5f) {
      s = Math.abs(g.getFontSizeInPt());
    }
    return Float.isFinite(s) && s >= 0.5f ? Math.min(s, 500) : 10;
  }

  private boolean isBold(PDFont font) {
    if (font == null) {
      return false;
    }
    return boldFonts.computeIfAbsent(font, f -> {
      String name = f.getName() == null ? "" : f.getName().toLowerCase(Locale.ROOT);
      if (name.contains("bold") || name.contains("black") || name.contains("heavy") || name.contains("semibold")
          || name.contains("demi")) {
        return true;
      }
      PDFontDescriptor d = f.getFontDescriptor();
      return d != null && (d.isForceBold() || d.getFontWeight() >= 600);
    });
  }
}
