package se.loftesgrafen.extract.read;

/**
 * What reading one document may cost, enforced while reading so that a bomb fails its own page and nothing else:
 * a PDF whose streams inflate past these sizes (a 600 KB file can hold 600 MB of zeros), holds more objects or
 * glyphs, or an HTML page with more tags or deeper nesting. The sizes are far above real promises (a promise PDF's
 * page content is tens of KB, its images a few MB; a municipal page nests some 40 elements deep and has a few
 * thousand tags) and far below what a 256 MB heap can hold. Time is bounded by {@code harvest.extractionTimeout}:
 * the counters here notice the watchdog's interrupt, which PDFBox does not.
 *
 * @param maxStreamBytes most bytes one non-image PDF stream (page content, form, font) may inflate to
 * @param maxInflatedBytes most bytes all streams of a PDF, images included, may inflate to together
 * @param maxObjects most objects in a PDF's cross-reference table
 * @param maxGlyphs most glyphs read from the pages of a PDF
 * @param maxHtmlTags most tags ('<' followed by a name, '/' or '!') in an HTML page
 * @param maxHtmlDepth deepest nesting of elements in an HTML page
 */
public record DocumentLimits(long maxStreamBytes, long maxInflatedBytes, int maxObjects, int maxGlyphs,
                             int maxHtmlTags, int maxHtmlDepth) {
  /** The limits the harvester and {@code extract} read with. */
  public static final DocumentLimits STANDARD = new DocumentLimits(16L << 20, 128L << 20, 500_000, 500_000,
      400_000, 256);

  public DocumentLimits {
    if (maxStreamBytes <= 0 || maxInflatedBytes <= 0 || maxObjects <= 0 || maxGlyphs <= 0 || maxHtmlTags <= 0
        || maxHtmlDepth <= 0) {
      throw new IllegalArgumentException("document limits must be positive");
    }
  }

  static String megabytes(long bytes) {
    return bytes >= 1 << 20 ? (bytes >> 20) + " MB" : bytes + " bytes";
  }
}
