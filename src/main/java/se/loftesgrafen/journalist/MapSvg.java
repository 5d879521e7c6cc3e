package se.loftesgrafen.journalist;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import se.loftesgrafen.graph.compare.Comparison;

/**
 * Draws the map of a theme over a span of years as one self-contained SVG document: every municipality filled by
 * its {@link SinceWhen.Status} over the span (with the theme / a promise without it / nothing harvested, the last
 * hatched so that it never reads as a "no"), county borders on top, a legend with the counts and the coverage,
 * and the boundary attribution. Each municipality is a link to its page with a title naming it and its count, so
 * hover, keyboard focus (links are focusable) and click work in the SVG itself, without scripts.
 */
public final class MapSvg {
  private static final String STYLE = """
      .kommun path{stroke:#fff;stroke-width:0.6}
      .with path{fill:#08519c}.without path{fill:#9ecae1}.none path{fill:url(#none-hatch)}
      .kommun:hover path,.kommun:focus path{stroke:#d94801;stroke-width:3}
      .kommun:focus{outline:none}
      .lan{fill:none;stroke:#333;stroke-width:1.4;stroke-linejoin:round;pointer-events:none}
      text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;fill:#222}
      .legend text{font-size:28px}.legend .head{font-size:30px;font-weight:700}
      .attribution{font-size:16px;fill:#555}
      """;

  private final MapShapes shapes;

  public MapSvg(MapShapes shapes) {
    this.shapes = shapes;
  }

  /**
   * @param grid   the theme's national grid
   * @param theme  the theme, for its labels
   * @param from   first year of the span
   * @param to     last year of the span ({@code from} for one year)
   * @param county only this county's municipalities are coloured (the others are drawn in grey), if given
   * @param lang   sv or en
   * @param base   the path the links start with ({@code /} when the service is at the root)
   */
  public String render(SinceWhen grid, Comparison.Theme theme, int from, int to, Optional<String> county, String lang,
                       String base) {
    boolean en = "en".equals(lang);
    String label = en ? theme.labelEn() : theme.labelSv();
    String span = from == to ? String.valueOf(from) : from + "–" + to;
    Map<SinceWhen.Status, Integer> counts = new EnumMap<>(SinceWhen.Status.class);
    StringBuilder paths = new StringBuilder(256 * 1024);
    for (SinceWhen.Row row : grid.rows()) {
      MapShapes.Shape shape = shapes.municipalities().get(row.code());
      if (shape == null) {
        continue;
      }
      boolean shown = county.map(row.countyCode()::equals).orElse(true);
      SinceWhen.Status status = row.over(from, to);
      int commitments = row.within(from, to).stream().mapToInt(c -> c.commitments().size()).sum();
      if (shown) {
        counts.merge(status, 1, Integer::sum);
      }
      String title = row.name() + ": " + describe(status, commitments, label, en);
      String href = base + "?kommun=" + row.code() + (en ? "&lang=en" : "");
      paths.append("<a href=\"").append(esc(href)).append("\" target=\"_top\" tabindex=\"0\" class=\"kommun ")
          .append(shown ? status.id() : "outside").append("\" data-code=\"").append(row.code())
          .append("\" data-status=\"").append(status.id()).append("\" data-commitments=\"").append(commitments)
          .append("\" aria-label=\"").append(esc(title)).append("\"><title>").append(esc(title))
          .append("</title><path d=\"").append(shape.path()).append("\"").append(shown ? "" : " fill=\"#ddd\"")
          .append("/></a>\n");
    }
    String heading = en ? "Commitments on " + label + ", " + span : "Åtaganden om " + label + " " + span;
    StringBuilder svg = new StringBuilder(paths.length() + 8192);
    double legendHeight = 0;
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 ")
        .append(fmt(shapes.width())).append(' ').append(fmt(shapes.height() + legendHeight))
        .append("\" role=\"img\" aria-labelledby=\"map-title map-desc\" tabindex=\"-1\" class=\"sweden-map\" lang=\"")
        .append(en ? "en" : "sv").append("\" data-theme=\"").append(esc(theme.id())).append("\" data-from=\"")
        .append(from).append("\" data-to=\"").append(to).append("\">\n");
    svg.append("<title id=\"map-title\">").append(esc(heading)).append("</title>\n");
    int with = counts.getOrDefault(SinceWhen.Status.WITH, 0);
    int without = counts.getOrDefault(SinceWhen.Status.WITHOUT, 0);
    int none = counts.getOrDefault(SinceWhen.Status.NONE, 0);
    String coverage = en
        ? grid.harvested() + " of " + grid.registered() + " municipalities harvested"
        : grid.harvested() + " av " + grid.registered() + " kommuner har hämtade löften";
    svg.append("<desc id=\"map-desc\">").append(esc(legend(en, label, with, without, none) + ". " + coverage))
        .append("</desc>\n<style>").append(STYLE).append("</style>\n");
    svg.append("<defs><pattern id=\"none-hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\""
        + " patternTransform=\"rotate(45)\"><rect width=\"8\" height=\"8\" fill=\"#f4f4f4\"/>"
        + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#bbb\" stroke-width=\"3\"/></pattern></defs>\n");
    svg.append("<g class=\"kommuner\">\n").append(paths).append("</g>\n<g class=\"lan\">");
    shapes.counties().forEach(d -> svg.append("<path d=\"").append(d).append("\"/>"));
    svg.append("</g>\n");
    legend(svg, en, heading, with, without, none, coverage);
    svg.append("<text class=\"attribution\" x=\"10\" y=\"").append(fmt(shapes.height() - 8)).append("\">")
        .append(en ? "Boundaries: Valmyndigheten via okfse/sweden-geojson" : "Gränser: Valmyndigheten via okfse/sweden-geojson")
        .append("</text>\n</svg>\n");
    return svg.toString();
  }

  private static void legend(StringBuilder svg, boolean en, String heading, int with, int without, int none,
                             String coverage) {
    svg.append("<g class=\"legend\" transform=\"translate(12 20)\">");
    svg.append("<text class=\"head\" x=\"0\" y=\"14\">").append(esc(wrap(heading, 0))).append("</text>");
    if (heading.length() > 26) {
      svg.append("<text class=\"head\" x=\"0\" y=\"50\">").append(esc(wrap(heading, 1))).append("</text>");
    }
    String[][] items = {
        {"with", en ? "promise with the theme" : "löfte med temat", String.valueOf(with), "#08519c"},
        {"without", en ? "promise without it" : "löfte utan temat", String.valueOf(without), "#9ecae1"},
        {"none", en ? "nothing harvested" : "inget hämtat", String.valueOf(none), "url(#none-hatch)"}};
    for (int i = 0; i < items.length; i++) {
      int y = 92 + i * 38;
      svg.append("<g class=\"key ").append(items[i][0]).append("\"><rect x=\"0\" y=\"").append(y - 24)
          .append("\" width=\"30\" height=\"30\" stroke=\"#555\" fill=\"").append(items[i][3]).append("\"/><text x=\"40\" y=\"")
          .append(y).append("\">").append(esc(items[i][2] + " " + items[i][1])).append("</text></g>");
    }
    // The coverage on two lines: "290 av 290 kommuner" / "har hämtade löften".
    int cut = coverage.indexOf(' ', coverage.indexOf(en ? " of " : " av ") + 4);
    cut = coverage.indexOf(' ', cut + 1);
    svg.append("<text class=\"coverage\" x=\"0\" y=\"").append(92 + 3 * 38).append("\">")
        .append(esc(coverage.substring(0, cut))).append("</text><text class=\"coverage\" x=\"0\" y=\"")
        .append(92 + 3 * 38 + 32).append("\">").append(esc(coverage.substring(cut + 1))).append("</text></g>\n");
  }

  /** The heading on at most two lines, split at the last space before 27 characters. */
  private static String wrap(String heading, int line) {
    if (heading.length() <= 26) {
      return line == 0 ? heading : "";
    }
    int cut = heading.lastIndexOf(' ', 26);
    cut = cut <= 0 ? 26 : cut;
    return line == 0 ? heading.substring(0, cut) : heading.substring(cut).strip();
  }

  static String legend(boolean en, String label, int with, int without, int none) {
    return en ? with + " with commitments on " + label + ", " + without + " with a promise without it, " + none
        + " with nothing harvested"
        : with + " med åtaganden om " + label + ", " + without + " med löfte utan temat, " + none + " utan hämtat löfte";
  }

  static String describe(SinceWhen.Status status, int commitments, String label, boolean en) {
    return switch (status) {
      case WITH -> en ? commitments + (commitments == 1 ? " commitment" : " commitments") + " on " + label
          : commitments + (commitments == 1 ? " åtagande" : " åtaganden") + " om " + label;
      case WITHOUT -> en ? "a promise, nothing on " + label : "löfte, inget om " + label;
      case NONE -> en ? "nothing harvested" : "inget hämtat löfte";
    };
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.0f", v);
  }

  /** XML text and attribute escaping (SVG is XML: no HTML entities such as &nbsp;). */
  static String esc(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
      }
    }
    return out.toString();
  }
}
