package se.loftesgrafen.extract.read;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.util.Matrix;

/**
 * Draws fixture PDFs line by line at given positions, the way word processors and browsers lay out a promise
 * document: text at an x and baseline (points from the top-left), list bullets drawn as filled discs, hollow circles
 * or squares beside the text (no glyph in the text layer), and a running header and footer with a page number.
 */
final class LayoutPdf implements AutoCloseable {
  static final float LEFT = 72;
  static final float SIZE = 11;
  static final float PITCH = 13.5f;
  private final PDDocument doc = new PDDocument();
  private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
  private PDPageContentStream out;
  private float height;
  private String header;
  private String footer;
  private int pages;

  /** Every page gets this header at its top and this footer (with "%d" for the page number) at its bottom. */
  LayoutPdf furniture(String header, String footer) {
    this.header = header;
    this.footer = footer;
    return this;
  }

  LayoutPdf page() {
    try {
      closeStream();
      PDPage page = new PDPage(PDRectangle.A4);
      doc.addPage(page);
      height = page.getMediaBox().getHeight();
      out = new PDPageContentStream(doc, page);
      pages++;
      if (header != null) {
        text(LEFT, 40, header, false, 9);
      }
      if (footer != null) {
        text(280, height - 30, footer.formatted(pages), false, 9);
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  LayoutPdf text(float x, float y, String s) {
    return text(x, y, s, false, SIZE);
  }

  LayoutPdf text(float x, float y, String s, boolean isBold, float size) {
    try {
      out.beginText();
      out.setFont(isBold ? bold : regular, size);
      out.newLineAtOffset(x, height - y);
      out.showText(s);
      out.endText();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Wraps a text between x and the right margin at the body size, line under line; '~' marks where a word is
   * hyphenated over the line break. Returns the baseline of the last line.
   */
  float wrapped(float x, float y, String s) {
    return wrapped(x, y, s, false);
  }

  float wrapped(float x, float y, String s, boolean isBold) {
    try {
      PDType1Font font = isBold ? bold : regular;
      float right = PDRectangle.A4.getWidth() - LEFT;
      StringBuilder line = new StringBuilder();
      float at = y;
      for (String word : s.split(" ")) {
        String[] parts = word.split("~", 2);
        String candidate = line.isEmpty() ? parts[0] : line + " " + parts[0];
        if (parts.length == 2) {
          text(x, at, candidate + "-", isBold, SIZE);
          at += PITCH;
          line = new StringBuilder(parts[1]);
        } else if (x + font.getStringWidth(candidate) / 1000 * SIZE > right && !line.isEmpty()) {
          text(x, at, line.toString(), isBold, SIZE);
          at += PITCH;
          line = new StringBuilder(word);
        } else {
          line = new StringBuilder(candidate);
        }
      }
      text(x, at, line.toString(), isBold, SIZE);
      return at;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Text drawn turned a quarter (a margin note on the side of the page). */
  LayoutPdf rotated(float x, float y, String s) {
    try {
      out.beginText();
      out.setFont(regular, SIZE);
      out.setTextMatrix(Matrix.getRotateInstance(Math.PI / 2, x, height - y));
      out.showText(s);
      out.endText();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A filled disc of diameter 4 beside a line at baseline y, its right edge at x, as Chromium draws a bullet. */
  LayoutPdf disc(float x, float y) {
    return circle(x, y, true);
  }

  /** A hollow circle, the bullet of a nested list. */
  LayoutPdf ring(float x, float y) {
    return circle(x, y, false);
  }

  /** A filled square, the bullet of a third-level list or Word's "▪". */
  LayoutPdf square(float x, float y) {
    try {
      out.addRect(x - 4, height - y + 2, 4, 4);
      out.fill();
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private LayoutPdf circle(float right, float baseline, boolean fill) {
    try {
      float r = 2;
      float cx = right - r;
      float cy = height - baseline + 3.5f;
      float k = 0.5523f * r;
      out.moveTo(cx + r, cy);
      out.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
      out.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
      out.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
      out.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
      out.closePath();
      if (fill) {
        out.fill();
      } else {
        out.stroke();
      }
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A tiny picture as Word's picture bullets are: a 5-point image beside a line at baseline y, right edge at x. */
  LayoutPdf picture(float x, float y) {
    try {
      java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
      org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject image =
          org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory.createFromImage(doc, img);
      out.drawImage(image, x - 5, height - y + 1, 5, 5);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] bytes() {
    try (ByteArrayOutputStream b = new ByteArrayOutputStream()) {
      closeStream();
      doc.save(b);
      return b.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void closeStream() throws IOException {
    if (out != null) {
      out.close();
      out = null;
    }
  }

  @Override
  public void close() throws IOException {
    closeStream();
    doc.close();
  }
}
