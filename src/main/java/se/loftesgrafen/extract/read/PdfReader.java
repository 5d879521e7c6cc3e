package se.loftesgrafen.extract.read;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a PDF by its layout into the blocks of {@link MainText}: text lines with their positions
 * ({@link PdfLineCollector}), the small shapes that browsers and word processors draw as list bullets
 * ({@link PdfShapeCollector}), page furniture dropped and columns read in order ({@link PdfLayout}), then headings,
 * paragraphs and list items rebuilt from line pitch, indent and font ({@link PdfBlocks}).
 */
final class PdfReader {
  private static final Logger LOG = LoggerFactory.getLogger("extract");
  /** Pages beyond this are not read: a promise is a few pages; a 500-page report is not one. */
  static final int MAX_PAGES = 60;

  private final DocumentLimits limits;

  PdfReader() {
    this(DocumentLimits.STANDARD);
  }

  PdfReader(DocumentLimits limits) {
    this.limits = limits;
  }

  /**
   * Reads the blocks of a PDF into {@code builder}.
   *
   * @throws IOException when the bytes are not a PDF that PDFBox can open (damaged, encrypted), or
   *     {@link DocumentTooCostlyException} when reading it would break a {@link DocumentLimits} limit
   */
  MainText read(byte[] pdf, MainText.Builder builder) throws IOException {
    for (PdfBlocks.Part p : PdfBlocks.of(lines(pdf, limits))) {
      builder.add(p.type(), p.text(), p.level());
    }
    return builder.build(Optional.empty());
  }

  /** The lines of the document in reading order, bullets attached, headers, footers and page numbers dropped. */
  static List<PdfLine> lines(byte[] pdf) throws IOException {
    return lines(pdf, DocumentLimits.STANDARD);
  }

  static List<PdfLine> lines(byte[] pdf, DocumentLimits limits) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      PdfCost.check(doc.getDocument(), limits);
      int pages = Math.min(doc.getNumberOfPages(), MAX_PAGES);
      List<List<PdfLine>> text;
      try {
        text = new PdfLineCollector(pages, limits.maxGlyphs()).collect(doc);
      } catch (PdfLineCollector.Stopped e) {
        throw Thread.currentThread().isInterrupted() ? new java.io.InterruptedIOException(e.getMessage())
            : new DocumentTooCostlyException(e.getMessage());
      } catch (RuntimeException e) {
        // PDFBox throws unchecked exceptions on some damaged content streams: the file is unreadable to us.
        throw new IOException("unreadable PDF text: " + e, e);
      }
      List<List<Rectangle2D>> shapes = new ArrayList<>();
      List<Float> heights = new ArrayList<>();
      for (int i = 0; i < pages; i++) {
        PDPage page = doc.getPage(i);
        heights.add(page.getCropBox().getHeight());
        shapes.add(shapes(page, i + 1));
      }
      return PdfLayout.readingOrder(text, shapes, heights);
    }
  }

  /** A page whose drawing cannot be read keeps its text; its list items then need glyph bullets. */
  private static List<Rectangle2D> shapes(PDPage page, int number) {
    try {
      return PdfShapeCollector.of(page);
    } catch (IOException | RuntimeException e) {
      LOG.debug("PDF page {}: shapes not read: {}", number, e.toString());
      return List.of();
    }
  }
}
