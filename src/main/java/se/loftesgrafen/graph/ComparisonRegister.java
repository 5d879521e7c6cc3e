package se.loftesgrafen.graph;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The municipality register (vocab/data/kommuner.csv: kommunkod, kommun, lanskod, lan, ...) as comparisons need it:
 * every municipality in code order, and the counties. Coverage lists all 290 of them, not only those with data.
 */
public final class ComparisonRegister {
  private static final String RESOURCE = "/vocab/data/kommuner.csv";
  private final Map<String, Comparison.Municipality> byCode;
  private final Map<String, String> counties;

  private ComparisonRegister(Map<String, Comparison.Municipality> byCode, Map<String, String> counties) {
    this.byCode = byCode;
    this.counties = counties;
  }

  /** Reads the register from the classpath; a malformed line stops start-up with its line number. */
  public static ComparisonRegister load() {
    Map<String, Comparison.Municipality> rows = new TreeMap<>();
    Map<String, String> counties = new TreeMap<>();
    try (InputStream in = ComparisonRegister.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line = reader.readLine();
      int number = 1;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        // The first four columns never hold quoted commas (codes, names and county names).
        String[] f = line.split(",", 6);
        if (f.length < 4 || !f[0].matches("\\d{4}") || !f[2].matches("\\d{2}") || !f[0].startsWith(f[2])) {
          throw new IllegalStateException(RESOURCE + " line " + number + ": expected kommunkod,kommun,lanskod,lan");
        }
        rows.put(f[0], new Comparison.Municipality(f[0], f[1], f[2], f[3]));
        counties.put(f[2], f[3]);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new ComparisonRegister(new LinkedHashMap<>(rows), new LinkedHashMap<>(counties));
  }

  public List<Comparison.Municipality> all() {
    return new ArrayList<>(byCode.values());
  }

  public Optional<Comparison.Municipality> municipality(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** County code → county name, in code order. */
  public Map<String, String> counties() {
    return counties;
  }

  public int size() {
    return byCode.size();
  }
}
