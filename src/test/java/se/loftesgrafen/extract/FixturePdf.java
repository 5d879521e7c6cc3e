package se.loftesgrafen.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Renders a fixture's {@code source.txt} to a PDF the way municipal PDFs look: headings in bold, paragraphs
 * wrapped to the text width, bullets and numbers at the start of lines, and a word hyphenated over a line break
 * where the source has '~'. PDFs are made here rather than committed so that their text stays reviewable.
 */
public final class FixturePdf {
  private static final float MARGIN = 60;
  private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
  private static final float SIZE = 11;
  private static final float HEADING = 14;

  private FixturePdf() {}

  public static byte[] render(String source) throws IOException {
    PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Writer w = new Writer(doc);
      for (String raw : source.split("\n")) {
        if (raw.isBlank()) {
          continue;
        }
        boolean heading = raw.startsWith("# ");
        String text = heading ? raw.substring(2) : raw;
        PDType1Font font = heading ? bold : regular;
        float size = heading ? HEADING : SIZE;
        w.gap(heading ? 10 : 5);
        for (String line : wrap(text, font, size)) {
          w.line(line, font, size);
        }
      }
      w.close();
      doc.save(out);
      return out.toByteArray();
    }
  }

  private static List<String> wrap(String text, PDType1Font font, float size) throws IOException {
    List<String> lines = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (String word : text.split(" ")) {
      String[] parts = word.split("~", 2);
      String candidate = cur.isEmpty() ? parts[0] : cur + " " + parts[0];
      if (parts.length == 2) {
        lines.add(candidate + "-");
        cur = new StringBuilder(parts[1]);
        continue;
      }
      if (width(candidate, font, size) > WIDTH && !cur.isEmpty()) {
        lines.add(cur.toString());
        cur = new StringBuilder(word);
      } else {
        cur = new StringBuilder(candidate);
      }
    }
    if (!cur.isEmpty()) {
      lines.add(cur.toString());
    }
    return lines;
  }

  private static float width(String s, PDType1Font font, float size) throws IOException {
    return font.getStringWidth(s) / 1000 * size;
  }

  /** Writes lines top to bottom, starting new pages as needed. */
  private static final class Writer {
    private final PDDocument doc;
    private PDPageContentStream stream;
    private float y;

    Writer(PDDocument doc) throws IOException {
      this.doc = doc;
      newPage();
    }

    private void newPage() throws IOException {
      close();
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      stream = new PDPageContentStream(doc, page);
      y = PDRectangle.A4.getHeight() - MARGIN;
    }

    void gap(float points) {
      y -= points;
    }

    void line(String text, PDType1Font font, float size) throws IOException {
      if (y < MARGIN + size) {
        newPage();
      }
      y -= size * 1.3f;
      stream.beginText();
      stream.setFont(font, size);
      stream.newLineAtOffset(MARGIN, y);
      stream.showText(text);
      stream.endText();
    }

    void close() throws IOException {
      if (stream != null) {
        stream.close();
        stream = null;
      }
    }
  }
}
