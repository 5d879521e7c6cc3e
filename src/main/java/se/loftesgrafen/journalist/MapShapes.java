package se.loftesgrafen.journalist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sweden's municipalities and counties as SVG path data, made once from the GeoJSON in {@code journalist/}
 * (see its SOURCES.md): a sinusoidal projection centred on 16.5° E (equal-area, close to SWEREF 99 TM at this
 * size, and what a reader expects Sweden to look like), {@link #SCALE} units per degree of latitude, coordinates
 * rounded to whole units (about 1 km) with repeated points dropped. No request to other sites, ever.
 */
public final class MapShapes {
  /** SVG units per degree of latitude (about 111 km). */
  static final double SCALE = 100;
  private static final double CENTRE_LON = 16.5;
  private static final double MARGIN = 10;

  /** One municipality: its SCB code, name, county code, path data and label point. */
  public record Shape(String code, String name, String countyCode, String path, double labelX, double labelY) {
  }

  private final Map<String, Shape> municipalities;
  private final List<String> counties;
  private final double width;
  private final double height;

  private MapShapes(Map<String, Shape> municipalities, List<String> counties, double width, double height) {
    this.municipalities = municipalities;
    this.counties = counties;
    this.width = width;
    this.height = height;
  }

  /** Reads and projects the bundled boundaries; a missing or broken file stops start-up with its name. */
  public static MapShapes load() {
    JsonNode kommuner = read("/journalist/kommuner.geojson");
    JsonNode lan = read("/journalist/lan.geojson");
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (JsonNode f : kommuner.path("features")) {
      rings(f.path("geometry")).forEach(ring -> ring.forEach(p -> {
        double[] xy = project(p[0], p[1]);
        box[0] = Math.min(box[0], xy[0]);
        box[1] = Math.min(box[1], xy[1]);
        box[2] = Math.max(box[2], xy[0]);
        box[3] = Math.max(box[3], xy[1]);
      }));
    }
    double dx = MARGIN - box[0];
    double dy = MARGIN - box[1];
    Map<String, Shape> shapes = new LinkedHashMap<>();
    for (JsonNode f : kommuner.path("features")) {
      JsonNode props = f.path("properties");
      String code = props.path("id").asText();
      JsonNode label = props.path("geo_point_2d");
      double[] at = project(label.path(1).asDouble(), label.path(0).asDouble());
      shapes.put(code, new Shape(code, props.path("kom_namn").asText(), props.path("lan_code").asText(),
          path(rings(f.path("geometry")), dx, dy), Math.round(at[0] + dx), Math.round(at[1] + dy)));
    }
    if (shapes.size() != 290) {
      throw new IllegalStateException("journalist/kommuner.geojson: expected 290 municipalities, found " + shapes.size());
    }
    List<String> countyPaths = new ArrayList<>();
    for (JsonNode f : lan.path("features")) {
      countyPaths.add(path(rings(f.path("geometry")), dx, dy));
    }
    return new MapShapes(shapes, List.copyOf(countyPaths), Math.ceil(box[2] - box[0] + 2 * MARGIN),
        Math.ceil(box[3] - box[1] + 2 * MARGIN));
  }

  /** Municipalities by SCB code, in the file's order. */
  public Map<String, Shape> municipalities() {
    return municipalities;
  }

  /** County outlines, drawn over the municipalities. */
  public List<String> counties() {
    return counties;
  }

  public double width() {
    return width;
  }

  public double height() {
    return height;
  }

  /** Longitude and latitude to SVG units: x grows eastwards, y southwards. */
  static double[] project(double lon, double lat) {
    double x = (lon - CENTRE_LON) * Math.cos(Math.toRadians(lat)) * SCALE;
    double y = -lat * SCALE;
    return new double[] {x, y};
  }

  private static String path(List<List<double[]>> rings, double dx, double dy) {
    StringBuilder d = new StringBuilder();
    for (List<double[]> ring : rings) {
      long lastX = Long.MIN_VALUE;
      long lastY = Long.MIN_VALUE;
      int points = 0;
      int start = d.length();
      for (double[] p : ring) {
        double[] xy = project(p[0], p[1]);
        long x = Math.round(xy[0] + dx);
        long y = Math.round(xy[1] + dy);
        if (x == lastX && y == lastY) {
          continue;
        }
        d.append(points == 0 ? 'M' : 'L').append(x).append(' ').append(y);
        lastX = x;
        lastY = y;
        points++;
      }
      if (points < 3) {
        d.setLength(start); // an island smaller than a unit: nothing to see at this scale
      } else {
        d.append('Z');
      }
    }
    return d.toString();
  }

  /** The rings of a Polygon or MultiPolygon as [lon, lat] pairs. */
  private static List<List<double[]>> rings(JsonNode geometry) {
    List<List<double[]>> out = new ArrayList<>();
    String type = geometry.path("type").asText();
    JsonNode coordinates = geometry.path("coordinates");
    List<JsonNode> polygons = new ArrayList<>();
    if ("Polygon".equals(type)) {
      polygons.add(coordinates);
    } else if ("MultiPolygon".equals(type)) {
      coordinates.forEach(polygons::add);
    } else {
      throw new IllegalStateException("journalist map: unsupported geometry type '" + type + "'");
    }
    for (JsonNode polygon : polygons) {
      for (JsonNode ring : polygon) {
        List<double[]> points = new ArrayList<>(ring.size());
        ring.forEach(p -> points.add(new double[] {p.path(0).asDouble(), p.path(1).asDouble()}));
        out.add(points);
      }
    }
    return out;
  }

  private static JsonNode read(String resource) {
    try (InputStream in = MapShapes.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing map resource " + resource);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read map resource " + resource, e);
    }
  }
}
