package se.loftesgrafen.extract.read;

import java.util.Objects;

/**
 * One line of text on a PDF page as laid out: a run of glyphs on one baseline with no wide gap in it (two columns on
 * the same baseline are two lines). Coordinates are in points from the top-left of the page, y at the baseline.
 *
 * @param page      page number, from 1
 * @param x         x of the first glyph (the list marker, when the line has one in its text)
 * @param textX     x where the text proper starts (after a bullet glyph or "1."), else {@code x}
 * @param xEnd      right edge of the last glyph
 * @param y         baseline
 * @param size      font size in points (the glyphs' rendered height, so page scaling is included)
 * @param bold      every letter is in a bold face
 * @param text      the text, without a list marker when {@code marker} is not NONE
 * @param firstWord width of the first word of {@code text}, to tell a wrapped line from a deliberate break
 * @param marker    what kind of list marker starts the line
 * @param markerX   x of the marker (a glyph or a drawn shape), or {@code x}
 * @param cell      the line shares its baseline with another (a column of signatures, a table cell): it does not
 *                  flow on into the line below
 */
record PdfLine(int page, float x, float textX, float xEnd, float y, float size, boolean bold, String text,
    float firstWord, Marker marker, float markerX, boolean cell) {

  /** A list marker: none, a shape drawn left of the line, a bullet glyph, or a glyph that may also be text ("-", "1."). */
  enum Marker { NONE, SHAPE, GLYPH, WEAK_GLYPH }

  PdfLine {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(marker, "marker");
  }

  boolean isItemStart() {
    return marker != Marker.NONE;
  }

  PdfLine withMarker(Marker m, float at) {
    return new PdfLine(page, x, textX, xEnd, y, size, bold, text, firstWord, m, at, cell);
  }

  PdfLine asCell() {
    return new PdfLine(page, x, textX, xEnd, y, size, bold, text, firstWord, marker, markerX, true);
  }

  PdfLine withText(String t, float tx, float first, Marker m, float at) {
    return new PdfLine(page, x, tx, xEnd, y, size, bold, t, first, m, at, cell);
  }
}
