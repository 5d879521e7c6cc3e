package se.loftesgrafen.extract.read;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;

/**
 * Measures what a PDF's streams inflate to before PDFBox reads them: PDFBox decodes a whole stream into memory, and
 * its content parser keeps every operand until the next operator, so one page of "1 1 1 ..." inflating to 600 MB
 * exhausts any heap. Each stream's raw bytes go through PDFBox's own filters into a counter that stops at the
 * limit; intermediate results of a filter chain are held only up to the limit. Image codecs (DCT, JPX, CCITT,
 * JBIG2) are left encoded: text extraction never decodes an image. Streams sit at top level in the file (never
 * inside object streams, ISO 32000-1 7.5.7), so walking the cross-reference table's direct entries finds them all,
 * object streams included, before any object inside one is parsed.
 */
final class PdfCost {
  private static final Set<COSName> IMAGE_CODECS = Set.of(COSName.DCT_DECODE, COSName.JPX_DECODE,
      COSName.CCITTFAX_DECODE, COSName.JBIG2_DECODE);

  private final DocumentLimits limits;
  private long total;

  private PdfCost(DocumentLimits limits) {
    this.limits = limits;
  }

  /** Throws when the document breaks a limit; a stream that cannot be decoded is left to PDFBox as before. */
  static void check(COSDocument document, DocumentLimits limits) throws IOException {
    Map<COSObjectKey, Long> xref = document.getXrefTable();
    if (xref.size() > limits.maxObjects()) {
      throw new DocumentTooCostlyException("the PDF has " + xref.size() + " objects, more than the "
          + limits.maxObjects() + " a document may have");
    }
    PdfCost cost = new PdfCost(limits);
    for (Map.Entry<COSObjectKey, Long> entry : new ArrayList<>(xref.entrySet())) {
      if (entry.getValue() == null || entry.getValue() <= 0) {
        continue; // free, or inside an object stream (the negated number of the stream)
      }
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("reading the PDF was stopped");
      }
      COSBase object = document.getObjectFromPool(entry.getKey()).getObject();
      if (object instanceof COSStream stream) {
        cost.stream(stream);
      }
    }
  }

  private void stream(COSStream stream) throws IOException {
    List<COSName> filters = filters(stream);
    boolean image = COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE));
    long limit = image ? limits.maxInflatedBytes() - total : Math.min(limits.maxStreamBytes(),
        limits.maxInflatedBytes() - total);
    Counter counter = new Counter(limit, false);
    try (InputStream raw = stream.createRawInputStream()) {
      InputStream in = raw;
      for (int i = 0; i < filters.size() && !IMAGE_CODECS.contains(filters.get(i)); i++) {
        Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
        boolean last = i + 1 == filters.size() || IMAGE_CODECS.contains(filters.get(i + 1));
        if (last) {
          filter.decode(in, counter, stream, i);
        } else {
          Counter middle = new Counter(limit, true);
          try {
            filter.decode(in, middle, stream, i);
          } finally {
            counter.over |= middle.over;
          }
          in = new ByteArrayInputStream(middle.kept.toByteArray());
        }
      }
    } catch (InterruptedIOException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      if (!counter.over) {
        return; // damaged or unsupported: PDFBox meets it later and keeps the page's text it can read
      }
    }
    if (counter.over) {
      throw new DocumentTooCostlyException(image
          ? "the PDF's streams inflate to more than " + DocumentLimits.megabytes(limits.maxInflatedBytes())
          : "a stream of the PDF inflates to more than " + DocumentLimits.megabytes(limit)
              + " (an inflation bomb, or more than a document may hold)");
    }
    total += counter.count;
  }

  private static List<COSName> filters(COSStream stream) {
    COSBase f = stream.getDictionaryObject(COSName.FILTER);
    List<COSName> names = new ArrayList<>();
    if (f instanceof COSName name) {
      names.add(name);
    } else if (f instanceof COSArray array) {
      for (COSBase b : array) {
        if (b instanceof COSName name) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** Counts bytes written (keeping them if asked) and stops the decoder at the limit or the watchdog's interrupt. */
  private static final class Counter extends OutputStream {
    private final long limit;
    final ByteArrayOutputStream kept;
    long count;
    boolean over;

    Counter(long limit, boolean keep) {
      this.limit = limit;
      this.kept = keep ? new ByteArrayOutputStream() : null;
    }

    @Override
    public void write(int b) throws IOException {
      add(1);
      if (kept != null) {
        kept.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      add(len);
      if (kept != null) {
        kept.write(b, off, len);
      }
    }

    private void add(long n) throws IOException {
      count += n;
      if (count > limit) {
        over = true;
        throw new DocumentTooCostlyException("over " + limit + " bytes");
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedIOException("reading the PDF was stopped");
      }
    }
  }
}
