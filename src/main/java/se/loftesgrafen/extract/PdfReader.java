package se.loftesgrafen.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Reads a PDF into plain text lines for {@link TextReader}: PDFBox gives the text in content-stream order
 * (the order the author wrote it, which keeps columns and boxes together); we then rejoin lines that wrap within
 * a paragraph, join words hyphenated over a line break ("narkotika-\nbrott"), and keep bullets and numbers at the
 * start of their own lines.
 */
final class PdfReader {
  private static final Pattern BULLET_START = Pattern.compile(
      "^\\s*(?:[•·▪●◦\\u2022\\u25aa\\u25cf\\uf0b7\\uf0a7*–—-]|o\\s|\\d{1,2}[.)]\\s|[a-h]\\)\\s)");
  private static final Pattern CONJUNCTION = Pattern.compile("^(och|eller|samt|som|respektive)\\b", Pattern.UNICODE_CHARACTER_CLASS);
  /** Pages beyond this are not read: a promise is a few pages; a 500-page report is not one. */
  private static final int MAX_PAGES = 60;

  String read(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(false);
      stripper.setLineSeparator("\n");
      stripper.setParagraphEnd("\n\n");
      stripper.setEndPage(Math.min(doc.getNumberOfPages(), MAX_PAGES));
      return rejoin(stripper.getText(doc));
    }
  }

  /** Rejoins wrapped lines: a line continues the previous one unless that ended a sentence or fell short of the margin. */
  static String rejoin(String raw) {
    String[] lines = raw.replace("\r", "").split("\n", -1);
    int width = 0;
    for (String l : lines) {
      width = Math.max(width, l.strip().length());
    }
    int shortLine = (int) (width * 0.7);
    List<StringBuilder> out = new ArrayList<>();
    StringBuilder cur = null;
    String prev = "";
    for (String line : lines) {
      String s = line.strip();
      if (s.isEmpty()) {
        cur = null;
        prev = "";
        continue;
      }
      boolean newBlock = cur == null || BULLET_START.matcher(line).find() || endsBlock(prev, shortLine);
      if (newBlock) {
        cur = new StringBuilder(line.stripTrailing());
        out.add(cur);
      } else if (prev.endsWith("-") && Character.isLowerCase(s.codePointAt(0)) && !CONJUNCTION.matcher(s).find()) {
        cur.setLength(cur.length() - 1);
        cur.append(s);
      } else {
        cur.append(' ').append(s);
      }
      prev = s;
    }
    StringBuilder text = new StringBuilder();
    for (StringBuilder b : out) {
      text.append(b).append('\n');
    }
    return text.toString();
  }

  private static boolean endsBlock(String prev, int shortLine) {
    if (prev.isEmpty()) {
      return true;
    }
    char last = prev.charAt(prev.length() - 1);
    if (last == '.' || last == ':' || last == '!' || last == '?') {
      return true;
    }
    return prev.length() < shortLine && !prev.endsWith("-") && !prev.endsWith(",");
  }
}
