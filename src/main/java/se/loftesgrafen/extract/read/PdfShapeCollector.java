package se.loftesgrafen.extract.read;

import java.awt.geom.GeneralPath;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * Collects the small drawn shapes of a page (discs, circles, squares): browsers and word processors draw list
 * bullets as paths, leaving no glyph in the text layer. Boxes are in the coordinates of PDFBox's text positions
 * (points from the top-left of the crop box) so that a bullet can be matched with the line beside it.
 */
final class PdfShapeCollector extends PDFGraphicsStreamEngine {
  /** Shapes larger than this (points) are rules, boxes or pictures, not bullets. */
  private static final double MAX_SIDE = 12;
  /** A page with more shapes than this is a drawing; its shapes are not read as bullets. */
  private static final int MAX_SHAPES = 5_000;

  private final List<Rectangle2D> shapes = new ArrayList<>();
  private final PDRectangle crop;
  private GeneralPath path = new GeneralPath();
  private int seen;

  private PdfShapeCollector(PDPage page) {
    super(page);
    this.crop = page.getCropBox();
  }

  /** The bullet-sized shapes of an unrotated page; none for a rotated one (its text has other coordinates). */
  static List<Rectangle2D> of(PDPage page) throws IOException {
    if (page.getRotation() % 360 != 0) {
      return List.of();
    }
    PdfShapeCollector c = new PdfShapeCollector(page);
    c.processPage(page);
    return c.seen > MAX_SHAPES ? List.of() : c.shapes;
  }

  private void paint() {
    Rectangle2D r = path.getBounds2D();
    path = new GeneralPath();
    seen++;
    double w = r.getWidth();
    double h = r.getHeight();
    if (shapes.size() > MAX_SHAPES || w < 0.5 || h < 0.5 || w > MAX_SIDE || h > MAX_SIDE || w > 2.5 * h || h > 2.5 * w) {
      return;
    }
    double x = r.getX() - crop.getLowerLeftX();
    double top = crop.getHeight() - (r.getMaxY() - crop.getLowerLeftY());
    shapes.add(new Rectangle2D.Double(x, top, w, h));
  }

  @Override
  public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
    path.moveTo(p0.getX(), p0.getY());
    path.lineTo(p1.getX(), p1.getY());
    path.lineTo(p2.getX(), p2.getY());
    path.lineTo(p3.getX(), p3.getY());
    path.closePath();
  }

  @Override
  public void moveTo(float x, float y) {
    path.moveTo(x, y);
  }

  @Override
  public void lineTo(float x, float y) {
    if (path.getCurrentPoint() == null) {
      path.moveTo(x, y);
    } else {
      path.lineTo(x, y);
    }
  }

  @Override
  public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
    if (path.getCurrentPoint() == null) {
      path.moveTo(x3, y3);
    } else {
      path.curveTo(x1, y1, x2, y2, x3, y3);
    }
  }

  @Override
  public Point2D getCurrentPoint() {
    Point2D p = path.getCurrentPoint();
    return p == null ? new Point2D.Float() : p;
  }

  @Override
  public void closePath() {
    if (path.getCurrentPoint() != null) {
      path.closePath();
    }
  }

  @Override
  public void endPath() {
    path = new GeneralPath();
  }

  @Override
  public void strokePath() {
    paint();
  }

  @Override
  public void fillPath(int windingRule) {
    paint();
  }

  @Override
  public void fillAndStrokePath(int windingRule) {
    paint();
  }

  @Override
  public void clip(int windingRule) {
    // The clipping path is kept by the graphics state; the current path ends here without being painted.
  }

  /** Word's picture bullets are tiny images: the unit square the image fills, in page space. */
  @Override
  public void drawImage(PDImage pdImage) {
    org.apache.pdfbox.util.Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
    GeneralPath saved = path;
    path = new GeneralPath();
    Point2D.Float p0 = ctm.transformPoint(0, 0);
    Point2D.Float p1 = ctm.transformPoint(1, 1);
    path.moveTo(p0.x, p0.y);
    path.lineTo(p1.x, p1.y);
    paint();
    path = saved;
  }

  @Override
  public void shadingFill(COSName shadingName) {
    // Shadings are backgrounds.
  }
}
